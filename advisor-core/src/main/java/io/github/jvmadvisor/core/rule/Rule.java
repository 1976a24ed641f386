package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.model.Collector;
import java.util.List;
import java.util.Set;

/**
 * A rule: reads evidence, finds one kind of problem, and recommends what to change.
 *
 * <p>Rules are stateless and deterministic: the same context gives the same findings. They are found
 * with {@link java.util.ServiceLoader} ({@code provides io.github.jvmadvisor.core.rule.Rule}, or
 * {@code META-INF/services}) or registered in code. The engine runs a rule only when the evidence it
 * {@link #requires() requires} is present and the run's collector is one it {@link #collectors() applies
 * to}; otherwise the rule is reported as not applicable, with what to collect next time. A rule that
 * throws becomes an error entry in the report; the others still run.
 */
public interface Rule {

    /** Stable id, {@code PACK-NN} ({@code "HEAP-04"}). */
    String id();

    /** The pack, lower case ({@code "heap"}, {@code "g1"}, {@code "inlining"}). */
    String pack();

    /** A short title ({@code "Heap sized against the live set"}). */
    String title();

    /** The evidence without which the rule cannot say anything. */
    Set<EvidenceKind> requires();

    /** Evidence the rule reads when present; more of it raises confidence. */
    default Set<EvidenceKind> uses() {
        return Set.of();
    }

    /** The collectors the rule applies to; empty for all. */
    default Set<Collector> collectors() {
        return Set.of();
    }

    /**
     * The run contexts the rule applies to; all by default. Advice about operating a production JVM (its GC
     * log, its recording, its out-of-memory handling) leaves out {@link RunContext#harness() harness} contexts,
     * whose options the harness chose; the engine lists the rule as not applicable there.
     */
    default Set<RunContext> runContexts() {
        return java.util.EnumSet.allOf(RunContext.class);
    }

    /**
     * Whether the rule's advice trades steady-state speed for start-up (C1 only, a CDS or AOT archive). The engine
     * runs such a rule in a test JVM or a JMH fork only when the run measures start-up
     * ({@link RuleContext#startupAdviceFits()}), and lists it as not applicable otherwise.
     */
    default boolean tradesSteadyStateForStartup() {
        return false;
    }

    /**
     * The shared facts the rule weighs ({@link RuleContext#facts()}, and the context's shortcuts to them:
     * {@code maxHeap()}, {@code cpus()}, {@code memory()}, {@code collector()}). Declared so the rule reference can
     * list them; a test holds every rule's reads on real evidence to this set.
     */
    default Set<Facts.Key> facts() {
        return Set.of();
    }

    /** The intents the rule's recommendations may carry ({@link Intent}), for the planner and the rule reference. */
    default Set<Intent.Kind> intents() {
        return Set.of();
    }

    /** The rule's thresholds. */
    default List<Parameter<?>> parameters() {
        return List.of();
    }

    /**
     * Why this evidence cannot be judged although every kind the rule {@link #requires() requires} is present, or
     * {@code null} when it can (the default). Called by the engine after its evidence and collector gate; a non-null
     * answer lists the rule as not applicable, with what to record, instead of evaluating it.
     */
    default Unjudged unjudged(RuleContext context) {
        return null;
    }

    /**
     * Evaluates the rule. Returns no finding when all is well; a finding of score below 25 is kept in the
     * report as OK and recommends nothing.
     */
    List<Finding> evaluate(RuleContext context);
}
