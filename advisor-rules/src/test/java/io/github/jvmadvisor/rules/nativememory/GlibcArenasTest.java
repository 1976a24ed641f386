package io.github.jvmadvisor.rules.nativememory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAT-04 on recordings of real JDK 25 runs with {@code -XX:NativeMemoryTracking=summary}: 32 threads each
 * keeping 40 zlib {@link java.util.zip.Deflater}s (malloc that NMT does not track), against the same threads
 * computing only; and a JDK 25 recording without NMT.
 */
class GlibcArenasTest {

    static final long MB = 1L << 20;

    @TempDir
    static Path dir;
    static Path zlib;
    static Path plain;
    static Path noNmt;

    @BeforeAll
    static void runs() throws Exception {
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        if (jdk25.isEmpty()) {
            return;
        }
        zlib = run(jdk25.get(), "zlib", true, "40");
        plain = run(jdk25.get(), "plain", true, "0");
        noNmt = run(jdk25.get(), "nonmt", false, "0");
    }

    static Path run(Jdks.Jdk jdk, String name, boolean nmt, String perThread) throws Exception {
        Path jfr = dir.resolve(name + ".jfr");
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx64m", "-Xms16m"));
        if (nmt) {
            jvm.add("-XX:NativeMemoryTracking=summary");
        }
        jvm.add("-XX:StartFlightRecording:filename=" + jfr
                + ",jdk.NativeMemoryUsageTotal#period=1s,jdk.ResidentSetSize#period=1s");
        ChildJvm.run(jdk, dir, jvm, ZlibThreadsWorkload.class, List.of("32", perThread, "2.5"), 120).requireSuccess();
        return jfr;
    }

    static void need25() {
        Assumptions.assumeTrue(zlib != null, "Temurin 25 not installed");
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Resources.NativeMemory memory(Evidence e) {
        return e.resources().orElseThrow().memory();
    }

    @Test
    void firesWhenZlibMallocsPushTheResidentSetAboveNmt() {
        need25();
        Evidence e = Advice.of(List.of(zlib), null, null, null, 25);
        Finding f = Advice.only(Advice.run(new GlibcArenas(), e, 25));
        double rss = figure(f, "resident set peak");
        double nmt = figure(f, "NMT committed peak");
        assertEquals(memory(e).rssPeakBytes(), rss, 1);
        assertEquals(memory(e).nmtCommittedPeakBytes(), nmt, 1);
        // 1280 deflaters of about 260 KB malloc'd each: well over 100 MB that NMT does not see
        assertTrue(rss - nmt > 100 * MB, f::toString);
        assertEquals((rss - nmt) / rss, figure(f, "share of the resident set"), 1e-9);
        assertTrue(figure(f, "threads peak") >= 32, f::toString);
        assertTrue(f.score() >= 75, f::toString); // over half of the resident set: a warning
        assertTrue(f.recommendations().get(0).summary().contains("MALLOC_ARENA_MAX=2"), f::toString);
        assertTrue(f.recommendations().get(0).changes().isEmpty(), "an environment setting, not a JVM flag");
    }

    @Test
    void judgesTheGapAgainstTheContainerLimitWhenThereIsOne() {
        need25();
        long c = 1024 * MB;
        Finding f = Advice.only(Advice.run(new GlibcArenas(), Advice.of(List.of(zlib), null, c, null, 25), 25));
        double gap = figure(f, "resident memory outside NMT");
        assertEquals(gap / c, figure(f, "share of the container limit"), 1e-9);
        assertEquals(c, figure(f, "container memory limit"), 1);
    }

    @Test
    void quietWhenTheThreadsDoNotMalloc() {
        need25();
        Evidence e = Advice.of(List.of(plain), null, null, null, 25);
        // the resident set stays below the NMT total, which includes the committed heap
        assertTrue(memory(e).rssPeakBytes() < memory(e).nmtCommittedPeakBytes(), memory(e)::toString);
        Report r = Advice.run(new GlibcArenas(), e, 25);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void quietWithoutNativeMemoryTracking() {
        need25();
        Evidence e = Advice.of(List.of(noNmt), null, null, null, 25);
        assertEquals(null, memory(e).nmtCommittedPeakBytes());
        assertNotNull(memory(e).rssPeakBytes());
        Report r = Advice.run(new GlibcArenas(), e, 25);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void notApplicableWithoutARecording() {
        Report r = Advice.run(new GlibcArenas(), Advice.ofCommandLine("-Xmx1g", null, null, 25), 25);
        assertEquals(List.of(EvidenceKind.NATIVE_MEMORY), Advice.notApplicable(r).missing());
    }
}
