package io.github.jvmadvisor.rules.g1;

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
import java.util.List;
import java.util.Set;

/**
 * G1-07: mixed collections ({@code Pause Young (Mixed)}) are longer than the pause goal while young
 * collections meet it: each mixed collection takes too many, or too full, old regions. Spreading the old
 * regions over more mixed collections ({@code G1MixedGCCountTarget} 8 to 16), leaving more garbage behind
 * ({@code G1HeapWastePercent} 5 to 10) and skipping fuller regions ({@code G1MixedGCLiveThresholdPercent},
 * experimental, 85 to 75) shorten them. The model keeps p90 and p99 per pause kind, not p95; the rule reads
 * the p90 (a stricter test than p95 above the goal: more than 10 % of mixed pauses are longer).
 */
public final class G1MixedTooLong implements Rule {

    static final Parameter<Double> INFO_RATIO = Parameter.number("infoRatio", 1.0,
            "mixed pause p90 over MaxGCPauseMillis at which the finding is info (ratio)", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 2.0,
            "mixed pause p90 over MaxGCPauseMillis at which it is a warning (ratio)", true);
    static final Parameter<Long> MIN_MIXED = Parameter.whole("minMixed", 3,
            "mixed collections needed before the rule judges them (count)", true);

    @Override
    public String id() {
        return "G1-07";
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "G1 mixed collections longer than the pause goal";
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
        return List.of(INFO_RATIO, WARN_RATIO, MIN_MIXED);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.PauseStats mixed = m.pausesByKind().get("mixed");
        GcMetrics.PauseStats young = m.pausesByKind().get("young");
        if (mixed == null || mixed.count() < ctx.param(MIN_MIXED)) {
            return List.of();
        }
        long goal = G1PauseGoal.pauseGoal(ctx);
        double ratio = mixed.p90Millis() / goal;
        boolean youngFine = young == null || young.p90Millis() <= goal;
        if (ratio <= ctx.param(INFO_RATIO) || !youngFine) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, Scores.rising(ratio, ctx.param(INFO_RATIO), ctx.param(WARN_RATIO)))
                .summary("Mixed pause p90 " + Units.millis(mixed.p90Millis()) + " is over the " + goal
                        + " ms goal while young pauses meet it"
                        + (young == null ? "" : " (p90 " + Units.millis(young.p90Millis()) + ")"))
                .explanation("Each mixed collection evacuates old regions as well as the young generation; G1 spreads "
                        + "the candidate old regions over G1MixedGCCountTarget collections and stops at "
                        + "G1HeapWastePercent of reclaimable garbage. These take too much old work per pause.")
                .figure(Figure.count("mixed pauses", mixed.count()))
                .figure(Figure.millis("mixed pause p90", mixed.p90Millis()))
                .figure(Figure.millis("mixed pause max", mixed.maxMillis()))
                .figure(Figure.of("MaxGCPauseMillis", goal, "ms"))
                .figure(Figure.of("mixed pause p90 over goal", ratio, ""));
        if (young != null) {
            f.figure(Figure.millis("young pause p90", young.p90Millis()));
        }
        String check = "mixed pause p90 against MaxGCPauseMillis";
        String refs = "Oracle G1 tuning guide, tuning mixed collections";
        Long count = ctx.flagLong("G1MixedGCCountTarget");
        long curCount = count == null ? 8 : count;
        if (curCount < 16) {
            f.recommend(Recommendation.flags("Spread old regions over 16 mixed collections",
                    FlagChange.set("G1MixedGCCountTarget", 16))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "about " + curCount + "/16 of the old work per mixed pause")
                    .confidence(0.6).risk("old regions are reclaimed more slowly")
                    .forCollector(Collector.G1).references("rules.md G1-07", refs).build());
        }
        Long waste = ctx.flagLong("G1HeapWastePercent");
        long curWaste = waste == null ? 5 : waste;
        if (curWaste < 10) {
            f.recommend(Recommendation.flags("Stop mixed collections with 10 % of the heap reclaimable",
                    FlagChange.set("G1HeapWastePercent", 10))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "the most expensive old regions, at the end of the candidate list, are left out")
                    .confidence(0.5).risk("up to 10 % of the heap stays garbage until the next marking")
                    .forCollector(Collector.G1).references("rules.md G1-07", refs).build());
        }
        Long live = ctx.flagLong("G1MixedGCLiveThresholdPercent");
        long curLive = live == null ? 85 : live;
        if (curLive > 75) {
            f.recommend(Recommendation.flags("Skip old regions more than 75 % live",
                    FlagChange.set("G1MixedGCLiveThresholdPercent", 75))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "regions over 75 % (instead of " + curLive + " %) live are not copied in mixed collections")
                    .confidence(0.4).risk("experimental flag; more fragmentation")
                    .forCollector(Collector.G1).references("rules.md G1-07", refs).build());
        }
        return List.of(f.build());
    }
}
