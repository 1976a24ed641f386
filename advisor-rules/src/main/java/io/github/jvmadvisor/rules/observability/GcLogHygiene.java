package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.flags.JavaOptions;
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
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.core.rule.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OBS-07: a GC log that will not be there when needed. A fixed file name without {@code %p} or {@code %t} is
 * overwritten by the next start (the log of the run that crashed is lost); {@code filecount=0} or
 * {@code filesize=0} turns rotation off, so one file grows without bound; files under 5 MB rotate the
 * interesting hour away; a GC log on stdout is mixed with the application's output. The fix keeps the
 * option's tags and decorators and changes the file and rotation.
 */
public final class GcLogHygiene implements Rule {

    static final Parameter<Long> MIN_FILE_SIZE = Parameter.whole("minFileSize", 5L << 20,
            "smallest rotated GC log file size, bytes, below which rotation loses history too fast", true);

    @Override
    public String id() {
        return "OBS-07";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "GC log overwritten on restart, unrotated, too small, or on stdout";
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
    public List<Parameter<?>> parameters() {
        return List.of(MIN_FILE_SIZE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Xlog x : Xlog.of(ctx)) {
            if (!x.logsGc()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            double score = 0;
            String file = x.file();
            if (file == null) {
                problems.add("the GC log goes to " + x.output() + ", mixed with the application's output");
                score = Math.max(score, 40);
                file = "gc.log";
            } else {
                if (!file.contains("%p") && !file.contains("%t")) {
                    problems.add("the file name " + file + " has no %p or %t: the next start overwrites it");
                    score = Math.max(score, 60);
                }
                String count = x.outputOption("filecount");
                String size = x.outputOption("filesize");
                if ("0".equals(count) || size != null && JavaOptions.parseSize(size) != null
                        && JavaOptions.parseSize(size) == 0) {
                    problems.add("rotation is off (" + x.outputOptions() + "): one file grows without bound");
                    score = Math.max(score, 50);
                } else if (size != null && JavaOptions.parseSize(size) != null
                        && JavaOptions.parseSize(size) < ctx.param(MIN_FILE_SIZE)) {
                    problems.add("files of " + size + " rotate away the history (at least "
                            + Units.bytes(ctx.param(MIN_FILE_SIZE)) + ")");
                    score = Math.max(score, 40);
                }
            }
            if (problems.isEmpty()) {
                continue;
            }
            String fixed = "-Xlog:" + x.what() + ":file=" + withPidAndTime(file) + ":"
                    + (x.decorators().isEmpty() ? "time,uptime,level,tags" : x.decorators())
                    + ":filecount=5,filesize=20M";
            long others = Xlog.of(ctx).size() - 1;
            out.add(Finding.of(this, score)
                    .summary("GC log " + x.text() + ": " + problems.get(0))
                    .explanation(String.join("; ", problems) + ".")
                    .figure(Figure.text("option", x.text()))
                    .figure(Figure.count("problems", problems.size()))
                    .recommend(Recommendation.flags("Log to a rotated file per process: " + fixed, FlagChange.option(fixed))
                            .effect(Metric.OBSERVABILITY, "GC log of every run", Effect.Direction.APPEAR, null,
                                    "each start writes its own file set, five files of 20 MB")
                            .confidence(0.8)
                            .risk(others > 0 ? "replaces the other -Xlog options on this line: add them back" : null)
                            .references("rules.md OBS-07", "joa warn.jdk11.gc.log.file.*", "joa info.gc.log.stdout")
                            .build())
                    .build());
        }
        return out;
    }

    /** {@code gc.log} becomes {@code gc-%p-%t.log}; a name with either already keeps it. */
    static String withPidAndTime(String file) {
        if (file.contains("%p") || file.contains("%t")) {
            return file;
        }
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        if (dot > slash + 1) {
            return file.substring(0, dot) + "-%p-%t" + file.substring(dot);
        }
        return file + "-%p-%t";
    }
}
