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
import io.github.jvmadvisor.core.testing.LeakyWorkload;
import io.github.jvmadvisor.rules.nativememory.PreTouchShared;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEAP-06, HEAP-09, HEAP-11 and NAT-06 on GC logs of real runs: a G1 heap that grows from 8 MB, the same with
 * Xms = Xmx, a Parallel run leaking 25 MiB/s for 8 s (long enough for a full GC to confirm the rising heap), and a small G1 run with compressed oops off and pre-touch on.
 */
class HeapElasticityTest {

    static final long MB = 1L << 20;

    @TempDir
    static Path dir;
    static Path grow;
    static Path fixed;
    static Path leak;
    static Path oops;

    @BeforeAll
    static void runs() throws Exception {
        grow = dir.resolve("grow.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xms8m", "-Xmx128m", "-Xlog:gc*:file=" + grow),
                ChurnWorkload.class, List.of("3", "24", "2"), 120).requireSuccess();
        fixed = dir.resolve("fixed.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xms128m", "-Xmx128m", "-Xlog:gc*:file=" + fixed),
                ChurnWorkload.class, List.of("2", "24", "2"), 120).requireSuccess();
        leak = dir.resolve("leak.log");
        // 8 s: the heap fills and full GCs confirm the rising trend; a loaded host may leak too slowly to get
        // there, so the run is repeated (up to three times) until the log has a full GC
        for (int i = 0; i < 3; i++) {
            ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx256m", "-Xlog:gc*:file=" + leak),
                    LeakyWorkload.class, List.of("8", "25"), 120).requireSuccess();
            if (java.nio.file.Files.readString(leak).contains("Pause Full")) {
                break;
            }
        }
        oops = dir.resolve("oops.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-XX:-UseCompressedOops", "-XX:+AlwaysPreTouch",
                "-Xms16m", "-Xmx64m", "-Xlog:gc*:file=" + oops), ChurnWorkload.class, List.of("1", "8", "1"), 120)
                .requireSuccess();
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Evidence log(Path p) {
        return Advice.of(List.of(p), null, null, null, 17);
    }

    static final Evidence NOTHING = new Evidence(List.of(), java.util.Optional.empty());

    // HEAP-06

    @Test
    void heap06FiresWhenTheHeapGrowsFromASmallXms() {
        Report r = Advice.run(new FixedHeap(), log(grow), 17, Goal.LATENCY);
        Finding f = Advice.only(r);
        assertEquals(8 * MB, (long) figure(f, "initial heap"));
        assertEquals(128 * MB, (long) figure(f, "maximum heap"));
        double committed = figure(f, "peak committed heap");
        assertTrue(committed > 40 * MB, f::toString);
        assertEquals((committed - 8 * MB) / (128 * MB), figure(f, "growth share of the maximum heap"), 1e-9);
        Report.Ranked top = r.recommendations().get(0);
        assertEquals(List.of("-Xms128m"), Changes.flags(top));
        assertEquals("heap-elasticity=fixed", f.recommendations().get(0).conflictKey());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void heap06QuietWithXmsEqualXmxOrAFootprintGoal() {
        assertTrue(Advice.findings(Advice.run(new FixedHeap(), log(fixed), 17, Goal.LATENCY)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new FixedHeap(), log(grow), 17, Goal.FOOTPRINT)).isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new FixedHeap(),
                Advice.ofCommandLine("-Xms8m -Xmx128m", null, null, 17), 17)).missing());
    }

    // HEAP-11

    @Test
    void heap11FiresOnALeakingRun() {
        Evidence e = log(leak);
        Report r = Advice.run(new LeakTrend(), e, 17);
        assertEquals(1, Advice.findings(r).size(), () -> "live set " + e.gc().orElseThrow().metrics().liveSet());
        Finding f = Advice.only(r);
        double slope = figure(f, "live-set trend");
        assertEquals(25 * MB, slope, 25 * MB * 0.35, f::toString);
        assertEquals(256 * MB, (long) figure(f, "maximum heap"));
        assertEquals(slope / (256 * MB), figure(f, "growth per second of the maximum heap"), 1e-9);
        assertTrue(f.score() >= 75, f::toString);
        Report.Ranked top = r.recommendations().get(0);
        assertTrue(top.changes().isEmpty(), top::toString);
        assertTrue(top.action().contains("GC.heap_dump") && top.action().contains("OldObjectSample"), top::toString);
    }

    @Test
    void heap11QuietOnASteadyLiveSetAndNotApplicableWithoutALog() {
        assertTrue(Advice.findings(Advice.run(new LeakTrend(), log(grow), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new LeakTrend(), log(fixed), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new LeakTrend(),
                Advice.ofCommandLine("-Xmx256m", null, null, 17), 17)).missing());
    }

    // HEAP-09

    @Test
    void heap09FiresWhenTheLogSaysCompressedOopsAreOff() {
        Report r = Advice.run(new CompressedOopsCliff(), log(oops), 17);
        Finding f = Advice.only(r);
        assertEquals(64 * MB, (long) figure(f, "maximum heap"));
        assertTrue(f.figures().stream().anyMatch(x -> x.name().equals("compressed oops (gc,init)")
                && x.text().startsWith("Disabled")), f::toString);
        assertEquals(List.of("-XX:+UseCompressedOops"), Changes.flags(r.recommendations().get(0)));
        // with the command line, the removal of the user's -XX:-UseCompressedOops
        Report withArgs = Advice.run(new CompressedOopsCliff(), Advice.of(List.of(oops),
                "-XX:+UseG1GC -XX:-UseCompressedOops -Xmx64m", null, null, 17), 17);
        assertEquals(List.of("remove UseCompressedOops"), Changes.flags(withArgs.recommendations().get(0)));
    }

    @Test
    void heap09FiresJustAboveTheCliffOnACommandLine() {
        Report r = Advice.run(new CompressedOopsCliff(), Advice.ofCommandLine("-XX:+UseG1GC -Xmx40g", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(40L << 30, (long) figure(f, "maximum heap"));
        assertEquals(32736 * MB, (long) figure(f, "compressed-oops limit"));
        assertEquals(List.of("-Xmx31g"), Changes.flags(r.recommendations().get(0)));
        assertTrue(r.recommendations().stream().anyMatch(x -> Changes.flags(x).equals(List.of("-XX:ObjectAlignmentInBytes=16"))));
    }

    @Test
    void heap09QuietBelowTheCliffWithZgcOrWideAlignmentAndNotApplicableWithoutConfig() {
        for (String args : List.of("-XX:+UseG1GC -Xmx32736m", "-XX:+UseZGC -Xmx40g", "-Xmx40g -XX:ObjectAlignmentInBytes=16",
                "-Xmx64g")) {
            assertTrue(Advice.findings(Advice.run(new CompressedOopsCliff(), Advice.ofCommandLine(args, null, null, 17), 17))
                    .isEmpty(), args);
        }
        assertTrue(Advice.findings(Advice.run(new CompressedOopsCliff(), log(grow), 17)).isEmpty());
        // no -Xmx and no container limit: no maximum heap known, nothing to say, and no failure (it once threw
        // a NullPointerException the engine reported as a rule error)
        Report noXmx = Advice.run(new CompressedOopsCliff(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertTrue(Advice.findings(noXmx).isEmpty());
        assertTrue(noXmx.errors().isEmpty(), noXmx.errors().toString());
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new CompressedOopsCliff(), NOTHING, 17)).missing());
    }

    // NAT-06

    @Test
    void nat06FiresOnPreTouchWithAGrowingHeapFromTheLog() {
        Report r = Advice.run(new PreTouchShared(), log(oops), 17);
        Finding f = Advice.only(r);
        assertEquals(16 * MB, (long) figure(f, "initial heap"));
        assertEquals(64 * MB, (long) figure(f, "maximum heap"));
        assertEquals(List.of("remove AlwaysPreTouch"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void nat06FiresInASharedContainerAndIsQuietWhenDedicated() {
        long gb = 1L << 30;
        Finding f = Advice.only(Advice.run(new PreTouchShared(),
                Advice.ofCommandLine("-XX:+AlwaysPreTouch -Xms1g -Xmx1g", 4 * gb, 2.0, 17), 17));
        assertEquals(0.25, figure(f, "initial heap share of the limit"), 1e-9);
        assertTrue(Advice.findings(Advice.run(new PreTouchShared(),
                Advice.ofCommandLine("-XX:+AlwaysPreTouch -Xms3500m -Xmx3500m", 4 * gb, 2.0, 17), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new PreTouchShared(),
                Advice.ofCommandLine("-Xms1g -Xmx2g", 4 * gb, 2.0, 17), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new PreTouchShared(), log(grow), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new PreTouchShared(), NOTHING, 17)).missing());
    }
}
