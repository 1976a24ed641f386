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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OBS-03: an {@code OutOfMemoryError} would leave nothing to look at. Without
 * {@code -XX:+HeapDumpOnOutOfMemoryError} there is no heap dump; with a {@code HeapDumpPath} naming a file
 * only the first dump is written (later ones fail because the file exists). In a container, where an
 * orchestrator restarts the process, {@code -XX:+ExitOnOutOfMemoryError} stops a JVM that would limp on.
 */
public final class OomDiagnostics implements Rule {

    static final String DUMP_DIR = "/dumps/";

    @Override
    public String id() {
        return "OBS-03";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "No heap dump on OutOfMemoryError, or a dump path that is a file";
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
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Xlog.optionsKnown(ctx)) {
            return List.of();
        }
        boolean dump = Boolean.TRUE.equals(ctx.flagBoolean("HeapDumpOnOutOfMemoryError"));
        String path = ctx.flag("HeapDumpPath");
        boolean container = ctx.containerMemory() != null;
        if (!dump) {
            List<FlagChange> changes = new ArrayList<>();
            changes.add(FlagChange.enable("HeapDumpOnOutOfMemoryError"));
            changes.add(FlagChange.set("HeapDumpPath", DUMP_DIR));
            if (container && !Boolean.TRUE.equals(ctx.flagBoolean("ExitOnOutOfMemoryError"))
                    && !Boolean.TRUE.equals(ctx.flagBoolean("CrashOnOutOfMemoryError"))) {
                changes.add(FlagChange.enable("ExitOnOutOfMemoryError"));
            }
            return List.of(Finding.of(this, 40)
                    .summary("An OutOfMemoryError would leave no heap dump")
                    .explanation("-XX:+HeapDumpOnOutOfMemoryError is off, so the objects that filled the heap are "
                            + "lost when it fails." + (container ? " In a container, -XX:+ExitOnOutOfMemoryError lets "
                            + "the orchestrator restart a JVM that would otherwise limp on." : ""))
                    .figure(Figure.text("HeapDumpOnOutOfMemoryError", "false"))
                    .recommend(Recommendation.flags("Dump the heap to a directory on OutOfMemoryError"
                            + (changes.size() > 2 ? ", then exit" : ""), changes.toArray(new FlagChange[0]))
                            .effect(Metric.OBSERVABILITY, "heap dump on OutOfMemoryError", Effect.Direction.APPEAR, null,
                                    "a java_pid<pid>.hprof in " + DUMP_DIR + " after an OutOfMemoryError")
                            .confidence(0.8)
                            .risk("the directory must exist and hold a heap-sized file (both flags are manageable: "
                                    + "jcmd VM.set_flag changes them at run time)")
                            .references("rules.md OBS-03", "joa info.heap.dump.on.oome.missing", "Red Hat UBI").build())
                    .build());
        }
        if (path != null && !path.isEmpty() && !path.endsWith("/") && path.matches(".*\\.[A-Za-z0-9]+$")) {
            return List.of(Finding.of(this, 35)
                    .summary("HeapDumpPath names a file: only the first OutOfMemoryError is dumped")
                    .explanation("HeapDumpPath=" + path + " is a file name; the JVM will not overwrite it, so a second "
                            + "OutOfMemoryError (after a restart in the same volume) writes no dump. A directory gets "
                            + "one java_pid<pid>.hprof per process.")
                    .figure(Figure.text("HeapDumpPath", path))
                    .recommend(Recommendation.flags("Point HeapDumpPath at a directory",
                            FlagChange.set("HeapDumpPath", directory(path)))
                            .effect(Metric.OBSERVABILITY, "heap dump on OutOfMemoryError", Effect.Direction.APPEAR, null,
                                    "every OutOfMemoryError leaves its own dump")
                            .confidence(0.8)
                            .references("rules.md OBS-03", "joa warn.heap.dump.path.filename").build())
                    .build());
        }
        return List.of();
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "./" : file.substring(0, slash + 1);
    }
}
