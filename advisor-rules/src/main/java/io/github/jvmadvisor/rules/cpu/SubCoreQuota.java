package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CPU-03: a CPU quota below one core (500m, say). The JVM counts one CPU, so ergonomics pick Serial, and
 * the one core is shared by the application, the GC and both JIT compilers: warm-up crawls and every
 * collection is throttled. Microsoft's guidance is never below 1 vCPU, and 2 for any collector but Serial.
 * Short jobs can stop at C1 ({@code -XX:TieredStopAtLevel=1}); a non-Serial collector chosen by hand only
 * adds threads the quota cannot feed.
 */
public final class SubCoreQuota implements Rule {

    @Override
    public String id() {
        return "CPU-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "CPU quota below one core";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        ContainerLimits limits = ctx.jvm().isPresent() ? ctx.jvm().get().container() : null;
        Double quota = limits == null ? null : limits.cpuQuotaCores();
        if (quota == null || quota >= 1.0) {
            return List.of();
        }
        Collector c = ctx.collector();
        Finding.Builder fb = Finding.of(this, Math.max(25, Scores.falling(quota, 1.0, 0.5)))
                .summary("The CPU quota is " + RequestsOnlyPod.fmt(quota) + " of a core")
                .explanation("Below one core the JVM counts 1 CPU, picks Serial unless told otherwise, and shares the "
                        + "fraction of a core between the application, the collector and the JIT compilers; "
                        + "warm-up and every collection are throttled.")
                .figure(Figure.of("CPU quota", quota, "cpus"))
                .figure(Figure.text("collector", c == null ? "unknown" : c.displayName()))
                .recommend(Recommendation.action("Give the container at least 1 CPU, 2 for a collector other than Serial",
                        "raise the CPU limit to at least 1000m (2000m for G1, Parallel, ZGC or Shenandoah)")
                        .effect(Metric.LATENCY, "throttled CFS periods", Effect.Direction.DECREASE, null,
                                "warm-up and GC no longer wait for the next CFS period")
                        .confidence(0.8).references("rules.md CPU-03", "Microsoft Learn containers overview").build());
        if (c != null && c != Collector.SERIAL && c != Collector.EPSILON) {
            fb.recommend(Recommendation.flags("Use Serial: one GC thread is all the quota feeds",
                    FlagChange.enable("UseSerialGC"))
                    .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                            "no concurrent GC threads competing for a fraction of a core")
                    .confidence(0.6).forCollector(Collector.SERIAL)
                    .risk("longer pauses on large heaps")
                    .references("rules.md CPU-03", "rules.md §6.1").build());
        }
        // C1 only trades steady-state speed for start-up: not in a test JVM or a JMH fork that measures steady state
        if (!ctx.asked("TieredStopAtLevel") && ctx.startupAdviceFits()) {
            fb.recommend(Recommendation.flags("For short jobs only: compile with C1 alone",
                    FlagChange.set("TieredStopAtLevel", 1))
                    .effect(Metric.STARTUP, "time to first result", Effect.Direction.DECREASE, null,
                            "no C2 compilations competing for the quota during warm-up")
                    .confidence(0.3)
                    .risk("peak throughput of long-running services drops (no C2)")
                    .references("rules.md CPU-03").build());
        }
        return List.of(fb.build());
    }
}
