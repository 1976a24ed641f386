package io.github.jvmadvisor.rules.nativememory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAT-03 on recordings of real runs: on JDK 25 (jdk.ResidentSetSize) a 32 MB heap with 160 MiB of touched
 * direct buffers, and the same workload without them; on JDK 17, whose recordings have no resident set size.
 */
class ResidentSetGapTest {

    static final long MB = 1L << 20;
    static final long C = 512 * MB;

    @TempDir
    static Path dir;
    static Path growth25;
    static Path plain25;
    static Path plain17;

    @BeforeAll
    static void runs() throws Exception {
        plain17 = dir.resolve("plain17.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx32m", "-XX:StartFlightRecording:filename=" + plain17),
                NativeGrowthWorkload.class, List.of("2", "0"), 120).requireSuccess();
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        if (jdk25.isPresent()) {
            growth25 = dir.resolve("growth25.jfr");
            ChildJvm.run(jdk25.get(), dir, List.of("-Xmx32m", "-XX:MaxDirectMemorySize=512m",
                    "-XX:StartFlightRecording:filename=" + growth25), NativeGrowthWorkload.class, List.of("3", "160"), 120)
                    .requireSuccess();
            plain25 = dir.resolve("plain25.jfr");
            ChildJvm.run(jdk25.get(), dir, List.of("-Xmx32m", "-XX:StartFlightRecording:filename=" + plain25),
                    NativeGrowthWorkload.class, List.of("3", "0"), 120).requireSuccess();
        }
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Evidence rec(Path p, Long c, int jdk) {
        return Advice.of(List.of(p), null, c, null, jdk);
    }

    static void need25() {
        Assumptions.assumeTrue(growth25 != null, "Temurin 25 not installed");
    }

    @Test
    void firesWhenDirectBuffersPushTheResidentSetFarAboveTheHeap() {
        need25();
        Report r = Advice.run(new ResidentSetGap(), rec(growth25, C, 25), 25);
        Finding f = Advice.only(r);
        double rss = figure(f, "resident set peak");
        double heap = figure(f, "peak committed heap");
        assertEquals(32 * MB, heap, 1);
        assertTrue(rss > 160 * MB + heap, f::toString);
        assertEquals(rss - heap, figure(f, "non-heap resident memory"), 1);
        assertEquals((rss - heap) / C, figure(f, "non-heap share of the limit"), 1e-9);
        assertEquals(List.of("-XX:NativeMemoryTracking=summary"), Changes.flags(r.recommendations().get(0)));
        assertTrue(r.recommendations().get(0).action().contains("summary.diff")
                && r.recommendations().get(0).action().contains("jdk.NativeMemoryUsage"), r.recommendations()::toString);
    }

    @Test
    void quietWithoutNativeGrowthOrInABigContainer() {
        need25();
        Report plain = Advice.run(new ResidentSetGap(), rec(plain25, C, 25), 25);
        assertTrue(Advice.findings(plain).isEmpty(), plain.findings()::toString);
        // the same growth is under a quarter of a 2 GB container
        Report big = Advice.run(new ResidentSetGap(), rec(growth25, 2048 * MB, 25), 25);
        assertTrue(Advice.findings(big).isEmpty(), big.findings()::toString);
    }

    @Test
    void jdk17RecordingsHaveNoResidentSetAndNothingIsSaid() {
        Evidence e = rec(plain17, 64 * MB, 17);
        assertNull(e.resources().map(Resources::memory).orElseThrow().rssPeakBytes());
        assertTrue(Advice.findings(Advice.run(new ResidentSetGap(), e, 17)).isEmpty());
    }

    @Test
    void notApplicableWithoutAContainerLimitOrARecording() {
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY),
                Advice.notApplicable(Advice.run(new ResidentSetGap(), rec(plain17, null, 17), 17)).missing());
        assertEquals(List.of(EvidenceKind.NATIVE_MEMORY), Advice.notApplicable(Advice.run(new ResidentSetGap(),
                Advice.ofCommandLine("-Xmx32m", C, null, 17), 17)).missing());
    }
}
