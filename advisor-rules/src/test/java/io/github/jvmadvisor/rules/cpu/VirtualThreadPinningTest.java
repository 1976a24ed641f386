package io.github.jvmadvisor.rules.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU-07 and CpuProfile.Pinning on JDK 25 recordings of virtual threads that block pinned (native frame) or not (monitor). */
class VirtualThreadPinningTest {

    @TempDir
    static Path dir;

    private static Evidence record(Jdks.Jdk jdk, String mode, int tasks) throws Exception {
        Path jfr = dir.resolve(mode + jdk.feature() + ".jfr");
        ChildJvm.run(jdk, dir, List.of("-Xmx64m", "-XX:StartFlightRecording:filename=" + jfr + ",settings=default"),
                PinningWorkload.class, List.of(mode, String.valueOf(tasks)), 60).requireSuccess();
        return Advice.of(List.of(jfr), null, null, null, jdk.feature());
    }

    @Test
    void firesOnBlocksPinnedByANativeFrame() throws Exception {
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        assumeTrue(jdk25.isPresent(), "needs Temurin 25");
        Evidence e = record(jdk25.get(), "native", 40);
        CpuProfile.Pinning p = e.cpu().orElseThrow().pinned();
        assertNotNull(p);
        // each of the 40 tasks sleeps 25 ms inside the loader; contended forName0 monitors add more
        assertTrue(p.events() >= 40, p::toString);
        assertTrue(p.maxNanos() >= 25_000_000L, p::toString);
        CpuProfile.Blocked site = p.bySite().stream().max(java.util.Comparator.comparingLong(CpuProfile.Blocked::events))
                .orElseThrow();
        assertTrue(site.name().startsWith(PinningWorkload.class.getName()), site::toString);
        assertTrue(p.byReason().stream().noneMatch(r -> r.name().equals("?")), p::toString);
        Finding f = Advice.only(Advice.run(new VirtualThreadPinning(), e, 25));
        assertEquals(p.events(), f.figures().get(0).value());
        assertEquals(site.events(), f.figures().get(4).value());
        assertTrue(f.figures().get(3).text().startsWith(site.name()), f::toString);
        assertTrue(f.figures().get(5).value() > 10, f::toString);
        assertTrue(f.recommendations().get(0).action().contains("native frames"), f::toString);
    }

    @Test
    void quietWhenMonitorsNoLongerPin() throws Exception {
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        assumeTrue(jdk25.isPresent(), "needs Temurin 25");
        Evidence e = record(jdk25.get(), "monitor", 40);
        CpuProfile.Pinning p = e.cpu().orElseThrow().pinned();
        assertNotNull(p, "enabled in the default settings on 25");
        assertEquals(0, p.events());
        assertTrue(Advice.findings(Advice.run(new VirtualThreadPinning(), e, 25)).isEmpty());
    }

    @Test
    void jdk17RecordingHasNoPinningAndAGcLogIsNotApplicable() throws Exception {
        Path jfr = dir.resolve("churn17.jfr");
        Path log = dir.resolve("churn17.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-Xlog:gc:file=" + log,
                "-XX:StartFlightRecording:filename=" + jfr + ",settings=default"), ChurnWorkload.class,
                List.of("1", "8", "1"), 60).requireSuccess();
        if (Jdks.current().feature() < 21) {
            Evidence e = Advice.of(List.of(jfr), null, null, null, 17);
            // JDK 17 has no such event: no pinning section, and the rule says nothing
            assertNull(e.cpu().orElseThrow().pinned());
            assertTrue(Advice.run(new VirtualThreadPinning(), e, 17).findings().isEmpty());
        }
        assertEquals(List.of(EvidenceKind.VIRTUAL_THREAD_PINNING), Advice.notApplicable(Advice.run(new VirtualThreadPinning(),
                Advice.of(List.of(log), null, null, null, 17), 17)).missing());
    }
}
