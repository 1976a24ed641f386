package io.github.jvmadvisor.rules.log4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.g1.G1RememberedSetScanning;
import io.github.jvmadvisor.rules.shenandoah.ShenandoahPacingTax;
import io.github.jvmadvisor.rules.startupaot.AotCacheMismatch;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.CardDirtyingWorkload;
import io.github.jvmadvisor.rules.testing.PacedAllocationWorkload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G1-08, SHEN-04 and AOT-03 on real logs: a child G1 run that dirties cards of a large old array, a child
 * Shenandoah run allocating at a bounded rate, the corpus, and AOT caches trained under G1 and used under ZGC (JDK 25).
 */
class PhasesPacerAotRulesTest {

    @TempDir
    static Path dir;
    static Path cards;
    static Path calmShen;

    @BeforeAll
    static void run() throws Exception {
        cards = dir.resolve("cards.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx256m", "-Xmn8m", "-XX:ParallelGCThreads=1",
                "-Xlog:gc*=debug:file=" + cards + ":time,uptime,level,tags"), CardDirtyingWorkload.class,
                List.of("3", "8000000"), 120).requireSuccess();
        calmShen = dir.resolve("calm-shen.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseShenandoahGC", "-Xmx64m", "-Xlog:gc*:file=" + calmShen),
                PacedAllocationWorkload.class, List.of("3"), 120).requireSuccess();
    }

    private static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated/" + name);
    }

    private static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    // ---- G1-08

    @Test
    void g1RememberedSetFiresWhenCardsOfAnOldArrayAreDirtied() {
        Evidence e = Advice.of(List.of(cards), null, null, null, 17);
        GcMetrics.PausePhases ph = e.gc().orElseThrow().metrics().youngPhases();
        Report r = Advice.run(new G1RememberedSetScanning(), e, 17);
        Finding f = Advice.only(r);
        assertTrue(ph.rememberedSetShare() >= 0.3, () -> "share " + ph.rememberedSetShare());
        assertEquals(ph.rememberedSetShare(), figure(f, "remembered-set share of young pause time"), 1e-9);
        assertEquals(ph.phase("Scan Heap Roots").meanMillis(), figure(f, "mean Scan Heap Roots"), 1e-9);
        assertEquals((double) ph.pauses(), figure(f, "young and mixed pauses"));
        assertTrue(ph.phase("Scan Heap Roots").share() > ph.phase("Object Copy").share(), ph::toString);
        assertTrue(f.score() >= 25, f::toString);
        assertEquals(List.of("-XX:G1RSetUpdatingPauseTimePercent=5"),
                Advice.recommending(r, "G1RSetUpdatingPauseTimePercent").orElseThrow().flags());
        assertEquals(List.of("-XX:-ReduceInitialCardMarks"),
                Advice.recommending(r, "ReduceInitialCardMarks").orElseThrow().flags());
        // already at 5 % and without deferred card marks: nothing left to set
        Evidence set = Advice.of(List.of(cards), "-XX:+UseG1GC -XX:G1RSetUpdatingPauseTimePercent=5 "
                + "-XX:-ReduceInitialCardMarks", null, null, 17);
        Report r2 = Advice.run(new G1RememberedSetScanning(), set, 17);
        assertEquals(1, Advice.findings(r2).size());
        assertTrue(Advice.recommending(r2, "G1RSetUpdatingPauseTimePercent").isEmpty());
    }

    @Test
    void g1RememberedSetQuietOnTheCorpusAndNotApplicableOtherwise() {
        for (String name : List.of("jdk17-g1-full.log.gz", "jdk25-g1-full.log.gz", "jdk17-g1-default.log.gz")) {
            Evidence e = Advice.of(List.of(corpus(name)), null, null, null, 25);
            Double share = e.gc().orElseThrow().metrics().youngPhases().rememberedSetShare();
            assertTrue(share > 0.01 && share < 0.3, name + ": " + share);
            assertTrue(Advice.findings(Advice.run(new G1RememberedSetScanning(), e, 25)).isEmpty(), name);
        }
        Report none = Advice.run(new G1RememberedSetScanning(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
        Report shen = Advice.run(new G1RememberedSetScanning(), Advice.of(List.of(calmShen), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(shen).reason().contains("Shenandoah"), Advice.notApplicable(shen)::reason);
    }

    // ---- SHEN-04

    @Test
    void pacingTaxFiresOnTheCorpus() {
        Evidence e = Advice.of(List.of(corpus("jdk17-shenandoah-full.log.gz")), null, null, null, 17);
        GcMetrics.Pacer p = e.gc().orElseThrow().metrics().pacer();
        Report r = Advice.run(new ShenandoahPacingTax(), e, 17);
        Finding f = Advice.only(r);
        assertEquals((double) p.taxedPhases(), figure(f, "taxed pacer phases"));
        assertEquals((double) p.taxedAtOrAbove(10), figure(f, "phases taxed at or above 10x"));
        assertEquals(2.0, figure(f, "phases with infinite tax"));
        assertEquals(p.accruedFraction(), figure(f, "pacing delay over wall time"), 1e-9);
        assertTrue(f.score() >= 75, f::toString); // pacing delays as long as the run
        Evidence e25 = Advice.of(List.of(corpus("jdk25-shenandoah-default.log.gz")), null, null, null, 25);
        Finding f25 = Advice.only(Advice.run(new ShenandoahPacingTax(), e25, 25));
        assertEquals(22.6, figure(f25, "highest tax rate"), 1e-9);
        // a stricter user threshold leaves only the accrued delay
        assertTrue(figure(f25, "phases taxed at or above 10x") > 0);
    }

    @Test
    void pacingTaxQuietInARoomyHeapAndNotApplicableOtherwise() {
        Evidence e = Advice.of(List.of(calmShen), null, null, null, 17);
        GcMetrics.Pacer p = e.gc().orElseThrow().metrics().pacer();
        assertNotNull(p, "gc* logs the pacer");
        assertTrue(p.taxedPhases() > 0);
        assertTrue(p.taxedAtOrAbove(10) < 3 && (p.accruedFraction() == null || p.accruedFraction() <= 0.01), p::toString);
        assertTrue(Advice.findings(Advice.run(new ShenandoahPacingTax(), e, 17)).isEmpty());
        Report none = Advice.run(new ShenandoahPacingTax(), Advice.ofCommandLine("-XX:+UseShenandoahGC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
        Report g1 = Advice.run(new ShenandoahPacingTax(), Advice.of(List.of(cards), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(g1).reason().contains("G1"), Advice.notApplicable(g1)::reason);
    }

    // ---- AOT-03

    @Test
    void aotCacheTrainedWithG1AndRunWithZgc(@TempDir Path aotDir) throws Exception {
        Jdks.Jdk jdk = Jdks.feature(25).orElse(null);
        assumeTrue(jdk != null, "JDK 25 not found");
        List<String> app = List.of("-m", "jdk.jartool/sun.tools.jar.Main", "--version");
        ChildJvm.raw(jdk, aotDir, concat(List.of("-XX:+UseG1GC", "-Xmx64m", "-XX:AOTCacheOutput=app.aot"), app), 60)
                .requireSuccess();
        ChildJvm.raw(jdk, aotDir, concat(List.of("-XX:+UseZGC", "-Xmx64m", "-XX:AOTCache=app.aot",
                "-Xlog:gc*,aot*,cds*:file=zgc.log:time,uptime,level,tags"), app), 60).requireSuccess();
        ChildJvm.raw(jdk, aotDir, concat(List.of("-XX:+UseG1GC", "-Xmx64m", "-XX:AOTCache=app.aot",
                "-Xlog:gc*,aot*,cds*:file=g1.log:time,uptime,level,tags"), app), 60).requireSuccess();

        Evidence bad = Advice.of(List.of(aotDir.resolve("zgc.log")), null, null, null, 25);
        Report r = Advice.run(new AotCacheMismatch(), bad, 25);
        Finding f = Advice.only(r);
        assertTrue(f.summary().contains("app.aot"), f::summary);
        assertEquals("compressed-oops mode or collector differs from the training run", text(f, "mismatch"));
        assertEquals("app.aot", text(f, "file"));
        assertTrue(text(f, "created with").contains("UseCompressedOops = 1"));
        List<String> actions = f.recommendations().stream().map(Recommendation::action).toList();
        assertTrue(actions.get(0).contains("-XX:AOTCacheOutput=app.aot"), actions::toString);
        assertTrue(actions.get(1).contains("-XX:AOTMode=on"), actions::toString);
        // no flag is changed on the production command line
        assertTrue(f.recommendations().stream().allMatch(x -> x.changes().isEmpty()));
        // the same cache under the training collector is used: quiet
        Evidence good = Advice.of(List.of(aotDir.resolve("g1.log")), null, null, null, 25);
        assertTrue(Advice.findings(Advice.run(new AotCacheMismatch(), good, 25)).isEmpty());
    }

    @Test
    void aotQuietWithoutArchiveLinesAndNotApplicableWithoutALog() {
        Evidence e = Advice.of(List.of(corpus("jdk25-g1-full.log.gz")), null, null, null, 25);
        assertTrue(Advice.findings(Advice.run(new AotCacheMismatch(), e, 25)).isEmpty());
        Report none = Advice.run(new AotCacheMismatch(), Advice.ofCommandLine("-XX:AOTCache=app.aot", null, null, 25), 25);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
    }

    private static String text(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::text)
                .orElseThrow(() -> new AssertionError("no figure " + name));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
