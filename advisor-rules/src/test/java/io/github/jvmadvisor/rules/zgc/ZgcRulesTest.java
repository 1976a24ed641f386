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

    /**
     * The headroom formula, with the allocation demand: the measured rate over one minus the stalled share
     * the finding reports (stall time over duration times CPUs, at most 0.9).
     */
    static long expectedHeapMb(GcMetrics m, double spike, Finding f) {
        double cycle = m.concurrentCycles().totalMillis() / m.concurrentCycles().count();
        double a = m.allocationRateBytesPerSec();
        java.util.Optional<Double> stalled = f.figures().stream().filter(x -> x.name().equals("time stalled per CPU"))
                .map(Figure::value).findFirst();
        if (stalled.isPresent()) {
            assertTrue(stalled.get() > 0.01 && stalled.get() <= 0.9, stalled::toString);
            double perCpuSeconds = m.allocationStalls().totalMillis() / 1000 / m.durationSeconds();
            // the share is the stall seconds per second over a whole number of CPUs
            double cpus = perCpuSeconds / stalled.get();
            assertTrue(stalled.get() == 0.9 || Math.abs(cpus - Math.rint(cpus)) < 1e-6, () -> "CPUs " + cpus);
            a = a / (1 - stalled.get());
            assertEquals(a, figure(f, "allocation demand"), a * 1e-9);
        }
        double need = Math.ceil(m.liveSet().bytes() + a * cycle / 1000 * spike * 1.2);
        return (long) Math.ceil(need / (64.0 * 1024 * 1024)) * 64;
    }

    /** Heap by the formula when it needs more than the heap had, else the spike tolerance, as the rule decides. */
    static void assertHeapOrSpike(Report r, Finding f, GcMetrics m, double spike, long xmxMb) {
        long mb = expectedHeapMb(m, spike, f);
        if (figure(f, "heap needed") > xmxMb * 1024.0 * 1024) {
            assertEquals(List.of("-Xmx" + mb + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
        } else {
            assertTrue(Advice.recommending(r, "MaxHeapSize").isEmpty(), r.recommendations()::toString);
            if (spike < 2.0) {
                assertEquals(List.of("-XX:ZAllocationSpikeTolerance=2.0"),
                        Advice.recommending(r, "ZAllocationSpikeTolerance").orElseThrow().flags());
            }
        }
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
        assertHeapOrSpike(r, f, m, 1.0, 96);
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
        assertEquals(List.of("-Xmx" + expectedHeapMb(m, 2.0, f) + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
    }

    @Test
    void allocationStallsOnJdk17CorpusAskForTheDemandNotTheMeasuredRate() {
        // 1 GB holds LDS + A x mean cycle at the measured rate on the 17 corpus run, yet threads stalled: the
        // stalled threads allocated nothing, so the demand is higher, and the heap follows the demand
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-full.log.gz")), null, null, null, 17);
        GcMetrics m = e.gc().orElseThrow().metrics();
        double cycle = m.concurrentCycles().totalMillis() / m.concurrentCycles().count();
        assertTrue(m.liveSet().bytes() + m.allocationRateBytesPerSec() * cycle / 1000 * 1.2 <= 1024.0 * 1024 * 1024);
        Report r = Advice.run(new ZgcAllocationStalls(), e, 17);
        Finding f = Advice.only(r);
        assertTrue(figure(f, "allocation demand") > m.allocationRateBytesPerSec());
        assertHeapOrSpike(r, f, m, 1.0, 1024);
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
        assertHeapOrSpike(r, f, e.gc().orElseThrow().metrics(), 1.0, 1024);
    }
}
