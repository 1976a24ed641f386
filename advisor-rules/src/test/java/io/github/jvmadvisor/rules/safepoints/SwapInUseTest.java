package io.github.jvmadvisor.rules.safepoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.ProfiledWorkload;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SP-06 on recordings of real runs. The rule fires only where the host swaps; a machine without swap in
 * use gives the quiet case: a JDK 25 recording has {@code jdk.SwapSpace} and the reader keeps its swap in
 * use (0 here), a JDK 17 recording has no such event. A firing case needs a host with swap in use; the
 * test for it runs only there (it is skipped on machines without swap, or with swap unused).
 */
class SwapInUseTest {

    @TempDir
    static Path dir;
    static Path rec25;
    static Path rec17;

    @BeforeAll
    static void runs() throws Exception {
        rec17 = dir.resolve("r17.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-Xlog:gc*:file=" + dir.resolve("gc17.log"),
                "-XX:StartFlightRecording:filename=" + rec17), ProfiledWorkload.class, List.of("1", "1"), 120)
                .requireSuccess();
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        if (jdk25.isPresent()) {
            rec25 = dir.resolve("r25.jfr");
            ChildJvm.run(jdk25.get(), dir, List.of("-Xmx64m", "-XX:StartFlightRecording:filename=" + rec25),
                    ProfiledWorkload.class, List.of("1", "1"), 120).requireSuccess();
        }
    }

    static Long swapUsed(Evidence e) {
        return e.resources().orElseThrow().memory().swapUsedPeakBytes();
    }

    /** Swap in use on this host, from /proc/meminfo (kB), or 0. */
    static long hostSwapUsedKb() throws Exception {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return 0;
        }
        long total = 0;
        long free = 0;
        for (String line : Files.readAllLines(meminfo)) {
            String[] p = line.split("\\s+");
            if (p[0].equals("SwapTotal:")) {
                total = Long.parseLong(p[1]);
            } else if (p[0].equals("SwapFree:")) {
                free = Long.parseLong(p[1]);
            }
        }
        return total - free;
    }

    @Test
    void firesWhereTheHostSwaps() throws Exception {
        Assumptions.assumeTrue(rec25 != null, "Temurin 25 not installed");
        Evidence e = Advice.of(List.of(rec25), null, null, null, 25);
        long total = e.jvm().orElseThrow().machine().swapBytes() == null ? 0 : e.jvm().orElseThrow().machine().swapBytes();
        Assumptions.assumeTrue(swapUsed(e) > 0 && swapUsed(e) >= 0.05 * total,
                "no swap in use on this host (" + hostSwapUsedKb() + " kB)");
        var f = Advice.only(Advice.run(new SwapInUse(), e, 25));
        assertEquals(swapUsed(e), f.figures().stream().filter(x -> x.name().equals("swap in use (peak)")).findFirst()
                .orElseThrow().value(), 1);
    }

    @Test
    void quietOnAHostWithoutSwapInUse() throws Exception {
        Assumptions.assumeTrue(rec25 != null, "Temurin 25 not installed");
        Assumptions.assumeTrue(hostSwapUsedKb() == 0, "this host has swap in use");
        Evidence e = Advice.of(List.of(rec25), null, null, null, 25);
        // the reader read jdk.SwapSpace: 0 bytes in use, not unknown
        assertEquals(0L, swapUsed(e));
        Report r = Advice.run(new SwapInUse(), e, 25);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void quietOnJdk17RecordingsWhichHaveNoSwapEvent() {
        Evidence e = Advice.of(List.of(rec17, dir.resolve("gc17.log")), null, null, null, 17);
        assertNull(swapUsed(e));
        Report r = Advice.run(new SwapInUse(), e, 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void notApplicableWithoutARecording() {
        Report r = Advice.run(new SwapInUse(), Advice.ofCommandLine("-Xmx1g", null, null, 25), 25);
        assertEquals(List.of(EvidenceKind.NATIVE_MEMORY), Advice.notApplicable(r).missing());
    }
}
