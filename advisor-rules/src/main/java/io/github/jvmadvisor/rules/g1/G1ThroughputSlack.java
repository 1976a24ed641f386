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
import io.github.jvmadvisor.core.rule.Goal;
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
 * G1-05: G1's pauses are far below the pause goal (p99 under {@code slackShare} of
 * {@code MaxGCPauseMillis}) while GC takes more than {@code gcCpuInfo} of the CPU: the collector buys pause
 * times nobody asked for with throughput. A longer pause goal lets G1 grow the young generation (fewer
 * collections, less GC CPU); {@code G1MaxNewSizePercent} (experimental) raises the ceiling on that growth, and
 * a heap under 3 x the live set is sized per HEAP-04. Quiet for the latency goal and when a stated request
 * SLO ({@code sloMillis}) leaves no room for the longer goal.
 */
public final class G1ThroughputSlack implements Rule {

    static final Parameter<Double> SLACK_SHARE = Parameter.number("slackShare", 0.3,
            "pause p99 over MaxGCPauseMillis below which pauses have slack (fraction)", true);
    static final Parameter<Double> GC_CPU_INFO = Parameter.number("gcCpuInfo", 0.05,
            "GC CPU share of the available CPU above which the finding is info (fraction)", true);
    static final Parameter<Double> GC_CPU_WARN = Parameter.number("gcCpuWarn", 0.15,
            "GC CPU share at which it is a warning (fraction)", true);
    static final Parameter<Double> SLO_MILLIS = Parameter.number("sloMillis", 0,
            "the request latency SLO (milliseconds); 0 = none stated", false);
    static final Parameter<Double> SLO_SHARE = Parameter.number("sloShare", 0.2,
            "the largest pause goal a stated SLO allows, as a share of it (fraction; as G1-04)", true);
    static final Parameter<Double> MAX_GOAL = Parameter.number("maxGoalMillis", 500,
            "the longest pause goal this rule recommends (milliseconds; Oracle: 200 -> 400-500)", true);

    @Override
    public String id() {
        return "G1-05";
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
        return "G1 pauses far below the goal while GC costs CPU";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.GC_CPU);
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
        return List.of(SLACK_SHARE, GC_CPU_INFO, GC_CPU_WARN, SLO_MILLIS, SLO_SHARE, MAX_GOAL);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() == Goal.LATENCY) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        GcMetrics.PauseStats all = m.pauses();
        Double cpu = m.gcCpuFraction();
        if (all == null || all.count() == 0 || cpu == null) {
            return List.of();
        }
        long goal = G1PauseGoal.pauseGoal(ctx);
        double slack = all.p99Millis() / goal;
        if (slack >= ctx.param(SLACK_SHARE) || cpu <= ctx.param(GC_CPU_INFO)) {
            return List.of();
        }
        long newGoal = Math.min(Math.round(ctx.param(MAX_GOAL)), 2 * goal);
        double slo = ctx.param(SLO_MILLIS);
        if (slo > 0) {
            newGoal = Math.min(newGoal, Math.round(ctx.param(SLO_SHARE) * slo));
        }
        Long target = GcFacts.heapTarget(ctx);
        if (newGoal <= goal && target == null) {
            return List.of(); // the SLO leaves no room and the heap is not small
        }
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cpu, ctx.param(GC_CPU_INFO), ctx.param(GC_CPU_WARN))))
                .summary("GC takes " + GcFacts.pct(cpu) + " of the CPU while the pause p99 (" + Units.millis(all.p99Millis())
                        + ") is " + Math.round(slack * 100) + " % of the " + goal + " ms goal")
                .explanation("G1 keeps the young generation small enough to meet MaxGCPauseMillis; with pauses this far "
                        + "below the goal it collects more often than it needs to. A longer goal trades pause time, which "
                        + "has slack, for fewer collections." + GcFacts.explicitGcNote(ctx.metrics())).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.share("GC CPU", cpu))
                .figure(Figure.millis("pause p99", all.p99Millis()))
                .figure(Figure.of("MaxGCPauseMillis", goal, "ms"))
                .figure(Figure.of("pause p99 over goal", slack, ""));
        GcFacts.heapFigures(ctx).forEach(f::figure);
        String check = "GC CPU share";
        String refs = "Oracle G1 tuning guide, improving throughput";
        if (newGoal > goal) {
            f.recommend(Recommendation.flags("Relax the pause goal to " + newGoal + " ms", FlagChange.set("MaxGCPauseMillis", newGoal))
                    .effect(Metric.THROUGHPUT, check, Effect.Direction.DECREASE, null,
                            "a larger young generation: fewer collections for the same allocation; pauses may grow "
                                    + "toward " + newGoal + " ms")
                    .confidence(0.6).risk("longer pauses").forCollector(Collector.G1)
                    .references("rules.md G1-05", refs).build());
            Long maxNew = ctx.flagLong("G1MaxNewSizePercent");
            long curMax = maxNew == null ? 60 : maxNew;
            if (curMax < 75) {
                f.recommend(Recommendation.flags("Let the young generation grow to 75 % of the heap",
                        FlagChange.set("G1MaxNewSizePercent", 75))
                        .effect(Metric.THROUGHPUT, check, Effect.Direction.DECREASE, null,
                                "the young generation may take 75 % instead of " + curMax + " % of the heap")
                        .confidence(0.3).risk("experimental flag; less room for the old generation")
                        .forCollector(Collector.G1).references("rules.md G1-05", refs).build());
            }
        }
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap();
        if (target != null && xmx > lds) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.THROUGHPUT, check, Effect.Direction.DECREASE,
                            -(1 - (double) (xmx - lds) / (target - lds)),
                            "GC CPU scales with 1/headroom: (" + Units.bytes(xmx) + " - " + Units.bytes(lds) + ") / ("
                                    + Units.bytes(target) + " - " + Units.bytes(lds) + ")")
                    .confidence(0.6).forCollector(Collector.G1).references("rules.md G1-05", "rules.md HEAP-04").build());
        }
        return List.of(f.build());
    }
}
