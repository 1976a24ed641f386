package io.github.jvmadvisor.rules.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAP-07 on recordings of real G1 runs: a burst that grows the heap from 8 MB followed by three mostly idle
 * seconds, the same with Xms = Xmx, and the same with periodic collections on; a Parallel run. The idle
 * period (5 minutes by default) is a parameter the tests shorten to 3 s.
 */
class IdleUncommitTest {

    static final long MB = 1L << 20;

    @TempDir
    static Path dir;
    static Path elastic;
    static Path fixed;
    static Path periodic;
    static Path parallel;

    @BeforeAll
    static void runs() throws Exception {
        // the burst must leave the committed heap at least 3x what G1 keeps after a GC (the rule's threshold);
        // on a loaded host G1 sometimes keeps more, so the run is repeated (up to three times) until it does
        for (int i = 0; i < 3; i++) {
            elastic = run("elastic", "-XX:+UseG1GC", "-Xms8m", "-Xmx256m");
            GcMetrics m = Advice.of(List.of(elastic), null, null, null, 17).gc().orElseThrow().metrics();
            Long after = IdleUncommit.heapAfterGc(m);
            if (m.heap() != null && after != null && m.heap().peakCommittedBytes() >= 3.2 * after) {
                break;
            }
        }
        fixed = run("fixed", "-XX:+UseG1GC", "-Xms256m", "-Xmx256m");
        periodic = run("periodic", "-XX:+UseG1GC", "-Xms8m", "-Xmx256m", "-XX:G1PeriodicGCInterval=1000");
        parallel = run("parallel", "-XX:+UseParallelGC", "-Xms8m", "-Xmx256m");
    }

    static Path run(String name, String... flags) throws Exception {
        Path jfr = dir.resolve(name + ".jfr");
        List<String> args = new java.util.ArrayList<>(List.of(flags));
        args.add("-XX:StartFlightRecording:filename=" + jfr);
        ChildJvm.run(Jdks.current(), dir, args, BurstThenIdleWorkload.class, List.of("1", "3", "2"), 120)
                .requireSuccess();
        return jfr;
    }

    static Report advise(Path p, String minSeconds) {
        Evidence e = Advice.of(List.of(p), null, null, null, 17);
        Advisor.Builder b = Advisor.builder().rules(RuleSet.of(new IdleUncommit())).targetJdk(17);
        if (minSeconds != null) {
            b.parameter("HEAP-07.minSeconds", minSeconds);
        }
        return b.build().advise(e);
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    @Test
    void firesWhenTheGrownHeapStaysCommittedWhileIdle() {
        Report r = advise(elastic, "3");
        Finding f = Advice.only(r);
        double committed = figure(f, "peak committed heap");
        double after = figure(f, "heap after GC");
        assertTrue(committed >= 64 * MB, f::toString);
        // about 14 MiB live; what G1 leaves after a GC varies with load (seen 20-73 MB), always well under the
        // peak: the rule's own threshold is 3x
        assertTrue(committed >= 3 * after, f::toString);
        assertEquals(committed / after, figure(f, "committed over heap after GC"), 1e-9);
        assertEquals(8 * MB, figure(f, "initial heap"), 1);
        assertTrue(figure(f, "run length") >= 3, f::toString);
        assertTrue(figure(f, "mean JVM CPU load") < 0.10, f::toString);
        Report.Ranked top = r.recommendations().get(0);
        assertEquals(List.of("-XX:G1PeriodicGCInterval=60000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"),
                Changes.flags(top));
        assertEquals("heap-elasticity=elastic", f.recommendations().get(0).conflictKey());
        double predicted = f.recommendations().get(0).effect().predictedChange();
        assertEquals(Math.max(8 * MB, after / 0.7) / committed - 1, predicted, 1e-6);
        assertTrue(predicted < -0.5, f::toString);
    }

    @Test
    void quietOnAShortRunAFixedHeapOrWithPeriodicCollections() {
        // 4 s is not the 5 minutes of idleness the default asks for
        assertTrue(Advice.findings(advise(elastic, null)).isEmpty());
        assertTrue(Advice.findings(advise(fixed, "3")).isEmpty());
        assertTrue(Advice.findings(advise(periodic, "3")).isEmpty());
    }

    @Test
    void notApplicableForParallelOrWithoutGcEvidence() {
        Report p = advise(parallel, "3");
        assertTrue(p.findings().isEmpty() && p.notApplicable().size() == 1, p::toString);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new IdleUncommit(),
                Advice.ofCommandLine("-XX:+UseG1GC -Xms8m -Xmx256m", null, null, 17), 17)).missing());
    }
}
