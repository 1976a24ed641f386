package io.github.jvmadvisor.rules.parallel;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.RuleSupport;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PAR-01: the Parallel collector runs full collections often: {@code Pause Full (Ergonomics)} on JDK 17,
 * {@code Pause Full (Allocation Failure)} on 25 for the same situation. Adaptive sizing is chasing its
 * throughput goal ({@code GCTimeRatio=99}, 1 % GC time) with an old generation too small for the
 * promotions. Relax the goal ({@code GCTimeRatio=19}, 5 %), or fix the generation sizes from the live set
 * with adaptive sizing off, or give the heap 3.5 times the live set. When (nearly) every collection is a full one,
 * the cause is the objects' lifetime against the young generation: then the young generation goes above it and the
 * old one keeps the live set with headroom ({@link GcFacts#lifetimePlan}), the same plan as HEAP-04's, and neither
 * {@code GCTimeRatio} nor a larger heap with the same split is offered.
 */
public final class ParallelFullGcs implements Rule {

    static final Parameter<Double> INFO_PER_HOUR = Parameter.number("infoPerHour", 6,
            "full GCs per hour (not System.gc or metadata) at which the finding is info", true);
    static final Parameter<Double> WARN_PER_HOUR = Parameter.number("warnPerHour", 60,
            "full GCs per hour at which it is a warning", true);

    private static final long MB = 1024L * 1024;

    @Override
    public String id() {
        return "PAR-01";
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
        return "parallel";
    }

    @Override
    public String title() {
        return "Frequent Parallel full GCs";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.PARALLEL);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_PER_HOUR, WARN_PER_HOUR);
    }

    /** The maximum heap, else the live set's plan alone decides (the heap the log saw is never below it). */
    private static long xmx(RuleContext ctx) {
        Long x = ctx.maxHeap();
        return x == null ? 0 : x;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        Map<String, Long> byCause = GcFacts.ownFullGcs(m);
        long n = GcFacts.sum(byCause);
        if (n == 0) {
            return List.of();
        }
        Double perHour = GcFacts.perHour(m, n);
        double score = perHour == null ? 40 : Scores.rising(perHour, ctx.param(INFO_PER_HOUR), ctx.param(WARN_PER_HOUR));
        score = GcFacts.discountExplicitGc(m, score);
        GcMetrics.PauseStats all = m.pauses();
        // the full GCs of these causes only: System.gc() and tool-initiated collections are EXP-01's and EXP-04's,
        // not adaptive sizing's. The log gives pause time by cause, not by cause and kind, so the external causes'
        // time is taken off whole: on JDK 17 that also takes off the young System.gc() pause before each explicit
        // full one (a few ms), never adds explicit time to adaptive sizing's
        double fullMs = m.fullGcs().totalMillis();
        for (java.util.Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
            if (GcFacts.isExternalCause(e.getKey())) {
                fullMs -= e.getValue().totalMillis();
            }
        }
        fullMs = Math.max(0, fullMs);
        long explicit = RuleSupport.fullGcsCausedBy(ctx, "System.gc");
        Finding.Builder f = Finding.of(this, score)
                .summary(n + " Parallel full GC" + (n == 1 ? "" : "s") + (perHour == null ? ""
                        : " (" + Units.number(Math.round(perHour)) + " per hour)") + ": " + GcFacts.causes(byCause))
                .explanation("The old generation fills between collections and adaptive sizing answers with full "
                        + "collections. They took " + Units.millis(fullMs) + (all != null && all.totalMillis() > 0
                                ? " (" + GcFacts.pct(fullMs / all.totalMillis()) + " of all pause time)" : "") + "."
                        + (explicit == 0 ? "" : " The " + explicit + " full GC" + (explicit == 1 ? "" : "s")
                                + " from System.gc() are not counted here: see EXP-01.")
                        + GcFacts.explicitGcNote(m)).causedBy(GcFacts.explicitGcCause(m))
                .figure(Figure.count("full GCs", n))
                .figure(Figure.text("causes", GcFacts.causes(byCause)))
                .figure(Figure.millis("full GC pause time", fullMs));
        if (perHour != null) {
            f.figure(Figure.of("full GCs per hour", perHour, "per hour"));
        }
        GcFacts.heapFigures(ctx).forEach(f::figure);
        GcFacts.LifetimePlan plan = GcFacts.lifetimePlan(ctx);
        io.github.jvmadvisor.core.rule.Facts.GcCost cost = ctx.facts().gcCost().value();
        if (plan != null && cost != null) {
            // no young collection at all: the cause is the objects' lifetime against the young generation, and
            // neither a relaxed throughput goal nor a larger heap with the same split removes it
            f.explanation("The old generation fills between collections and adaptive sizing answers with full "
                    + "collections. They took " + Units.millis(fullMs) + (all != null && all.totalMillis() > 0
                            ? " (" + GcFacts.pct(fullMs / all.totalMillis()) + " of all pause time)" : "") + ". Almost "
                    + "every collection is a full one: objects outlive the young generation, and the old generation "
                    + "cannot take a young collection's survivors (HEAP-04 explains the lifetime model)."
                    + (explicit == 0 ? "" : " The " + explicit + " full GC" + (explicit == 1 ? "" : "s")
                            + " from System.gc() are not counted here: see EXP-01.")
                    + GcFacts.explicitGcNote(m)).causedBy(GcFacts.explicitGcCause(m));
            f.recommend(GcFacts.lifetimeRecommendation(Collector.PARALLEL, plan, xmx(ctx), cost, "rules.md PAR-01"));
            return List.of(f.build());
        }
        String refs = "GCeasy/yCrash: Pause Full (Ergonomics)";
        Long ratio = ctx.flagLong("GCTimeRatio");
        if (ratio == null || ratio > 19) {
            f.recommend(Recommendation.flags("Relax the throughput goal to 5 % GC time", FlagChange.set("GCTimeRatio", 19))
                    .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                            "full GC count falls: adaptive sizing stops resizing generations for a 1 % GC-time goal ("
                                    + (ratio == null ? 99 : ratio) + " -> 19)")
                    .confidence(0.5).conflictKey("parallel-sizing=adaptive").forCollector(Collector.PARALLEL)
                    .references("rules.md PAR-01", refs, "Oracle Parallel collector tuning").build());
        }
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap();
        if (lds != null && xmx != null) {
            long heap = Math.max(xmx, GcFacts.roundUp((long) Math.ceil(GcFacts.HEAP_PER_LIVE_SET * lds), 64 * MB));
            long young = GcFacts.roundUp((long) Math.ceil(1.5 * lds), 16 * MB);
            if (heap - young >= 2 * lds) {
                f.recommend(Recommendation.flags("Fix the generations from the live set: young 1.5 x, heap "
                        + GcFacts.HEAP_PER_LIVE_SET + " x", FlagChange.bool("UseAdaptiveSizePolicy", false),
                        FlagChange.option("-Xms" + Units.optionSize(heap)), GcFacts.xmx(heap),
                        FlagChange.option("-Xmn" + Units.optionSize(young)))
                        .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                                "full GC count falls: an old generation of " + Units.bytes(heap - young) + " holds the " + Units.bytes(lds)
                                        + " live set twice over")
                        .confidence(0.5).conflictKey("parallel-sizing=fixed").forCollector(Collector.PARALLEL)
                        .risk("no adaptive sizing: the sizes must be revisited when the live set changes")
                        .references("rules.md PAR-01", "Hunt and John, Java Performance ch. 7").build());
            }
        }
        Long target = GcFacts.heapTarget(ctx);
        if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                            "full GC count falls: " + Units.bytes(target) + " of heap for a live set of " + Units.bytes(lds))
                    .confidence(0.7).forCollector(Collector.PARALLEL).references("rules.md PAR-01", "rules.md HEAP-04")
                    .build());
        }
        return List.of(f.build());
    }
}
