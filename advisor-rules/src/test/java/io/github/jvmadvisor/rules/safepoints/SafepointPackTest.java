package io.github.jvmadvisor.rules.safepoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.SafepointWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SP-01, SP-02, SP-05 on child-JVM logs with the safepoint tag (thread dumps, a loop without polls) and corpus logs. */
class SafepointPackTest {

    @TempDir
    static Path dir;

    static Evidence dumps;
    static Evidence loop;
    static final String LOOP_ARGS = "-XX:-UseCountedLoopSafepoints -Xmx64m";

    @BeforeAll
    static void run() throws Exception {
        Path d = dir.resolve("dumps.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-Xlog:gc*,safepoint:file=" + d + ":time,uptime,level,tags"),
                SafepointWorkload.class, List.of("dumps", "400"), 60).requireSuccess();
        dumps = Advice.of(List.of(d), null, null, null, 17);
        Path l = dir.resolve("loop.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:-UseCountedLoopSafepoints", "-Xmx64m",
                "-Xlog:gc*,safepoint:file=" + l + ":time,uptime,level,tags"), SafepointWorkload.class,
                List.of("loop", "2"), 60).requireSuccess();
        loop = Advice.of(List.of(l), LOOP_ARGS, null, null, 17);
        assertTrue(Files.size(l) > 0);
    }

    private static Evidence corpus(String name) {
        return Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/" + name)), null, null, null, 17);
    }

    @Test
    void sp01FiresOnThreadDumpSafepoints() {
        GcMetrics.SafepointStats s = dumps.gc().orElseThrow().metrics().safepoints();
        assertEquals(400, s.byOperation().get("ThreadDump").count());
        Finding f = Advice.only(Advice.run(new NonGcSafepoints(), dumps, 17));
        double gc = SafepointOps.gcMillis(s);
        assertEquals(gc / s.totalMillis(), f.figures().get(0).value(), 1e-9);
        assertTrue(f.figures().get(0).value() < 0.8, f::toString);
        assertEquals(s.totalMillis() - gc, f.figures().get(1).value(), 1e-6);
        assertTrue(f.figures().get(3).text().startsWith("ThreadDump (400,"), f.figures().get(3)::toString);
        assertTrue(f.summary().contains("ThreadDump"), f::summary);
    }

    @Test
    void sp01QuietOnGcOnlySafepointsAndNotApplicableWithoutThem() {
        Evidence g1 = corpus("jdk17-g1-full.log.gz");
        assertTrue(g1.gc().orElseThrow().metrics().safepoints().count() > 1000);
        assertTrue(Advice.findings(Advice.run(new NonGcSafepoints(), g1, 17)).isEmpty());
        // the long-TTS log: every safepoint is a System.gc() full collection
        assertTrue(Advice.findings(Advice.run(new NonGcSafepoints(), loop, 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.SAFEPOINTS), Advice.notApplicable(Advice.run(new NonGcSafepoints(),
                corpus("jdk17-g1-default.log.gz"), 17)).missing());
    }

    @Test
    void sp02FiresOnALogWithoutTheSafepointTag() {
        Report r = Advice.run(new NoSafepointData(), corpus("jdk25-g1-default.log.gz"), 25);
        Finding f = Advice.only(r);
        assertEquals(0.0, f.figures().get(0).value());
        FlagChange ch = f.recommendations().get(0).changes().get(0);
        assertTrue(ch.option().startsWith("-Xlog:gc*,safepoint:file="), ch::toString);
        // quiet with the tag; not applicable without a GC log
        assertTrue(Advice.findings(Advice.run(new NoSafepointData(), corpus("jdk25-g1-full.log.gz"), 25)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new NoSafepointData(), dumps, 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new NoSafepointData(),
                Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void sp05FiresOnALoopWithoutSafepointPolls() {
        GcMetrics.SafepointStats s = loop.gc().orElseThrow().metrics().safepoints();
        assertTrue(s.timeToSafepointMaxMillis() > 50, () -> "TTS " + s.timeToSafepointMaxMillis());
        Report r = Advice.run(new LongVmOperations(), loop, 17);
        Finding f = Advice.only(r);
        assertEquals(s.timeToSafepointMaxMillis(), f.figures().get(0).value(), 1e-9);
        assertEquals(s.maxMillis(), f.figures().get(2).value(), 1e-9);
        assertTrue(f.score() > 50, f::toString);
        List<FlagChange> changes = f.recommendations().get(0).changes();
        assertEquals(FlagChange.Op.REMOVE, changes.get(0).op());
        assertEquals("UseCountedLoopSafepoints", changes.get(0).name());
        assertTrue(r.commandLine().options().stream().noneMatch(o -> o.contains("UseCountedLoopSafepoints")),
                r.commandLine()::toString);
    }

    @Test
    void sp05QuietOnShortSafepointsAndNotApplicableWithoutThem() {
        Evidence par = corpus("jdk25-parallel-full.log.gz");
        GcMetrics.SafepointStats s = par.gc().orElseThrow().metrics().safepoints();
        assertTrue(s.timeToSafepointMaxMillis() < 10 && s.maxMillis() < 1000, s::toString);
        assertTrue(Advice.findings(Advice.run(new LongVmOperations(), par, 25)).isEmpty());
        // a loaded machine's 58 ms wait for a safepoint (JDK 17 G1 corpus log) is info, with no flag to restore
        Finding g1 = Advice.only(Advice.run(new LongVmOperations(), corpus("jdk17-g1-full.log.gz"), 17));
        assertEquals(58.239609, g1.figures().get(0).value(), 1e-6);
        assertTrue(g1.recommendations().stream().noneMatch(x -> x.hasFlags()), g1::toString);
        assertEquals(List.of(EvidenceKind.SAFEPOINTS), Advice.notApplicable(Advice.run(new LongVmOperations(),
                corpus("jdk17-serial-default.log.gz"), 17)).missing());
    }
}
