package io.github.jvmadvisor.rules.nativememory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAT-02 on a real run whose metaspace threshold starts at 1 MB (JFR start-up loads classes past it). */
class MetaspaceGcsTest {

    @TempDir
    Path dir;

    @Test
    void firesOnMetadataThresholdCollectionsAndSizesMetaspace() throws Exception {
        Path log = dir.resolve("meta.log");
        Path jfr = dir.resolve("meta.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-XX:MetaspaceSize=1m", "-Xmx64m",
                "-Xlog:gc*:file=" + log, "-XX:StartFlightRecording:filename=" + jfr), ChurnWorkload.class,
                List.of("1", "4", "1"), 120).requireSuccess();
        long lines = Files.readAllLines(log).stream().filter(l -> l.contains("Pause Full (Metadata GC Threshold)")
                && l.matches(".*ms$")).count();
        Report r = Advice.run(new MetaspaceGcs(), Advice.of(List.of(log), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals((double) lines, f.figures().get(0).value(), f::toString);
        assertTrue(lines >= 1);
        // 1.3x the committed peak when the log has it (the threshold is compared with committed), else used
        long used = (long) (double) f.figures().get(2).value();
        long base = f.figures().size() > 3 ? Math.max(used, (long) (double) f.figures().get(3).value()) : used;
        String expected = "-XX:MetaspaceSize=" + (long) Math.ceil(1.3 * base / (1 << 20)) + "m";
        assertEquals(List.of(expected), r.recommendations().get(0).flags());
        assertTrue(r.commandLine().startsOk());
        // the churn runs of the default threshold (21 MB) never hit it
        Path plain = dir.resolve("plain.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xlog:gc*:file=" + plain),
                ChurnWorkload.class, List.of("1", "4", "1"), 120).requireSuccess();
        assertTrue(Advice.findings(Advice.run(new MetaspaceGcs(), Advice.of(List.of(plain), null, null, null, 17), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new MetaspaceGcs(),
                Advice.ofCommandLine("-Xmx64m", null, null, 17), 17)).missing());
    }
}
