package io.github.jvmadvisor.rules.zgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Resources;
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
import io.github.jvmadvisor.rules.heap.MemoryBudget;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ZGC-03: ZGC's soft limit, {@code SoftMaxHeapSize}, is the JVM's GOMEMLIMIT: ZGC collects to stay under it
 * and goes over only to avoid stalls. Under a footprint goal, or when the resident set comes near the
 * container limit or the container hit it, ZGC should run with one. The value: with a container limit, 0.9
 * of the HEAP-02 budget heap (the figure HEAP-02 emits for ZGC, so the two merge), else 0.9 of {@code -Xmx}
 * (what generational ZGC picks itself when no heap flag is given); never above 0.9 of {@code -Xmx}. Quiet when
 * a soft limit is already set or logged below the maximum.
 */
public final class ZgcSoftMax implements Rule {

    static final Parameter<Double> RSS_SHARE = Parameter.number("rssShare", 0.8,
            "resident set peak over the container limit above which memory is under pressure (fraction)", true);
    static final Parameter<Double> HEADROOM = Parameter.number("headroom", 0.10,
            "share of the container limit kept free in the budget (fraction; as HEAP-02)", true);
    static final Parameter<Double> SOFT_SHARE = Parameter.number("softShare", 0.9,
            "soft limit as a share of the hard heap limit (fraction; generational ZGC's own default)", true);

    @Override
    public String id() {
        return "ZGC-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "zgc";
    }

    @Override
    public String title() {
        return "ZGC without a soft heap limit";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CONTAINER_USAGE, EvidenceKind.NATIVE_MEMORY,
                EvidenceKind.GC);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RSS_SHARE, HEADROOM, SOFT_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.asked("SoftMaxHeapSize")) {
            return List.of();
        }
        Long xmx = ctx.maxHeap();
        Long logged = ctx.setup() == null ? null : ctx.setup().softMaxHeapBytes();
        if (logged != null && xmx != null && logged < xmx) {
            return List.of(); // ZGC already runs with a soft limit (generational ZGC's default without heap flags)
        }
        Long c = ctx.containerMemory();
        Resources r = ctx.evidence().resources().orElse(null);
        Long rss = r == null || r.memory() == null ? null : r.memory().rssPeakBytes();
        Long fails = r == null || r.container() == null ? null : r.container().memoryFailCount();
        List<String> why = new ArrayList<>();
        if (ctx.goal() == Goal.FOOTPRINT) {
            why.add("the goal is footprint");
        }
        if (c != null && rss != null && rss > ctx.param(RSS_SHARE) * c) {
            why.add("the resident set peaked at " + Math.round(100.0 * rss / c) + " % of the container limit");
        }
        if (fails != null && fails > 0) {
            why.add("the container hit its memory limit " + fails + " times");
        }
        if (why.isEmpty()) {
            return List.of();
        }
        double share = ctx.param(SOFT_SHARE);
        Long soft = null;
        String basis = null;
        if (c != null) {
            MemoryBudget b = MemoryBudget.of(ctx, c, ctx.param(HEADROOM));
            if (b.fits()) {
                soft = (long) (share * c * b.maxRamPercentage() / 100);
                basis = Math.round(share * 100) + " % of the HEAP-02 budget heap (" + b.maxRamPercentage() + " % of "
                        + Units.bytes(c) + ")";
            }
        }
        if (xmx != null && (soft == null || soft > share * xmx)) {
            soft = (long) (share * xmx);
            basis = Math.round(share * 100) + " % of the " + Units.bytes(xmx) + " maximum heap";
        }
        if (soft == null) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, fails != null && fails > 0 ? 70 : 50)
                .summary("ZGC runs without a soft heap limit while " + String.join("; ", why))
                .explanation("Without SoftMaxHeapSize ZGC lets the heap grow to -Xmx before it collects harder. A soft "
                        + "limit (" + basis + ") makes it collect to stay below, and exceed it only to avoid allocation "
                        + "stalls: Go's GOMEMLIMIT. It is manageable, so it can be changed at run time.");
        if (xmx != null) {
            f.figure(Figure.bytes("max heap", xmx));
        }
        if (logged != null) {
            f.figure(Figure.bytes("soft max heap (gc,init)", logged));
        }
        if (c != null) {
            f.figure(Figure.bytes("container limit", c));
        }
        if (rss != null) {
            f.figure(Figure.bytes("resident set peak", rss));
        }
        f.figure(Figure.bytes("recommended soft max heap", soft));
        f.recommend(Recommendation.flags("Give ZGC a soft limit of " + Units.bytes(soft),
                FlagChange.option("-XX:SoftMaxHeapSize=" + Units.optionSize(soft)))
                .effect(Metric.FOOTPRINT, "committed heap", Effect.Direction.DECREASE, null,
                        "ZGC keeps the heap near " + Units.bytes(soft) + " under normal load")
                .confidence(0.6).risk("more GC cycles; watch for allocation stalls (ZGC-01)")
                .forCollector(Collector.ZGC)
                .references("rules.md ZGC-03", "rules.md HEAP-05", "Oracle ZGC tuning guide: SoftMaxHeapSize").build());
        return List.of(f.build());
    }
}
