package io.github.jvmadvisor.rules.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.config.MachineProbe;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.rules.nativememory.TransparentHugePages;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAP-05 on container command lines; NAT-05 on command lines with the THP mode read by the machine probe. */
class SoftCapAndHugePagesTest {

    static final long MB = 1L << 20;
    static final long GB = 1L << 30;

    @TempDir
    Path root;

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Evidence cmd(String args, Long memory, int jdk) {
        return Advice.ofCommandLine(args, memory, 2.0, jdk);
    }

    // HEAP-05

    @Test
    void heap05FiresForZgcWithoutASoftCapInAContainer() {
        Report r = Advice.run(new SoftMaxHeap(), cmd("-XX:+UseZGC -Xmx3500m", 4 * GB, 17), 17);
        Finding f = Advice.only(r);
        double nonHeap = figure(f, "non-heap budget");
        double burst = figure(f, "burst margin");
        assertEquals((long) (0.05 * 4 * GB), (long) burst);
        long expected = ((long) (4 * GB * 0.9) - (long) nonHeap - (long) burst) / (16 * MB) * (16 * MB);
        assertEquals(expected, (long) figure(f, "recommended soft cap"));
        assertEquals(3500 * MB, (long) figure(f, "current soft cap"));
        List<String> flags = Changes.flags(r.recommendations().get(0));
        assertEquals(List.of("-XX:SoftMaxHeapSize=" + expected / MB + "m"), flags);
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        // Shenandoah too
        Finding s = Advice.only(Advice.run(new SoftMaxHeap(), cmd("-XX:+UseShenandoahGC -Xmx3500m", 4 * GB, 17), 17));
        assertEquals(expected, (long) figure(s, "recommended soft cap"));
    }

    @Test
    void heap05TakesGenerationalZgcsDefaultSoftCapIntoAccount() {
        // JDK 25 gen-ZGC with MaxRAMPercentage (a heap flag): soft cap = Xmx = 85 % of 4 GB, above the target
        Finding f = Advice.only(Advice.run(new SoftMaxHeap(), cmd("-XX:+UseZGC -XX:MaxRAMPercentage=85", 4 * GB, 25), 25));
        assertEquals((long) (4 * GB * 0.85), (long) figure(f, "current soft cap"));
    }

    @Test
    void heap05QuietWithASoftCapOrASmallHeapAndNotApplicableForG1OrWithoutALimit() {
        assertTrue(Advice.findings(Advice.run(new SoftMaxHeap(),
                cmd("-XX:+UseZGC -Xmx3500m -XX:SoftMaxHeapSize=2g", 4 * GB, 17), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new SoftMaxHeap(), cmd("-XX:+UseZGC -Xmx2g", 4 * GB, 17), 17)).isEmpty());
        Report g1 = Advice.run(new SoftMaxHeap(), cmd("-XX:+UseG1GC -Xmx3500m", 4 * GB, 17), 17);
        assertTrue(g1.findings().isEmpty() && g1.notApplicable().size() == 1, g1::toString);
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new SoftMaxHeap(), cmd("-XX:+UseZGC -Xmx3500m", null, 17), 17)).missing());
    }

    // NAT-05

    /** A command line plus the machine the probe reads from a sysfs tree with THP {@code enabled} as given. */
    Evidence withThp(String args, String enabled) throws Exception {
        Path thp = root.resolve("sys/kernel/mm/transparent_hugepage");
        Files.createDirectories(thp);
        Files.writeString(thp.resolve("enabled"), enabled + "\n");
        Files.writeString(thp.resolve("defrag"), "always defer [defer+madvise] madvise never\n");
        Machine m = MachineProbe.under(root).read();
        JvmConfig c = CommandLineConfig.of(args, null, 2.0, 17);
        JvmConfig given = new JvmConfig(c.sources(), c.jdkVersionString(), c.jdkFeature(), c.vmName(), c.collector(),
                c.generational(), c.jvmArguments(), c.flags(), c.container(), m);
        return Analyzer.analyze(List.of(), io.github.jvmadvisor.core.ingest.gclog.GcEventListener.none(), given);
    }

    @Test
    void nat05AndNat06WithoutAMaximumHeapSayNothingAndDoNotFail() throws Exception {
        // no -Xmx and no container limit: they once unboxed a null maximum heap (Advice.run fails on a rule error)
        assertTrue(Advice.findings(Advice.run(new TransparentHugePages(),
                withThp("-XX:+UseG1GC", "always [madvise] never"), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new io.github.jvmadvisor.rules.nativememory.PreTouchShared(),
                cmd("-XX:+AlwaysPreTouch", null, 17), 17)).isEmpty());
    }

    @Test
    void nat05RecommendsHugePagesForALargeHeapInMadviseMode() throws Exception {
        Report r = Advice.run(new TransparentHugePages(), withThp("-XX:+UseG1GC -Xmx8g", "always [madvise] never"), 17);
        Finding f = Advice.only(r);
        assertEquals(8 * GB, (long) figure(f, "maximum heap"));
        assertTrue(f.figures().stream().anyMatch(x -> x.name().equals("THP mode") && x.text().equals("madvise")));
        assertTrue(f.figures().stream().anyMatch(x -> x.name().equals("THP defrag") && x.text().equals("defer+madvise")));
        assertEquals(List.of("-XX:+UseTransparentHugePages"), Changes.flags(r.recommendations().get(0)));
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void nat05WarnsOfBloatWithThpAlwaysAndASmallHeap() throws Exception {
        Report r = Advice.run(new TransparentHugePages(), withThp("-Xmx512m", "[always] madvise never"), 17);
        Finding f = Advice.only(r);
        assertEquals(512 * MB, (long) figure(f, "maximum heap"));
        assertTrue(r.recommendations().get(0).changes().isEmpty());
        assertTrue(r.recommendations().get(0).action().contains("madvise"));
    }

    @Test
    void nat05QuietForSmallHeapsAlreadyAskedOrUnknownModeAndNotApplicableWithoutConfig() throws Exception {
        assertTrue(Advice.findings(Advice.run(new TransparentHugePages(), withThp("-Xmx1g", "always [madvise] never"), 17))
                .isEmpty());
        assertTrue(Advice.findings(Advice.run(new TransparentHugePages(),
                withThp("-Xmx8g -XX:+UseTransparentHugePages", "always [madvise] never"), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new TransparentHugePages(), withThp("-Xmx8g", "always madvise [never]"), 17))
                .isEmpty());
        // a command line alone does not know the machine's THP mode
        assertTrue(Advice.findings(Advice.run(new TransparentHugePages(), cmd("-Xmx8g", null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new TransparentHugePages(),
                new Evidence(List.of(), java.util.Optional.empty()), 17)).missing());
    }
}
