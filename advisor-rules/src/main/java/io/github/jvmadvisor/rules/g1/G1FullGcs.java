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
import java.util.Map;
import java.util.Set;

/**
 * G1-01: G1 fell back to stop-the-world full collections ({@code Pause Full (G1 Compaction Pause)} or
 * {@code (Allocation Failure)}) for want of free regions: concurrent marking and mixed collections did not
 * keep up. Explicit, metadata and tool-initiated full GCs belong to other packs and are left out. Remedies,
 * in order: a heap sized against the live set, marking started earlier (a fixed IHOP from the promotion
 * rate and marking time), and one more concurrent marking thread when marking is long against the interval
 * between young collections.
 */
public final class G1FullGcs implements Rule {

    static final Parameter<Double> INFO_PER_HOUR = Parameter.number("infoPerHour", 1,
            "full GCs per hour (not System.gc or metadata) at which the finding is info", true);
    static final Parameter<Double> WARN_PER_HOUR = Parameter.number("warnPerHour", 12,
            "full GCs per hour at which it is a warning", true);
    static final Parameter<Double> MARK_TO_INTERVAL = Parameter.number("markToInterval", 1.0,
            "mean marking cycle length over the mean interval between young GCs above which one more "
                    + "ConcGCThreads is advised (ratio)", true);

    @Override
    public String id() {
        return "G1-01";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.CPUS);
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
        return "G1 full GCs in steady state";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_PER_HOUR, WARN_PER_HOUR, MARK_TO_INTERVAL);
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
        double score = perHour == null ? 60 : Scores.rising(perHour, ctx.param(INFO_PER_HOUR), ctx.param(WARN_PER_HOUR));
        long aborted = m.concurrentCycles() == null ? 0 : m.concurrentCycles().aborted();
        Finding.Builder f = Finding.of(this, score)
                .summary(n + " G1 full GC" + (n == 1 ? "" : "s") + " (" + GcFacts.causes(byCause) + ")")
                .explanation("G1 ran out of free regions and compacted the whole heap stop-the-world"
                        + (m.evacuationFailures() > 0 ? ", after " + m.evacuationFailures() + " evacuation failures" : "")
                        + (aborted > 0 ? "; " + aborted + " concurrent marking cycles were aborted" : "")
                        + ". Concurrent marking and mixed collections did not free regions in time.")
                .figure(Figure.count("full GCs", n));
        if (perHour != null) {
            f.figure(Figure.of("full GCs per hour", perHour, "per hour"));
        }
        f.figure(Figure.text("causes", GcFacts.causes(byCause)));
        f.figure(Figure.count("evacuation failures", m.evacuationFailures()));
        f.figure(Figure.count("aborted marking cycles", aborted));
        GcFacts.heapFigures(ctx).forEach(f::figure);
        String refs = "Oracle G1 tuning guide, Full GC";

        Long target = GcFacts.heapTarget(ctx);
        if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.ELIMINATE, -1.0,
                            "with " + Units.bytes(target) + " of heap for a live set of "
                                    + Units.bytes(ctx.facts().liveSet().value()) + " marking has room to finish before regions run out")
                    .confidence(0.7).forCollector(Collector.G1).references("rules.md G1-01", "rules.md HEAP-04", refs)
                    .build());
        }

        Long xmx = ctx.maxHeap();
        Double tMark = GcFacts.meanCycleMillis(m);
        Double pr = m.promotionRateBytesPerSec();
        Long lds = ctx.facts().liveSet().value();
        if (xmx != null && tMark != null && pr != null && lds != null) {
            Long reserveFlag = ctx.flagLong("G1ReservePercent");
            double reserve = (reserveFlag == null ? 10 : reserveFlag) / 100.0;
            double margin = pr * (tMark / 1000.0) * 2;
            int ihop = (int) Math.floor(100 * (xmx * (1 - reserve) - margin) / xmx);
            double floor = 100.0 * lds / xmx;
            f.figure(Figure.millis("mean marking cycle", tMark));
            f.figure(Figure.of("promotion rate", pr, "bytes/s"));
            if (ihop > floor && ihop >= 5) {
                f.recommend(Recommendation.flags("Start marking at a fixed " + ihop + " % heap occupancy",
                        FlagChange.bool("G1UseAdaptiveIHOP", false), FlagChange.set("InitiatingHeapOccupancyPercent", ihop))
                        .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                                "marking starts while " + Units.bytes((long) margin) + " (promotion during two marking cycles of "
                                        + Units.millis(tMark) + ") still fit below the reserve; the live set takes "
                                        + String.format(java.util.Locale.ROOT, "%.0f %%", floor) + " of the heap")
                        .confidence(0.4).risk("more marking cycles; the threshold no longer adapts to the workload")
                        .forCollector(Collector.G1).references("rules.md G1-01", refs).build());
            }
        }

        Integer more = GcFacts.moreConcThreads(ctx);
        GcMetrics.PauseStats young = m.pausesByKind().get("young");
        if (more != null && tMark != null && young != null && young.count() > 0 && m.durationSeconds() != null) {
            double interval = m.durationSeconds() * 1000 / young.count();
            double ratio = tMark / interval;
            if (ratio > ctx.param(MARK_TO_INTERVAL)) {
                f.figure(Figure.of("marking cycle over young GC interval", ratio, ""));
                f.recommend(Recommendation.flags("Mark with " + more + " concurrent threads",
                        FlagChange.set("ConcGCThreads", more))
                        .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                                "marking (" + Units.millis(tMark) + " per cycle, " + Units.number(ratio)
                                        + " young GC intervals) finishes sooner")
                        .confidence(0.4).risk("concurrent threads take CPU from the application")
                        .forCollector(Collector.G1).references("rules.md G1-01", refs).build());
            }
        }
        return List.of(f.build());
    }
}
