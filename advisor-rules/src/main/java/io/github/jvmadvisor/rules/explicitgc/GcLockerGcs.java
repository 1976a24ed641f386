package io.github.jvmadvisor.rules.explicitgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.rules.RuleSupport;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * EXP-05: collections started by the GC locker ({@code GCLocker Initiated GC}): a thread in a JNI critical
 * region held off a collection, and when it left, the JVM ran the delayed one, often followed by more as
 * allocations queued behind it. On G1 up to JDK 21 the cure is JDK 22+, where region pinning (JEP 423) lets
 * collections run around critical regions; otherwise fewer or shorter critical regions, or more heap.
 * Scored by the share of pauses, as JMC's GcLocker rule (info at 10 %).
 */
public final class GcLockerGcs implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.10,
            "share of pauses started by the GC locker (fraction) at which the finding is info", false);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.30,
            "share of pauses started by the GC locker (fraction) at which it is a warning", true);

    @Override
    public String id() {
        return "EXP-05";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "Collections started by the GC locker (JNI critical regions)";
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
        long n = RuleSupport.pausesCausedBy(ctx, "GCLocker");
        if (n == 0 || m.pauses() == null || m.pauses().count() == 0) {
            return List.of();
        }
        double share = n / (double) m.pauses().count();
        double ms = RuleSupport.pauseMillisCausedBy(ctx, "GCLocker");
        Collector c = ctx.collector();
        Integer ran = ctx.runJdk();
        Finding.Builder fb = Finding.of(this, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)))
                .summary(n + " of " + m.pauses().count() + " pauses were started by the GC locker")
                .explanation("Threads in JNI critical regions (GetPrimitiveArrayCritical, some zip and crypto code) "
                        + "held off collections; each delayed collection ran when the last one left, "
                        + String.format(java.util.Locale.ROOT, "%.1f %%", share * 100) + " of all pauses.")
                .figure(Figure.count("GCLocker pauses", n))
                .figure(Figure.share("share of pauses", share))
                .figure(Figure.millis("their pause time", ms));
        if (c == Collector.G1 && (ran == null || ran <= 21) && ctx.targetJdk() >= 22) {
            fb.recommend(Recommendation.action("Run on JDK 22 or later: G1 pins regions instead of locking out GC",
                    "upgrade to JDK " + ctx.targetJdk() + " (JEP 423 region pinning: JNI critical regions no longer "
                            + "block G1 collections)")
                    .effect(Metric.LATENCY, "GCLocker pause count", Effect.Direction.ELIMINATE, -1.0,
                            "no GCLocker-initiated collections")
                    .confidence(0.8).forCollector(Collector.G1).references("rules.md EXP-05", "JEP 423").build());
        }
        fb.recommend(Recommendation.action("Shorten or remove JNI critical regions, or give the heap more room",
                "find the native code holding GetPrimitiveArrayCritical/GetStringCritical across long work; a larger "
                        + "young generation makes a locked-out allocation less likely to need a collection")
                .effect(Metric.LATENCY, "GCLocker pause count", Effect.Direction.DECREASE, null,
                        "fewer collections delayed by critical regions")
                .confidence(0.4).references("rules.md EXP-05", "garbagecat warn.gc.locker", "JMC GcLocker").build());
        return List.of(fb.build());
    }
}
