package io.github.jvmadvisor.rules.shenandoah;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
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
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SHEN-01: Shenandoah's concurrent cycle lost the race with the application and finished stop-the-world
 * ({@code Pause Degenerated GC (...)}), or fell further to a full GC. Both mean the heap ran out while a
 * cycle was running: more heap, one more concurrent thread, an earlier trigger
 * ({@code ShenandoahMinFreeThreshold}, experimental), and on JDK 25 the generational mode are the remedies.
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
        if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .effect(Metric.LATENCY, check, Effect.Direction.ELIMINATE, -1.0,
                            Units.bytes(target) + " of heap for a live set of " + Units.bytes(GcFacts.liveSet(m))
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
