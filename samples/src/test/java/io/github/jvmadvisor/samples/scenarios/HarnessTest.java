package io.github.jvmadvisor.samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.testing.Jdks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end on one scenario judged on a count (no wall-clock figure): System.gc() calls under
 * G1 give full GCs, the advice turns them into concurrent cycles, and the re-run has none.
 */
class HarnessTest {

    @TempDir
    Path dir;

    @Test
    void explicitGcScenarioIsAdvisedAndFixed() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Harness h = new Harness(dir, 1, new PrintStream(progress, true, StandardCharsets.UTF_8));
        Outcome o = h.run(Scenarios.byId("explicit-gc").orElseThrow(), Jdks.current());
        assertEquals(Outcome.Verdict.IMPROVED, o.verdict(), () -> o + "\n" + progress);
        assertTrue(o.metric().beforeMedian() >= 10, () -> "System.gc() made full GCs: " + o.metric());
        assertEquals(0.0, o.metric().afterMedian(), () -> "none after the advice: " + o.metric());
        assertTrue(o.added().stream().anyMatch(a -> a.equals("-XX:+ExplicitGCInvokesConcurrent")
                || a.equals("-XX:+DisableExplicitGC")), o.added()::toString);
        assertTrue(o.topRecommendation().startsWith("EXP-01"), o::topRecommendation);
        Path runs = dir.resolve("3-explicit-gc-jdk" + Jdks.current().feature());
        assertTrue(Files.readString(runs.resolve("advice.txt")).contains("EXP-01"));
        assertTrue(Files.readString(runs.resolve("after-1/output.txt")).contains("-XX:+ExplicitGCInvokesConcurrent")
                || Files.readString(runs.resolve("after-1/output.txt")).contains("-XX:+DisableExplicitGC"));
    }
}
