package io.github.jvmadvisor.rules.explicitgc;

import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.rules.RuleSupport;
import java.util.List;
import java.util.Set;

/**
 * EXP-02: {@code -XX:+DisableExplicitGC} together with {@code -XX:+ExplicitGCInvokesConcurrent}. Disabling
 * wins: {@code System.gc()} does nothing, so the concurrent setting never applies and the line says two
 * opposite things. Keep one: disabling (the behaviour in force) unless NIO direct buffers or RMI rely on
 * {@code System.gc()}, in which case a concurrent cycle is the safe choice.
 */
public final class ContradictoryExplicitGcFlags implements Rule {

    @Override
    public String id() {
        return "EXP-02";
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "DisableExplicitGC and ExplicitGCInvokesConcurrent together";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Boolean.TRUE.equals(ctx.flagBoolean("DisableExplicitGC"))
                || !Boolean.TRUE.equals(ctx.flagBoolean("ExplicitGCInvokesConcurrent"))) {
            return List.of();
        }
        long explicit = RuleSupport.pausesCausedBy(ctx, "System.gc");
        return List.of(Finding.of(this, 75)
                .summary("-XX:+DisableExplicitGC and -XX:+ExplicitGCInvokesConcurrent contradict each other")
                .explanation("DisableExplicitGC makes System.gc() do nothing, so ExplicitGCInvokesConcurrent never "
                        + "applies. Keep the one you mean: disabling ignores the calls (NIO direct-buffer reclamation "
                        + "and RMI's distributed GC then wait for ordinary collections); concurrent runs them as "
                        + "concurrent cycles.")
                .figure(Figure.text("DisableExplicitGC", "true"))
                .figure(Figure.text("ExplicitGCInvokesConcurrent", "true"))
                .figure(Figure.count("System.gc() pauses", explicit))
                .recommend(Recommendation.flags("Keep System.gc() disabled, as it is now",
                        FlagChange.remove("ExplicitGCInvokesConcurrent"))
                        .effect(Metric.RELIABILITY, "contradicting options", Effect.Direction.ELIMINATE, null,
                                "the line says what is in force; behaviour unchanged")
                        .confidence(0.7).conflictKey("explicit-gc=disabled")
                        .references("rules.md EXP-02", "joa error.explicit.gc.disabled.concurrent").build())
                .recommend(Recommendation.flags("Run System.gc() as a concurrent cycle instead",
                        FlagChange.remove("DisableExplicitGC"))
                        .effect(Metric.RELIABILITY, "contradicting options", Effect.Direction.ELIMINATE, null,
                                "System.gc() (NIO, RMI) starts a concurrent cycle instead of being ignored")
                        .confidence(0.5).conflictKey("explicit-gc=concurrent")
                        .risk("System.gc() calls come back, as concurrent cycles (G1) or full pauses (Serial, Parallel)")
                        .references("rules.md EXP-02", "rules.md EXP-01").build())
                .build());
    }
}
