package io.github.jvmadvisor.rules.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.rules.nativememory.UnboundedDirectMemory;
import io.github.jvmadvisor.rules.testing.Advice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HEAP-01, HEAP-02, HEAP-03, HEAP-08 and NAT-01 on command lines with a container limit (--container-memory). */
class ContainerHeapTest {

    static final long MB = 1L << 20;
    static final long GB = 1L << 30;

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Evidence cmd(String args, Long memory) {
        return Advice.ofCommandLine(args, memory, 2.0, 17);
    }

    /** The section 7 formula with the priors (no non-heap evidence), recomputed here. */
    static int budgetPercent(long c, double rgc) {
        long threads = 100 + 2 + 2 + 4; // prior + ParallelGCThreads(2) + compiler(2) + 4
        double nonHeap = 1.2 * 96 * MB + 1.3 * 48 * MB + threads * MB + 64 * MB + 32 * MB;
        double xmx = (c * 0.9 - nonHeap) / (1 + rgc);
        return (int) Math.floor(100 * xmx / c);
    }

    @Test
    void heap01FiresOnTheDefaultQuarterOfA2GbContainer() {
        Report r = Advice.run(new DefaultHeapInContainer(), cmd("-XX:+UseG1GC", 2 * GB), 17);
        Finding f = Advice.only(r);
        assertEquals(512 * MB, (long) figure(f, "maximum heap"));
        assertEquals(0.25, figure(f, "heap share of the limit"), 1e-9);
        int pct = budgetPercent(2 * GB, 0.05);
        assertEquals(List.of("-XX:MaxRAMPercentage=" + pct), r.recommendations().get(0).flags());
        assertTrue(pct > 60 && pct < 75, () -> "budget " + pct);
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void heap01QuietWithAnExplicitHeapOrASmallContainer() {
        assertTrue(Advice.findings(Advice.run(new DefaultHeapInContainer(), cmd("-XX:MaxRAMPercentage=70", 2 * GB), 17))
                .isEmpty());
        assertTrue(Advice.findings(Advice.run(new DefaultHeapInContainer(), cmd("", 512 * MB), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new DefaultHeapInContainer(), Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void heap02OnPriorsAloneIsInformationWhileTheHeapItselfFits() {
        // the start-up check in a 512 MB cgroup with -Xmx400m: 382 MB of non-heap priors said MaxRAMPercentage=14
        Report r = Advice.run(new ContainerBudget(), cmd("-XX:+UseG1GC -Xmx400m", 512 * MB), 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.INFO, f.severity(), f::toString);
        assertTrue(f.summary().contains("priors, not measurements"), f::summary);
        assertEquals(0.0, figure(f, "non-heap terms measured"));
        assertTrue(r.commandLine().options().contains("-Xmx400m"), "info-level advice is not applied: " + r.commandLine());
        // a heap that does not fit on its own is a warning whatever the non-heap terms are
        assertEquals(Severity.WARNING, Advice.only(Advice.run(new ContainerBudget(), cmd("-XX:+UseG1GC -Xmx480m",
                512 * MB), 17)).severity());
    }

    @Test
    void heap02WarnsWhenHeapAndNonHeapOvershootTheLimit() {
        Report r = Advice.run(new ContainerBudget(), cmd("-XX:+UseG1GC -Xmx1800m", 2 * GB), 17);
        Finding f = Advice.only(r);
        assertTrue(f.score() >= 75, f::toString);
        int pct = budgetPercent(2 * GB, 0.05);
        assertEquals(List.of("remove -Xmx1800m", "-XX:MaxRAMPercentage=" + pct, "-XX:MaxDirectMemorySize=64m"),
                r.recommendations().get(0).flags());
        assertEquals(0.0, figure(f, "non-heap terms measured"));
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        assertTrue(r.commandLine().options().contains("-XX:MaxRAMPercentage=" + pct), r.commandLine()::toString);
        assertTrue(r.commandLine().options().stream().noneMatch(o -> o.startsWith("-Xmx")), r.commandLine()::toString);
    }

    @Test
    void heap02QuietAtTheBudgetAndErrorWhenFixedRegionsDoNotFit() {
        int pct = budgetPercent(2 * GB, 0.05);
        assertTrue(Advice.findings(Advice.run(new ContainerBudget(),
                cmd("-XX:+UseG1GC -XX:MaxRAMPercentage=" + pct + " -XX:MaxDirectMemorySize=64m", 2 * GB), 17)).isEmpty());
        // 108 threads of 8 MB stacks need 864 MB before any heap
        Finding f = Advice.only(Advice.run(new ContainerBudget(), cmd("-Xss8m", 1 * GB), 17));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(figure(f, "non-heap budget") > 0.9 * GB, f::toString);
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new ContainerBudget(), Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void heap02AddsSoftMaxForZgc() {
        Report r = Advice.run(new ContainerBudget(), cmd("-XX:+UseZGC -Xmx4g", 4 * GB), 17);
        List<String> flags = r.recommendations().get(0).flags();
        int pct = budgetPercent(4 * GB, 0.05);
        assertTrue(flags.contains("-XX:SoftMaxHeapSize=" + (long) (0.9 * 4 * 1024 * pct / 100) + "m"), flags::toString);
    }

    @Test
    void heap03ErrorsOnAHeapAsLargeAsTheContainer() {
        Report r = Advice.run(new HeapAtContainerLimit(), cmd("-Xmx2g", 2 * GB), 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(1.0, figure(f, "heap share of the limit"), 1e-9);
        assertEquals(List.of("remove -Xmx2g", "-XX:MaxRAMPercentage=" + budgetPercent(2 * GB, 0.05)),
                r.recommendations().get(0).flags());
        Finding p = Advice.only(Advice.run(new HeapAtContainerLimit(), cmd("-XX:MaxRAMPercentage=95", 2 * GB), 17));
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(Advice.findings(Advice.run(new HeapAtContainerLimit(), cmd("-XX:MaxRAMPercentage=75", 2 * GB), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new HeapAtContainerLimit(), Advice.ofCommandLine("-Xmx2g", null, null, 17), 17)).missing());
    }

    @Test
    void heap08FiresInA512MbContainerAndIsQuietWithAHeapFlag() {
        Report r = Advice.run(new SmallContainerHeap(), cmd("", 512 * MB), 17);
        Finding f = Advice.only(r);
        assertEquals(128 * MB, (long) figure(f, "default maximum heap"));
        assertTrue(f.score() >= 75, f::toString);
        assertEquals(List.of("-XX:MaxRAMPercentage=60"), r.recommendations().get(0).flags());
        // 384 MB still gets the 124.8 MB floor: a third of the limit
        Finding g = Advice.only(Advice.run(new SmallContainerHeap(), cmd("", 384 * MB), 17));
        assertEquals((long) (96 * MB * 1.3), (long) figure(g, "default maximum heap"));
        assertTrue(g.score() < f.score());
        assertTrue(Advice.findings(Advice.run(new SmallContainerHeap(), cmd("-Xmx300m", 512 * MB), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new SmallContainerHeap(), cmd("", 2 * GB), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new SmallContainerHeap(), Advice.ofCommandLine("", null, null, 17), 17)).missing());
    }

    @Test
    void nat01CapsDirectMemoryInAContainer() {
        Report r = Advice.run(new UnboundedDirectMemory(), cmd("-Xmx1g", 2 * GB), 17);
        Finding f = Advice.only(r);
        assertEquals(GB, (long) figure(f, "direct memory limit"));
        assertEquals(List.of("-XX:MaxDirectMemorySize=64m"), r.recommendations().get(0).flags());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        assertTrue(Advice.findings(Advice.run(new UnboundedDirectMemory(), cmd("-Xmx1g -XX:MaxDirectMemorySize=128m",
                2 * GB), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONTAINER_MEMORY), Advice.notApplicable(
                Advice.run(new UnboundedDirectMemory(), Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }
}
