package io.github.jvmadvisor.jmh;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.jmh.compare.BenchmarkComparison;
import io.github.jvmadvisor.jmh.compare.ComparisonRender;
import io.github.jvmadvisor.jmh.compare.ComparisonReport;
import io.github.jvmadvisor.jmh.compare.JmhComparison;
import io.github.jvmadvisor.jmh.compare.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A flag experiment: one benchmark run under the current options and under candidate option sets
 * (given, or the advisor's top recommendations from a profiled first run), each variant appended with
 * {@code OptionsBuilder.jvmArgsAppend} to the current options, then every variant compared with the
 * current options by {@link JmhComparison}. A variant is <em>confirmed</em> when it is significantly
 * better by more than the threshold; otherwise the measurements do not support it.
 *
 * <p>Needs JMH and the benchmark on the class path. Each variant's results are written to
 * {@code <dir>/<variant>.json}, the profiled run's fork files to {@code <dir>/profile}.
 * Build with {@link #builder(String)}; {@link #run()} is not thread-safe (JMH runs one benchmark at a time).
 *
 * <p>From the command line: {@code java -cp <benchmarks and advisor-jmh> io.github.jvmadvisor.jmh.FlagExperiment
 * --include REGEX [--jvm-args "OPTIONS"] [--variant NAME=OPTIONS]... [--advise N] [--forks N] [--warmup N]
 * [--iterations N] [--time-ms N] [--threshold F] [--alpha F] [--dir DIR] [--format text|md|json]}.
 */
public final class FlagExperiment {

    /**
     * A candidate option set.
     *
     * @param name a file-name-safe name ({@code baseline}, {@code rec-1}, ...)
     * @param options the options appended to the current ones
     * @param why where it comes from (a recommendation's summary), or {@code null}
     */
    public record Variant(String name, List<String> options, String why) {
        public Variant {
            if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("variant name must be letters, digits, '.', '_' or '-': " + name);
            }
            options = List.copyOf(options);
        }
    }

    /**
     * What the measurements say about one variant.
     *
     * @param variant the variant
     * @param comparison its comparison with the current options
     * @param confirmed whether it is significantly better by more than the threshold
     */
    public record Outcome(Variant variant, BenchmarkComparison comparison, boolean confirmed) {
    }

    /**
     * The experiment's result.
     *
     * @param include the benchmark pattern
     * @param current the current options
     * @param advice the profiled first run's report, or {@code null} when no run was profiled
     * @param outcomes one per variant, in order
     * @param comparison the full comparison (all files)
     */
    public record Result(String include, List<String> current, Report advice, List<Outcome> outcomes,
            ComparisonReport comparison) {

        /** The outcome of a variant by name. */
        public Outcome outcome(String name) {
            return outcomes.stream().filter(o -> o.variant().name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no variant " + name));
        }

        /** Text: one line per variant, then the comparison. */
        public String text() {
            StringBuilder sb = new StringBuilder("Flag experiment for ").append(include).append('\n');
            sb.append("Current options: ").append(current.isEmpty() ? "(none)" : String.join(" ", current)).append("\n\n");
            for (Outcome o : outcomes) {
                BenchmarkComparison c = o.comparison();
                sb.append(o.confirmed() ? "CONFIRMED  " : "NOT CONFIRMED  ").append(o.variant().name()).append(": ")
                        .append(String.join(" ", o.variant().options()));
                if (c.relativeChange() != null) {
                    sb.append(String.format(Locale.ROOT, " -> %+.1f %% (%s", 100 * c.relativeChange(), c.verdict().id()));
                    sb.append(c.pValue() == null ? ")" : String.format(Locale.ROOT, ", p=%.4f)", c.pValue()));
                } else {
                    sb.append(" -> ").append(c.verdict().id());
                }
                if (o.variant().why() != null) {
                    sb.append("\n    from: ").append(o.variant().why());
                }
                sb.append('\n');
            }
            return sb.append('\n').append(ComparisonRender.text(comparison)).toString();
        }
    }

    private final String include;
    private List<String> current = List.of();
    private final List<Variant> variants = new ArrayList<>();
    private int advise;
    private java.util.function.Predicate<Report.Ranked> pick = r -> true;
    private int forks = 1;
    private int warmupIterations = 2;
    private int measurementIterations = 3;
    private long iterationMillis = 200;
    private double threshold = JmhComparison.DEFAULT_THRESHOLD;
    private double alpha = JmhComparison.DEFAULT_ALPHA;
    private Path dir = Path.of("jvm-advisor-experiment");

    private FlagExperiment(String include) {
        this.include = Objects.requireNonNull(include, "include");
    }

    /** An experiment on the benchmarks matching {@code include} (a JMH regular expression; make it match one). */
    public static FlagExperiment builder(String include) {
        return new FlagExperiment(include);
    }

    /** The current options, which every variant starts from (default: none). */
    public FlagExperiment current(List<String> options) {
        current = List.copyOf(options);
        return this;
    }

    /** A candidate option set, appended to the current options. */
    public FlagExperiment variant(String name, String... options) {
        variants.add(new Variant(name, List.of(options), null));
        return this;
    }

    /** Profile a first run under the current options and try the top {@code n} recommendations with flags. */
    public FlagExperiment adviseTop(int n) {
        return adviseTop(n, r -> true);
    }

    /**
     * Profile a first run under the current options and try the top {@code n} recommendations with flags
     * that {@code which} accepts (for example only those that size the heap).
     */
    public FlagExperiment adviseTop(int n, java.util.function.Predicate<Report.Ranked> which) {
        advise = Math.max(0, n);
        pick = Objects.requireNonNull(which, "which");
        return this;
    }

    /** Forks, warm-up and measurement iterations and iteration time of every run (default 1, 2, 3, 200 ms). */
    public FlagExperiment iterations(int forks, int warmup, int measurement, long iterationMillis) {
        if (forks < 1 || warmup < 0 || measurement < 2 || iterationMillis < 1) {
            throw new IllegalArgumentException("at least 1 fork and 2 measurement iterations of 1 ms or more");
        }
        this.forks = forks;
        this.warmupIterations = warmup;
        this.measurementIterations = measurement;
        this.iterationMillis = iterationMillis;
        return this;
    }

    /** The comparison's threshold and alpha (default 5 %, 0.05). */
    public FlagExperiment statistics(double threshold, double alpha) {
        new JmhComparison(threshold, alpha);
        this.threshold = threshold;
        this.alpha = alpha;
        return this;
    }

    /** Where the result files go (default {@code jvm-advisor-experiment}). */
    public FlagExperiment directory(Path d) {
        dir = Objects.requireNonNull(d, "dir");
        return this;
    }

    /** The variants the advisor's report suggests: the top {@code n} recommendations that set flags. */
    public static List<Variant> fromReport(Report report, int n) {
        return fromReport(report, n, r -> true);
    }

    /** The variants of the top {@code n} recommendations that set flags and that {@code which} accepts. */
    public static List<Variant> fromReport(Report report, int n, java.util.function.Predicate<Report.Ranked> which) {
        List<Variant> out = new ArrayList<>();
        for (Report.Ranked r : report.recommendations()) {
            if (out.size() >= n) {
                break;
            }
            if (!which.test(r) || r.changes().isEmpty() || r.changes().stream().anyMatch(c -> c.op() != FlagChange.Op.SET)) {
                continue;
            }
            out.add(new Variant("rec-" + r.rank(), r.changes().stream().map(FlagChange::option).toList(),
                    r.ruleId() + ": " + r.summary()));
        }
        return out;
    }

    /**
     * Runs the experiment.
     *
     * @throws RunnerException when JMH fails a run
     * @throws IOException when the result files cannot be written or read
     * @throws IllegalStateException when there is nothing to compare
     */
    public Result run() throws RunnerException, IOException {
        Files.createDirectories(dir);
        List<Variant> all = new ArrayList<>(variants);
        Report advice = null;
        if (advise > 0) {
            Path profileDir = dir.resolve("profile");
            new Runner(options(current, List.of(), dir.resolve("profile.json"))
                    .addProfiler(AdvisorProfiler.class, "dir=" + profileDir).build()).run();
            List<ForkRecord> forkRecords = ForkRecord.scan(profileDir);
            if (!forkRecords.isEmpty()) {
                ForkRecord f = forkRecords.get(0);
                advice = Advisor.builder().goal(AdvisorProfiler.goalFor(f.mode()))
                        .runContext(io.github.jvmadvisor.core.rule.RunContext.JMH_FORK)
                        .measuresStartup(AdvisorProfiler.measuresStartup(f.mode())).build()
                        .advise(Analyzer.analyze(f.inputs()));
                all.addAll(0, fromReport(advice, advise, pick));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no variants to try" + (advise > 0 ? " (the advisor recommended no flag)" : ""));
        }
        List<Path> files = new ArrayList<>();
        Path base = dir.resolve("current.json");
        new Runner(options(current, List.of(), base).build()).run();
        files.add(base);
        for (Variant v : all) {
            Path f = dir.resolve(v.name() + ".json");
            new Runner(options(current, v.options(), f).build()).run();
            files.add(f);
        }
        ComparisonReport report = new JmhComparison(threshold, alpha).compare(files);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String file = files.get(i + 1).toString();
            BenchmarkComparison c = report.comparisons().stream().filter(x -> x.candidate().equals(file)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no comparison for " + file));
            outcomes.add(new Outcome(all.get(i), c, c.verdict() == Verdict.IMPROVEMENT));
        }
        Result result = new Result(include, current, advice, outcomes, report);
        Files.writeString(dir.resolve("experiment.txt"), result.text(), StandardCharsets.UTF_8);
        return result;
    }

    /**
     * The current options without those a variant overrides: options that set a flag the variant sets
     * (by flag, so {@code -Xmx} and {@code -XX:MaxHeapSize} are one), and the collector choice when the
     * variant selects a collector (the JVM refuses two).
     */
    static List<String> without(List<String> current, List<String> variant) {
        java.util.Set<String> set = new java.util.HashSet<>();
        boolean selectsCollector = false;
        for (io.github.jvmadvisor.core.flags.JavaOptions.Setting st : io.github.jvmadvisor.core.flags.JavaOptions
                .parse(variant).settings()) {
            set.add(st.flag());
            selectsCollector |= isCollectorChoice(st);
        }
        List<String> out = new ArrayList<>();
        for (String o : current) {
            boolean overridden = false;
            for (io.github.jvmadvisor.core.flags.JavaOptions.Setting st : io.github.jvmadvisor.core.flags.JavaOptions
                    .parse(List.of(o)).settings()) {
                overridden |= set.contains(st.flag()) || (selectsCollector && isCollectorChoice(st));
            }
            if (!overridden) {
                out.add(o);
            }
        }
        return out;
    }

    private static boolean isCollectorChoice(io.github.jvmadvisor.core.flags.JavaOptions.Setting st) {
        return "true".equals(st.value()) && io.github.jvmadvisor.core.model.Collector.selectedBy(java.util.Map.of(st.flag(),
                new io.github.jvmadvisor.core.model.JvmFlag(st.flag(), "true",
                        io.github.jvmadvisor.core.model.FlagOrigin.COMMAND_LINE))) != null;
    }

    private ChainedOptionsBuilder options(List<String> current, List<String> append, Path result) {
        List<String> base = without(current, append);
        ChainedOptionsBuilder b = new OptionsBuilder().include(include).forks(forks).warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(iterationMillis)).measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis)).shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON).result(result.toString()).jvmArgs(base.toArray(String[]::new));
        if (!append.isEmpty()) {
            b.jvmArgsAppend(append.toArray(String[]::new));
        }
        return b.timeout(TimeValue.seconds(60)).timeUnit(TimeUnit.MILLISECONDS);
    }

    /** The command line entry; see the class comment. Exit code 0, or 2 for a usage error. */
    public static void main(String[] args) throws Exception {
        FlagExperiment e = null;
        String format = "text";
        List<String> rest = new ArrayList<>(List.of(args));
        int[] iters = {1, 2, 3, 200};
        try {
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                String v = i + 1 < rest.size() ? rest.get(i + 1) : null;
                if (v == null && !a.equals("--help")) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                switch (a) {
                    case "--include" -> e = builder(v);
                    case "--help" -> throw new IllegalArgumentException("usage");
                    default -> {
                        if (e == null) {
                            throw new IllegalArgumentException("--include REGEX comes first");
                        }
                        switch (a) {
                            case "--jvm-args" -> e.current(io.github.jvmadvisor.core.flags.JavaOptions.parse(v).options()
                                    .stream().map(io.github.jvmadvisor.core.flags.JavaOptions.Option::text).toList());
                            case "--variant" -> {
                                int eq = v.indexOf('=');
                                if (eq <= 0) {
                                    throw new IllegalArgumentException("--variant NAME=OPTIONS");
                                }
                                e.variant(v.substring(0, eq), io.github.jvmadvisor.core.flags.JavaOptions.parse(
                                        v.substring(eq + 1)).options().stream()
                                        .map(io.github.jvmadvisor.core.flags.JavaOptions.Option::text).toArray(String[]::new));
                            }
                            case "--advise" -> e.adviseTop(Integer.parseInt(v));
                            case "--forks" -> iters[0] = Integer.parseInt(v);
                            case "--warmup" -> iters[1] = Integer.parseInt(v);
                            case "--iterations" -> iters[2] = Integer.parseInt(v);
                            case "--time-ms" -> iters[3] = Integer.parseInt(v);
                            case "--threshold" -> e.statistics(Double.parseDouble(v), e.alpha);
                            case "--alpha" -> e.statistics(e.threshold, Double.parseDouble(v));
                            case "--dir" -> e.directory(Path.of(v));
                            case "--format" -> format = v;
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
                i++;
            }
            if (e == null) {
                throw new IllegalArgumentException("--include REGEX is required");
            }
            e.iterations(iters[0], iters[1], iters[2], iters[3]);
        } catch (IllegalArgumentException ex) {
            System.err.println((ex.getMessage().equals("usage") ? "" : "flag experiment: " + ex.getMessage() + "\n")
                    + "usage: FlagExperiment --include REGEX [--jvm-args \"OPTIONS\"] [--variant NAME=OPTIONS]... "
                    + "[--advise N] [--forks N] [--warmup N] [--iterations N] [--time-ms N] [--threshold F] [--alpha F] "
                    + "[--dir DIR] [--format text|md|json]");
            System.exit(2);
            return;
        }
        Result r = e.run();
        System.out.print(switch (format) {
            case "json" -> ComparisonRender.json(r.comparison());
            case "md" -> ComparisonRender.markdown(r.comparison());
            default -> r.text();
        });
        int warnings = r.advice() == null ? 0 : r.advice().recommendations(Severity.WARNING).size();
        System.out.println(r.advice() == null ? "" : "\n(advice from the profiled run: " + warnings
                + " recommendation(s) at warning level; report in " + e.dir.resolve("profile") + ")");
    }
}
