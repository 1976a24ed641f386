package io.github.jvmadvisor.rules.g1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * G1-01, G1-02, G1-03, G1-06, G1-10 on real G1 logs: child runs with and without large arrays (1 MB
 * regions), and the corpus's 40 s runs at -Xmx1g (JDK 25: 8 full GCs and evacuation failures; JDK 17: none).
 */
class G1RulesTest {

    @TempDir
    static Path dir;
    static Path humongous;
    static Path plain;

    @BeforeAll
    static void runs() throws Exception {
        humongous = dir.resolve("humongous.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx256m", "-XX:G1HeapRegionSize=1m",
                "-Xlog:gc*:file=" + humongous), ChurnWorkload.class, List.of("3", "16", "1", "200"), 120).requireSuccess();
        plain = dir.resolve("plain.log");
        // a roomy heap for a small live set: no full GC, no evacuation failure, no large arrays
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx512m", "-XX:G1HeapRegionSize=1m",
                "-Xlog:gc*:file=" + plain), ChurnWorkload.class, List.of("2", "8", "1", "0"), 120).requireSuccess();
    }

    static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated").resolve(name);
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).map(Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    // G1-01

    @Test
    void fullGcsFireOnTheJdk25CorpusWithHeapIhopAndThreadAdvice() {
        Evidence e = Advice.of(List.of(corpus("jdk25-g1-full.log.gz")), null, null, null, 25);
        GcMetrics m = e.gc().orElseThrow().metrics();
        Report r = Advice.run(new G1FullGcs(), e, 25);
        Finding f = Advice.only(r);
        assertEquals(8.0, figure(f, "full GCs"), f::toString); // the corpus table: Pause Full: 8
        assertTrue(f.score() >= 75, f::toString);
        long lds = m.liveSet().bytes();
        long expectedHeap = (long) Math.ceil(Math.ceil(3.5 * lds) / (64.0 * 1024 * 1024)) * 64;
        assertEquals(List.of("-Xmx" + expectedHeap + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
        double tMark = m.concurrentCycles().totalMillis() / m.concurrentCycles().count();
        int ihop = (int) Math.floor(100 * (1024.0 * 1024 * 1024 * 0.9 - m.promotionRateBytesPerSec() * tMark / 1000 * 2)
                / (1024.0 * 1024 * 1024));
        assertTrue(ihop > 100.0 * lds / (1024.0 * 1024 * 1024) && ihop < 90, "IHOP " + ihop);
        assertEquals(List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=" + ihop),
                Advice.recommending(r, "InitiatingHeapOccupancyPercent").orElseThrow().flags());
        // 2 CPUs, 1 concurrent worker, marking longer than the young-GC interval
        assertEquals(List.of("-XX:ConcGCThreads=2"), Advice.recommending(r, "ConcGCThreads").orElseThrow().flags());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void fullGcsQuietWithoutFullGcs() {
        Report r = Advice.run(new G1FullGcs(), Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
        Report child = Advice.run(new G1FullGcs(), Advice.of(List.of(plain), null, null, null, 17), 17);
        assertTrue(Advice.findings(child).isEmpty(), child.findings()::toString);
    }

    @Test
    void fullGcsNotApplicableWithoutGcOrForParallel() {
        Report r = Advice.run(new G1FullGcs(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
        Report par = Advice.run(new G1FullGcs(),
                Advice.of(List.of(corpus("jdk17-parallel-default.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(par).reason().contains("Parallel"), par.notApplicable()::toString);
    }

    // G1-02

    @Test
    void evacuationFailuresFireOnTheJdk25Corpus() {
        Evidence e = Advice.of(List.of(corpus("jdk25-g1-full.log.gz")), null, null, null, 25);
        Report r = Advice.run(new G1EvacuationFailure(), e, 25);
        Finding f = Advice.only(r);
        GcMetrics m = e.gc().orElseThrow().metrics();
        assertEquals(m.evacuationFailures(), (long) figure(f, "evacuation failures"));
        assertTrue(m.evacuationFailures() >= 100, "the corpus file has 190 (Evacuation Failure) lines");
        double share = figure(f, "share of young and mixed collections");
        assertTrue(share > 0.05, "share " + share);
        assertTrue(f.score() >= 75, f::toString);
        assertEquals(List.of("-XX:G1ReservePercent=20"), Advice.recommending(r, "G1ReservePercent").orElseThrow().flags());
        assertTrue(Advice.recommending(r, "MaxHeapSize").isPresent(), r.recommendations()::toString);
    }

    @Test
    void evacuationFailuresQuietWithoutThem() {
        Report r = Advice.run(new G1EvacuationFailure(), Advice.of(List.of(plain), null, null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void evacuationFailuresNotApplicableWithoutGc() {
        Report r = Advice.run(new G1EvacuationFailure(), Advice.ofCommandLine("-XX:+UseG1GC -Xmx1g", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
    }

    // G1-03

    @Test
    void humongousFiresOnLargeArraysAndSizesRegionsFromTheGivenObjectSize() {
        Evidence e = Advice.of(List.of(humongous), null, null, null, 17);
        GcMetrics m = e.gc().orElseThrow().metrics();
        Report r = Advice.run(new G1Humongous(), e, 17);
        Finding f = Advice.only(r);
        assertEquals((double) m.humongousAllocations(), figure(f, "humongous-allocation pauses"));
        assertTrue(figure(f, "share of pauses") > 0.10, f::toString);
        assertEquals(1024.0 * 1024, figure(f, "region size"));
        // no object sizes in a log: assumed two regions -> next_pow2(2 x 2m) = 4m
        assertEquals(List.of("-XX:G1HeapRegionSize=4m"), Advice.recommending(r, "G1HeapRegionSize").orElseThrow().flags());

        // ChurnWorkload's large arrays are 1 to 4 MB: with the p95 given, next_pow2(2 x 4m) = 8m
        Report given = io.github.jvmadvisor.core.engine.Advisor.builder()
                .rules(io.github.jvmadvisor.core.engine.RuleSet.of(new G1Humongous())).targetJdk(17)
                .parameter("G1-03.largeObjectBytes", String.valueOf(4L << 20)).build().advise(e);
        assertEquals(List.of("-XX:G1HeapRegionSize=8m"), Advice.recommending(given, "G1HeapRegionSize").orElseThrow().flags());
        // 17 caps at 32m, 18+ at 512m
        Report big17 = io.github.jvmadvisor.core.engine.Advisor.builder()
                .rules(io.github.jvmadvisor.core.engine.RuleSet.of(new G1Humongous())).targetJdk(17)
                .parameter("G1-03.largeObjectBytes", String.valueOf(100L << 20)).build().advise(e);
        assertEquals(List.of("-XX:G1HeapRegionSize=32m"), Advice.recommending(big17, "G1HeapRegionSize").orElseThrow().flags());
        Report big25 = io.github.jvmadvisor.core.engine.Advisor.builder()
                .rules(io.github.jvmadvisor.core.engine.RuleSet.of(new G1Humongous())).targetJdk(25)
                .parameter("G1-03.largeObjectBytes", String.valueOf(100L << 20)).build().advise(e);
        assertEquals(List.of("-XX:G1HeapRegionSize=256m"), Advice.recommending(big25, "G1HeapRegionSize").orElseThrow().flags());
    }

    @Test
    void humongousQuietWithoutLargeArrays() {
        Report r = Advice.run(new G1Humongous(), Advice.of(List.of(plain), null, null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void humongousNotApplicableWithoutGc() {
        Report r = Advice.run(new G1Humongous(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
    }

    // G1-06

    @Test
    void fixedYoungGenFiresOnXmnAndNewRatio() {
        Report r = Advice.run(new G1FixedYoungGen(),
                Advice.ofCommandLine("-XX:+UseG1GC -Xmx2g -Xmn512m -XX:NewRatio=3", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("-Xmn512m -XX:NewRatio=3", f.figures().get(0).text());
        assertEquals(List.of("NewSize", "NewRatio"), r.recommendations().get(0).changes().stream().map(c -> c.name()).toList());
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx2g"), r.commandLine().options());
    }

    @Test
    void fixedYoungGenQuietWithoutYoungSizing() {
        Report r = Advice.run(new G1FixedYoungGen(), Advice.ofCommandLine("-XX:+UseG1GC -Xmx2g", null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void fixedYoungGenNotApplicableWithoutConfigOrForParallel() {
        Report r = Advice.run(new G1FixedYoungGen(),
                Advice.of(List.of(), null, null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
        Report par = Advice.run(new G1FixedYoungGen(), Advice.ofCommandLine("-XX:+UseParallelGC -Xmn512m", null, null, 17), 17);
        assertFalse(Advice.notApplicable(par).reason().isEmpty());
    }

    // G1-10

    @Test
    void softMaxFiresUnderG1AndIsQuietOtherwise() {
        Report r = Advice.run(new G1SoftMaxHeap(),
                Advice.ofCommandLine("-XX:+UseG1GC -Xmx2g -XX:SoftMaxHeapSize=1g", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("1g", f.figures().get(0).text());
        assertEquals(List.of("remove SoftMaxHeapSize"), r.recommendations().get(0).changes().stream().map(Object::toString).toList());
        Report quiet = Advice.run(new G1SoftMaxHeap(), Advice.ofCommandLine("-XX:+UseG1GC -Xmx2g", null, null, 17), 17);
        assertTrue(Advice.findings(quiet).isEmpty());
        Report zgc = Advice.run(new G1SoftMaxHeap(), Advice.ofCommandLine("-XX:+UseZGC -XX:SoftMaxHeapSize=1g", null, null, 17), 17);
        Advice.notApplicable(zgc);
    }
}
