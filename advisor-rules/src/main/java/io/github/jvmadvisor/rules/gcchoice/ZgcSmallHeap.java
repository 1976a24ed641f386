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
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-06: ZGC on a small heap. ZGC gives up compressed oops, spends about a quarter of the CPUs on
 * concurrent threads and needs headroom to avoid allocation stalls; below a few GB of heap G1 usually reaches
 * pauses short enough with less CPU and memory. Informational unless the goal is latency, where a sub-ms
 * objective may be the reason ZGC was chosen (then it stays quiet).
 */
public final class ZgcSmallHeap implements Rule {

    static final Parameter<Long> SMALL_HEAP = Parameter.whole("smallHeap", 4L << 30,
            "maximum heap (bytes) below which ZGC is questioned for a service without a sub-ms objective", true);

    @Override
    public String id() {
        return "GCSEL-06";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "ZGC on a small heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SMALL_HEAP);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Long xmx = ctx.maxHeap();
        if (ctx.goal() == Goal.LATENCY || xmx == null || xmx >= ctx.param(SMALL_HEAP)) {
            return List.of();
        }
        return List.of(Finding.of(this, 35)
                .summary("ZGC with a " + Units.bytes(xmx) + " heap: G1 is usually cheaper below "
                        + Units.bytes(ctx.param(SMALL_HEAP)))
                .explanation("ZGC runs without compressed oops (every reference is 8 bytes), takes about 25 % of the "
                        + "CPUs for concurrent threads and needs allocation headroom. On a heap this small G1's pauses "
                        + "are typically a few milliseconds; keep ZGC only if the latency objective needs sub-ms pauses.")
                .figure(Figure.bytes("max heap", xmx))
                .figure(Figure.bytes("small-heap limit", ctx.param(SMALL_HEAP)))
                .recommend(Recommendation.flags("Use G1 unless a sub-millisecond pause objective needs ZGC",
                                FlagChange.enable("UseG1GC"))
                        .effect(Metric.FOOTPRINT, "GC CPU share and live heap", Effect.Direction.DECREASE, null,
                                "compressed oops shrink the live heap; less concurrent GC CPU; pauses of a few ms")
                        .confidence(0.5)
                        .risk("pauses grow from sub-ms to milliseconds: check the latency objective first")
                        .references("rules.md GCSEL-06", "joa warn.zgc.heap.32g.lt",
                                "Microsoft Learn: ZGC for heaps over 4 GB")
                        .build())
                .build());
    }
}
