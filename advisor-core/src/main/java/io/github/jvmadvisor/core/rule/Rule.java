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
