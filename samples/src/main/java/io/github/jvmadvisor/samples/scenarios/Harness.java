package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.Check;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.samples.scenarios.Outcome.Figures;
import io.github.jvmadvisor.samples.scenarios.workloads.Out;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a scenario on a JDK: the misconfigured workload with a GC log and a flight recording (and its
 * latency log), the advice on that evidence, the workload again with the advice applied, and the target
 * metric of both sides.
 *
 * <p>"The advice applied" is the command line the report suggests ({@link Report#commandLine()}): the
 * options with every warning- and error-level recommendation applied, which is what a user who takes the
 * advice runs. The harness's own instrumentation (GC log, recording) is kept identical on both sides.
 * When the advice uses an archive or cache that must be trained first (a CDS archive, an AOT cache), the
 * harness does the training run its action describes before the measured runs.
 */
public final class Harness {

    /** The relative change of the target metric that counts as an improvement. */
    public static final double THRESHOLD = 0.05;

    private static final long TIMEOUT_SECONDS = 240;

    private final Path workDir;
    private final int runs;
    private final PrintStream log;

    /**
     * @param workDir where each scenario's runs leave their files
     * @param runs runs per side
     * @param log progress lines
     */
    public Harness(Path workDir, int runs, PrintStream log) {
        this.workDir = workDir.toAbsolutePath();
        this.runs = runs;
        this.log = log;
    }

    /** Runs the scenario on the JDK; never throws for a failed run, which becomes a {@code FAILED} outcome. */
    public Outcome run(Scenario s, Jdks.Jdk jdk) {
        List<String> notes = new ArrayList<>();
        Path dir = workDir.resolve(s.number() + "-" + s.id() + "-jdk" + jdk.feature());
        try {
            Files.createDirectories(dir);
            if (s.collector() != null && !collectorAvailable(jdk, s.collector(), dir)) {
                notes.add(s.collector().displayName() + " is not available on this JDK " + jdk.feature() + " build");
                return skipped(s, jdk, notes);
            }
            boolean jail = s.containerMemory() != null && CgroupJail.isSupported();
            List<String> bad = new ArrayList<>(s.badOptions());
            if (s.containerMemory() != null && !jail) {
                if (!s.fallbackMaxRam()) {
                    notes.add("needs a real cgroup memory limit, which this host does not allow");
                    return skipped(s, jdk, notes);
                }
                bad.add("-XX:MaxRAM=" + s.containerMemory());
                notes.add("no cgroup here: -XX:MaxRAM=" + s.containerMemory() + " and the container limit given "
                        + "to the advisor");
            } else if (jail) {
                notes.add("in a cgroup v1 memory limit of " + s.containerMemory() / (1024 * 1024) + " MB");
            }
            log.printf("[%s, JDK %d] %d misconfigured run(s): %s%n", s.id(), jdk.feature(), runs, bad);
            List<Run> before = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                before.add(runOnce(s, jdk, dir.resolve("before-" + (i + 1)), bad, jail));
            }
            Report report = advise(s, jdk, before.get(0), jail);
            Files.writeString(dir.resolve("advice.txt"), AdviceText.render(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("advice.json"), AdviceJson.toJson(report), StandardCharsets.UTF_8);
            String top = report.changes().isEmpty() ? null : describe(report.changes().get(0));
            List<Report.Ranked> warnings = report.recommendations(Severity.WARNING);
            if (s.control()) {
                Outcome.Verdict v = warnings.isEmpty() ? Outcome.Verdict.QUIET : Outcome.Verdict.NOT_QUIET;
                warnings.forEach(r -> notes.add("warning: " + describe(r)));
                return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), bad, top, List.of(),
                        List.of(), List.of(), figures(s.metric(), before, List.of()), also(s, before, List.of()), v,
                        notes);
            }
            Figures target0 = figures(s.metric(), before, List.of());
            if (!s.metric().higherIsBetter() && s.metric().unit().isEmpty()
                    && Optional.ofNullable(target0.beforeMedian()).orElse(0.0) == 0) {
                notes.add("the misconfigured run showed no " + s.metric().name());
                return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), bad, top, List.of(),
                        List.of(), List.of(), target0, also(s, before, List.of()), Outcome.Verdict.NOT_REPRODUCED,
                        notes);
            }
            // the options to add after a step (an archive's training run) go back in: train() runs the step
            List<String> planned = new ArrayList<>(report.commandLine().options());
            for (Report.Step step : report.commandLine().steps()) {
                planned.addAll(step.thenAdd());
            }
            List<String> advised = withoutInstrumentation(planned);
            List<String> removedByAdvice = new ArrayList<>(withoutInstrumentation(bad));
            removedByAdvice.removeAll(advised);
            List<String> added = new ArrayList<>(advised);
            added.removeAll(withoutInstrumentation(bad));
            if (report.commandLine().applied().isEmpty()) {
                notes.add("no warning-level recommendation to apply");
                return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), bad, top, List.of(),
                        List.of(), List.of(), target0, also(s, before, List.of()), Outcome.Verdict.NO_ADVICE, notes);
            }
            List<String> afterOptions = train(s, jdk, dir, advised, jail, notes);
            log.printf("[%s, JDK %d] advised: %s%n", s.id(), jdk.feature(), afterOptions);
            List<Run> after = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                after.add(runOnce(s, jdk, dir.resolve("after-" + (i + 1)), afterOptions, jail));
            }
            Figures target = figures(s.metric(), before, after);
            Outcome.Verdict v = verdict(target);
            return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), bad, top,
                    report.commandLine().applied(), added, removedByAdvice, target, also(s, before, after), v, notes,
                    predictions(report, before, after));
        } catch (Exception | AssertionError e) {
            String m = String.valueOf(e.getMessage());
            notes.add("failed: " + (m.length() > 300 ? m.substring(0, 300) + "..." : m));
            log.printf("[%s, JDK %d] failed: %s%n", s.id(), jdk.feature(), e);
            return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), s.badOptions(), null,
                    List.of(), List.of(), List.of(), figures(s.metric(), List.of(), List.of()), List.of(),
                    Outcome.Verdict.FAILED, notes);
        }
    }

    /**
     * Each applied recommendation's prediction beside the re-run's measurement, where its effect names a figure
     * the GC logs measure ({@link Check#of}): the median over the runs of each side.
     */
    static List<Outcome.Prediction> predictions(Report report, List<Run> before, List<Run> after) {
        List<Outcome.Prediction> out = new ArrayList<>();
        for (Report.Ranked r : report.recommendations()) {
            if (!report.commandLine().applied().contains(r.rank())) {
                continue;
            }
            Check c = Check.of(r.expectedEffect().check()).orElse(null);
            if (c == null) {
                continue;
            }
            TargetMetric figure = TargetMetric.fromGcLog(c.label(), c.unit(), c::read);
            Double b = Stats.median(values(figure, before));
            Double a = Stats.median(values(figure, after));
            if (b == null || a == null) {
                continue;
            }
            Effect.Direction d = r.expectedEffect().direction();
            if (b == 0 && (d == Effect.Direction.DECREASE || d == Effect.Direction.ELIMINATE)) {
                // nothing there to take away: the re-run cannot check the prediction
                continue;
            }
            Double predicted = r.expectedEffect().predictedChange();
            if (predicted == null && r.expectedEffect().direction() == Effect.Direction.ELIMINATE) {
                predicted = -1.0;
            }
            out.add(new Outcome.Prediction(r.ruleId(), c.label(), c.unit(), r.expectedEffect().direction().id(), predicted,
                    b, a));
        }
        return out;
    }

    /** Improved when the medians moved the right way by at least {@link #THRESHOLD}. */
    static Outcome.Verdict verdict(Figures f) {
        Double b = f.beforeMedian();
        Double a = f.afterMedian();
        if (b == null || a == null) {
            return Outcome.Verdict.FAILED;
        }
        boolean better = f.higherIsBetter() ? a >= b * (1 + THRESHOLD) : a <= b * (1 - THRESHOLD);
        return better ? Outcome.Verdict.IMPROVED : Outcome.Verdict.NOT_IMPROVED;
    }

    private Report advise(Scenario s, Jdks.Jdk jdk, Run run, boolean jail) {
        JvmConfig given = null;
        if (s.containerMemory() != null && !jail) {
            given = CommandLineConfig.of(run.options(), s.containerMemory(), null, jdk.feature());
        }
        Evidence e = Analyzer.analyze(run.files(), GcEventListener.none(), given);
        if (s.hasLatencyLog()) {
            // the latency log records nanoseconds; HdrHistogram logs do not say so
            e = e.withLatencyUnit(LatencyUnit.NANOSECONDS);
        }
        return Advisor.builder().targetJdk(jdk.feature()).goal(s.goal()).build().advise(e);
    }

    /** The training run an archive or cache needs before it can be used, as the advice's action says. */
    private List<String> train(Scenario s, Jdks.Jdk jdk, Path dir, List<String> advised, boolean jail,
            List<String> notes) throws IOException, InterruptedException {
        List<String> production = new ArrayList<>();
        List<String> training = new ArrayList<>();
        boolean needed = false;
        Path shared = dir.resolve("trained");
        Files.createDirectories(shared);
        for (String o : advised) {
            if (o.startsWith("-XX:SharedArchiveFile=")) {
                Path f = shared.resolve(Path.of(o.substring(o.indexOf('=') + 1)).getFileName());
                production.add("-XX:SharedArchiveFile=" + f);
                training.add(advised.contains("-XX:+AutoCreateSharedArchive") ? "-XX:SharedArchiveFile=" + f
                        : "-XX:ArchiveClassesAtExit=" + f);
                needed = true;
            } else if (o.startsWith("-XX:AOTCache=")) {
                Path f = shared.resolve(Path.of(o.substring(o.indexOf('=') + 1)).getFileName());
                production.add("-XX:AOTCache=" + f);
                training.add("-XX:AOTCacheOutput=" + f);
                needed = true;
            } else {
                production.add(o);
                training.add(o);
            }
        }
        if (needed) {
            Run t = runOnce(s, jdk, dir.resolve("training"), training, jail);
            notes.add("training run first: " + String.join(" ", training.stream()
                    .filter(o -> o.contains("Archive") || o.contains("AOT")).toList()) + " (" + t.dir().getFileName()
                    + ")");
        }
        return production;
    }

    private Run runOnce(Scenario s, Jdks.Jdk jdk, Path dir, List<String> options, boolean jail)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path gcLog = dir.resolve("gc.log");
        // a run directory of an earlier invocation keeps its log files; the JVM would rotate them beside this one
        try (var old = Files.newDirectoryStream(dir, "gc.log*")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Path jfr = dir.resolve("rec.jfr");
        Path hlog = dir.resolve("latency.hlog");
        List<String> jvm = new ArrayList<>(options);
        jvm.add("-Xlog:gc*,safepoint:file=" + gcLog + ":time,uptime,level,tags:filecount=5,filesize=50M");
        jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true"
                + (s.recording().isEmpty() ? "" : "," + s.recording()));
        List<String> args = s.args().stream().map(a -> a.equals("{hlog}") ? hlog.toString() : a).toList();
        ChildJvm.Result r;
        if (jail) {
            try (CgroupJail j = CgroupJail.create(s.containerMemory(), null)) {
                r = j.runJava(jdk, dir, jvm, s.workload(), args, TIMEOUT_SECONDS);
            }
        } else {
            r = ChildJvm.run(jdk, dir, jvm, s.workload(), args, TIMEOUT_SECONDS);
        }
        Files.writeString(dir.resolve("output.txt"), String.join(" ", r.command()) + "\n\n" + r.output(),
                StandardCharsets.UTF_8);
        if (r.exitCode() != 0) {
            String[] lines = r.output().strip().split("\n");
            throw new IOException("the workload exited with " + r.exitCode() + " (" + lines[lines.length - 1]
                    + "); see " + dir.resolve("output.txt"));
        }
        Map<String, Double> printed = new LinkedHashMap<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith(Out.PREFIX)) {
                String[] p = line.substring(Out.PREFIX.length()).trim().split(" ");
                printed.put(p[0], Double.parseDouble(p[1]));
            }
        }
        GcMetrics gc = Analyzer.analyze(List.of(gcLog)).gc().map(GcAnalysis::metrics).orElse(null);
        List<Path> files = new ArrayList<>(List.of(gcLog, jfr));
        if (Files.exists(hlog)) {
            files.add(hlog);
        }
        return new Run(dir, jvm, printed, gc, files);
    }

    private static boolean collectorAvailable(Jdks.Jdk jdk, Collector c, Path dir)
            throws IOException, InterruptedException {
        if (c != Collector.SHENANDOAH && c != Collector.ZGC) {
            return true;
        }
        String flag = c == Collector.ZGC ? "-XX:+UseZGC" : "-XX:+UseShenandoahGC";
        return ChildJvm.raw(jdk, dir, List.of(flag, "-version"), 60).exitCode() == 0;
    }

    static List<String> withoutInstrumentation(List<String> options) {
        return options.stream().filter(o -> !o.startsWith("-Xlog:") && !o.startsWith("-XX:StartFlightRecording")
                && !o.startsWith("-XX:FlightRecorderOptions")).toList();
    }

    static String describe(Report.Ranked r) {
        String joined = String.join(" ", r.flags());
        String flags = r.flags().isEmpty() ? "" : " (" + (joined.length() > 90 ? joined.substring(0, 89) + "…" : joined) + ")";
        return r.ruleId() + ": " + r.summary() + flags;
    }

    private static Figures figures(TargetMetric m, List<Run> before, List<Run> after) {
        return new Figures(m.name(), m.unit(), m.higherIsBetter(), values(m, before), values(m, after));
    }

    private static List<Figures> also(Scenario s, List<Run> before, List<Run> after) {
        return s.alsoShown().stream().map(m -> figures(m, before, after)).toList();
    }

    private static List<Double> values(TargetMetric m, List<Run> runs) {
        List<Double> out = new ArrayList<>();
        for (Run r : runs) {
            Double v = m.read().apply(r);
            if (v != null && !v.isNaN()) {
                out.add(v);
            }
        }
        return out;
    }

    private static Outcome skipped(Scenario s, Jdks.Jdk jdk, List<String> notes) {
        return new Outcome(s.id(), s.number(), s.title(), jdk.feature(), s.goal().id(), s.badOptions(), null,
                List.of(), List.of(), List.of(), figures(s.metric(), List.of(), List.of()), List.of(),
                Outcome.Verdict.SKIPPED, notes);
    }
}
