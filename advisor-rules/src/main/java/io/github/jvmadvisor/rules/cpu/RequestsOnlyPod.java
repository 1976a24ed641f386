package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.ContainerLimits;
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
 * CPU-01: a container with a CPU request but no limit (no CFS quota). The JVM ignores CPU shares (since
 * JDK-8281181), so it counts every CPU of the node and sizes GC, JIT and fork-join pools for them while the
 * pod is guaranteed only its request. The request is read from the cgroup's CPU shares (Kubernetes writes
 * 1024 per requested core); {@code -XX:ActiveProcessorCount=ceil(request)} sizes the pools for it.
 */
public final class RequestsOnlyPod implements Rule {

    static final Parameter<Double> INFO_RATIO = Parameter.number("infoRatio", 2.0,
            "CPUs the JVM counts over the CPUs requested, at which the finding is info", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 4.0,
            "CPUs the JVM counts over the CPUs requested, at which it is a warning", true);

    @Override
    public String id() {
        return "CPU-01";
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
        return "CPU request without a limit: the JVM sizes itself for the whole node";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_RATIO, WARN_RATIO);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        ContainerLimits c = ctx.jvm().isPresent() ? ctx.jvm().get().container() : null;
        Integer cpus = ctx.cpus();
        if (c == null || c.cpuQuotaCores() != null || c.cpuShares() == null || cpus == null
                || ctx.asked("ActiveProcessorCount")) {
            return List.of();
        }
        double request = c.cpuShares() / 1024.0;
        int wanted = (int) Math.max(1, Math.ceil(request));
        if (wanted >= cpus) {
            return List.of();
        }
        double ratio = cpus / request;
        return List.of(Finding.of(this, Scores.rising(ratio, ctx.param(INFO_RATIO), ctx.param(WARN_RATIO)))
                .summary("The JVM counts " + cpus + " CPUs but the container requests " + fmt(request)
                        + " and has no limit")
                .explanation("CPU shares of " + c.cpuShares() + " mean a request of " + fmt(request) + " CPUs. The JVM "
                        + "ignores shares, so GC threads, JIT compiler threads and the common pool are sized for "
                        + cpus + " CPUs the pod is not guaranteed.")
                .figure(Figure.of("CPUs counted", cpus, "cpus"))
                .figure(Figure.of("CPU request", request, "cpus"))
                .figure(Figure.of("CPU shares", c.cpuShares(), ""))
                .recommend(Recommendation.flags("Size the JVM for the request: -XX:ActiveProcessorCount=" + wanted,
                        FlagChange.set("ActiveProcessorCount", wanted))
                        .effect(Metric.THROUGHPUT, "GC and JIT thread counts", Effect.Direction.DECREASE,
                                (wanted - cpus) / (double) cpus, "pools sized for " + wanted + " CPUs instead of " + cpus)
                        .confidence(0.7)
                        .risk("when the node is idle the JVM no longer uses its spare CPUs; setting the limit equal to "
                                + "the request is the alternative")
                        .references("rules.md CPU-01", "Microsoft Learn kubernetes.md", "JDK-8281181").build())
                .build());
    }

    static String fmt(double v) {
        return io.github.jvmadvisor.core.rule.Units.number(v);
    }
}
