package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts.GcCost;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HEAP-04: the heap sized against the live set, Go's GOGC lens. The effective GOGC ({@code 100 (H_start -
 * LDS) / LDS}) says how much room the heap leaves above the live data; below 100 (heap under twice the
 * live set) with a GC cost above 10 % the GC works for want of memory, and a heap of 3-4x the live set (Hunt &
 * John; Oaks 3.3x) cuts the GC cost in proportion to the headroom: {@code cost_new = cost_old (H_old - LDS) /
 * (H_new - LDS)}. The GC cost is the larger of the GC CPU share and the pause share ({@link GcFacts#gcCost}): the
 * GC CPU share is taken over all CPUs, so a single-threaded application on Serial shows half its stopped time.
 *
 * <p>Three causes come before the heap's size, and are judged first:
 * <ul>
 * <li><b>Lifetime</b> (Serial, Parallel): every collection is a full one, started by the heap filling; objects
 * outlive the young generation and the old one cannot take a young collection's survivors. The young generation
 * goes above the objects' lifetime and the old one keeps the live set with headroom ({@link GcFacts#lifetimePlan}).
 * <li><b>Young generation</b> (Serial, Parallel): a low effective GOGC in a heap that already has 3.5x the live set
 * means the collections start long before the heap is full, and a {@code -Xmn} under half the live set is far below
 * what the allocation needs (Hunt & John: 1-1.5x): the young generation is the limit, not the heap. The young generation gets what the old one does not need; the heap is never shrunk then.
 * <li><b>Premature promotion</b>: a heap large enough that loses GC time to promoted objects (promoted share above
 * 10 %) gets the same young-generation advice: the old generation keeps 2.5x the live set and the young one the
 * rest.
 * </ul>
 * With a footprint goal only, a heap above 6x the live set is reported as over-sized, and the recommended heap is
 * the smallest whose predicted GC cost stays within a budget (10 %), never under twice the live set; none when the
 * cost already exceeds the budget or shrinking buys under 10 % of the heap. Every effect states the metric it
 * moves and a predicted change whose sign agrees with its direction: a shrink predicts the fall of the maximum
 * heap (footprint) and states the rise in GC cost as its risk.
 */
public final class LiveSetSizing implements Rule {

    static final Parameter<Double> MAX_GOGC = Parameter.number("maxGogc", 100,
            "effective GOGC (percent of the live set) below which the heap counts as under-sized; half of it is the warning level", true);
    static final Parameter<Double> INFO_GC_CPU = Parameter.number("gcCpuShare", 0.10,
            "GC cost (fraction: the larger of the GC CPU share and the pause share) at which an under-sized heap, or a "
                    + "young generation that limits it, is a finding (info)", true);
    static final Parameter<Double> WARN_GC_CPU = Parameter.number("warnGcCpuShare", 0.25,
            "GC cost (fraction) at which it is a warning", true);
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
    static final Parameter<Double> SMALL_YOUNG_FACTOR = Parameter.number("smallYoungFactor", 0.5,
            "young generation set by the user (-Xmn, MaxNewSize) below this multiple of the live set counts as far "
                    + "below its need (Hunt & John 1-1.5x) whatever the effective GOGC", true);
    static final Parameter<Double> FOOTPRINT_GC_BUDGET = Parameter.number("footprintGcBudget", 0.10,
            "GC cost (fraction) a heap shrink for the footprint goal may predict at most: the smallest heap within it "
                    + "is recommended, none when the cost is already above it", true);

    @Override
    public String id() {
        return "HEAP-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.GC_COST, Facts.Key.COLLECTOR);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.HEAP_AT_LEAST);
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
                OLD_FACTOR, SMALL_YOUNG_FACTOR, FOOTPRINT_GC_BUDGET);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap(); // the fact: configured, else the log's largest capacity
        if (lds == null || lds <= 0 || xmx == null || xmx <= lds) {
            return List.of();
        }
        GcCost cost = ctx.facts().gcCost().value();
        boolean costly = cost != null && cost.share() > ctx.param(INFO_GC_CPU);
        if (costly) {
            GcFacts.LifetimePlan plan = GcFacts.lifetimePlan(ctx);
            if (plan != null) {
                return List.of(lifetime(ctx, plan, xmx, cost));
            }
        }
        // the measured effective GOGC, else its upper bound from the maximum heap
        boolean gogcMeasured = m.effectiveGogc() != null;
        double gogc = gogcMeasured ? m.effectiveGogc() : 100.0 * (xmx - lds) / lds;
        boolean crowded = gogc < ctx.param(MAX_GOGC) && costly;
        long target = roundMb((long) (ctx.param(TARGET_FACTOR) * lds));
        if (crowded && target > xmx) {
            return List.of(underSized(ctx, m, lds, xmx, target, gogc, gogcMeasured, cost));
        }
        // the heap has the room already: when the collections start early or the user's young generation is far
        // below the live set, the young generation is the limit; never shrink the heap then
        Long askedYoung = ctx.asked("MaxNewSize") ? ctx.flagLong("MaxNewSize") : null;
        boolean smallYoung = askedYoung != null && askedYoung < ctx.param(SMALL_YOUNG_FACTOR) * lds;
        if (costly && target <= xmx && (crowded || smallYoung)) {
            Finding young = youngLimited(ctx, lds, xmx, gogc, cost);
            if (young != null) {
                return List.of(young);
            }
        }
        Double promoShare = promotedShare(m);
        if (promoShare != null && promoShare > ctx.param(PROMOTION_SHARE) && costly && ctx.goal() != Goal.FOOTPRINT) {
            Finding premature = prematurePromotion(ctx, lds, xmx, cost, promoShare);
            if (premature != null) {
                return List.of(premature);
            }
        }
        double factor = xmx / (double) lds;
        if (!crowded && ctx.goal() == Goal.FOOTPRINT && factor > ctx.param(OVERSIZED_FACTOR)) {
            Finding over = overSized(ctx, lds, xmx, gogc, cost, factor);
            if (over != null) {
                return List.of(over);
            }
        }
        return List.of();
    }

    private Finding underSized(RuleContext ctx, GcMetrics m, long lds, long xmx, long target, double gogc,
            boolean gogcMeasured, GcCost cost) {
        double predicted = cost.share() * (xmx - lds) / (double) (target - lds);
        Double promoShare = promotedShare(m);
        boolean promotes = promoShare != null && promoShare > ctx.param(PROMOTION_SHARE);
        String costName = cost.name();
        // the cost says how much the small heap hurts now, the effective GOGC how close it is to thrashing:
        // half the under-sized limit (a heap under 1.5x the live set) is a warning at any cost above info
        double score = Math.max(Scores.rising(cost.share(), ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU)),
                Scores.falling(Math.max(gogc, 1), ctx.param(MAX_GOGC), ctx.param(MAX_GOGC) / 2));
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(m, score))
                .summary("The heap (" + Units.bytes(xmx) + ") is " + Units.number(xmx / (double) lds)
                        + "x the live set (" + Units.bytes(lds) + "): effective GOGC " + Math.round(gogc) + ", "
                        + costName + " " + pct(cost.share()))
                .explanation("With " + (gogcMeasured ? "" : "at most ") + Math.round(gogc) + " % of the live set as "
                        + "headroom, collections come often and the GC costs " + pct(cost.share()) + " (" + cost.source()
                        + "). GC cost falls with headroom: a heap of " + Units.number(ctx.param(TARGET_FACTOR))
                        + "x the live set (" + Units.bytes(target) + ") predicts " + costName + " "
                        + pct(cost.share()) + " x (" + Units.bytes(xmx - lds) + " / " + Units.bytes(target - lds) + ") = "
                        + pct(predicted) + "."
                        + (promotes ? " But " + pct(promoShare) + " of the allocation is promoted: medium-lived objects "
                                + "survive the young collections and die in the old generation, so a larger heap alone "
                                + "buys less than predicted; a larger young generation (or a collector that handles them "
                                + "better) addresses the cause." : "") + GcFacts.explicitGcNote(m)).causedBy(GcFacts.explicitGcCause(m))
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("effective GOGC", gogc, "%"));
        cost.figures().forEach(f::figure);
        f.figure(Figure.bytes("recommended heap", target))
                .figure(Figure.share("predicted " + costName, predicted));
        if (promoShare != null) {
            f.figure(Figure.share("promoted share of allocation", promoShare));
        }
        f.recommend(Recommendation.flags("Give the heap " + Units.number(ctx.param(TARGET_FACTOR)) + "x the live set: "
                + Units.bytes(target), heapChange(ctx, target))
                .intent(Intent.heapAtLeast(target, Units.number(ctx.param(TARGET_FACTOR)) + " times the live set of "
                        + Units.bytes(lds)))
                .effect(Metric.THROUGHPUT, costName, Effect.Direction.DECREASE, predicted / cost.share() - 1,
                        costName + " from " + pct(cost.share()) + " to about " + pct(predicted)
                                + " (headroom model: cost_new = cost_old (H_old - LDS) / (H_new - LDS))")
                .confidence(promotes ? 0.4 : cost.cpuShare() != null ? 0.8 : 0.6)
                .risk(promotes ? "most of the GC work comes from promoted medium-lived objects; the larger heap helps less"
                        : "the process needs " + Units.bytes(target - xmx) + " more memory")
                .conflictKey("heap-size=" + Units.optionSize(target))
                .references("rules.md HEAP-04", "rules.md section 11", "Hunt & John, Java Performance ch. 7 (3-4x live set)",
                        "Oaks, Java Performance 2nd ed. (30 % occupied after full GC)", "Go GC guide, GOGC")
                .build());
        if (promotes) {
            long young = roundMb((long) (ctx.param(YOUNG_FACTOR) * lds));
            youngAdvice(ctx, f, ctx.collector(), young, null, target, cost, 0.6);
        }
        return f.build();
    }

    /**
     * Every collection a full one (Serial, Parallel): the young generation goes above the objects' lifetime, the
     * old one keeps the live set with headroom ({@link GcFacts#lifetimePlan}).
     */
    private Finding lifetime(RuleContext ctx, GcFacts.LifetimePlan plan, long xmx, GcCost cost) {
        Long current = ctx.asked("MaxNewSize") ? ctx.flagLong("MaxNewSize") : null;
        GcMetrics m = ctx.metrics();
        long full = GcFacts.sum(GcFacts.ownFullGcs(m));
        GcMetrics.PauseStats young = m.pausesByKind().get(PauseKind.YOUNG.id());
        long youngCount = young == null ? 0 : young.count();
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cost.share(), ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU))))
                .summary(full + " of " + (full + youngCount) + " collections are full ones and the GC costs "
                        + pct(cost.share()) + ": objects outlive the young generation")
                .explanation("Every collection marks and compacts the whole heap, started by the heap filling ("
                        + GcFacts.causes(GcFacts.ownFullGcs(m)) + "): the objects live longer than the young generation "
                        + "holds them and the old generation cannot take a young collection's survivors, so the log has "
                        + "no young collection and no promotion to size from, and a larger heap alone (with the same "
                        + "split) moves the problem. Lifetime model: by Little's law the live set ("
                        + Units.bytes(plan.lifetimeBytes()) + ") is the allocation rate times the objects' lifetime, so "
                        + "they live for about " + Units.bytes(plan.lifetimeBytes()) + " of allocation; a young generation "
                        + "of " + Units.number(GcFacts.YOUNG_PER_LIFETIME) + "x that (" + Units.bytes(plan.youngBytes())
                        + ") lets them die young, and an old generation of " + Units.number(GcFacts.OLD_PER_LIVE_SET)
                        + "x the live set (" + Units.bytes(plan.oldBytes()) + ") keeps what lives on. A collection then "
                        + "comes once per eden (about " + Units.bytes((long) (0.75 * plan.youngBytes())) + ") instead of "
                        + "once per " + Units.bytes(plan.allocatedPerCollectionBytes()) + " of allocation. The GC cost is "
                        + cost.source() + ".")
                .figure(Figure.count("full GCs", full))
                .figure(Figure.count("young collections", youngCount))
                .figure(Figure.bytes("live set", plan.lifetimeBytes()))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.bytes("estimated lifetime", plan.lifetimeBytes()))
                .figure(Figure.bytes("allocation per collection", plan.allocatedPerCollectionBytes()));
        cost.figures().forEach(f::figure);
        long heap = Math.max(xmx, plan.heapBytes());
        f.figure(Figure.bytes("recommended young generation", plan.youngBytes()))
                .figure(Figure.bytes("recommended heap", heap))
                .figure(Figure.share("predicted " + cost.name(), cost.share() * plan.costFactorHigh()));
        if (current != null) {
            f.figure(Figure.bytes("young generation now", current));
        }
        f.recommend(GcFacts.lifetimeRecommendation(ctx.collector(), plan, xmx, cost, "rules.md HEAP-04"));
        return f.build();
    }

    /**
     * A low effective GOGC in a heap that already has {@code targetFactor} times the live set, or a young generation
     * the user set below {@code smallYoungFactor} times the live set (Serial, Parallel): the young generation, not the
     * heap, starts the collections. It gets what the old generation does not need
     * ({@code Xmx - oldFactor x LDS}, at least {@code youngFactor x LDS}). The young generation now is the user's
     * {@code -Xmn}/{@code MaxNewSize}, else the heap in use above the live set when collections start ({@code GOGC x
     * LDS}). {@code null} for other collectors or when the young generation is already that large.
     */
    private Finding youngLimited(RuleContext ctx, long lds, long xmx, double gogc, GcCost cost) {
        Collector c = ctx.collector();
        if (c != Collector.SERIAL && c != Collector.PARALLEL) {
            return null;
        }
        long young = roundMb(Math.max((long) (ctx.param(YOUNG_FACTOR) * lds), xmx - (long) (ctx.param(OLD_FACTOR) * lds)));
        Long asked = ctx.asked("MaxNewSize") ? ctx.flagLong("MaxNewSize") : null;
        long current = asked != null ? asked : Math.max(1, (long) (gogc / 100 * lds));
        if (young >= xmx || current >= young) {
            return null;
        }
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cost.share(), ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU))))
                .summary("The heap (" + Units.bytes(xmx) + ") is " + Units.number(xmx / (double) lds) + "x the live set ("
                        + Units.bytes(lds) + "), but the young generation (" + Units.bytes(current) + ", "
                        + Units.number(current / (double) lds) + "x the live set) is too small, not the heap")
                .explanation("The " + cost.name() + " is " + pct(cost.share()) + " (" + cost.source() + "), but the heap "
                        + "has room: collections start when the young generation fills, long before the heap does "
                        + "(effective GOGC " + Math.round(gogc) + "), and objects that live a little longer are promoted "
                        + "to die old. A smaller heap would only add full collections. "
                        + (asked != null ? "The young generation is set to " + Units.bytes(current) + "."
                                : "The young generation is estimated from the heap in use above the live set when "
                                        + "collections start (" + Units.bytes(current) + ").")
                        + " Keeping " + Units.number(ctx.param(OLD_FACTOR)) + "x the live set for the old generation and "
                        + "giving the rest to the young one (" + Units.bytes(young) + ") makes young collections "
                        + Units.number(young / (double) current) + "x rarer and lets objects that live a few of them die "
                        + "young.")
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("effective GOGC", gogc, "%"));
        cost.figures().forEach(f::figure);
        f.figure(Figure.bytes(asked != null ? "young generation now" : "estimated young generation", current))
                .figure(Figure.bytes("recommended young generation", young));
        youngAdvice(ctx, f, c, young, current, xmx, cost, 0.7);
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
    private Finding prematurePromotion(RuleContext ctx, long lds, long xmx, GcCost cost, double promoShare) {
        Collector c = ctx.collector();
        long young = roundMb(Math.max((long) (ctx.param(YOUNG_FACTOR) * lds), xmx - (long) (ctx.param(OLD_FACTOR) * lds)));
        if (young >= xmx || (c != Collector.G1 && c != Collector.SERIAL && c != Collector.PARALLEL)) {
            return null;
        }
        Long current = ctx.flagLong("MaxNewSize");
        if (current != null && current >= young) {
            return null;
        }
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cost.share(), ctx.param(INFO_GC_CPU), ctx.param(WARN_GC_CPU))))
                .summary(pct(promoShare) + " of the allocation is promoted and the GC costs " + pct(cost.share())
                        + ": medium-lived objects die in the old generation")
                .explanation("The heap (" + Units.bytes(xmx) + ") holds the live set (" + Units.bytes(lds) + ") with room "
                        + "to spare, but objects that live a little longer than the young generation holds them are "
                        + "promoted and then collected in the old generation, the expensive way. Keeping "
                        + Units.number(ctx.param(OLD_FACTOR)) + "x the live set for the old generation and giving the rest "
                        + "to the young one (" + Units.bytes(young) + ") lets them die young."
                        + GcFacts.explicitGcNote(ctx.metrics())).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.share("promoted share of allocation", promoShare));
        cost.figures().forEach(f::figure);
        f.figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.bytes("recommended young generation", young));
        if (current != null) {
            f.figure(Figure.bytes("young generation now", current));
        }
        youngAdvice(ctx, f, c, young, ctx.asked("MaxNewSize") ? current : null, xmx, cost, 0.6);
        return f.build();
    }

    /**
     * The young-generation recommendation for the collector. With the young generation now known ({@code current}),
     * the effect is predicted by the young-collection model: collections come once per eden, so the GC cost scales
     * with {@code current / young} when the work per collection stays (short lifetimes), and with its square root
     * when survivors' copying grows with the young generation (medium lifetimes): the latter, the conservative end,
     * is the predicted change.
     */
    private void youngAdvice(RuleContext ctx, Finding.Builder f, Collector c, long young, Long current, long heap,
            GcCost cost, double confidence) {
        Double change = null;
        String predicted = "";
        if (current != null && current < young) {
            double r = current / (double) young;
            change = Math.sqrt(r) - 1;
            predicted = "; " + cost.name() + " from " + pct(cost.share()) + " to about " + pct(cost.share() * Math.sqrt(r))
                    + " (range " + pct(cost.share() * r) + " to " + pct(cost.share() * Math.sqrt(r)) + "; young-collection "
                    + "model: cost x (young now / young new), or its square root when survivors grow with it)";
        }
        String check = change == null ? "promoted share of allocation" : cost.name();
        if (c == Collector.G1) {
            int percent = (int) Math.min(60, Math.max(10, Math.round(100.0 * young / heap)));
            f.recommend(Recommendation.flags("Keep medium-lived objects in a larger G1 young generation (at least "
                    + percent + " % of the heap)", FlagChange.set("G1NewSizePercent", percent))
                    .effect(Metric.THROUGHPUT, "promoted share of allocation", Effect.Direction.DECREASE, null,
                            "promoted share of allocation falls: fewer objects reach the old generation only to die there")
                    .confidence(confidence - 0.1).forCollector(Collector.G1)
                    .risk("experimental flag; a larger minimum young generation lengthens young pauses")
                    .references("rules.md HEAP-04", "Oracle G1 tuning: raise the young generation for throughput").build());
        } else if (c == Collector.SERIAL || c == Collector.PARALLEL) {
            f.recommend(Recommendation.flags("Keep medium-lived objects young: young generation "
                    + Units.bytes(young) + " in a heap of " + Units.bytes(heap), FlagChange.option("-Xmn" + Units.optionSize(young)))
                    .effect(Metric.THROUGHPUT, check, Effect.Direction.DECREASE, change,
                            "promoted share of allocation falls: objects that live a few collections die young instead "
                                    + "of in the old generation" + predicted)
                    .confidence(confidence).forCollector(c)
                    .risk("young pauses grow with the survivors they copy")
                    .references("rules.md HEAP-04", "Hunt & John, Java Performance ch. 7 (young 1-1.5x, old 2-3x live set)")
                    .build());
        } else {
            f.recommend(Recommendation.action("Reduce medium-lived allocation",
                    "Objects that survive a few collections dominate; cache or pool them, or shorten their life")
                    .effect(Metric.THROUGHPUT, "promoted share of allocation", Effect.Direction.DECREASE, null,
                            "promoted share of allocation falls: fewer medium-lived objects")
                    .confidence(0.4).references("rules.md HEAP-04").build());
        }
    }

    /**
     * Footprint goal only: the smallest heap whose predicted GC cost (headroom model) stays within the budget, never
     * under twice the live set; 4x the live set, with no prediction, when the cost is unknown. {@code null} when the
     * cost is already at the budget or the shrink saves under 10 % of the heap.
     */
    private Finding overSized(RuleContext ctx, long lds, long xmx, double gogc, GcCost cost, double factor) {
        double budget = ctx.param(FOOTPRINT_GC_BUDGET);
        long target;
        Double predicted = null;
        if (cost == null) {
            target = roundMb(4 * lds);
        } else {
            if (cost.share() >= budget) {
                return null;
            }
            long withinBudget = lds + (long) Math.ceil(cost.share() * (xmx - lds) / budget);
            target = roundMb(Math.max(2 * lds, withinBudget));
            predicted = cost.share() * (xmx - lds) / (double) (target - lds);
        }
        if (target >= 0.9 * xmx) {
            return null;
        }
        Finding.Builder f = Finding.of(this, Scores.rising(factor, ctx.param(OVERSIZED_FACTOR), 2 * ctx.param(OVERSIZED_FACTOR)))
                .summary("The heap (" + Units.bytes(xmx) + ") is " + Units.number(factor) + "x the live set ("
                        + Units.bytes(lds) + "), more than a footprint goal needs")
                .explanation(predicted == null
                        ? "4x the live set (" + Units.bytes(target) + ") is the upper end of the usual sizing; the rest is "
                                + "memory the process may commit for little gain. The evidence has no GC cost to check "
                                + "the shrink against."
                        : Units.bytes(target) + " is the smallest heap whose predicted " + cost.name() + " stays within "
                                + pct(budget) + " (headroom model: " + pct(cost.share()) + " x (" + Units.bytes(xmx - lds)
                                + " / " + Units.bytes(target - lds) + ") = " + pct(predicted) + ", never under twice the "
                                + "live set); the rest is memory the process may commit for little gain.")
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("effective GOGC", gogc, "%"))
                .figure(Figure.bytes("recommended heap", target));
        if (cost != null) {
            cost.figures().forEach(f::figure);
            f.figure(Figure.share("predicted " + cost.name(), predicted));
        }
        f.recommend(Recommendation.flags("Shrink the heap to " + Units.bytes(target), heapChange(ctx, target))
                .effect(Metric.FOOTPRINT, "maximum heap", Effect.Direction.DECREASE, target / (double) xmx - 1,
                        "maximum heap falls from " + Units.bytes(xmx) + " to " + Units.bytes(target))
                .confidence(0.6)
                .risk(predicted == null ? "GC cost rises as headroom shrinks; keep it under the goal"
                        : cost.name() + " rises from " + pct(cost.share()) + " to about " + pct(predicted)
                                + " (headroom model), within the " + pct(budget) + " budget")
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
