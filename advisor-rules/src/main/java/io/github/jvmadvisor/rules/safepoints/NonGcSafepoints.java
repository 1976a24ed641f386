package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SP-01: the application stops for things other than garbage collection. GC/SP is the share of all
 * safepoint time spent in collector operations (from the safepoint lines' operation names; the pause total
 * when the log names none); below 80 % (garbagecat's limit) the non-GC operations (thread dumps,
 * deoptimisation, class redefinition, biased-lock revocation on 17, handshakes) are a stopped-time cost of
 * their own, and GC tuning will not remove it. Quiet when the non-GC stopped time is negligible
 * ({@code minNonGcShare} of the wall time).
 */
public final class NonGcSafepoints implements Rule {

    static final Parameter<Double> GC_SHARE = Parameter.number("gcShare", 0.8,
            "GC share of safepoint time (fraction) below which non-GC safepoints are reported", true);
    static final Parameter<Double> WARN_GC_SHARE = Parameter.number("warnGcShare", 0.5,
            "GC share of safepoint time (fraction) at which it is a warning", true);
    static final Parameter<Double> MIN_NON_GC = Parameter.number("minNonGcShare", 0.001,
            "non-GC safepoint time as a fraction of the wall time below which the rule stays quiet", true);

    @Override
    public String id() {
        return "SP-01";
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "Safepoints other than GC";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.SAFEPOINTS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GC_SHARE, WARN_GC_SHARE, MIN_NON_GC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.SafepointStats s = m.safepoints();
        if (s.totalMillis() <= 0) {
            return List.of();
        }
        Double gc = SafepointOps.gcMillis(s);
        if (gc == null) {
            gc = m.pauses() == null ? 0 : m.pauses().totalMillis();
        }
        gc = Math.min(gc, s.totalMillis());
        double share = gc / s.totalMillis();
        double nonGc = s.totalMillis() - gc;
        Double wall = m.durationSeconds();
        double nonGcShare = wall == null || wall <= 0 ? Double.NaN : nonGc / (wall * 1000);
        if (share >= ctx.param(GC_SHARE) || !(nonGcShare >= ctx.param(MIN_NON_GC))) {
            return List.of();
        }
        List<Map.Entry<String, GcMetrics.OperationStats>> ops = SafepointOps.nonGc(s);
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, GcMetrics.OperationStats> e : ops.subList(0, Math.min(3, ops.size()))) {
            top.add(String.format(Locale.ROOT, "%s (%d, %s)", e.getKey(), e.getValue().count(),
                    Units.millis(e.getValue().totalMillis())));
        }
        String topText = top.isEmpty() ? "unnamed operations" : String.join(", ", top);
        Finding.Builder f = Finding.of(this, Scores.falling(share, ctx.param(GC_SHARE), ctx.param(WARN_GC_SHARE)))
                .summary(String.format(Locale.ROOT, "GC is only %.0f %% of the stopped time; %s stopped for %s",
                        100 * share, Units.millis(nonGc), topText))
                .explanation("Of " + Units.millis(s.totalMillis()) + " at safepoints, " + Units.millis(nonGc)
                        + " were not collections. Those stops are not reduced by GC tuning: find what requests them "
                        + "(monitoring agents taking thread dumps, deoptimisation storms, class redefinition, "
                        + "biased-lock revocation on 17, blocking log output) and check the time to safepoint (SP-05).")
                .figure(Figure.share("GC share of safepoint time", share))
                .figure(Figure.millis("non-GC safepoint time", nonGc))
                .figure(Figure.millis("safepoint time", s.totalMillis()))
                .figure(Figure.text("top non-GC operations", topText));
        if (!Double.isNaN(nonGcShare)) {
            f.figure(Figure.share("non-GC stopped share of wall time", nonGcShare));
        }
        f.recommend(Recommendation.action("Find and reduce the non-GC safepoint operations",
                        "Rank the safepoint lines by operation (" + topText + "); stop periodic thread dumps or heap "
                                + "histograms, look for deoptimisation (jdk.Deoptimization) and class redefinition by "
                                + "agents; write logs asynchronously with -Xlog:async")
                .effect(Metric.LATENCY, "GC share of safepoint time", Effect.Direction.INCREASE, null,
                        "GC/SP at 80 % or more; less stopped time outside GC")
                .confidence(0.6)
                .references("rules.md SP-01", "garbagecat warn.gc.safepoint.ratio", "JMC VMOperations rule")
                .build());
        return List.of(f.build());
    }
}
