package io.github.jvmadvisor.rules.zgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZGC-01 and ZGC-05 on a child ZGC run in a 96 MB heap (stalls) and on the corpus's JDK 17 and 25 ZGC logs. */
class ZgcRulesTest {

    @TempDir
    static Path dir;
    static Path tight;

    @BeforeAll
    static void run() throws Exception {
        tight = dir.resolve("tight.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseZGC", "-Xmx96m", "-Xlog:gc*:file=" + tight),
                ChurnWorkload.class, List.of("3", "40", "2", "0"), 120).requireSuccess();
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).map(Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static long expectedHeapMb(GcMetrics m, double spike) {
        double cycle = m.concurrentCycles().totalMillis() / m.concurrentCycles().count();
        double need = Math.ceil(m.liveSet().bytes() + m.allocationRateBytesPerSec() * cycle / 1000 * spike * 1.2);
        return (long) Math.ceil(need / (64.0 * 1024 * 1024)) * 64;
    }

    @Test
    void allocationStallsInATightHeapAskForTheHeadroomFormula() {
        Evidence e = Advice.of(List.of(tight), null, null, null, 17);
        GcMetrics m = e.gc().orElseThrow().metrics();
        Report r = Advice.run(new ZgcAllocationStalls(), e, 17);
        Finding f = Advice.only(r);
        assertEquals((double) m.allocationStalls().count(), figure(f, "allocation stalls"));
        assertTrue(m.allocationStalls().count() > 0);
        assertEquals(1.0, figure(f, "ZAllocationSpikeTolerance")); // ZGC on 17
        // the formula decides: a heap when LDS + A x T_cycle x 1.0 x 1.2 exceeds 96 MB, else spike tolerance
        // (a tight heap runs short back-to-back cycles, so the run lands on either side of the line)
        long mb = expectedHeapMb(m, 1.0);
        if (figure(f, "heap needed") > 96.0 * 1024 * 1024) {
            assertEquals(List.of("-Xmx" + mb + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
        } else {
            assertTrue(Advice.recommending(r, "MaxHeapSize").isEmpty(), r.recommendations()::toString);
            assertEquals(List.of("-XX:ZAllocationSpikeTolerance=2.0"),
                    Advice.recommending(r, "ZAllocationSpikeTolerance").orElseThrow().flags());
        }
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void allocationStallsOnJdk25CorpusUseSpikeTolerance2() {
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk25-zgc-full.log.gz")), null, null, null, 25);
        GcMetrics m = e.gc().orElseThrow().metrics();
        Report r = Advice.run(new ZgcAllocationStalls(), e, 25);
        Finding f = Advice.only(r);
        assertEquals(2.0, figure(f, "ZAllocationSpikeTolerance"));
        assertTrue(f.score() >= 75, f::toString);
        assertEquals(List.of("-Xmx" + expectedHeapMb(m, 2.0) + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
    }

    @Test
    void allocationStallsOnJdk17CorpusWithEnoughHeapRaiseSpikeTolerance() {
        // 1 GB holds LDS + A x mean cycle on the 17 corpus run, yet threads stalled: plan for spikes
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-full.log.gz")), null, null, null, 17);
        assertTrue(expectedHeapMb(e.gc().orElseThrow().metrics(), 1.0) <= 1024);
        Report r = Advice.run(new ZgcAllocationStalls(), e, 17);
        Advice.only(r);
        assertTrue(Advice.recommending(r, "MaxHeapSize").isEmpty());
        assertEquals(List.of("-XX:ZAllocationSpikeTolerance=2.0"),
                Advice.recommending(r, "ZAllocationSpikeTolerance").orElseThrow().flags());
    }

    @Test
    void quietWithoutStallsAndNotApplicableOtherwise() {
        // Shenandoah and G1 logs: not ZGC
        Report g1 = Advice.run(new ZgcAllocationStalls(),
                Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-g1-default.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(g1).reason().contains("G1"));
        Report none = Advice.run(new ZgcAllocationStalls(), Advice.ofCommandLine("-XX:+UseZGC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
        // the tight run has relocation stalls only above the threshold the user sets
        Report rel = io.github.jvmadvisor.core.engine.Advisor.builder()
                .rules(io.github.jvmadvisor.core.engine.RuleSet.of(new ZgcRelocationStalls())).targetJdk(17)
                .parameter("ZGC-05.minCount", "1000000").build().advise(Advice.of(List.of(tight), null, null, null, 17));
        assertTrue(Advice.findings(rel).isEmpty(), rel.findings()::toString);
    }

    @Test
    void relocationStallsFireOnTheCorpus() {
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-full.log.gz")), null, null, null, 17);
        Report r = Advice.run(new ZgcRelocationStalls(), e, 17);
        Finding f = Advice.only(r);
        assertEquals((double) e.gc().orElseThrow().metrics().relocationStalls().count(), figure(f, "relocation stalls"));
        assertTrue(Advice.recommending(r, "ZAllocationSpikeTolerance").isPresent());
    }
}
