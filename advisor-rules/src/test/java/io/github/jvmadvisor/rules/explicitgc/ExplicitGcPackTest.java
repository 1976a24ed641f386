package io.github.jvmadvisor.rules.explicitgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.GcLockerWorkload;
import io.github.jvmadvisor.rules.testing.Changes;
import io.github.jvmadvisor.rules.testing.ToolingGcWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXP-02..05 on command lines and GC logs of real runs. */
class ExplicitGcPackTest {

    @TempDir
    static Path dir;
    static Path tooling;
    static Path churn;
    static Path jfr;
    static Path locker;

    @BeforeAll
    static void runs() throws Exception {
        tooling = dir.resolve("tooling.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", "-Xlog:gc*:file=" + tooling),
                ToolingGcWorkload.class, List.of(dir.resolve("heap.hprof").toString()), 120).requireSuccess();
        churn = dir.resolve("churn.log");
        jfr = dir.resolve("rmi.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", "-Xlog:gc*:file=" + churn,
                "-Dsun.rmi.dgc.client.gcInterval=60000", "-XX:StartFlightRecording=filename=" + jfr),
                ChurnWorkload.class, List.of("1", "8", "1"), 120).requireSuccess();
        // JNI critical regions (Deflater) under allocation pressure: real GCLocker-initiated GCs on JDK 17's G1
        // the locker needs an allocation to fail inside a critical region: a matter of timing, so up to
        // three runs are made until one has such collections in at least a tenth of its pauses
        for (int attempt = 0; attempt < 3; attempt++) {
            locker = dir.resolve("locker-" + attempt + ".log");
            ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx96m", "-Xlog:gc*:file=" + locker),
                    GcLockerWorkload.class, List.of("4"), 120).requireSuccess();
            List<String> pauses = Files.readAllLines(locker).stream()
                    .filter(x -> x.contains(" Pause ") && x.endsWith("ms")).toList();
            long byLocker = pauses.stream().filter(x -> x.contains("(GCLocker Initiated GC)")).count();
            if (byLocker > 0 && byLocker * 10 >= pauses.size()) {
                break;
            }
        }
    }

    static Evidence none() {
        return new Evidence(List.of(), Optional.empty());
    }

    @Test
    void exp02() {
        Report r = Advice.run(new ContradictoryExplicitGcFlags(),
                Advice.ofCommandLine("-XX:+DisableExplicitGC -XX:+ExplicitGCInvokesConcurrent", null, null, 17), 17);
        Advice.only(r);
        assertEquals(List.of("remove ExplicitGCInvokesConcurrent"), Changes.flags(r.recommendations().get(0)));
        assertEquals(1, r.recommendations().size(), "the two ways out exclude each other");
        assertEquals(List.of("-XX:+DisableExplicitGC"), r.commandLine().options());
        assertTrue(Advice.findings(Advice.run(new ContradictoryExplicitGcFlags(),
                Advice.ofCommandLine("-XX:+ExplicitGCInvokesConcurrent", null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new ContradictoryExplicitGcFlags(), none(), 17)).missing());
    }

    @Test
    void exp03() {
        Finding f = Advice.only(Advice.run(new RmiDgcInterval(),
                Advice.ofCommandLine("-Dsun.rmi.dgc.server.gcInterval=600000", null, null, 17), 17));
        assertEquals(600000.0, f.figures().get(0).value());
        assertTrue(f.recommendations().get(0).action().contains("-Dsun.rmi.dgc.server.gcInterval=3600000"));
        // the recorded JVM arguments of a real run carry the -D option
        Report real = Advice.run(new RmiDgcInterval(), Advice.of(List.of(jfr), null, null, null, 17), 17);
        assertEquals(60000.0, Advice.only(real).figures().get(0).value());
        assertTrue(Advice.findings(Advice.run(new RmiDgcInterval(),
                Advice.ofCommandLine("-Dsun.rmi.dgc.client.gcInterval=7200000", null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new RmiDgcInterval(), none(), 17)).missing());
    }

    @Test
    void exp04() {
        Report r = Advice.run(new ToolingInducedGcs(), Advice.of(List.of(tooling), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(2.0, f.figures().get(0).value(), f::toString);
        assertTrue(f.figures().get(2).text().contains("Heap Inspection Initiated GC"));
        assertTrue(f.figures().get(2).text().contains("Heap Dump Initiated GC"));
        assertTrue(Advice.findings(Advice.run(new ToolingInducedGcs(), Advice.of(List.of(churn), null, null, null, 17), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new ToolingInducedGcs(),
                Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void exp05() {
        assumeTrue(Jdks.current().feature() < 22, "JDK 22+ pins regions instead of locking the GC (JEP 423)");
        // advised for 25: the way out is JDK 22+ region pinning (JEP 423)
        Report r = Advice.run(new GcLockerGcs(), Advice.of(List.of(locker), null, null, null, 17), 25);
        Finding f = Advice.only(r);
        // cross-check: the count is what a plain search of the log finds
        long lines;
        try (var l = Files.lines(locker)) {
            lines = l.filter(x -> x.contains("Pause") && x.contains("(GCLocker Initiated GC)") && x.endsWith("ms")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(lines > 0, "the run made GCLocker-initiated GCs");
        assertEquals((double) lines, f.figures().get(0).value(), f::toString);
        assertTrue(f.figures().get(1).value() >= 0.10, f::toString); // at least the info limit: advice follows
        assertTrue(r.recommendations().get(0).action().contains("JEP 423"), r.recommendations()::toString);
        assertTrue(Advice.findings(Advice.run(new GcLockerGcs(), Advice.of(List.of(churn), null, null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new GcLockerGcs(),
                Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }
}
