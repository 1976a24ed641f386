package io.github.jvmadvisor.rules.explicitgc;

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
import io.github.jvmadvisor.rules.RuleSupport;
import java.util.List;
import java.util.Set;

/**
 * EXP-01: {@code System.gc()} calls make stop-the-world full collections. With G1 the JVM can run them
 * as concurrent cycles instead ({@code -XX:+ExplicitGCInvokesConcurrent}); Serial and Parallel have no
 * concurrent cycle, so there the callers must go (or, when no NIO direct buffers or RMI depend on them,
 * {@code -XX:+DisableExplicitGC}). Scored by the share of pause time the explicit collections took.
 */
public final class SystemGcFullPauses implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.05,
            "share of all pause time spent in System.gc() collections at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.25,
            "share of all pause time spent in System.gc() collections at which it is a warning", true);

    @Override
    public String id() {
        return "EXP-01";
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "System.gc() makes stop-the-world full collections";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long fulls = RuleSupport.fullGcsCausedBy(ctx, "System.gc");
        double ms = RuleSupport.pauseMillisCausedBy(ctx, "System.gc");
        Collector c = ctx.collector();
        if (fulls == 0 || c == Collector.ZGC || c == Collector.SHENANDOAH) {
            // ZGC and Shenandoah (ExplicitGCInvokesConcurrent set ergonomically) run them concurrently
            return List.of();
        }
        double total = m.pauses().totalMillis();
        double share = total > 0 ? ms / total : 1;
        double score = Math.max(30, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)));
        Finding.Builder f = Finding.of(this, score)
                .summary(fulls + " full GC" + (fulls == 1 ? "" : "s") + " from System.gc() took "
                        + io.github.jvmadvisor.core.rule.Units.millis(ms) + " of pauses")
                .explanation("Explicit System.gc() calls stop the application for a full collection. They took "
                        + String.format(java.util.Locale.ROOT, "%.1f %%", share * 100) + " of all pause time.")
                .figure(Figure.count("System.gc() full GCs", fulls))
                .figure(Figure.millis("System.gc() pause time", ms))
                .figure(Figure.share("share of pause time", share));
        if (c == Collector.G1 && !Boolean.TRUE.equals(ctx.flagBoolean("ExplicitGCInvokesConcurrent"))) {
            f.recommend(Recommendation.flags("Run System.gc() as a concurrent G1 cycle",
                    FlagChange.enable("ExplicitGCInvokesConcurrent"))
                    .effect(Metric.LATENCY, "System.gc() full GC count", Effect.Direction.ELIMINATE, -1.0,
                            fulls + " full pauses (" + io.github.jvmadvisor.core.rule.Units.millis(ms)
                                    + ") become concurrent cycles with short pauses")
                    .confidence(0.9).forCollector(Collector.G1)
                    .references("rules.md EXP-01", "garbagecat error.explicit.gc.serial.g1").build());
        }
        f.recommend(Recommendation.action("Find and remove the System.gc() callers",
                "Record jdk.SystemGC with stack traces (on in the default settings) to find the callers; if none can "
                        + "be changed and no NIO direct buffers or RMI depend on them, -XX:+DisableExplicitGC ignores them")
                .effect(Metric.LATENCY, "System.gc() full GC count", Effect.Direction.ELIMINATE, -1.0,
                        "no full pauses from explicit calls")
                .confidence(0.6).references("rules.md EXP-01").build());
        return List.of(f.build());
    }
}
