package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.heap.MemoryBudget;
import java.util.List;
import java.util.Set;

/**
 * NAT-01: with {@code MaxDirectMemorySize} unset, the direct-buffer limit equals the maximum heap, so NIO
 * buffers can add another whole heap of resident memory on top of the heap, which no container budget
 * allows for. Fires in a container when the flag is unset, or when direct buffers peaked above 10 % of the
 * limit; recommends {@code max(64 MB, 1.5 x peak)}, the cap the HEAP-02 budget counts.
 */
public final class UnboundedDirectMemory implements Rule {

    static final Parameter<Double> PEAK_SHARE = Parameter.number("peakShare", 0.10,
            "direct-buffer peak over the container limit (fraction) that makes it a warning even with a cap set", true);

    @Override
    public String id() {
        return "NAT-01";
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "Direct memory not bounded";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PEAK_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        Long peak = nm == null ? null : nm.directUsedPeakBytes();
        Long set = ctx.asked("MaxDirectMemorySize") ? ctx.flagLong("MaxDirectMemorySize") : null;
        boolean unbounded = set == null || set == 0;
        boolean bigPeak = peak != null && peak > ctx.param(PEAK_SHARE) * c;
        if (!unbounded && !bigPeak) {
            return List.of();
        }
        long heap = MemoryBudget.currentMaxHeap(ctx, c);
        long cap = MemoryBudget.directCap(peak == null ? 0 : peak);
        Finding.Builder f = Finding.of(this, bigPeak ? 80 : 50)
                .summary(unbounded ? "Direct memory is limited only by the heap size (" + Units.bytes(heap) + ")"
                        : "Direct buffers peaked at " + Units.bytes(peak) + ", " + Math.round(100.0 * peak / c)
                                + " % of the container")
                .explanation("MaxDirectMemorySize unset means the direct-buffer limit equals -Xmx: NIO buffers may take "
                        + "another heap's worth of memory outside the heap, beyond any budget for the " + Units.bytes(c)
                        + " container. " + (peak == null ? "The recording did not show the direct-buffer peak; the cap "
                                + "is the 64 MB floor." : "The peak was " + Units.bytes(peak) + "."))
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.bytes("direct memory limit", unbounded ? heap : set))
                .figure(Figure.bytes("recommended cap", cap));
        if (peak != null) {
            f.figure(Figure.bytes("direct buffer peak", peak));
        }
        if (unbounded || set < cap) {
            f.recommend(Recommendation.flags("Cap direct memory at " + Units.bytes(cap),
                    FlagChange.option("-XX:MaxDirectMemorySize=" + Units.optionSize(cap)))
                    .effect(Metric.RELIABILITY, "resident set peak", Effect.Direction.DECREASE, null,
                            "direct buffers stay within " + Units.bytes(cap) + ", part of the HEAP-02 budget")
                    .confidence(peak != null ? 0.8 : 0.6)
                    .risk("an application needing more gets OutOfMemoryError: Cannot reserve direct buffer memory")
                    .references("rules.md NAT-01", "rules.md section 6.6 (direct memory = heap)", "Paketo memory calculator")
                    .build());
        } else {
            f.recommend(Recommendation.action("Budget the direct buffers in the container limit",
                    "Direct buffers take a large share of the container; count them in HEAP-02 or reduce them")
                    .effect(Metric.RELIABILITY, "resident set peak", Effect.Direction.DECREASE, null, "room for the heap")
                    .confidence(0.6).references("rules.md NAT-01").build());
        }
        return List.of(f.build());
    }
}
