package io.github.jvmadvisor.rules.observability;

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
 * OBS-01: the JVM writes no GC log, or only plain {@code -Xlog:gc} (one line per pause, without the heap,
 * phase and CPU lines most GC rules read). A GC log costs next to nothing and is the evidence for the
 * heap, collector and pause rules; {@code gc*,safepoint} to a rotated file with uptime decorations is the
 * minimum GCToolKit and garbagecat need.
 */
public final class NoGcLog implements Rule {

    @Override
    public String id() {
        return "OBS-01";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "No GC log, or one without detail";
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
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Xlog.optionsKnown(ctx) || Xlog.hasGcLogInput(ctx)) {
            return List.of();
        }
        List<Xlog> logs = Xlog.of(ctx);
        boolean legacy = false;
        for (var o : ctx.options().options()) {
            String t = o.text();
            legacy |= t.startsWith("-Xloggc") || t.equals("-verbose:gc") || t.equals("-XX:+PrintGC")
                    || t.equals("-XX:+PrintGCDetails");
        }
        boolean any = legacy;
        boolean detail = ctx.options().isTrue("PrintGCDetails");
        for (Xlog x : logs) {
            any |= x.logsGc();
            detail |= x.logsGcDetail();
        }
        if (any && detail) {
            return List.of();
        }
        String summary = any ? "The GC log has only plain gc lines: no heap, phase or CPU detail"
                : "No GC log is written";
        return List.of(Finding.of(this, any ? 30 : 50)
                .summary(summary)
                .explanation((any ? "-Xlog:gc writes one line per collection; most GC rules need the gc* tags "
                        + "(heap, phases, gc,cpu) and safepoint lines."
                        : "Without a GC log, heap sizing, collector and pause advice has no evidence next time.")
                        + " Add -Xlog:async too (JDK 17+) so that log writes never stall a safepoint.")
                .figure(Figure.text("GC logging", any ? "gc only" : "none"))
                .recommend(Recommendation.flags("Log GC and safepoints to a rotated file", FlagChange.option(Xlog.RECOMMENDED))
                        .effect(Metric.OBSERVABILITY, "GC log", Effect.Direction.APPEAR, null,
                                "a GC log with heap, phase, CPU and safepoint lines, five 20 MB files per process")
                        .confidence(0.9)
                        .risk(Xlog.of(ctx).isEmpty() ? null : "replaces the other -Xlog options on this line: add them back")
                        .references("rules.md OBS-01", "gctoolkit #301", "garbagecat warn.application.stopped.time.missing")
                        .build())
                .build());
    }
}
