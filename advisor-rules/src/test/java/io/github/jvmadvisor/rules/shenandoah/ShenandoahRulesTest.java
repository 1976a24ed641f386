package io.github.jvmadvisor.rules.shenandoah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHEN-01 on a child Shenandoah run in a 64 MB heap (degenerated and full cycles) and the corpus logs. */
class ShenandoahRulesTest {

    @TempDir
    static Path dir;
    static Path tight;

    @BeforeAll
    static void run() throws Exception {
        // whether the concurrent cycles fall behind depends on how much CPU the host leaves the allocating
        // threads against the GC threads: repeated (up to three times) until a run degenerates
        for (int i = 0; i < 3; i++) {
            tight = dir.resolve("tight-" + i + ".log");
            ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseShenandoahGC", "-Xmx64m", "-Xlog:gc*:file=" + tight),
                    ChurnWorkload.class, List.of("3", "40", "2", "0"), 120).requireSuccess();
            if (Advice.of(List.of(tight), null, null, null, 25).gc().orElseThrow().metrics().degeneratedCycles() > 0) {
                break;
            }
        }
    }

    @Test
    void degeneratedCyclesInATightHeap() {
        Evidence e = Advice.of(List.of(tight), null, null, null, 25);
        GcMetrics m = e.gc().orElseThrow().metrics();
        // the rule's case; a host that gives no degenerated cycle in three runs skips rather than tests nothing
        // (the corpus test below checks the same rule on a log with four)
        Assumptions.assumeTrue(m.degeneratedCycles() > 0, "three tight runs without a degenerated cycle");
        Report r = Advice.run(new ShenandoahDegenerated(), e, 25);
        Finding f = Advice.only(r);
        assertEquals((double) m.degeneratedCycles(), f.figures().get(0).value());
        double share = f.figures().get(3).value();
        assertEquals((double) (m.degeneratedCycles() + m.fullGcs().count()) / m.concurrentCycles().count(), share, 1e-9);
        boolean warn = share >= 0.05 || m.fullGcs().count() > 0;
        assertTrue(warn ? f.score() >= 75 : f.score() >= 30, f::toString);
        // 3.5x the live set, or the headroom model's heap (live set and the demand over the longest cycle) when
        // that is more; rounded up to 64 MB
        long mb = (long) Math.ceil(Math.ceil(3.5 * m.liveSet().bytes()) / (64.0 * 1024 * 1024)) * 64;
        double needed = f.figures().stream().filter(x -> x.name().equals("heap needed")).findFirst().orElseThrow().value();
        if (needed > Math.max(64L << 20, (double) (mb << 20))) {
            mb = (long) Math.ceil(needed / (64.0 * 1024 * 1024)) * 64;
        }
        assertEquals(List.of("-Xmx" + Units.optionSize(mb << 20)), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags(),
                f::toString);
        assertEquals(List.of("-XX:ShenandoahMinFreeThreshold=" + (share >= 0.05 ? 20 : 15)),
                Advice.recommending(r, "ShenandoahMinFreeThreshold").orElseThrow().flags());
        // generational mode only for 25
        assertEquals(List.of("-XX:ShenandoahGCMode=generational"), Advice.recommending(r, "ShenandoahGCMode").orElseThrow().flags());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        Report r17 = Advice.run(new ShenandoahDegenerated(), e, 17);
        assertTrue(Advice.recommending(r17, "ShenandoahGCMode").isEmpty());
    }

    @Test
    void degeneratedCyclesOnTheJdk17Corpus() {
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-shenandoah-full.log.gz")), null, null, null, 17);
        Finding f = Advice.only(Advice.run(new ShenandoahDegenerated(), e, 17));
        assertEquals(4.0, f.figures().get(0).value()); // the corpus table: Pause Degenerated GC: 4
    }

    @Test
    void quietOnTheJdk25CorpusAndNotApplicableOtherwise() {
        Evidence e = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk25-shenandoah-full.log.gz")), null, null, null, 25);
        assertTrue(Advice.findings(Advice.run(new ShenandoahDegenerated(), e, 25)).isEmpty());
        Report none = Advice.run(new ShenandoahDegenerated(), Advice.ofCommandLine("-XX:+UseShenandoahGC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
        Report zgc = Advice.run(new ShenandoahDegenerated(),
                Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-default.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(zgc).reason().contains("ZGC"));
    }
}
