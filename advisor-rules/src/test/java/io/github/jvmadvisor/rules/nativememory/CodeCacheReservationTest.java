package io.github.jvmadvisor.rules.nativememory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAT-07 on JFR recordings of a short run with a 1 GB code-cache reservation and with the default. */
class CodeCacheReservationTest {

    @TempDir
    static Path dir;
    static Path raised;
    static Path plain;

    @BeforeAll
    static void runs() throws Exception {
        raised = dir.resolve("raised.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-XX:ReservedCodeCacheSize=1g",
                "-XX:StartFlightRecording:filename=" + raised), ChurnWorkload.class, List.of("2", "8", "1"), 120)
                .requireSuccess();
        plain = dir.resolve("plain.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-XX:StartFlightRecording:filename=" + plain),
                ChurnWorkload.class, List.of("2", "8", "1"), 120).requireSuccess();
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    @Test
    void firesOnA1gReservationUsedByAFewMegabytes() {
        Report r = Advice.run(new CodeCacheReservation(), Advice.of(List.of(raised), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(1L << 30, (long) figure(f, "reserved code cache"));
        double used = figure(f, "code cache used peak");
        assertTrue(used > 1e6 && used < 100e6, f::toString);
        assertEquals(used / (1L << 30), figure(f, "used share of the reservation"), 1e-9);
        assertEquals(List.of("remove ReservedCodeCacheSize"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void quietWithTheDefaultAndNotApplicableWithoutARecording() {
        assertTrue(Advice.findings(Advice.run(new CodeCacheReservation(),
                Advice.of(List.of(plain), null, null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.JIT), Advice.notApplicable(Advice.run(new CodeCacheReservation(),
                Advice.ofCommandLine("-XX:ReservedCodeCacheSize=1g", null, null, 17), 17)).missing());
    }
}
