package io.github.jvmadvisor.rules.startupaot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.WarmupWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AOT-02 on the HdrHistogram log of a child JVM that times a CPU-bound request from a cold start
 * ({@link WarmupWorkload}): thirty 100 ms intervals, the first ones interpreted and compiling (measured
 * p99 about 6 times the later intervals'). The warm-up window is the first 0.3 s here (300 s by default). The advice is checked for each JDK family: dynamic CDS on 17, AutoCreateSharedArchive on
 * 21, the AOT cache on 25.
 */
class WarmupTailTest {

    @TempDir
    static Path dir;
    static Evidence cold;
    static double ratio;

    /** The fixture's own warm-up ratio, measured here, not by the rule under test. */
    static double fixtureRatio;

    @BeforeAll
    static void run() throws Exception {
        // how cold the start looks depends on the host: on an idle 2-CPU host C2 compiled the request fast enough
        // that one run in two had a warm-up p99 under 3 times the steady one (4.0 in the other); the run is
        // repeated, up to 3 times, until the log itself shows a tail of at least 3.5, and the tests skip if none does
        for (int attempt = 0; attempt < 3; attempt++) {
            ChildJvm.run(Jdks.current(), dir, List.of("-Xmx128m"), WarmupWorkload.class,
                    List.of(dir.toString(), "30", "100"), 120).requireSuccess();
            cold = Advice.of(List.of(dir.resolve("warmup.hlog")), null, null, null, 17);
            fixtureRatio = Advice.warmupRatio(cold, 0.3);
            if (fixtureRatio >= 3.5) {
                break;
            }
        }
    }

    /** The tests that need a cold start skip when the fixture has none. */
    static void coldEnough() {
        org.junit.jupiter.api.Assumptions.assumeTrue(fixtureRatio >= 3.5,
                "three runs of the workload never started cold enough here (warm-up p99 ratio " + fixtureRatio + ")");
    }

    static Report run(int jdk, String ratio) {
        Advisor.Builder b = Advisor.builder().rules(RuleSet.of(new WarmupTail())).targetJdk(jdk)
                .parameter("AOT-02.warmupSeconds", "0.3");
        if (ratio != null) {
            b.parameter("AOT-02.ratio", ratio);
        }
        return b.build().advise(cold);
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void aColdStartTailRecommendsDynamicCdsOn17() {
        coldEnough();
        Report r = run(17, null);
        Finding f = Advice.only(r);
        double q = figure(f, "warm-up p99 ratio");
        System.out.println("warm-up p99 ratio " + q + ": " + f.summary());
        assertTrue(q >= 3, f::toString);
        assertEquals(q, figure(f, "warm-up p99") / figure(f, "steady p99"), 1e-9);
        assertEquals(List.of("-XX:SharedArchiveFile=app.jsa"), r.recommendations().get(0).flags());
        assertTrue(r.recommendations().get(0).action().contains("-XX:ArchiveClassesAtExit=app.jsa"));
        assertTrue(r.recommendations().get(0).risk().contains("representative"));
    }

    @Test
    void onJdk21TheJvmCreatesTheArchive() {
        coldEnough();
        Report r = run(21, null);
        assertEquals(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=app.jsa"),
                r.recommendations().get(0).flags());
    }

    @Test
    void onJdk25ItIsTheOneStepAotCache() {
        coldEnough();
        Report r = run(25, null);
        assertEquals(List.of("-XX:AOTCache=app.aot"), r.recommendations().get(0).flags());
        assertTrue(r.recommendations().get(0).action().contains("-XX:AOTCacheOutput=app.aot"));
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void onJdk24WithoutAJdk24CatalogueTheStepsAreAnAction() {
        coldEnough();
        Report r = run(24, null);
        Finding f = Advice.only(r);
        // the catalogue for 24 is 21's, which has no AOT flags: the steps are given as an action
        assertTrue(f.recommendations().get(0).action().contains("-XX:AOTMode=record"), f::toString);
        assertTrue(f.recommendations().get(0).changes().isEmpty() || r.recommendations().get(0).flags()
                .contains("-XX:AOTCache=app.aot"));
    }

    @Test
    void quietBelowTheRatio() {
        Report r = run(17, "1000");
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void needsLatencyEvidence() {
        Report r = Advice.run(new WarmupTail(), Advice.ofCommandLine("-Xmx1g", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.LATENCY), Advice.notApplicable(r).missing());
    }
}
