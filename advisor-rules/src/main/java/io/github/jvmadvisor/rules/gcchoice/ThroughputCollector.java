package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-04: a batch or throughput job on G1. G1's concurrent marking and write barriers cost CPU that a job
 * with no pause target does not need to pay; the Parallel collector does the same work stop-the-world with
 * less overhead. Fires for the throughput goal when G1's GC CPU share exceeds 5 %; judged by GC CPU, not by
 * pause time. Stays at the info level when the live set fills over half the heap: then the GC works for want
 * of memory, and the heap (HEAP-04) comes before the collector.
 */
public final class ThroughputCollector implements Rule {

    static final Parameter<Double> INFO_GC_CPU = Parameter.number("gcCpuShare", 0.05,
            "G1 GC CPU share (fraction of available CPU) at which a throughput job should consider Parallel", true);
    static final Parameter<Double> WARN_GC_CPU = Parameter.number("warnGcCpuShare", 0.15,
            "G1 GC CPU share (fraction) at which it is a warning", true);

    @Override
    public String id() {
        return "GCSEL-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Throughput job on G1";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC_CPU);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_GC_CPU, WARN_GC_CPU);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() != Goal.THROUGHPUT) {
            return List.of();
        }
        double cpu = ctx.metrics().gcCpuFraction();
        if (cpu <= ctx.param(INFO_GC_CPU)) {
            return List.of();
        }
        double score = Scores.rising(cpu, ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU));
        // a heap under twice the live set makes any collector work hard: the heap comes first (HEAP-04), and
        // a collector switch alone does not help (seen in the verified-advice suite on 25: no gain at 160 MB)
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap();
        boolean smallHeap = lds != null && xmx != null && xmx > 0 && lds > 0.5 * xmx;
        if (smallHeap) {
            score = Math.min(score, 49);
        }
        // GC CPU spent on the young pauses System.gc() heap shrinks cause is not G1's to save, and on Parallel
        // each call is a stop-the-world full collection with no concurrent alternative
        score = GcFacts.discountExplicitGc(ctx.metrics(), score);
        return List.of(Finding.of(this, score)
                .summary("G1 takes " + String.format(java.util.Locale.ROOT, "%.1f %%", cpu * 100)
                        + " of the CPU in a throughput job")
                .explanation("With throughput as the goal, pause times matter only through their total; G1's concurrent "
                        + "work and barriers cost CPU that the Parallel collector does not spend."
                        + (smallHeap ? " But the live set fills over half the heap: most of this GC work is for want of "
                                + "memory, which a collector switch does not fix; size the heap first (HEAP-04)." : "")
                        + GcFacts.explicitGcNote(ctx.metrics())).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.share("GC CPU share", cpu))
                .recommend(Recommendation.flags("Use the Parallel collector", FlagChange.enable("UseParallelGC"))
                        .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                                "less GC CPU per unit of work; longer but fewer pauses")
                        .confidence(0.6).risk("longer stop-the-world pauses (full collections scale with the heap)")
                        .references("rules.md GCSEL-04", "Oracle GC tuning guide: selecting a collector",
                                "Microsoft Learn: start with the Parallel GC").build())
                .build());
    }
}
