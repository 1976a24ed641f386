package io.github.jvmadvisor.rules.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
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
 * HEAP-04 and HEAP-10 on GC logs of real runs: a 24 MiB live set in a 48 MB Serial heap (too small: every
 * collection a full one), the same in 256 MB (roomy), and in a 56 MB Parallel heap where much of the allocation is
 * promoted. The headroom model's prediction and the causes judged before the heap's size are in
 * {@link SizingCausesTest}.
 */
class LiveSetSizingTest {

    @TempDir
    static Path dir;
    static Path tight;
    static Path roomy;
    static Path promoting;
    final LiveSetSizing rule = new LiveSetSizing();
    final ThrashGuard thrash = new ThrashGuard();

    @BeforeAll
    static void runs() throws Exception {
        tight = dir.resolve("tight.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx48m", "-Xlog:gc*:file=" + tight),
                ChurnWorkload.class, List.of("3", "24", "2"), 120).requireSuccess();
        roomy = dir.resolve("roomy.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xlog:gc*:file=" + roomy),
                ChurnWorkload.class, List.of("3", "24", "2"), 120).requireSuccess();
        promoting = dir.resolve("promoting.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx56m", "-Xlog:gc*:file=" + promoting),
                ChurnWorkload.class, List.of("3", "24", "2"), 120).requireSuccess();
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    @Test
    void tooSmallHeapWhereEveryCollectionIsFullGetsTheLifetimePlan() {
        // 24 MiB of LRU entries in a 48 MB Serial heap: the old generation cannot take a young collection's survivors,
        // so (nearly) every collection is a full one; the headroom model's plain larger heap gives way to the
        // lifetime model (young generation above the entries' lifetime, old 1.5x the live set)
        Evidence e = Advice.of(List.of(tight), null, null, null, 17);
        Report r = Advice.run(rule, e, 17);
        Finding f = Advice.only(r);
        double lds = figure(f, "live set");
        assertEquals(48L << 20, (long) figure(f, "maximum heap"));
        assertTrue(lds > 20e6 && lds < 36e6, () -> "live set " + lds);
        assertTrue(figure(f, "full GCs") > 10 * figure(f, "young collections"), f::toString);
        long young = (long) Math.ceil(2 * lds / (1 << 20));
        long old = (long) Math.ceil(1.5 * lds / (1 << 20));
        Report.Ranked top = r.recommendations().get(0);
        assertEquals(List.of("-Xmx" + (young + old) + "m", "-Xmn" + young + "m"), top.flags());
        assertTrue(top.expectedEffect().predictedChange() < 0, top::toString);
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void roomyHeapStaysQuietButIsOversizedForAFootprintGoal() {
        Evidence e = Advice.of(List.of(roomy), null, null, null, 17);
        // the heap is large enough: no bigger heap; the LRU's replaced entries are medium-lived, so when they
        // cost GC time the rule gives the young generation what the old one does not need
        Report balanced = Advice.run(rule, e, 17);
        assertTrue(Advice.recommending(balanced, "MaxHeapSize").isEmpty(), balanced.recommendations()::toString);
        for (Finding p : Advice.findings(balanced)) {
            assertTrue(figure(p, "promoted share of allocation") > 0.10, p::toString);
            assertTrue(figure(p, "GC CPU share") > 0.10, p::toString);
            double lds = figure(p, "live set");
            long young = (long) Math.ceil(Math.max(1.5 * lds, figure(p, "maximum heap") - 2.5 * lds) / (1 << 20));
            assertEquals(List.of("-Xmn" + young + "m"), balanced.recommendations().stream().map(Report.Ranked::flags)
                    .filter(x -> x.get(0).startsWith("-Xmn")).findFirst().orElseThrow());
        }
        // footprint: the smallest heap whose predicted GC cost stays within 10 %, never under twice the live set;
        // none when the GC already costs that much
        Report r = Advice.run(rule, e, 17, Goal.FOOTPRINT);
        double cost = io.github.jvmadvisor.rules.gcfacts.GcFacts.gcCost(e.gc().orElseThrow().metrics()).share();
        if (cost >= 0.10) {
            assertTrue(Advice.findings(r).stream().noneMatch(x -> x.summary().contains("footprint")), r.findings()::toString);
            return;
        }
        Finding f = Advice.only(r);
        double lds = figure(f, "live set");
        double xmx = figure(f, "maximum heap");
        assertTrue(xmx / lds > 6, f::toString);
        double target = figure(f, "recommended heap");
        double within = Math.ceil((lds + Math.ceil(cost * (xmx - lds) / 0.10)) / (1 << 20)) * (1 << 20);
        assertEquals(Math.max(Math.ceil(2 * lds / (1 << 20)) * (1 << 20), within), target, 1.0);
    }

    @Test
    void highPromotionLowersConfidenceInAPlainlyBiggerHeapAndAddsYoungGeneration() {
        Report r = Advice.run(rule, Advice.of(List.of(promoting), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertTrue(figure(f, "promoted share of allocation") > 0.10, f::toString);
        assertEquals(2, f.recommendations().size(), f::toString);
        assertEquals(0.4, f.recommendations().get(0).confidence(), 1e-9);
        String xmn = f.recommendations().get(1).changes().get(0).option();
        assertEquals("-Xmn" + (long) Math.ceil(1.5 * figure(f, "live set") / (1 << 20)) + "m", xmn);
        assertTrue(f.explanation().contains("promoted"), f::explanation);
    }

    @Test
    void notApplicableWithoutGcEvidence() {
        Report r = Advice.run(rule, Advice.ofCommandLine("-Xmx1g", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(thrash,
                Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void thrashGuardFiresOnTheTightHeapAndSeesTheLiveSetFillingIt() {
        Report r = Advice.run(thrash, Advice.of(List.of(tight), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertTrue(figure(f, "pause share") > 0.05, f::toString);
        assertTrue(figure(f, "live set over heap") > 0.5, f::toString);
        assertTrue(Advice.recommending(r, "ExitOnOutOfMemoryError").isPresent(), r.recommendations()::toString);
    }

    @Test
    void thrashGuardQuietOnAConcurrentCollectorWithSubMillisecondPauses() {
        // corpus: JDK 17 ZGC, 40 s, -Xmx1g with about 300 MB live: pauses total about 11 ms
        Path zgc = SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-default.log.gz");
        Report r = Advice.run(thrash, Advice.of(List.of(zgc), null, null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }
}
