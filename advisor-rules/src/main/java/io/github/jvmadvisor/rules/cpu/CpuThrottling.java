package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CPU-02: the container's CFS quota throttles the JVM: in a share of the scheduler periods its threads
 * used up the quota and were stopped until the next period. The JVM rounds a fractional quota up when it
 * counts CPUs, so it runs more GC and JIT threads than the quota feeds; pauses then last whole periods.
 * {@code -XX:ActiveProcessorCount=max(1, floor(quota))} (automaxprocs' floor policy) matches the pools to the
 * quota; better still, raise the limit or set request = limit.
 */
public final class CpuThrottling implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.10,
            "share of CFS periods throttled (fraction) at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.25,
            "share of CFS periods throttled (fraction) at which it is a warning", true);

    @Override
    public String id() {
        return "CPU-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS);
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "The container's CPU quota throttles the JVM";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_USAGE);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Resources.ContainerUsage u = ctx.evidence().resources().map(Resources::container).orElse(null);
        Double share = u == null ? null : u.throttledShare();
        if (share == null || share <= 0) {
            return List.of();
        }
        Double quota = ctx.jvm().map(JvmConfig::container).map(ContainerLimits::cpuQuotaCores).orElse(null);
        Integer cpus = ctx.cpus();
        Finding.Builder fb = Finding.of(this, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)))
                .summary(String.format(java.util.Locale.ROOT, "%.1f %% of CPU periods were throttled", share * 100)
                        + (quota == null ? "" : " under a quota of " + RequestsOnlyPod.fmt(quota) + " CPUs"))
                .explanation("In " + u.cpuThrottledSlices() + " of " + u.cpuElapsedSlices() + " CFS periods the "
                        + "container used its whole quota and its threads waited for the next period"
                        + (u.cpuThrottledNanos() == null ? "" : " (" + io.github.jvmadvisor.core.rule.Units.millis(
                                u.cpuThrottledNanos() / 1e6) + " in all)")
                        + ". A GC pause or request caught by it lasts at least the rest of the period.")
                .figure(Figure.share("throttled periods", share))
                .figure(Figure.count("throttled periods", u.cpuThrottledSlices()))
                .figure(Figure.count("elapsed periods", u.cpuElapsedSlices()));
        if (quota != null) {
            fb.figure(Figure.of("CPU quota", quota, "cpus"));
        }
        if (cpus != null) {
            fb.figure(Figure.of("CPUs counted", cpus, "cpus"));
        }
        if (quota != null && !ctx.asked("ActiveProcessorCount")) {
            int floor = (int) Math.max(1, Math.floor(quota));
            if (cpus == null || floor < cpus) {
                fb.recommend(Recommendation.flags("Match the JVM's pools to the quota: -XX:ActiveProcessorCount=" + floor,
                        FlagChange.set("ActiveProcessorCount", floor))
                        .effect(Metric.LATENCY, "throttled CFS periods", Effect.Direction.DECREASE, null,
                                "fewer runnable GC and JIT threads than the quota feeds; throttled periods below 5 %")
                        .confidence(0.6)
                        .risk("fewer GC threads make each pause longer when the quota is not exhausted")
                        .references("rules.md CPU-02", "automaxprocs README (floor policy)").build());
            }
        }
        fb.recommend(Recommendation.action("Raise the CPU limit, or set the request equal to the limit",
                "give the container more CPU quota (Microsoft: at least 2 CPUs for any collector but Serial), or make "
                        + "request = limit so the scheduler places it where the quota can be used")
                .effect(Metric.LATENCY, "throttled CFS periods", Effect.Direction.DECREASE, null,
                        "throttled periods below 5 %; GC real time close to (user + sys) / threads")
                .confidence(0.8).references("rules.md CPU-02", "Microsoft Learn kubernetes.md").build());
        return List.of(fb.build());
    }
}
