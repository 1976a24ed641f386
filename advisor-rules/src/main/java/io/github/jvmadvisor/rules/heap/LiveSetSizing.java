package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
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
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HEAP-04: the heap sized against the live set, Go's GOGC lens. The effective GOGC ({@code 100 (H_start -
 * LDS) / LDS}) says how much room the heap leaves above the live data; below 100 (heap under twice the
 * live set) with GC CPU above 10 % the GC works for want of memory, and a heap of 3-4x the live set (Hunt &
 * John; Oaks 3.3x) cuts GC CPU in proportion to the headroom: {@code GCcpu_new = GCcpu_old (H_old - LDS) /
 * (H_new - LDS)}. When a large share of the allocation is promoted (medium-lived objects that die in the old
 * generation), more heap buys little: the rule then lowers its confidence in the larger heap and recommends a
 * larger young generation. A heap that is large enough but loses GC time to premature promotion (promoted share
 * above 10 % with GC CPU above 10 %) gets the same advice: the old generation keeps 2.5x the live set and the
 * young generation the rest. With a footprint goal, a heap above 6x the live set is reported as over-sized.
 * GC CPU is the measure (throughput work lost); the pause share stands in, with lower confidence, only when
 * the evidence has no GC CPU.
 */
public final class LiveSetSizing implements Rule {

    static final Parameter<Double> MAX_GOGC = Parameter.number("maxGogc", 100,
            "effective GOGC (percent of the live set) below which the heap counts as under-sized; half of it is the warning level", true);
    static final Parameter<Double> INFO_GC_CPU = Parameter.number("gcCpuShare", 0.10,
            "GC CPU share (fraction of available CPU) at which an under-sized heap is a finding (info)", true);
    static final Parameter<Double> WARN_GC_CPU = Parameter.number("warnGcCpuShare", 0.25,
            "GC CPU share (fraction) at which an under-sized heap is a warning", true);
    static final Parameter<Double> TARGET_FACTOR = Parameter.number("targetFactor", 3.5,
            "recommended heap as a multiple of the live set (Hunt & John 3-4, Oaks 3.3)", false);
    static final Parameter<Double> OVERSIZED_FACTOR = Parameter.number("oversizedFactor", 6,
            "heap over live set (multiple) above which the heap is over-sized for a footprint goal", true);
    static final Parameter<Double> PROMOTION_SHARE = Parameter.number("promotionShare", 0.10,
            "promotion rate over allocation rate (fraction) above which medium-lived objects die in the old "
                    + "generation and a larger heap alone buys little", true);
    static final Parameter<Double> YOUNG_FACTOR = Parameter.number("youngFactor", 1.5,
            "recommended young generation as a multiple of the live set (Hunt & John 1-1.5)", false);
    static final Parameter<Double> OLD_FACTOR = Parameter.number("oldFactor", 2.5,
            "old generation kept, as a multiple of the live set, when a heap that is large enough gives the rest to "
                    + "the young generation against premature promotion (Hunt & John 2-3)", false);

    @Override
    public String id() {
        return "HEAP-04";
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Heap sized against the live set";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC_CPU, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MAX_GOGC, INFO_GC_CPU, WARN_GC_CPU, TARGET_FACTOR, OVERSIZED_FACTOR, PROMOTION_SHARE, YOUNG_FACTOR,
                OLD_FACTOR);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        Long lds = m.liveSet() == null ? null : m.liveSet().bytes();
        Long xmx = ctx.maxHeap();
        if (xmx == null && m.heap() != null) {
            xmx = m.heap().maxCapacityBytes();
        }
        if (lds == null || lds <= 0 || xmx == null || xmx <= lds) {
            return List.of();
        }
        // the measured effective GOGC, else its upper bound from the maximum heap
        boolean gogcMeasured = m.effectiveGogc() != null;
        double gogc = gogcMeasured ? m.effectiveGogc() : 100.0 * (xmx - lds) / lds;
        boolean cpuMeasured = m.gcCpuFraction() != null;
        Double cost = cpuMeasured ? m.gcCpuFraction() : m.stwFraction();
        if (gogc < ctx.param(MAX_GOGC) && cost != null && cost > ctx.param(INFO_GC_CPU)) {
            return List.of(underSized(ctx, m, lds, xmx, gogc, gogcMeasured, cost, cpuMeasured));
        }
        Double promoShare = promotedShare(m);
        if (promoShare != null && promoShare > ctx.param(PROMOTION_SHARE) && cost != null
                && cost > ctx.param(INFO_GC_CPU) && ctx.goal() != Goal.FOOTPRINT) {
            Finding premature = prematurePromotion(ctx, lds, xmx, cost, cpuMeasured, promoShare);
            if (premature != null) {
                return List.of(premature);
            }
        }
        double factor = xmx / (double) lds;
        if (ctx.goal() == Goal.FOOTPRINT && factor > ctx.param(OVERSIZED_FACTOR)) {
            return List.of(overSized(ctx, lds, xmx, gogc, cost, factor));
        }
        return List.of();
    }

    private Finding underSized(RuleContext ctx, GcMetrics m, long lds, long xmx, double gogc, boolean gogcMeasured,
            double cost, boolean cpuMeasured) {
        long target = roundMb((long) (ctx.param(TARGET_FACTOR) * lds));
        double predicted = cost * (xmx - lds) / (double) (target - lds);
        Double promoShare = promotedShare(m);
        boolean promotes = promoShare != null && promoShare > ctx.param(PROMOTION_SHARE);
        String costName = cpuMeasured ? "GC CPU share" : "pause share";
        // the cost says how much the small heap hurts now, the effective GOGC how close it is to thrashing:
        // half the under-sized limit (a heap under 1.5x the live set) is a warning at any cost above info
        double score = Math.max(Scores.rising(cost, ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU)),
                Scores.falling(Math.max(gogc, 1), ctx.param(MAX_GOGC), ctx.param(MAX_GOGC) / 2));
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(m, score))
                .summary("The heap (" + Units.bytes(xmx) + ") is " + Units.number(xmx / (double) lds)
                        + "x the live set (" + Units.bytes(lds) + "): effective GOGC " + Math.round(gogc) + ", "
                        + costName + " " + pct(cost))
                .explanation("With " + (gogcMeasured ? "" : "at most ") + Math.round(gogc) + " % of the live set as "
                        + "headroom, collections come often and the GC takes " + pct(cost) + " of the "
                        + (cpuMeasured ? "CPU" : "run time (pause share; the evidence has no GC CPU)") + ". GC cost falls "
                        + "with headroom: a heap of " + Units.number(ctx.param(TARGET_FACTOR)) + "x the live set ("
                        + Units.bytes(target) + ") predicts " + costName + " " + pct(cost) + " x ("
                        + Units.bytes(xmx - lds) + " / " + Units.bytes(target - lds) + ") = " + pct(predicted) + "."
                        + (promotes ? " But " + pct(promoShare) + " of the allocation is promoted: medium-lived objects "
                                + "survive the young collections and die in the old generation, so a larger heap alone "
                                + "buys less than predicted; a larger young generation (or a collector that handles them "
                                + "better) addresses the cause." : "") + GcFacts.explicitGcNote(m))
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("effective GOGC", gogc, "%"))
                .figure(Figure.share(costName, cost))
                .figure(Figure.bytes("recommended heap", target))
                .figure(Figure.share("predicted " + costName, predicted));
        if (promoShare != null) {
            f.figure(Figure.share("promoted share of allocation", promoShare));
        }
        f.recommend(Recommendation.flags("Give the heap " + Units.number(ctx.param(TARGET_FACTOR)) + "x the live set: "
                + Units.bytes(target), heapChange(ctx, target))
                .effect(Metric.THROUGHPUT, costName, Effect.Direction.DECREASE, predicted / cost - 1,
                        costName + " from " + pct(cost) + " to about " + pct(predicted)
                                + " (GCcpu_new = GCcpu_old (H_old - LDS) / (H_new - LDS))")
                .confidence(promotes ? 0.4 : cpuMeasured ? 0.8 : 0.6)
                .risk(promotes ? "most of the GC work comes from promoted medium-lived objects; the larger heap helps less"
                        : "the process needs " + Units.bytes(target - xmx) + " more memory")
                .conflictKey("heap-size=" + Units.optionSize(target))
                .references("rules.md HEAP-04", "rules.md section 11", "Hunt & John, Java Performance ch. 7 (3-4x live set)",
                        "Oaks, Java Performance 2nd ed. (30 % occupied after full GC)", "Go GC guide, GOGC")
                .build());
        if (promotes) {
            long young = roundMb((long) (ctx.param(YOUNG_FACTOR) * lds));
            youngAdvice(ctx, f, ctx.collector(), young, target, 0.6);
        }
        return f.build();
    }

    static Double promotedShare(GcMetrics m) {
        Double promo = m.promotionRateBytesPerSec();
        Double alloc = m.allocationRateBytesPerSec();
        return promo != null && alloc != null && alloc > 0 ? promo / alloc : null;
    }

    /**
     * A heap large enough for the live set whose GC cost comes from objects promoted only to die old: the
     * young generation gets what the old generation does not need ({@code Xmx - oldFactor x LDS}, at least
     * {@code youngFactor x LDS}). {@code null} when no young size can be advised (ZGC, Shenandoah, or no room).
     */
    private Finding prematurePromotion(RuleContext ctx, long lds, long xmx, double cost, boolean cpuMeasured,
            double promoShare) {
        Collector c = ctx.collector();
        long young = roundMb(Math.max((long) (ctx.param(YOUNG_FACTOR) * lds), xmx - (long) (ctx.param(OLD_FACTOR) * lds)));
        if (young >= xmx || (c != Collector.G1 && c != Collector.SERIAL && c != Collector.PARALLEL)) {
            return null;
        }
        Long current = ctx.flagLong("MaxNewSize");
        if (current != null && current >= young) {
            return null;
        }
        String costName = cpuMeasured ? "GC CPU share" : "pause share";
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cost, ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU))))
                .summary(pct(promoShare) + " of the allocation is promoted and the GC takes " + pct(cost)
                        + ": medium-lived objects die in the old generation")
                .explanation("The heap (" + Units.bytes(xmx) + ") holds the live set (" + Units.bytes(lds) + ") with room "
                        + "to spare, but objects that live a little longer than the young generation holds them are "
                        + "promoted and then collected in the old generation, the expensive way. Keeping "
                        + Units.number(ctx.param(OLD_FACTOR)) + "x the live set for the old generation and giving the rest "
                        + "to the young one (" + Units.bytes(young) + ") lets them die young."
                        + GcFacts.explicitGcNote(ctx.metrics()))
                .figure(Figure.share("promoted share of allocation", promoShare))
                .figure(Figure.share(costName, cost))
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.bytes("recommended young generation", young));
        if (current != null) {
            f.figure(Figure.bytes("young generation now", current));
        }
        youngAdvice(ctx, f, c, young, xmx, 0.6);
        return f.build();
    }

    /** The young-generation recommendation for the collector. */
    private void youngAdvice(RuleContext ctx, Finding.Builder f, Collector c, long young, long heap, double confidence) {
        if (c == Collector.G1) {
            int percent = (int) Math.min(60, Math.max(10, Math.round(100.0 * young / heap)));
            f.recommend(Recommendation.flags("Keep medium-lived objects in a larger G1 young generation (at least "
                    + percent + " % of the heap)", FlagChange.set("G1NewSizePercent", percent))
                    .effect(Metric.THROUGHPUT, "promoted share of allocation", Effect.Direction.DECREASE, null,
                            "fewer objects reach the old generation only to die there")
                    .confidence(confidence - 0.1).forCollector(Collector.G1)
                    .risk("experimental flag; a larger minimum young generation lengthens young pauses")
                    .references("rules.md HEAP-04", "Oracle G1 tuning: raise the young generation for throughput").build());
        } else if (c == Collector.SERIAL || c == Collector.PARALLEL) {
            f.recommend(Recommendation.flags("Keep medium-lived objects young: young generation "
                    + Units.bytes(young) + " in a heap of " + Units.bytes(heap), FlagChange.option("-Xmn" + Units.optionSize(young)))
                    .effect(Metric.THROUGHPUT, "promoted share of allocation", Effect.Direction.DECREASE, null,
                            "objects that live a few collections die young instead of in the old generation")
                    .confidence(confidence).forCollector(c)
                    .references("rules.md HEAP-04", "Hunt & John, Java Performance ch. 7 (young 1-1.5x, old 2-3x live set)")
                    .build());
        } else {
            f.recommend(Recommendation.action("Reduce medium-lived allocation",
                    "Objects that survive a few collections dominate; cache or pool them, or shorten their life")
                    .effect(Metric.THROUGHPUT, "promoted share of allocation", Effect.Direction.DECREASE, null,
                            "fewer medium-lived objects").confidence(0.4).references("rules.md HEAP-04").build());
        }
    }

    private Finding overSized(RuleContext ctx, long lds, long xmx, double gogc, Double cost, double factor) {
        long target = roundMb(4 * lds);
        Double predicted = cost == null ? null : cost * (xmx - lds) / (double) (target - lds);
        Finding.Builder f = Finding.of(this, Scores.rising(factor, ctx.param(OVERSIZED_FACTOR), 2 * ctx.param(OVERSIZED_FACTOR)))
                .summary("The heap (" + Units.bytes(xmx) + ") is " + Units.number(factor) + "x the live set ("
                        + Units.bytes(lds) + "), more than a footprint goal needs")
                .explanation("4x the live set (" + Units.bytes(target) + ") is the upper end of the usual sizing; the rest "
                        + "is memory the process may commit for little gain."
                        + (predicted == null ? "" : " GC cost rises to about " + pct(predicted) + " from " + pct(cost) + "."))
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("effective GOGC", gogc, "%"))
                .figure(Figure.bytes("recommended heap", target));
        f.recommend(Recommendation.flags("Shrink the heap to 4x the live set: " + Units.bytes(target), heapChange(ctx, target))
                .effect(Metric.FOOTPRINT, "committed heap", Effect.Direction.DECREASE, target / (double) xmx - 1,
                        "the heap limit falls from " + Units.bytes(xmx) + " to " + Units.bytes(target)
                                + (predicted == null ? "" : "; GC cost rises to about " + pct(predicted)))
                .confidence(0.6)
                .risk("GC CPU rises as headroom shrinks; keep it under the goal")
                .conflictKey("heap-size=" + Units.optionSize(target))
                .references("rules.md HEAP-04", "Hunt & John, Java Performance ch. 7").build());
        return f.build();
    }

    /** -Xmx, or MaxRAMPercentage in a container where the heap was not given with -Xmx. */
    private static FlagChange[] heapChange(RuleContext ctx, long target) {
        Long c = ctx.containerMemory();
        if (c != null && !ctx.asked("MaxHeapSize")) {
            int p = (int) Math.ceil(100.0 * target / c);
            if (p < 90) {
                return new FlagChange[] {FlagChange.set("MaxRAMPercentage", p)};
            }
        }
        return new FlagChange[] {FlagChange.option("-Xmx" + Units.optionSize(target))};
    }

    static long roundMb(long bytes) {
        long mb = 1L << 20;
        return Math.max(mb, (bytes + mb - 1) / mb * mb);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
