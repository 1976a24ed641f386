package io.github.jvmadvisor.rules.g1;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * G1-04: G1 misses its pause goal, or its pauses are large against the request latency budget. Two
 * triggers: more than {@code exceedShare} of young pauses are longer than {@code MaxGCPauseMillis} (the model
 * keeps p90 and p99, so "more than 10 %" is read as the young p90 above the goal), or, with a request
 * latency log, the p99 of all pauses is above {@code sloShare} of the request SLO (the {@code sloMillis}
 * parameter, else the request p99 of the log). A fixed young generation ({@code -Xmn}, {@code NewRatio},
 * {@code NewSize}) disables G1's pause control, so then the only advice is G1-06. Otherwise: a pause goal of
 * {@code min(200, goalShare x SLO)}, and for young pauses that stay long a smaller minimum young generation
 * ({@code G1NewSizePercent}, experimental); if that fails a concurrent collector (GCSEL-03).
 */
public final class G1PauseGoal implements Rule {

    static final Parameter<Double> INFO_RATIO = Parameter.number("infoRatio", 1.0,
            "young pause p90 over MaxGCPauseMillis at which the finding is info (ratio; 1 = 10 % of young pauses "
                    + "over the goal)", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 2.0,
            "young pause p90 over MaxGCPauseMillis at which it is a warning (ratio)", true);
    static final Parameter<Double> SLO_MILLIS = Parameter.number("sloMillis", 0,
            "the request latency SLO (milliseconds); 0 = take the request p99 of the latency log", false);
    static final Parameter<Double> SLO_SHARE = Parameter.number("sloShare", 0.2,
            "pause p99 over the request SLO above which pauses are too long for it (fraction)", true);
    static final Parameter<Double> GOAL_SHARE = Parameter.number("goalShare", 0.1,
            "the pause goal recommended, as a share of the request SLO (fraction; rules.md 0.1 to 0.2)", true);

    static final List<String> YOUNG_SIZING = List.of("NewSize", "MaxNewSize", "NewRatio");

    @Override
    public String id() {
        return "G1-04";
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "G1 pauses over the pause goal or the latency SLO";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.LATENCY);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_RATIO, WARN_RATIO, SLO_MILLIS, SLO_SHARE, GOAL_SHARE);
    }

    /** The pause goal in effect: the flag, else G1's 200 ms. */
    static long pauseGoal(RuleContext ctx) {
        Long g = ctx.flagLong("MaxGCPauseMillis");
        return g == null || g <= 0 ? 200 : g;
    }

    /**
     * The request SLO in milliseconds: the parameter when set, else the largest request p99 of the latency
     * logs with a known unit; {@code null} when neither.
     */
    static Double slo(RuleContext ctx, Parameter<Double> param) {
        double given = ctx.param(param);
        if (given > 0) {
            return given;
        }
        Double worst = null;
        for (LatencyLog log : ctx.evidence().latency()) {
            for (LatencySeries s : log.series()) {
                Double p99 = s.unit().known() ? s.unit().toMillis(s.overall().p99()) : null;
                if (p99 != null && p99 > 0 && (worst == null || p99 > worst)) {
                    worst = p99;
                }
            }
        }
        return worst;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.PauseStats young = m.pausesByKind().get("young");
        GcMetrics.PauseStats all = m.pauses();
        long goal = pauseGoal(ctx);
        double ratio = young == null || young.count() == 0 ? 0 : young.p90Millis() / goal;
        boolean overGoal = ratio > ctx.param(INFO_RATIO);
        Double slo = slo(ctx, SLO_MILLIS);
        boolean sloGiven = ctx.param(SLO_MILLIS) > 0;
        double sloShare = ctx.param(SLO_SHARE);
        boolean overSlo = slo != null && all != null && all.count() > 0 && all.p99Millis() > sloShare * slo;
        if (!overGoal && !overSlo) {
            return List.of();
        }
        double score = Math.max(overGoal ? Scores.rising(ratio, ctx.param(INFO_RATIO), ctx.param(WARN_RATIO)) : 0,
                overSlo ? Scores.rising(all.p99Millis() / slo, sloShare, 2.5 * sloShare) : 0);
        List<String> why = new ArrayList<>();
        if (overGoal) {
            why.add("young pause p90 " + Units.millis(young.p90Millis()) + " is over the " + goal + " ms goal");
        }
        if (overSlo) {
            why.add("pause p99 " + Units.millis(all.p99Millis()) + " is over " + Math.round(sloShare * 100) + " % of the "
                    + Units.millis(slo) + (sloGiven ? " request SLO" : " request p99"));
        }
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(), score))
                .summary("G1 pauses too long: " + String.join("; ", why))
                .explanation("G1 sizes the young generation so that pauses meet MaxGCPauseMillis (" + goal + " ms). "
                        + (overGoal ? "More than 10 % of young pauses are longer, so the goal is not met. " : "")
                        + (overSlo ? "The pause tail is a large part of the request latency budget"
                                + (sloGiven ? "" : " (no SLO given: the request p99 of the latency log stands for it)")
                                + ". " : "") + GcFacts.explicitGcNote(ctx.metrics()).trim()).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.of("MaxGCPauseMillis", goal, "ms"));
        if (young != null) {
            f.figure(Figure.count("young pauses", young.count()));
            f.figure(Figure.millis("young pause p90", young.p90Millis()));
            f.figure(Figure.millis("young pause p99", young.p99Millis()));
            f.figure(Figure.of("young pause p90 over goal", ratio, ""));
        }
        if (all != null) {
            f.figure(Figure.millis("pause p99", all.p99Millis()));
        }
        if (slo != null) {
            f.figure(Figure.millis(sloGiven ? "request SLO" : "request p99", slo));
        }
        String check = "young pause p90 against MaxGCPauseMillis";

        List<String> fixed = new ArrayList<>();
        for (String name : YOUNG_SIZING) {
            if (ctx.asked(name)) {
                var s = ctx.options().lastSetting(name);
                String text = s != null ? s.option().text() : "-XX:" + name + "=" + ctx.flag(name);
                if (!fixed.contains(text)) {
                    fixed.add(text);
                }
            }
        }
        if (!fixed.isEmpty()) {
            f.figure(Figure.text("young-generation options", String.join(" ", fixed)));
            f.recommend(Recommendation.action("Let G1 size the young generation first (G1-06)",
                    "Remove " + String.join(" ", fixed) + ": with a fixed young generation G1 cannot shorten young pauses "
                            + "to any goal, so the pause goal is not worth tuning until they are gone")
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "G1 shrinks the young generation to meet the goal again")
                    .confidence(0.7).forCollector(Collector.G1).references("rules.md G1-04", "rules.md G1-06").build());
            return List.of(f.build());
        }

        if (overSlo) {
            long target = Math.max(1, Math.min(200, Math.round(ctx.param(GOAL_SHARE) * slo)));
            if (target < goal) {
                f.recommend(Recommendation.flags("Set the pause goal to " + target + " ms",
                        FlagChange.set("MaxGCPauseMillis", target))
                        .effect(Metric.LATENCY, "pause p99", Effect.Direction.DECREASE, null,
                                "G1 aims at " + target + " ms (" + Math.round(ctx.param(GOAL_SHARE) * 100) + " % of "
                                        + Units.millis(slo) + ") with a smaller young generation")
                        .confidence(0.5).risk("more frequent young collections; a little more GC CPU")
                        .forCollector(Collector.G1).references("rules.md G1-04", "Oracle G1 tuning guide").build());
            }
        }
        if (overGoal) {
            Long cur = ctx.flagLong("G1NewSizePercent");
            long now = cur == null ? 5 : cur;
            if (now > 1) {
                long to = Math.max(1, now / 2);
                f.recommend(Recommendation.flags("Let the young generation shrink to " + to + " % of the heap",
                        FlagChange.set("G1NewSizePercent", to))
                        .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                                "G1 may shrink the young generation below " + now + " % of the heap to meet the goal; "
                                        + "if pauses stay long, a concurrent collector (GCSEL-03) is the next step")
                        .confidence(0.3).risk("experimental flag; more frequent young collections")
                        .forCollector(Collector.G1).references("rules.md G1-04", "Oracle G1 tuning guide").build());
            }
        }
        return List.of(f.build());
    }
}
