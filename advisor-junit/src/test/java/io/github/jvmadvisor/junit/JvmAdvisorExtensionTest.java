package io.github.jvmadvisor.junit;

import static io.github.jvmadvisor.junit.Examples.MB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.runtime.LiveRecording;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The extension on the JUnit line of the build (5.x), through the JUnit Platform's test kit. */
class JvmAdvisorExtensionTest {

    @AfterEach
    void streamClosed() {
        // every read left the shared JFR stream: nothing keeps recording after a run
        assertEquals(0, LiveRecording.subscribers(), "JFR subscriptions left open");
    }

    @Test
    void allocationIsMeasuredPerTestAndABrokenBudgetIsReportedNotFailed() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class));
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        Map<String, Long> bytes = Kit.allocated(r);
        assertTrue(bytes.get("big()") >= 64L * MB, "big() allocated " + bytes.get("big()"));
        assertTrue(bytes.get("big()") < 70L * MB, "big() allocated " + bytes.get("big()"));
        assertTrue(bytes.get("small()") >= 1024 && bytes.get("small()") < 64 * 1024,
                "small() allocated " + bytes.get("small()"));
        String breach = Kit.entries(r, "big()").get("jvmadvisor.budget.breach");
        assertTrue(breach != null && breach.contains("> maxAllocatedBytesPerTest 1 MB"), "breach: " + breach);
        assertNull(Kit.entries(r, "small()").get("jvmadvisor.budget.breach"));
        Map<String, String> cls = Kit.entries(r, "Allocates");
        assertEquals("2", cls.get("jvmadvisor.tests"));
        assertTrue(Long.parseLong(cls.get("jvmadvisor.allocatedBytes")) >= 64L * MB, cls.toString());
    }

    @Test
    void eachBreachIsNamedOnTheConsoleWithItsTestBudgetAndValueInHumanUnits() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults r;
        // slf4j-simple writes to whatever System.err is at the time of the call
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r = Kit.run(List.of(Examples.Allocates.class, Examples.CallsSystemGc.class));
        } finally {
            System.setErr(original);
        }
        r.allEvents().assertStatistics(s -> s.failed(0));
        String log = captured.toString(StandardCharsets.UTF_8);
        String test = "jvm-advisor budget breach in " + Examples.Allocates.class.getName() + ".big(): allocated ";
        Pattern line = Pattern.compile(Pattern.quote(test) + "6\\d(\\.\\d)? MB on the test thread > maxAllocatedBytesPerTest 1 MB");
        // when it happens, and again under the run's summary line
        assertEquals(2, line.matcher(log).results().count(), log);
        assertTrue(Pattern.compile(Pattern.quote("jvm-advisor budget breach in " + Examples.CallsSystemGc.class.getName()
                + " (its class window): ") + "\\d+ full GC\\(s\\) .* > maxFullGcs 0").matcher(log).find(), log);
        assertTrue(log.contains("budget breach(es)"), log);
        assertFalse(log.matches("(?s).*\\d{7,} bytes.*"), "no raw byte counts: " + log);
    }

    @Test
    void byteCountsReadAsPeopleWriteThem() {
        assertEquals("100 MB", Budget.bytes(104_861_488L));
        assertEquals("8 MB", Budget.bytes(8_388_608L));
        assertEquals("1.5 KB", Budget.bytes(1536));
        assertEquals("512 bytes", Budget.bytes(512));
        assertEquals("2.3 GB", Budget.bytes(2_500_000_000L));
    }

    @Test
    void aBrokenAllocationBudgetFailsTheTestWhenConfiguredTo() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class), "jvmadvisor.budget.fail", "true");
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        String why = Kit.failures(r).get("big()");
        assertTrue(why.startsWith("java.lang.AssertionError: jvm-advisor: allocated ")
                && why.contains("> maxAllocatedBytesPerTest 1 MB"), why);
    }

    @Test
    void systemGcBreaksAFullGcBudgetWithTheG1FullGcReported() {
        EngineExecutionResults r = Kit.run(List.of(Examples.CallsSystemGc.class));
        r.allEvents().assertStatistics(s -> s.failed(0));
        Map<String, String> cls = Kit.entries(r, "CallsSystemGc");
        assertEquals("G1", cls.get("jvmadvisor.gc.collector"), cls.toString());
        assertTrue(Long.parseLong(cls.get("jvmadvisor.gc.fullGcs")) >= 1, cls.toString());
        assertTrue(cls.get("jvmadvisor.gc.fullGcsByCause").contains("System.gc()"), cls.toString());
        assertTrue(Double.parseDouble(cls.get("jvmadvisor.gc.maxPauseMillis")) > 0, cls.toString());
        assertTrue(Long.parseLong(cls.get("jvmadvisor.gc.gcCount")) >= 1, cls.toString());
        String breach = cls.get("jvmadvisor.budget.breach.1");
        assertTrue(breach != null && breach.contains("full GC(s)") && breach.contains("> maxFullGcs 0"), cls.toString());
    }

    @Test
    void aBrokenGcBudgetFailsTheClassWhenConfiguredTo() {
        EngineExecutionResults r = Kit.run(List.of(Examples.CallsSystemGc.class), "jvmadvisor.budget.fail", "true");
        r.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        String why = Kit.failures(r).get("CallsSystemGc");
        assertTrue(why != null && why.contains("broke its GC budget") && why.contains("maxFullGcs 0"), why);
    }

    @Test
    void budgetsThatHoldReportNoBreachAndFailNothing() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Holds.class));
        r.allEvents().assertStatistics(s -> s.failed(0));
        Map<String, Long> bytes = Kit.allocated(r);
        assertTrue(bytes.get("eightMb()") >= 8L * MB && bytes.get("eightMb()") < 16L * MB, bytes.toString());
        assertTrue(bytes.get("tiny()") < 64 * 1024, bytes.toString());
        Map<String, String> cls = Kit.entries(r, "Holds");
        assertEquals("0", cls.get("jvmadvisor.gc.fullGcs"), cls.toString());
        assertFalse(cls.keySet().stream().anyMatch(k -> k.startsWith("jvmadvisor.budget.breach")), cls.toString());
    }

    @Test
    void theBuilderConfiguresTheExtensionInCode() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Built.class));
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertTrue(Kit.failures(r).get("sixteenMb()").contains("maxAllocatedBytesPerTest 1 MB"));
        assertTrue(Kit.allocated(r).get("sixteenMb()") >= 16L * MB);
    }

    @Test
    void autoDetectionRegistersItOnlyWhenEnabled() {
        EngineExecutionResults off = Kit.run(List.of(Examples.Plain.class));
        assertTrue(Kit.allocated(off).isEmpty(), "measured without registration");
        assertTrue(Kit.runEntries(off).isEmpty());
        EngineExecutionResults on = Kit.run(List.of(Examples.Plain.class),
                "junit.jupiter.extensions.autodetection.enabled", "true");
        assertTrue(Kit.allocated(on).get("thirtyTwoMb()") >= 32L * MB, Kit.allocated(on).toString());
        assertEquals("1", Kit.entries(on, "Plain").get("jvmadvisor.tests"));
    }

    @Test
    void autoDetectedAndAnnotatedTogetherMeasureEachTestOnce() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Built.class),
                "junit.jupiter.extensions.autodetection.enabled", "true");
        // the builder's settings win over the auto-detected default: the 16 MB test still fails
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        long published = r.allEvents().reportingEntryPublished().list().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals("sixteenMb()")).count();
        assertEquals(1, published);
    }

    @Test
    void parallelClassesAndMethodsEachGetTheirOwnThreadsAllocation() {
        EngineExecutionResults r = Kit.run(List.of(Examples.ParallelA.class, Examples.ParallelB.class),
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        r.allEvents().assertStatistics(s -> s.failed(0));
        r.testEvents().assertStatistics(s -> s.succeeded(8));
        Map<String, Long> bytes = Kit.allocated(r);
        assertEquals(8, bytes.size(), bytes.toString());
        for (String t : List.of("a1()", "a2()", "a3()", "a4()")) {
            assertTrue(bytes.get(t) >= 16L * MB && bytes.get(t) < 20L * MB, t + " " + bytes);
        }
        for (String t : List.of("b1()", "b2()", "b3()", "b4()")) {
            // b4's 32 MB on its own thread are not the test thread's
            assertTrue(bytes.get(t) >= 24L * MB && bytes.get(t) < 28L * MB, t + " " + bytes);
        }
        assertEquals("4", Kit.entries(r, "ParallelA").get("jvmadvisor.tests"));
        assertEquals("4", Kit.entries(r, "ParallelB").get("jvmadvisor.tests"));
        assertTrue(Kit.runEntries(r).containsKey("jvmadvisor.run.gc.gcCount"), Kit.runEntries(r).toString());
    }

    @Test
    void runScopeJudgesTheWholeRunOnceAndFailsItWhenConfiguredTo() {
        List<Class<?>> both = List.of(Examples.Allocates.class, Examples.CallsSystemGc.class);
        EngineExecutionResults reported = Kit.run(both, "jvmadvisor.scope", "run");
        reported.allEvents().assertStatistics(s -> s.failed(0));
        // no class window in run scope; the run's window has the full GC, judged against the parameters' budget
        assertFalse(Kit.entries(reported, "CallsSystemGc").containsKey("jvmadvisor.gc.fullGcs"));
        EngineExecutionResults failing = Kit.run(both, "jvmadvisor.scope", "run", "jvmadvisor.budget.maxFullGcs", "0",
                "jvmadvisor.budget.fail", "true");
        Map<String, String> run = Kit.runEntries(failing);
        assertTrue(Long.parseLong(run.get("jvmadvisor.run.gc.fullGcs")) >= 1, run.toString());
        assertTrue(run.get("jvmadvisor.run.budget.breach.1").contains("> maxFullGcs 0"), run.toString());
        String why = Kit.failures(failing).get("JUnit Jupiter");
        assertTrue(why != null && why.contains("the test run broke its GC budget"), Kit.failures(failing).toString());
        // per-test allocation budgets still apply per test in run scope
        assertTrue(Kit.failures(failing).get("big()").contains("maxAllocatedBytesPerTest"));
    }

    @Test
    void theRunWritesAJsonAndHtmlReportWithAdvice(@TempDir Path dir) throws Exception {
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class, Examples.CallsSystemGc.class),
                "jvmadvisor.output.dir", dir.toString());
        r.allEvents().assertStatistics(s -> s.failed(0));
        Path json = dir.resolve("jvm-advisor.json");
        assertEquals(json.toAbsolutePath().toString(), Kit.runEntries(r).get("jvmadvisor.report"));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, root.get("schema").asInt());
        assertEquals("class", root.get("scope").asText());
        assertEquals(2, root.get("classes").size());
        long fullGcs = 0;
        for (JsonNode c : root.get("classes")) {
            fullGcs += c.get("gc").get("fullGcs").asLong();
        }
        assertTrue(fullGcs >= 1, root.toString());
        assertTrue(root.get("run").get("gc").get("fullGcs").asLong() >= 1);
        JsonNode advice = root.get("advice");
        assertTrue(advice.get("recommendations").isArray(), advice.toString());
        assertTrue(advice.get("rulesRun").asInt() > 10, "rules run: " + advice.get("rulesRun"));
        // advice for a test JVM: not C1 only, not the production GC-log and recording setup
        assertEquals("test-jvm", advice.path("runContext").asText());
        for (JsonNode n : advice.get("notApplicable")) {
            if (n.get("ruleId").asText().equals("OBS-01")) {
                assertTrue(n.get("reason").asText().contains("a test JVM"), n.toString());
            }
        }
        String html = Files.readString(dir.resolve("jvm-advisor.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
    }

    @Test
    void aBadConfigurationValueIsLoggedAndTheRunGoesOn() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class), "jvmadvisor.budget.maxPauseMillis",
                "fast", "jvmadvisor.scope", "sideways");
        r.allEvents().assertStatistics(s -> s.failed(0));
        assertTrue(Kit.allocated(r).get("big()") >= 64L * MB);
    }

    @Test
    void disabledByParameterPublishesNothing() {
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class), "jvmadvisor.enabled", "false");
        r.allEvents().assertStatistics(s -> s.failed(0));
        assertTrue(Kit.allocated(r).isEmpty());
    }
}
