package io.github.jvmadvisor.samples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.jmh.AdvisorProfiler;
import io.github.jvmadvisor.jmh.ForkRecord;
import io.github.jvmadvisor.jmh.JmhAdvice;
import io.github.jvmadvisor.jmh.JmhMain;
import io.github.jvmadvisor.jmh.compare.BenchmarkComparison;
import io.github.jvmadvisor.jmh.compare.ComparisonReport;
import io.github.jvmadvisor.jmh.compare.JmhComparison;
import io.github.jvmadvisor.jmh.compare.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The profiler in real JMH runs: a report per fork, the key figures as secondary results, the
 * post-processor over the result file and the fork files, and {@code compare} on generated runs.
 */
class ProfilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachForkGetsAReportAndTheFiguresComeBackAsResults() throws Exception {
        Path dir = Path.of("target", "jmh-profiler").toAbsolutePath();
        Path result = dir.resolve("result.json");
        Files.createDirectories(dir);
        // the short name, through JmhMain's rewriting, with JMH's own command-line parser; -prof gc beside it
        CommandLineOptions cl = new CommandLineOptions(JmhMain.rewrite(new String[] {
            LiveSetBenchmark.class.getName() + ".replace", "-f", "2", "-wi", "1", "-w", "200ms", "-i", "3", "-r", "200ms",
            "-jvmArgs", "-Xmx160m -Xms160m -XX:+UseG1GC", "-prof", "gc",
            "-prof", "jvm-advisor:dir=" + dir.resolve("forks") + ";html=true", "-rf", "json", "-rff", result.toString()}));
        Collection<RunResult> runs = new Runner(cl).run();
        RunResult run = runs.iterator().next();

        List<ForkRecord> forks = ForkRecord.scan(dir.resolve("forks"));
        assertEquals(2, forks.size(), "one directory per measurement fork");
        for (ForkRecord f : forks) {
            for (String name : List.of("advice.txt", "advice.json", "advice.html", ForkRecord.GC_LOG, ForkRecord.RECORDING)) {
                assertTrue(Files.size(f.dir().resolve(name)) > 0, f.dir() + "/" + name);
            }
            JsonNode advice = JSON.readTree(f.dir().resolve("advice.json").toFile());
            assertEquals("throughput", advice.path("goal").asText(), "thrpt mode advises for throughput");
            // a fork, not a service: no C1-only advice, and the profiler's own GC log is not judged (OBS-07)
            assertEquals("jmh-fork", advice.path("runContext").asText());
            for (JsonNode r : advice.path("recommendations")) {
                assertFalse(r.path("flags").toString().contains("TieredStopAtLevel"), r.toString());
                assertFalse(r.path("ruleId").asText().equals("OBS-07"), r.toString());
            }
        }
        assertEquals(2, run.getBenchmarkResults().size());
        Result<?> gcCpu = run.getSecondaryResults().get("advisor.gc.cpu");
        Result<?> live = run.getSecondaryResults().get("advisor.live.set");
        Result<?> warnings = run.getSecondaryResults().get("advisor.warnings");
        assertNotNull(gcCpu, run.getSecondaryResults().keySet().toString());
        assertTrue(gcCpu.getScore() > 5, "a 160 MB heap for 100 MB live works hard: GC CPU % " + gcCpu.getScore());
        assertTrue(live.getScore() > 90 && live.getScore() < 140, "the live set, MB: " + live.getScore());
        assertTrue(warnings.getScore() >= 1, "at least one warning-level recommendation");
        assertTrue(run.getSecondaryResults().get("advisor.gc.pause.max").getScore() > 0);

        // the result file carries the figures, and the post-processor finds the forks beside it
        JsonNode file = JSON.readTree(result.toFile());
        assertTrue(file.get(0).path("secondaryMetrics").has("advisor.gc.cpu"));
        Advisor advisor = Advisor.builder().rules(JmhAdvice.rules(RuleSet.load())).build();
        List<JmhAdvice.Section> sections = new JmhAdvice(advisor).advise(List.of(result), dir.resolve("forks"));
        assertEquals(3, sections.size(), "the runs' options and -prof gc, then each fork: "
                + sections.stream().map(JmhAdvice.Section::title).toList());
        JmhAdvice.Section runsSection = sections.get(0);
        assertEquals("runs", runsSection.kind());
        Finding gcTime = runsSection.report().findings().stream().filter(f -> f.ruleId().equals("JMH-01")).findFirst()
                .orElseThrow(() -> new AssertionError("JMH-01 on -prof gc: " + JmhAdvice.text(List.of(runsSection))));
        assertTrue(gcTime.figures().get(0).value() > 0.05, "GC time share above 5 %: " + gcTime.figures().get(0));
        assertTrue(runsSection.report().recommendations().stream().anyMatch(r -> r.flags().contains("-Xmx320m")),
                "twice the forks' -Xmx160m");
        for (JmhAdvice.Section s : sections) {
            assertEquals(io.github.jvmadvisor.core.rule.RunContext.JMH_FORK, s.report().runContext(), s.title());
        }
        for (JmhAdvice.Section s : sections.subList(1, 3)) {
            assertEquals("fork", s.kind());
            assertTrue(s.report().recommendations().stream().anyMatch(r -> r.flags().stream().anyMatch(x -> x.startsWith("-Xmx"))),
                    "the fork's GC log sizes the heap against the live set");
        }
        JsonNode sectionsJson = JSON.readTree(JmhAdvice.json(sections));
        assertEquals(3, sectionsJson.get("sections").size());
        assertTrue(JmhAdvice.html(sections).contains("<h1>"));
    }

    @Test
    void theClassNameWorksAndBadOptionsAreRefused() throws Exception {
        Path dir = Path.of("target", "jmh-profiler-fqcn").toAbsolutePath();
        Path result = dir.resolve("a.json");
        Files.createDirectories(dir);
        new Runner(new OptionsBuilder().include(ChurnBenchmark.class.getName()).forks(1).warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200)).measurementIterations(3).measurementTime(TimeValue.milliseconds(200))
                .jvmArgs("-Xmx64m").addProfiler(AdvisorProfiler.class.getName(), "dir=" + dir.resolve("forks") + ";jfr=false")
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(result.toString()).build()).run();
        List<ForkRecord> forks = ForkRecord.scan(dir.resolve("forks"));
        assertEquals(1, forks.size());
        assertTrue(Files.exists(forks.get(0).dir().resolve("advice.txt")));
        assertFalse(Files.exists(forks.get(0).dir().resolve(ForkRecord.RECORDING)), "jfr=false records nothing");

        // a second run of the same benchmark with a different heap: compare reads both generated files
        Path b = dir.resolve("b.json");
        new Runner(new OptionsBuilder().include(ChurnBenchmark.class.getName()).forks(1).warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200)).measurementIterations(3).measurementTime(TimeValue.milliseconds(200))
                .jvmArgs("-Xmx64m").resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(b.toString())
                .build()).run();
        ComparisonReport r = new JmhComparison().compare(List.of(result, b));
        BenchmarkComparison c = r.comparisons().get(0);
        assertEquals("welch-t", c.test());
        assertEquals(3, c.baselineN());
        assertEquals(3, c.candidateN());
        assertTrue(c.verdict() != Verdict.MISSING && c.verdict() != Verdict.INCOMPARABLE, c.toString());
        assertNotNull(c.pValue());

        ProfilerException help = assertThrows(ProfilerException.class, () -> new AdvisorProfiler("help"));
        assertTrue(help.getMessage().contains("dir=PATH"));
        assertThrows(ProfilerException.class, () -> new AdvisorProfiler("nonsense=1"));
        assertThrows(ProfilerException.class, () -> new AdvisorProfiler("goal=fast"));
    }
}
