package io.github.jvmadvisor.jmh;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.rule.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jvm-advisor} JMH profiler: each fork gets a unified GC log and a JFR recording in a
 * directory of its own, and after the fork the advisor analyses them and writes its report there
 * ({@code advice.txt}, {@code advice.json}, optionally {@code advice.html}). Key figures come back as
 * secondary results: {@code advisor.gc.cpu} (GC CPU share, %), {@code advisor.gc.pause.p99} and
 * {@code advisor.gc.pause.max} (ms), {@code advisor.alloc.rate} (MB/s), {@code advisor.live.set} (MB),
 * {@code advisor.warnings} (recommendations at warning level or above), and a text result naming the
 * report.
 *
 * <p>Use it as {@code -prof io.github.jvmadvisor.jmh.AdvisorProfiler[:options]}, or as
 * {@code -prof jvm-advisor} through {@link JmhMain} (JMH 1.37 resolves profilers found by
 * {@code ServiceLoader} only by class name), or {@code OptionsBuilder.addProfiler(AdvisorProfiler.class,
 * "dir=...")}. Options, separated by {@code ;}: {@code dir} (default {@code jvm-advisor} in the working
 * directory), {@code goal} (default: throughput for {@code thrpt} and {@code avgt}, latency for
 * {@code sample}, balanced otherwise), {@code targetJdk} (default: the fork's JDK), {@code html}
 * ({@code true}/{@code false}), {@code jfr} (JFR settings name, default {@code default}; {@code false}
 * records none), {@code help}.
 *
 * <p>Never fails a benchmark: any problem of the advisor is logged once and the fork gets no results.
 * JMH runs one fork at a time; an instance is not meant for concurrent use.
 */
public final class AdvisorProfiler implements ExternalProfiler {

    /** The short name {@link JmhMain} accepts: {@code -prof jvm-advisor}. */
    public static final String NAME = "jvm-advisor";

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorProfiler.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final String USAGE = String.join("\n",
            "Usage: -prof " + NAME + "[:option=value;...]   (or -prof " + AdvisorProfiler.class.getName() + ":...)",
            "  dir=PATH        where each fork's files and reports go (default: ./jvm-advisor)",
            "  goal=G          throughput, latency, footprint or balanced (default: from the benchmark mode)",
            "  targetJdk=N     JDK feature release to advise for (default: the fork's JDK)",
            "  html=BOOL       also write advice.html (default: false)",
            "  jfr=SETTINGS    JFR settings for the fork's recording (default: default; false: no recording)",
            "  help            this text");

    private final Path root;
    private final Goal goal;
    private final Integer targetJdk;
    private final boolean html;
    private final String jfr;
    private final Map<String, Integer> forksSeen = new HashMap<>();
    private ForkRecord current;

    /** With the default options. */
    public AdvisorProfiler() throws ProfilerException {
        this("");
    }

    /**
     * With options in JMH's syntax: {@code dir=out;goal=latency;html=true}.
     *
     * @throws ProfilerException for {@code help} (with the usage) or a bad option
     */
    public AdvisorProfiler(String initLine) throws ProfilerException {
        Map<String, String> o = new TreeMap<>();
        for (String part : (initLine == null ? "" : initLine).split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("help")) {
                throw new ProfilerException(USAGE);
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ProfilerException("option '" + p + "' is not name=value\n" + USAGE);
            }
            o.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        try {
            root = Path.of(o.getOrDefault("dir", NAME)).toAbsolutePath();
            goal = o.containsKey("goal") ? Goal.of(o.remove("goal")) : null;
            targetJdk = o.containsKey("targetJdk") ? Integer.valueOf(o.remove("targetJdk")) : null;
            html = Boolean.parseBoolean(o.getOrDefault("html", "false"));
            String j = o.getOrDefault("jfr", "default");
            jfr = j.equalsIgnoreCase("false") || j.equalsIgnoreCase("off") ? null : j;
        } catch (RuntimeException e) {
            throw new ProfilerException("bad option: " + e.getMessage() + "\n" + USAGE);
        }
        o.keySet().removeAll(List.of("dir", "html", "jfr"));
        if (!o.isEmpty()) {
            throw new ProfilerException("unknown option(s) " + o.keySet() + "\n" + USAGE);
        }
    }

    /** Where the fork directories go. */
    public Path directory() {
        return root;
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        current = null;
        try {
            Integer feature = io.github.jvmadvisor.jmh.internal.Versions.feature(params.getJdkVersion());
            if (feature != null && feature < 11) {
                warnOnce("the fork runs JDK " + params.getJdkVersion() + "; jvm-advisor profiles JDK 11 and later", null);
                return List.of();
            }
            String key = dirName(params);
            int index = forksSeen.merge(key, 1, Integer::sum);
            boolean warmup = index <= params.getWarmupForks();
            int n = warmup ? index : index - params.getWarmupForks();
            Path dir = root.resolve(key).resolve((warmup ? "warmup-fork-" : "fork-") + n);
            Files.createDirectories(dir);
            for (String old : List.of(ForkRecord.GC_LOG, ForkRecord.RECORDING, ForkRecord.FILE, "advice.txt",
                    "advice.json", "advice.html")) {
                Files.deleteIfExists(dir.resolve(old));
            }
            TreeMap<String, String> ps = new TreeMap<>();
            for (String k : params.getParamsKeys()) {
                ps.put(k, params.getParam(k));
            }
            ForkRecord rec = new ForkRecord(dir, params.getBenchmark(), params.getMode().shortLabel(), ps, n, warmup);
            rec.write();
            current = rec;
            List<String> opts = new ArrayList<>();
            opts.add("-Xlog:gc*,safepoint:file=" + quoted(dir.resolve(ForkRecord.GC_LOG)) + ":time,uptime,level,tags");
            if (jfr != null) {
                opts.add("-XX:StartFlightRecording=filename=" + dir.resolve(ForkRecord.RECORDING) + ",settings=" + jfr
                        + ",dumponexit=true");
            }
            return opts;
        } catch (IOException | RuntimeException e) {
            warnOnce("cannot prepare the fork's directory under " + root, e);
            return List.of();
        }
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
        // the fork's options were set in addJVMOptions
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature uses the raw Result
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        ForkRecord fork = current;
        current = null;
        if (fork == null || fork.warmup()) {
            return List.of();
        }
        try {
            List<Path> inputs = fork.inputs();
            if (inputs.isEmpty()) {
                warnOnce("the fork left no GC log or recording in " + fork.dir(), null);
                return List.of();
            }
            // a fork measures steady state unless it is single-shot: no C1-only or archive advice, and its GC log and
            // recording are this profiler's options, not a production setup
            Advisor.Builder b = Advisor.builder().goal(goal != null ? goal : goalFor(br.getParams().getMode().shortLabel()))
                    .runContext(RunContext.JMH_FORK).measuresStartup(measuresStartup(br.getParams().getMode().shortLabel()));
            if (targetJdk != null) {
                b.targetJdk(targetJdk);
            }
            Report report = b.build().advise(Analyzer.analyze(inputs));
            List<Path> written = ForkReports.write(fork.dir(), report, html);
            return results(report, written);
        } catch (RuntimeException | LinkageError | StackOverflowError | IOException e) {
            warnOnce("could not advise on the fork in " + fork.dir(), e);
            return List.of();
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Result> results(Report report, List<Path> written) {
        List<Result> out = new ArrayList<>();
        GcMetrics m = report.evidence().gc().map(g -> g.metrics()).orElse(null);
        if (m != null) {
            if (m.gcCpuFraction() != null) {
                out.add(new ScalarResult("advisor.gc.cpu", 100 * m.gcCpuFraction(), "%", AggregationPolicy.AVG));
            }
            if (m.pauses() != null && m.pauses().count() > 0) {
                out.add(new ScalarResult("advisor.gc.pause.p99", m.pauses().p99Millis(), "ms", AggregationPolicy.MAX));
                out.add(new ScalarResult("advisor.gc.pause.max", m.pauses().maxMillis(), "ms", AggregationPolicy.MAX));
            }
            if (m.allocationRateBytesPerSec() != null) {
                out.add(new ScalarResult("advisor.alloc.rate", m.allocationRateBytesPerSec() / 1e6, "MB/sec",
                        AggregationPolicy.AVG));
            }
            if (m.liveSet() != null && m.liveSet().bytes() != null) {
                out.add(new ScalarResult("advisor.live.set", m.liveSet().bytes() / (1024.0 * 1024), "MB",
                        AggregationPolicy.MAX));
            }
        }
        int warnings = report.recommendations(Severity.WARNING).size();
        out.add(new ScalarResult("advisor.warnings", warnings, "#", AggregationPolicy.MAX));
        StringBuilder text = new StringBuilder("jvm-advisor: ").append(written.get(0));
        report.recommendations().stream().limit(3).forEach(r -> text.append("\n  ").append(r.rank()).append(". [")
                .append(r.severity().name().toLowerCase(Locale.ROOT)).append("] ").append(r.summary())
                .append(r.flags().isEmpty() ? "" : " (" + String.join(" ", r.flags()) + ")"));
        out.add(new TextResult(text.toString(), "advisor"));
        return out;
    }

    /** Whether a benchmark mode measures start-up: single-shot ({@code ss}) time does, the others steady state. */
    public static boolean measuresStartup(String modeShortLabel) {
        return "ss".equals(modeShortLabel);
    }

    /** The goal a benchmark mode stands for: throughput for {@code thrpt}/{@code avgt}, latency for {@code sample}. */
    public static Goal goalFor(String modeShortLabel) {
        if (modeShortLabel == null) {
            return Goal.BALANCED;
        }
        switch (modeShortLabel) {
            case "thrpt":
            case "avgt":
                return Goal.THROUGHPUT;
            case "sample":
                return Goal.LATENCY;
            default:
                return Goal.BALANCED;
        }
    }

    /** The directory name of a benchmark with its mode and parameters. */
    static String dirName(BenchmarkParams p) {
        StringBuilder sb = new StringBuilder(p.getBenchmark()).append('-').append(p.getMode().shortLabel());
        for (String k : p.getParamsKeys()) {
            sb.append('-').append(k).append('=').append(p.getParam(k));
        }
        return sb.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    private static String quoted(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9_./=+-]+") ? s : "\"" + s + "\"";
    }

    private static void warnOnce(String what, Throwable e) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("jvm-advisor profiler: {}{}; the benchmark goes on without it", what, e == null ? "" : ": " + e);
            LOG.debug("jvm-advisor profiler failure", e);
        } else {
            LOG.debug("jvm-advisor profiler: {}", what, e);
        }
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "jvm-advisor: GC log and JFR recording per fork, analysed into ranked JVM flag advice";
    }
}
