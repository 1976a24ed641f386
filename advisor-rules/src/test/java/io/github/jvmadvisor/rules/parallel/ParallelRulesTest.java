package io.github.jvmadvisor.rules.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;

/** PAR-01 on the corpus's Parallel logs (JDK 17 logs Ergonomics, 25 Allocation Failure); PAR-02 on command lines. */
class ParallelRulesTest {

    @TempDir
    static Path dir;
    static Path plain;

    @BeforeAll
    static void run() throws Exception {
        plain = dir.resolve("plain.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx256m", "-Xlog:gc*:file=" + plain),
                ChurnWorkload.class, List.of("2", "8", "1", "0"), 120).requireSuccess();
    }

    static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated").resolve(name);
    }

    @Test
    void fullGcsFireOnBothWordings() {
        for (String[] c : new String[][] {{"jdk17-parallel-default.log.gz", "17", "Ergonomics: 33"},
            {"jdk25-parallel-default.log.gz", "25", "Allocation Failure: 32"}}) {
            int jdk = Integer.parseInt(c[1]);
            Evidence e = Advice.of(List.of(corpus(c[0])), null, null, null, jdk);
            Report r = Advice.run(new ParallelFullGcs(), e, jdk);
            Finding f = Advice.only(r);
            assertEquals(c[2], f.figures().get(1).text(), f::toString); // the corpus table's Pause Full counts
            assertTrue(f.score() >= 75, f::toString);
            assertEquals(List.of("-XX:GCTimeRatio=19"), Advice.recommending(r, "GCTimeRatio").orElseThrow().flags());
            long lds = e.gc().orElseThrow().metrics().liveSet().bytes();
            long heapMb = (long) Math.ceil(Math.ceil(3.5 * lds) / (64.0 * 1024 * 1024)) * 64;
            assertEquals(List.of("-Xmx" + heapMb + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
            assertTrue(r.commandLine().startsOk());
        }
    }

    @Test
    void fullGcsQuietWithoutFullGcsAndNotApplicableOtherwise() {
        // the G1 corpus log of 17 has no full GC, but it is not Parallel: not applicable
        Report g1 = Advice.run(new ParallelFullGcs(), Advice.of(List.of(corpus("jdk17-g1-default.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.notApplicable(g1).reason().contains("G1"));
        Report none = Advice.run(new ParallelFullGcs(), Advice.ofCommandLine("-XX:+UseParallelGC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(none).missing());
        // a short Parallel run with a small live set in a roomy heap: no full GC
        Report quiet = Advice.run(new ParallelFullGcs(), Advice.of(List.of(plain), null, null, null, 17), 17);
        assertTrue(Advice.findings(quiet).isEmpty(), quiet.findings()::toString);
    }

    @Test
    void adaptiveOffWithGrowableHeapFires() {
        Report r = Advice.run(new ParallelAdaptiveOff(),
                Advice.ofCommandLine("-XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -Xms512m -Xmx2g", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(2.0 * 1024 * 1024 * 1024, f.figures().get(2).value());
        assertEquals(List.of("-Xms2g"), Advice.recommending(r, "InitialHeapSize").orElseThrow().flags());
    }

    @Test
    void adaptiveOffQuietWithFixedHeapOrAdaptiveOn() {
        Report fixed = Advice.run(new ParallelAdaptiveOff(),
                Advice.ofCommandLine("-XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -Xms2g -Xmx2g", null, null, 17), 17);
        assertTrue(Advice.findings(fixed).isEmpty());
        Report on = Advice.run(new ParallelAdaptiveOff(), Advice.ofCommandLine("-XX:+UseParallelGC -Xms512m -Xmx2g", null, null, 17), 17);
        assertTrue(Advice.findings(on).isEmpty());
        Report none = Advice.run(new ParallelAdaptiveOff(), Advice.of(List.of(), null, null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(none).missing());
    }
}
