package io.github.jvmadvisor.rules.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OBS-01..08 on command lines, and on a real plain -Xlog:gc log and a recording with a safepoint threshold. */
class ObservabilityPackTest {

    @TempDir
    static Path dir;
    static Path plainLog;
    static Path jfr;

    @BeforeAll
    static void runs() throws Exception {
        plainLog = dir.resolve("plain.log");
        jfr = dir.resolve("obs.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", "-Xlog:gc:file=" + plainLog,
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=default"),
                ChurnWorkload.class, List.of("1", "8", "1"), 120).requireSuccess();
    }

    static Report cl(Rule rule, String line, Long mem) {
        return Advice.run(rule, Advice.ofCommandLine(line, mem, null, 17), 17);
    }

    static Evidence none() {
        return new Evidence(List.of(), Optional.empty());
    }

    @Test
    void obs01() {
        Report r = cl(new NoGcLog(), "-Xmx1g", null);
        assertEquals("none", Advice.only(r).figures().get(0).text());
        assertEquals(List.of(Xlog.RECOMMENDED), Changes.flags(r.recommendations().get(0)));
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        assertEquals("gc only", Advice.only(cl(new NoGcLog(), "-Xlog:gc:file=gc.log", null)).figures().get(0).text());
        assertTrue(Advice.findings(cl(new NoGcLog(), "-Xlog:gc*:file=gc.log", null)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new NoGcLog(), Advice.of(List.of(plainLog), "-Xmx1g", null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new NoGcLog(), none(), 17)).missing());
    }

    @Test
    void obs02() {
        Report r = cl(new NoContinuousJfr(), "-Xmx1g", null);
        Advice.only(r);
        assertEquals(List.of(NoContinuousJfr.RECOMMENDED), Changes.flags(r.recommendations().get(0)));
        assertTrue(Advice.findings(cl(new NoContinuousJfr(), "-XX:StartFlightRecording:filename=x.jfr", null)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new NoContinuousJfr(), Advice.of(List.of(jfr), null, null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new NoContinuousJfr(), none(), 17)).missing());
    }

    @Test
    void obs03() {
        Report r = cl(new OomDiagnostics(), "-Xmx1g", 2L << 30);
        Advice.only(r);
        assertEquals(List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=/dumps/", "-XX:+ExitOnOutOfMemoryError"),
                Changes.flags(r.recommendations().get(0)));
        Report file = cl(new OomDiagnostics(), "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/var/dump/heap.hprof", null);
        assertEquals("/var/dump/heap.hprof", Advice.only(file).figures().get(0).text());
        assertEquals(List.of("-XX:HeapDumpPath=/var/dump/"), Changes.flags(file.recommendations().get(0)));
        assertTrue(Advice.findings(cl(new OomDiagnostics(), "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/d/", null)).isEmpty());
        // the real run had no dump flag: its recorded final value says so
        assertEquals(1, Advice.findings(Advice.run(new OomDiagnostics(), Advice.of(List.of(jfr), null, null, null, 17), 17)).size());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new OomDiagnostics(), none(), 17)).missing());
    }

    @Test
    void obs04() {
        Report r = cl(new PerfDataInContainer(), "-Xmx256m", 512L << 20);
        Advice.only(r);
        assertEquals(List.of("-XX:+PerfDisableSharedMem"), Changes.flags(r.recommendations().get(0)));
        assertTrue(Advice.findings(cl(new PerfDataInContainer(), "-XX:+PerfDisableSharedMem", 512L << 20)).isEmpty());
        assertTrue(Advice.findings(cl(new PerfDataInContainer(), "-Xmx256m", null)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new PerfDataInContainer(), none(), 17)).missing());
    }

    @Test
    void obs05() {
        Report r = cl(new UnlockFlagsInProduction(), "-XX:+UnlockDiagnosticVMOptions -Xmx1g", null);
        assertEquals(0.0, Advice.only(r).figures().get(1).value());
        assertEquals(List.of("remove UnlockDiagnosticVMOptions"), Changes.flags(r.recommendations().get(0)));
        Finding used = Advice.only(cl(new UnlockFlagsInProduction(),
                "-XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=20", null));
        assertEquals(1.0, used.figures().get(0).value());
        assertTrue(used.recommendations().isEmpty());
        assertTrue(Advice.findings(cl(new UnlockFlagsInProduction(), "-Xmx1g", null)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new UnlockFlagsInProduction(), none(), 17)).missing());
    }

    @Test
    void obs06() {
        Report r = cl(new HeavyDiagnostics(), "-XX:+HeapDumpBeforeFullGC -XX:+PrintClassHistogram", null);
        Finding f = Advice.only(r);
        assertEquals(2.0, f.figures().get(0).value());
        assertEquals(List.of("remove HeapDumpBeforeFullGC", "remove PrintClassHistogram"), Changes.flags(r.recommendations().get(0)));
        assertTrue(Advice.findings(cl(new HeavyDiagnostics(), "-XX:+HeapDumpOnOutOfMemoryError", null)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new HeavyDiagnostics(), none(), 17)).missing());
    }

    @Test
    void obs07() {
        Report r = cl(new GcLogHygiene(), "-Xlog:gc*:file=/logs/gc.log:uptime:filecount=0", null);
        Finding f = Advice.only(r);
        assertEquals(2.0, f.figures().get(1).value());
        assertEquals(List.of("-Xlog:gc*:file=/logs/gc-%p-%t.log:uptime:filecount=5,filesize=20M"),
                Changes.flags(r.recommendations().get(0)));
        assertTrue(Advice.only(cl(new GcLogHygiene(), "-Xlog:gc", null)).summary().contains("stdout"));
        assertTrue(Advice.findings(cl(new GcLogHygiene(), Xlog.RECOMMENDED, null)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new GcLogHygiene(), none(), 17)).missing());
    }

    @Test
    void obs08() {
        // a real plain -Xlog:gc log of G1: pauses, but no gc,cpu lines
        Report r = Advice.run(new ThinEvidence(), Advice.of(List.of(plainLog), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertTrue(f.summary().contains("gc,cpu"), f::toString);
        assertTrue(f.figures().get(0).value() > 0);
        // the default recording has a 10 ms safepoint threshold: the reader reports it as limited
        Report rec = Advice.run(new ThinEvidence(), Advice.of(List.of(jfr), null, null, null, 17), 17);
        Finding lim = Advice.only(rec);
        assertTrue(lim.summary().contains("threshold"), lim::toString);
        assertTrue(rec.recommendations().get(0).action().contains("jdk.SafepointBegin#threshold=0ms"));
        assertEquals(List.of(EvidenceKind.GC),
                Advice.notApplicable(Advice.run(new ThinEvidence(), Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }
}
