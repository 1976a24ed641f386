package io.github.jvmadvisor.rules.gcchoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GCSEL-01, GCSEL-04, GCSEL-07, GCSEL-08 on command lines, a real cgroup jail, and corpus logs. */
class GcChoiceTest {

    static final long MB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void gcsel01JailedJvmWith1GbPicksSerialAndTheRuleFires() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1");
        Path jfr = dir.resolve("jail.jfr");
        try (CgroupJail jail = CgroupJail.create(1024 * MB, null)) {
            ChildJvm.Result res = jail.runJava(Jdks.current(), dir,
                    List.of("-XX:StartFlightRecording:filename=" + jfr + ",settings=default"), ChurnWorkload.class,
                    List.of("1", "4", "1"), 120);
            res.requireSuccess();
        }
        Evidence e = Advice.of(List.of(jfr), null, null, null, 17);
        var jvm = e.jvm().orElseThrow();
        assertEquals(Collector.SERIAL, jvm.collector());
        assertEquals(FlagOrigin.ERGONOMIC, jvm.flag("UseSerialGC").origin());
        assertEquals(1024 * MB, jvm.container().memoryLimitBytes());
        Report r = Advice.run(new ErgonomicSerial(), e, 17);
        Finding f = Advice.only(r);
        assertTrue(f.score() >= 75, f::toString);
        assertEquals(List.of("-XX:+UseParallelGC"), r.recommendations().get(0).flags());
        assertTrue(r.commandLine().options().contains("-XX:+UseParallelGC"), r.commandLine()::toString);
        // for a latency goal G1 comes first
        assertEquals(List.of("-XX:+UseG1GC"), Advice.run(new ErgonomicSerial(), e, 17, Goal.LATENCY)
                .recommendations().get(0).flags());
    }

    @Test
    void gcsel01OnACommandLineForA1GbTwoCpuContainer() {
        Report r = Advice.run(new ErgonomicSerial(), Advice.ofCommandLine("-Xmx512m", 1024 * MB, 2.0, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(2.0, f.figures().get(1).value());
        assertEquals(1024.0 * MB, f.figures().get(2).value());
        // quiet: Serial asked for, or a server-class container (G1), or one CPU
        assertTrue(Advice.findings(Advice.run(new ErgonomicSerial(),
                Advice.ofCommandLine("-XX:+UseSerialGC", 1024 * MB, 2.0, 17), 17)).isEmpty());
        Report.NotApplicable na = Advice.notApplicable(Advice.run(new ErgonomicSerial(),
                Advice.ofCommandLine("", 2048 * MB, 2.0, 17), 17));
        assertTrue(na.reason().contains("G1"), na::toString);
        Report one = Advice.run(new ErgonomicSerial(), Advice.ofCommandLine("", 1024 * MB, 1.0, 17), 17);
        assertTrue(Advice.findings(one).isEmpty());
        // no configuration at all
        Report none = Advice.run(new ErgonomicSerial(), Advice.of(List.of(), null, null, null, 17), 17);
        assertTrue(none.findings().isEmpty() && none.notApplicable().size() == 1);
    }

    @Test
    void gcsel04ThroughputGoalOnG1WithGcCpu() {
        Path g1 = SharedCorpus.require().resolve("gclog/generated/jdk17-g1-default.log.gz");
        Evidence e = Advice.of(List.of(g1), null, null, null, 17);
        double cpu = e.gc().orElseThrow().metrics().gcCpuFraction();
        assumeTrue(cpu > 0.05, "corpus log GC CPU " + cpu);
        Report r = Advice.run(new ThroughputCollector(), e, 17, Goal.THROUGHPUT);
        Finding f = Advice.only(r);
        assertEquals(cpu, f.figures().get(0).value(), 1e-12);
        assertEquals(List.of("-XX:+UseParallelGC"), r.recommendations().get(0).flags());
        assertTrue(Advice.findings(Advice.run(new ThroughputCollector(), e, 17, Goal.LATENCY)).isEmpty());
        Path par = SharedCorpus.require().resolve("gclog/generated/jdk17-parallel-default.log.gz");
        assertTrue(Advice.notApplicable(Advice.run(new ThroughputCollector(), Advice.of(List.of(par), null, null, null, 17),
                17, Goal.THROUGHPUT)).missing().isEmpty());
        assertEquals(List.of(EvidenceKind.GC_CPU), Advice.notApplicable(Advice.run(new ThroughputCollector(),
                Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17, Goal.THROUGHPUT)).missing());
    }

    @Test
    void gcsel07ZGenerationalPerTargetJdk() {
        ZGenerationalGate rule = new ZGenerationalGate();
        Report on17 = Advice.run(rule, Advice.ofCommandLine("-XX:+UseZGC -XX:+ZGenerational", null, null, 17), 17);
        assertEquals(Severity.ERROR, Advice.only(on17).severity());
        assertEquals(List.of("remove -XX:+ZGenerational"), flagsOf(on17));
        assertTrue(on17.commandLine().startsOk(), on17.commandLine()::toString);
        Report on25 = Advice.run(rule, Advice.ofCommandLine("-XX:+UseZGC -XX:+ZGenerational", null, null, 25), 25);
        assertEquals(Severity.INFO, Advice.only(on25).severity());
        Report on21 = Advice.run(rule, Advice.ofCommandLine("-XX:+UseZGC", null, null, 21), 21);
        assertEquals(List.of("-XX:+ZGenerational"), on21.recommendations().get(0).flags());
        assertTrue(Advice.findings(Advice.run(rule, Advice.ofCommandLine("-XX:+UseZGC", null, null, 25), 25)).isEmpty());
        assertTrue(Advice.findings(Advice.run(rule, Advice.ofCommandLine("-XX:+UseZGC -XX:+ZGenerational", null, null,
                21), 21)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(rule,
                Advice.of(List.of(), null, null, null, 17), 17)).missing());
    }

    private static List<String> flagsOf(Report r) {
        return r.recommendations().get(0).flags();
    }

    @Test
    void gcsel08PinsTheCollectorThatWouldRun() {
        ImplicitCollector rule = new ImplicitCollector();
        Report r = Advice.run(rule, Advice.ofCommandLine("-Xmx1g", 4096 * MB, 4.0, 17), 17);
        Advice.only(r);
        assertEquals(List.of("-XX:+UseG1GC"), r.recommendations().get(0).flags());
        Report small = Advice.run(rule, Advice.ofCommandLine("-Xmx256m", 1024 * MB, 2.0, 17), 17);
        assertEquals("-XX:+UseSerialGC", Advice.only(small).recommendations().get(0).changes().get(0).option());
        assertTrue(Advice.findings(Advice.run(rule, Advice.ofCommandLine("-XX:+UseParallelGC", null, null, 17), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(rule,
                Advice.of(List.of(), null, null, null, 17), 17)).missing());
    }
}
