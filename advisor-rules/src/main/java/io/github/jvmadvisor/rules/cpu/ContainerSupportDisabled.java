package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * CPU-05: {@code -XX:-UseContainerSupport}. The JVM then ignores the container's memory limit and CPU quota
 * and sizes the heap from the host's RAM and its thread pools from the host's CPUs: the heap may outgrow
 * the container (a kill) and the pools oversubscribe the quota. A warning when the run is known to be
 * limited, info otherwise.
 */
public final class ContainerSupportDisabled implements Rule {

    @Override
    public String id() {
        return "CPU-05";
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "Container support switched off";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CPUS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Boolean.FALSE.equals(ctx.flagBoolean("UseContainerSupport"))) {
            return List.of();
        }
        var c = ctx.jvm().map(j -> j.container()).orElse(null);
        boolean limited = c != null && (c.memoryLimitBytes() != null || c.cpuQuotaCores() != null);
        return List.of(Finding.of(this, limited ? 85 : 45)
                .summary("-XX:-UseContainerSupport: heap and threads are sized for the host, not the container")
                .explanation("Without container support the JVM reads the host's memory and CPUs"
                        + (limited ? ", yet this run is limited" + (c.memoryLimitBytes() == null ? ""
                                : " to " + io.github.jvmadvisor.core.rule.Units.bytes(c.memoryLimitBytes()))
                                + (c.cpuQuotaCores() == null ? "" : " and " + RequestsOnlyPod.fmt(c.cpuQuotaCores())
                                        + " CPUs") : "")
                        + ": the default heap may outgrow the limit and the GC and JIT pools oversubscribe the quota.")
                .figure(Figure.text("UseContainerSupport", "false"))
                .recommend(Recommendation.flags("Remove -XX:-UseContainerSupport", FlagChange.remove("UseContainerSupport"))
                        .effect(Metric.RELIABILITY, "container memory kills", Effect.Direction.ELIMINATE, null,
                                "heap and thread pools sized from the container's limits")
                        .confidence(0.9)
                        .references("rules.md CPU-05", "joa warn.container.support.disabled").build())
                .build());
    }
}
