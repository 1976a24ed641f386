package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.RunContext;
import java.util.List;
import java.util.Set;

/**
 * OBS-04: in a container the JVM still maps its performance counters to a file,
 * {@code hsperfdata_<user>/<pid>} under {@code java.io.tmpdir}, and writes it as it runs: disk I/O on an
 * often tiny, sometimes memory-backed volume, which can stall safepoints. {@code -XX:+PerfDisableSharedMem}
 * keeps the counters (and JMX, {@code jcmd PerfCounter.print}) in process memory; {@code -XX:-UsePerfData}
 * would lose them.
 */
public final class PerfDataInContainer implements Rule {

    @Override
    public String id() {
        return "OBS-04";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "Performance counters written to a file in a container";
    }

    /** Production operation: in a test JVM or a JMH fork the harness chose the logging and recording. */
    @Override
    public Set<RunContext> runContexts() {
        return Set.of(RunContext.SERVICE, RunContext.STARTUP_CHECK);
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
        ContainerLimits c = ctx.jvm().isPresent() ? ctx.jvm().get().container() : null;
        boolean limited = c != null && (c.memoryLimitBytes() != null || c.cpuQuotaCores() != null);
        if (!limited || Boolean.TRUE.equals(ctx.flagBoolean("PerfDisableSharedMem"))
                || Boolean.FALSE.equals(ctx.flagBoolean("UsePerfData"))) {
            return List.of();
        }
        return List.of(Finding.of(this, 30)
                .summary("The JVM writes its performance counters to an hsperfdata file in the container")
                .explanation("With PerfDisableSharedMem off the counters live in a memory-mapped file under "
                        + "java.io.tmpdir (hsperfdata_<user>), written as the JVM runs; on a container's small or "
                        + "memory-backed /tmp that is disk I/O or charged memory for no gain.")
                .figure(Figure.text("PerfDisableSharedMem", "false"))
                .figure(Figure.text("container", c.source()))
                .recommend(Recommendation.flags("Keep the counters in process memory", FlagChange.enable("PerfDisableSharedMem"))
                        .effect(Metric.LATENCY, "hsperfdata file writes", Effect.Direction.ELIMINATE, null,
                                "no hsperfdata_<user> file; JMX and jcmd PerfCounter.print still work")
                        .confidence(0.7)
                        .risk("jps and jstat from another process no longer see this JVM")
                        .references("rules.md OBS-04", "joa warn.container.perf.data.disk").build())
                .build());
    }
}
