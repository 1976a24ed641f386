package io.github.jvmadvisor.rules.g1;

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
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * G1-02: G1 could not copy live objects out of the collected regions because no free region was left
 * ({@code To-space exhausted} up to JDK 20, {@code (Evacuation Failure: ...)} from 21). Such a pause is
 * slow, keeps the failed regions in place and often leads to a full GC. More reserve regions
 * ({@code G1ReservePercent}) and a heap sized against the live set are the remedies; humongous-driven
 * failures are G1-03's.
 */
public final class G1EvacuationFailure implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.01,
            "share of young and mixed pauses that failed evacuation at which the finding is info (fraction)", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.05,
            "share of young and mixed pauses that failed evacuation at which it is a warning (fraction)", true);

    @Override
    public String id() {
        return "G1-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.HEAP_AT_LEAST);
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "G1 evacuation failures";
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
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long failures = m.evacuationFailures();
        if (failures == 0) {
            return List.of();
        }
        long collections = count(m, "young") + count(m, "mixed");
        double share = collections > 0 ? (double) failures / collections : 1;
        double warn = ctx.param(WARN_SHARE);
        // every failure is a slow pause on the way to a full GC: never below info
        double score = Math.max(30, Scores.rising(share, ctx.param(INFO_SHARE), warn));
        Long reserveFlag = ctx.flagLong("G1ReservePercent");
        long reserve = reserveFlag == null ? 10 : reserveFlag;
        Finding.Builder f = Finding.of(this, score)
                .summary(failures + " G1 evacuation failure" + (failures == 1 ? "" : "s") + " in " + collections
                        + " young and mixed collections")
                .explanation("G1 ran out of free regions to copy survivors into (" + GcFacts.pct(share)
                        + " of young and mixed collections). Those pauses are slow and often end in a full GC"
                        + (GcFacts.sum(GcFacts.ownFullGcs(m)) > 0 ? " (" + GcFacts.sum(GcFacts.ownFullGcs(m)) + " here)" : "")
                        + "." + (m.humongousAllocations() > 0
                                ? " " + m.humongousAllocations() + " pauses were started by humongous allocations: see G1-03."
                                : ""))
                .figure(Figure.count("evacuation failures", failures))
                .figure(Figure.share("share of young and mixed collections", share))
                .figure(Figure.of("G1ReservePercent", reserve, "%"));
        GcFacts.heapFigures(ctx).forEach(f::figure);
        if (reserve < 20) {
            long to = share >= warn || reserve >= 15 ? 20 : 15;
            f.recommend(Recommendation.flags("Keep " + to + " % of the heap in reserve for evacuation",
                    FlagChange.set("G1ReservePercent", to))
                    .effect(Metric.RELIABILITY, "evacuation failure count", Effect.Direction.ELIMINATE, -1.0,
                            "G1 keeps " + to + " % instead of " + reserve + " % of the regions free for survivors")
                    .confidence(0.6).risk("a smaller usable heap: young collections come somewhat more often")
                    .forCollector(Collector.G1).references("rules.md G1-02", "Oracle G1 tuning guide",
                            "garbagecat error.g1.evacuation.failure").build());
        }
        Long target = GcFacts.heapTarget(ctx);
        if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.RELIABILITY, "evacuation failure count", Effect.Direction.ELIMINATE, -1.0,
                            Units.bytes(target) + " of heap for a live set of " + Units.bytes(ctx.facts().liveSet().value())
                                    + " leaves free regions for survivors")
                    .confidence(0.7).forCollector(Collector.G1).references("rules.md G1-02", "rules.md HEAP-04").build());
        }
        return List.of(f.build());
    }

    private static long count(GcMetrics m, String kind) {
        GcMetrics.PauseStats s = m.pausesByKind().get(kind);
        return s == null ? 0 : s.count();
    }
}
