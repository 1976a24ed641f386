package io.github.jvmadvisor.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.jmh.JmhResult;
import io.github.jvmadvisor.core.ingest.jmh.JmhResultReader;
import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.report.AnalysisText;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.jmh.internal.BenchmarkGcTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The post-processor of JMH JSON result files: the advice that the runs' options and {@code -prof gc}
 * figures support, one report per distinct JVM (runs with the same options and JDK share it), plus one
 * report per fork that {@link AdvisorProfiler} recorded, when its directory is found.
 *
 * <p>The rules run are the ones on the class path plus JMH-01 (GC time share from {@code -prof gc}),
 * which {@link #rules(RuleSet)} adds. Never throws for bad input: unreadable files and bad entries are
 * input issues in the reports. Thread-safe.
 */
public final class JmhAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(JmhAdvice.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the profiler writes by default, relative to the working directory of the JMH run. */
    public static final String DEFAULT_FORK_DIR = "jvm-advisor";

    private final Advisor advisor;

    /**
     * @param advisor the advisor to run; build its rules with {@link #rules(RuleSet)} to include JMH-01. It advises
     *     on JMH forks ({@link RunContext#JMH_FORK}) whatever run context it was built with; single-shot runs
     *     ({@code ss}) in the results say that they measure start-up
     */
    public JmhAdvice(Advisor advisor) {
        this.advisor = Objects.requireNonNull(advisor, "advisor").withRunContext(RunContext.JMH_FORK);
    }

    /** {@code rules} with the JMH rules added. */
    public static RuleSet rules(RuleSet rules) {
        return rules.rule("JMH-01").isPresent() ? rules : rules.with(new BenchmarkGcTime());
    }

    /**
     * One report and what it is about.
     *
     * @param title what the report covers, e.g. {@code "runs with -Xmx1g on JDK 17 (3 benchmarks)"} or
     *     {@code "a.B.m thrpt, fork 1"}
     * @param kind {@code "runs"} (options and {@code -prof gc} of a result file) or {@code "fork"} (the
     *     profiler's GC log and recording of one fork)
     * @param report the report
     */
    public record Section(String title, String kind, Report report) {
    }

    /**
     * Advises on result files.
     *
     * @param results JMH JSON result files
     * @param forkDir where {@link AdvisorProfiler} wrote its fork directories, or {@code null} to look
     *     for {@value #DEFAULT_FORK_DIR} beside each result file
     */
    public List<Section> advise(Collection<Path> results, Path forkDir) {
        List<Section> out = new ArrayList<>();
        for (Path file : results) {
            JmhResult r;
            if (!Files.isRegularFile(file)) {
                InputSummary s = new InputSummary(file.toString(), InputKind.UNKNOWN, null, List.of(file.toString()), 0, 0,
                        0, 0, List.of(new InputIssue(file.toString(), 0, InputIssue.IO_ERROR, "no such file")));
                out.add(new Section(file.toString() + ": not read", "runs", advisor.advise(new Evidence(List.of(s),
                        Optional.empty()))));
                continue;
            }
            r = JmhResultReader.read(InputSource.of(file));
            Map<String, List<BenchmarkRun>> byJvm = new LinkedHashMap<>();
            for (BenchmarkRun run : r.runs()) {
                byJvm.computeIfAbsent(jvmKey(run), k -> new ArrayList<>()).add(run);
            }
            if (byJvm.isEmpty()) {
                out.add(new Section(file + ": no runs", "runs", advisor.advise(new Evidence(List.of(r.summary()),
                        Optional.empty()))));
            }
            for (List<BenchmarkRun> runs : byJvm.values()) {
                BenchmarkRun first = runs.get(0);
                JvmConfig jvm = config(first);
                Evidence e = new Evidence(List.of(r.summary()), Optional.empty(), Optional.ofNullable(jvm), Optional.empty(),
                        List.of(), List.of(), List.of(new BenchmarkResults(file.toString(), runs)), Optional.empty(),
                        Optional.empty(), Optional.empty());
                out.add(new Section(file.getFileName() + ": " + runs.size() + " run(s) with "
                        + (first.jvmArgs().isEmpty() ? "no JVM options" : io.github.jvmadvisor.core.flags.JavaOptions.shellJoin(first.jvmArgs()))
                        + (first.jdkVersion() == null ? "" : " on JDK " + first.jdkVersion()), "runs", advisor.advise(e)));
            }
            Path dir = forkDir != null ? forkDir
                    : (file.toAbsolutePath().getParent() == null ? Path.of(DEFAULT_FORK_DIR)
                            : file.toAbsolutePath().getParent().resolve(DEFAULT_FORK_DIR));
            for (ForkRecord fork : ForkRecord.scan(dir)) {
                BenchmarkRun run = r.runs().stream().filter(x -> x.id().equals(fork.id())).findFirst().orElse(null);
                if (run == null || fork.inputs().isEmpty()) {
                    continue;
                }
                try {
                    Evidence e = withBenchmark(Analyzer.analyze(fork.inputs()), file, run);
                    out.add(new Section(fork.id() + ", fork " + fork.fork() + " (" + fork.dir() + ")", "fork",
                            advisor.advise(e)));
                } catch (RuntimeException | StackOverflowError ex) {
                    LOG.warn("could not advise on the fork in {}: {}", fork.dir(), ex.toString());
                }
            }
        }
        return out;
    }

    private static Evidence withBenchmark(Evidence e, Path file, BenchmarkRun run) {
        return new Evidence(e.inputs(), e.gcAnalysis(), e.jvm(), e.resources(), e.agreements(), e.latency(),
                List.of(new BenchmarkResults(file.toString(), List.of(run))), e.allocation(), e.jit(), e.cpu());
    }

    private static String jvmKey(BenchmarkRun r) {
        return r.jvm() + "\u0000" + r.jvmArgs() + "\u0000" + r.jdkVersion() + "\u0000" + r.vmName();
    }

    /** The configuration a run's options and JDK describe, or {@code null} when the file names neither. */
    static JvmConfig config(BenchmarkRun r) {
        Integer feature = io.github.jvmadvisor.jmh.internal.Versions.feature(r.jdkVersion());
        if (r.jvmArgs().isEmpty() && feature == null) {
            return null;
        }
        try {
            return CommandLineConfig.of(r.jvmArgs(), null, null, feature);
        } catch (RuntimeException e) {
            LOG.debug("options of {} not understood: {}", r.id(), e.toString());
            return null;
        }
    }

    /** The sections that have a recommendation at or above {@code severity}. */
    public static boolean any(List<Section> sections, Severity severity) {
        return sections.stream().anyMatch(s -> !s.report().recommendations(severity).isEmpty());
    }

    /** Text: each section's text report under a title line. */
    public static String text(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append("=== ").append(AnalysisText.safe(s.title())).append(" ===\n\n").append(AdviceText.render(s.report())).append('\n');
        }
        return sb.toString();
    }

    /** Markdown: each section's report under a heading. */
    public static String markdown(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append("# ").append(AdviceMarkdown.escape(s.title())).append("\n\n").append(AdviceMarkdown.render(s.report())).append('\n');
        }
        return sb.toString();
    }

    /** JSON: {@code {"schema":1,"sections":[{"title":...,"kind":...,"report":{the advice JSON}}]}}. */
    public static String json(List<Section> sections) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("schema", 1);
            ArrayNode arr = root.putArray("sections");
            for (Section s : sections) {
                ObjectNode o = arr.addObject();
                o.put("title", s.title());
                o.put("kind", s.kind());
                o.set("report", JSON.readTree(AdviceJson.toJson(s.report())));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML: one page with each section's report under a heading. */
    public static String html(List<Section> sections) {
        StringBuilder head = null;
        StringBuilder body = new StringBuilder();
        for (Section s : sections) {
            String page = AdviceHtml.render(s.report());
            int open = page.indexOf("<body>");
            int close = page.lastIndexOf("</body>");
            if (open < 0 || close < open) {
                continue;
            }
            if (head == null) {
                head = new StringBuilder(page.substring(0, open + "<body>".length()));
            }
            body.append("<h1>").append(escape(s.title())).append("</h1>\n").append(page, open + "<body>".length(), close);
        }
        if (head == null) {
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head><body></body></html>\n";
        }
        return head.append(body).append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
