package io.github.jvmadvisor.rules.shenandoah;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
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
import java.util.Map;
import java.util.Set;

/**
 * SHEN-01: Shenandoah's concurrent cycle lost the race with the application and finished stop-the-world
 * ({@code Pause Degenerated GC (...)}), or fell further to a full GC. Both mean the heap ran out while a
 * cycle was running: more heap, one more concurrent thread, an earlier trigger
 * ({@code ShenandoahMinFreeThreshold}, experimental), and on JDK 25 the generational mode are the remedies.
 * The heap follows the headroom model of ZGC-01 when that asks for more than 3.5x the live set: the live set
 * plus the allocation demand over the longest cycle (the measured rate corrected for the time the pacer and
 * the pauses held the application back); 3.5x the live set alone, and the mean cycle of a degenerating run,
 * left a 4.5x faster run degenerating as often in the verified-advice suite on JDK 25.
 */
public final class ShenandoahDegenerated implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.01,
            "degenerated or full cycles over all cycles at which the finding is info (fraction)", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.05,
            "the same share at which it is a warning (fraction)", true);

    @Override
    public String id() {
        return "SHEN-01";
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
        return "shenandoah";
    }

    @Override
    public String title() {
        return "Shenandoah degenerated and full cycles";
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
        return Set.of(Collector.SHENANDOAH);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    /**
     * The heap a concurrent cycle needs: the live set plus the allocation demand over the longest cycle, with
     * a 20 % margin. The demand is the measured allocation rate over one minus the share of time the
     * application could not allocate: paced (the pacer's accrued delays, summed over threads, per CPU)
     * or stopped (the pause share), at most 0.9. {@code null} when a figure is missing.
     */
    static Long headroom(RuleContext ctx, Finding.Builder f) {
        GcMetrics m = ctx.metrics();
        Long lds = ctx.facts().liveSet().value();
        Double a = m.allocationRateBytesPerSec();
        // every cycle must finish before the heap runs out, so the longest one counts, not the mean: a cycle
        // that degenerated was cut short, and the mean of a degenerating run is far below what a cycle needs
        Double cycle = m.concurrentCycles() == null || m.concurrentCycles().maxMillis() <= 0 ? null
                : m.concurrentCycles().maxMillis();
        Double d = m.durationSeconds();
        if (lds == null || a == null || cycle == null || d == null || d <= 0) {
            return null;
        }
        int cpus = ctx.cpus() == null ? 1 : Math.max(1, ctx.cpus());
        double paced = m.pacer() == null || m.pacer().accruedMillis() == null ? 0
                : m.pacer().accruedMillis() / 1000 / (d * cpus);
        double stopped = m.stwFraction() == null ? 0 : m.stwFraction();
        double held = Math.min(0.9, paced + stopped);
        double demand = a / (1 - held);
        long need = (long) Math.ceil(lds + demand * cycle / 1000 * 1.2);
        f.figure(Figure.share("time paced or stopped per CPU", held));
        f.figure(Figure.of("allocation demand", demand, "bytes/s"));
        f.figure(Figure.millis("longest cycle", cycle));
        f.figure(Figure.bytes("heap needed", need));
        return need;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long degenerated = m.degeneratedCycles();
        Map<String, Long> fullByCause = GcFacts.ownFullGcs(m);
        long full = GcFacts.sum(fullByCause);
        if (degenerated + full == 0) {
            return List.of();
        }
        long cycles = m.concurrentCycles() == null ? 0 : m.concurrentCycles().count();
        double share = cycles > 0 ? (double) (degenerated + full) / cycles : 1;
        double warn = ctx.param(WARN_SHARE);
        double score = Math.max(30, Scores.rising(share, ctx.param(INFO_SHARE), warn));
        if (full > 0) {
            score = Math.max(score, 75);
        }
        GcMetrics.PauseStats dp = m.pausesByKind().get("degenerated");
        Finding.Builder f = Finding.of(this, score)
                .summary(degenerated + " degenerated" + (full > 0 ? " and " + full + " full" : "") + " Shenandoah cycle"
                        + (degenerated + full == 1 ? "" : "s") + " in " + cycles + " cycles")
                .explanation("The heap ran out while a concurrent cycle was running, so Shenandoah finished it "
                        + "stop-the-world" + (dp != null ? " (" + Units.millis(dp.totalMillis()) + " in total, longest "
                                + Units.millis(dp.maxMillis()) + ")" : "") + (full > 0 ? " or compacted the whole heap" : "")
                        + ".")
                .figure(Figure.count("degenerated cycles", degenerated))
                .figure(Figure.count("full GCs", full))
                .figure(Figure.count("cycles", cycles))
                .figure(Figure.share("share of cycles", share));
        if (dp != null) {
            f.figure(Figure.millis("degenerated pause time", dp.totalMillis()));
        }
        GcFacts.heapFigures(ctx).forEach(f::figure);
        String check = "degenerated cycle count";
        Long target = GcFacts.heapTarget(ctx);
        Long need = headroom(ctx, f);
        Long xmx = ctx.maxHeap();
        if (need != null && xmx != null && need > xmx && (target == null || need > target)) {
            long to = GcFacts.roundUp(need, 64L << 20);
            f.recommend(Recommendation.flags("Give Shenandoah " + Units.bytes(to) + " of heap: the live set and what is "
                    + "allocated while a cycle runs", GcFacts.xmx(to))
                    .intent(Intent.heapAtLeast(to, "the live set and what is allocated while a Shenandoah cycle runs"))
                    .effect(Metric.LATENCY, check, Effect.Direction.ELIMINATE, -1.0,
                            "the live set (" + Units.bytes(ctx.facts().liveSet().value()) + ") plus the allocation demand over the "
                                    + "longest cycle, with 20 % margin, fits in " + Units.bytes(to))
                    .confidence(0.7).forCollector(Collector.SHENANDOAH).references("rules.md SHEN-01", "rules.md HEAP-04",
                            "the ZGC headroom model (ZGC-01)")
                    .build());
        } else if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.LATENCY, check, Effect.Direction.ELIMINATE, -1.0,
                            Units.bytes(target) + " of heap for a live set of " + Units.bytes(ctx.facts().liveSet().value())
                                    + " leaves room to allocate while a cycle runs")
                    .confidence(0.7).forCollector(Collector.SHENANDOAH).references("rules.md SHEN-01", "rules.md HEAP-04")
                    .build());
        }
        Long minFree = ctx.flagLong("ShenandoahMinFreeThreshold");
        long cur = minFree == null ? 10 : minFree;
        if (cur < 20) {
            long to = share >= warn || cur >= 15 ? 20 : 15;
            f.recommend(Recommendation.flags("Start cycles with " + to + " % of the heap still free",
                    FlagChange.set("ShenandoahMinFreeThreshold", to))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "cycles start when " + to + " % instead of " + cur + " % of the heap is free")
                    .confidence(0.5).risk("experimental flag; more frequent cycles").forCollector(Collector.SHENANDOAH)
                    .references("rules.md SHEN-01", "OpenJDK Shenandoah wiki").build());
        }
        Integer more = GcFacts.moreConcThreads(ctx);
        if (more != null) {
            f.recommend(Recommendation.flags("Collect with " + more + " concurrent threads", FlagChange.set("ConcGCThreads", more))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null, "cycles finish sooner")
                    .confidence(0.4).risk("concurrent threads take CPU from the application")
                    .forCollector(Collector.SHENANDOAH).references("rules.md SHEN-01").build());
        }
        if (ctx.targetJdk() >= 25 && !"generational".equalsIgnoreCase(String.valueOf(ctx.flag("ShenandoahGCMode")))) {
            f.recommend(Recommendation.flags("Try generational Shenandoah", FlagChange.set("ShenandoahGCMode", "generational"))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "young collections reclaim short-lived garbage without marking the whole heap")
                    .confidence(0.4).risk("a new mode (product in 25, JEP 521): A/B test; only adaptive heuristics")
                    .forCollector(Collector.SHENANDOAH).references("rules.md SHEN-01", "JEP 521").build());
        }
        return List.of(f.build());
    }
}
