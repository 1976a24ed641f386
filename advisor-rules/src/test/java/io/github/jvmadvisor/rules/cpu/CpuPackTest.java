package io.github.jvmadvisor.rules.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU-01..06 on command lines and on recordings of real runs, two of them inside a cgroup v1 jail. */
class CpuPackTest {

    @TempDir
    static Path dir;
    /** Unjailed run: no container quota, no throttling. */
    static Path free;
    /** Run under a 0.5-core CFS quota (null when cgroups cannot be made here). */
    static Path throttled;
    /** Run in a group with cpu.shares 512 and no quota (null when cgroups cannot be made here). */
    static Path shared;

    static final List<String> JFR = List.of("-XX:+UseSerialGC", "-Xmx64m");

    static List<String> jfr(Path file) {
        return List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:StartFlightRecording=filename=" + file
                + ",settings=default,jdk.ContainerCPUThrottling#period=1s");
    }

    @BeforeAll
    static void runs() throws Exception {
        free = dir.resolve("free.jfr");
        ChildJvm.run(Jdks.current(), dir, jfr(free), ChurnWorkload.class, List.of("2", "8", "2"), 120).requireSuccess();
        if (CgroupJail.isSupported()) {
            Path t = dir.resolve("throttled.jfr");
            try (CgroupJail jail = CgroupJail.create(null, 0.5)) {
                ChildJvm.Result r = jail.runJava(Jdks.current(), dir, jfr(t), ChurnWorkload.class, List.of("3", "8", "2"), 120);
                if (r.exitCode() == 0) {
                    throttled = t;
                }
            }
            Path s = dir.resolve("shared.jfr");
            try (CgroupJail jail = CgroupJail.create(null, null)) {
                Files.writeString(jail.cpuDir().resolve("cpu.shares"), "512");
                ChildJvm.Result r = jail.runJava(Jdks.current(), dir, jfr(s), ChurnWorkload.class, List.of("1", "8", "1"), 120);
                if (r.exitCode() == 0) {
                    shared = s;
                }
            }
        }
    }

    static Evidence none() {
        return new Evidence(List.of(), Optional.empty());
    }

    static double value(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value).orElseThrow();
    }

    static Report cl(Rule rule, String line, Long mem, Double cpus) {
        return Advice.run(rule, Advice.ofCommandLine(line, mem, cpus, 17), 17);
    }

    // ------------------------------------------------------------------------------------ CPU-01

    static Evidence pod(Long shares, Double quota, int cpus, String args) {
        JvmConfig c = new JvmConfig(List.of("jfr"), null, 17, null, null, null, List.of(args.split(" ")), Map.of(),
                new ContainerLimits("jfr", null, null, null, quota, shares, cpus, null), Machine.UNKNOWN);
        return new Evidence(List.of(), Optional.empty(), Optional.of(c), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void cpu01RequestWithoutLimitSizesForTheRequest() {
        Report r = Advice.run(new RequestsOnlyPod(), pod(2048L, null, 16, "-Xmx1g"), 17);
        Finding f = Advice.only(r);
        assertEquals(16.0, value(f, "CPUs counted"));
        assertEquals(2.0, value(f, "CPU request"));
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("-XX:ActiveProcessorCount=2"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void cpu01QuietWithALimitOrAnActiveProcessorCountAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(Advice.run(new RequestsOnlyPod(), pod(2048L, 2.0, 2, "-Xmx1g"), 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new RequestsOnlyPod(), pod(2048L, null, 16, "-XX:ActiveProcessorCount=2"), 17))
                .isEmpty());
        assertTrue(Advice.notApplicable(Advice.run(new RequestsOnlyPod(), none(), 17)).missing().contains(EvidenceKind.CONFIG));
    }

    @Test
    void cpu01OnARealRecordingInAGroupWithHalfACoreOfShares() {
        Assumptions.assumeTrue(shared != null, "needs root and cgroup v1");
        Report r = Advice.run(new RequestsOnlyPod(), Advice.of(List.of(shared), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(512.0, value(f, "CPU shares"));
        assertEquals(Runtime.getRuntime().availableProcessors(), value(f, "CPUs counted"));
        assertEquals(List.of("-XX:ActiveProcessorCount=1"), Changes.flags(r.recommendations().get(0)));
    }

    // ------------------------------------------------------------------------------------ CPU-02

    @Test
    void cpu02ARealHalfCoreQuotaThrottles() {
        Assumptions.assumeTrue(throttled != null, "needs root and cgroup v1");
        Report r = Advice.run(new CpuThrottling(), Advice.of(List.of(throttled), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertTrue(value(f, "throttled periods") > 0.10, f::toString);
        assertEquals(0.5, value(f, "CPU quota"));
        // the JVM already counts ceil(0.5) = 1 CPU: no flag can help, only more quota
        assertEquals(1.0, value(f, "CPUs counted"));
        assertEquals(1, r.recommendations().size());
        assertTrue(Changes.flags(r.recommendations().get(0)).isEmpty());
        assertTrue(r.recommendations().get(0).action().contains("quota"));
    }

    @Test
    void cpu02AFractionalQuotaRoundedUpGetsTheFloor() {
        Evidence e = pod(null, 1.5, 2, "-XX:+UseG1GC");
        var usage = new io.github.jvmadvisor.core.model.Resources.ContainerUsage(null, null, 1000L, 300L, 9_000_000_000L);
        var mem = new io.github.jvmadvisor.core.model.Resources.NativeMemory(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        Evidence withUsage = new Evidence(List.of(), Optional.empty(), e.jvm(),
                Optional.of(new io.github.jvmadvisor.core.model.Resources(mem, usage, null)), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
        Report r = Advice.run(new CpuThrottling(), withUsage, 17);
        Finding f = Advice.only(r);
        assertEquals(0.3, value(f, "throttled periods"), 1e-9);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("-XX:ActiveProcessorCount=1"), Changes.flags(Advice.recommending(r, "ActiveProcessorCount").orElseThrow()));
    }

    @Test
    void cpu02QuietWithoutThrottlingAndNotApplicableWithoutContainerUsage() {
        Report r = Advice.run(new CpuThrottling(), Advice.of(List.of(free), null, null, null, 17), 17);
        if (r.notApplicable().isEmpty()) {
            // a cgroup v1 host reports container usage for any process: no quota, so nothing throttled
            assertTrue(r.findings().isEmpty(), r.findings()::toString);
        }
        assertEquals(List.of(EvidenceKind.CONTAINER_USAGE),
                Advice.notApplicable(Advice.run(new CpuThrottling(), Advice.ofCommandLine("-Xmx1g", null, 0.5, 17), 17)).missing());
    }

    // ------------------------------------------------------------------------------------ CPU-03

    @Test
    void cpu03HalfACore() {
        Report r = cl(new SubCoreQuota(), "-XX:+UseG1GC", 1L << 30, 0.5);
        Finding f = Advice.only(r);
        assertEquals(0.5, value(f, "CPU quota"));
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(r.recommendations().stream().anyMatch(x -> x.flags().equals(List.of("-XX:+UseSerialGC"))),
                r.recommendations()::toString);
        Report serial = cl(new SubCoreQuota(), "", 1L << 30, 0.25);
        assertTrue(serial.recommendations().stream().noneMatch(x -> x.flags().contains("-XX:+UseSerialGC")));
    }

    @Test
    void cpu03QuietAtOneCoreAndNotApplicableWithoutCpus() {
        assertTrue(Advice.findings(cl(new SubCoreQuota(), "-XX:+UseG1GC", 1L << 30, 1.0)).isEmpty());
        assertTrue(Advice.notApplicable(Advice.run(new SubCoreQuota(), none(), 17)).missing().contains(EvidenceKind.CPUS));
    }

    @Test
    void cpu03OnTheRealHalfCoreRun() {
        Assumptions.assumeTrue(throttled != null, "needs root and cgroup v1");
        Finding f = Advice.only(Advice.run(new SubCoreQuota(), Advice.of(List.of(throttled), null, null, null, 17), 17));
        assertEquals(0.5, value(f, "CPU quota"));
    }

    // ------------------------------------------------------------------------------------ CPU-04

    @Test
    void cpu04OneParallelThreadOnManyCpusIsAWarning() {
        Report r = cl(new HandSetThreads(), "-XX:+UseParallelGC -XX:ParallelGCThreads=1", null, 4.0);
        Finding f = Advice.only(r);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(1.0, value(f, "ParallelGCThreads"));
        assertEquals(List.of("remove ParallelGCThreads"), Changes.flags(r.recommendations().get(0)));
        Finding over = Advice.only(cl(new HandSetThreads(), "-XX:+UseG1GC -XX:ConcGCThreads=8", null, 2.0));
        assertTrue(over.summary().contains("more threads than the 2 CPUs"), over::toString);
    }

    @Test
    void cpu04QuietWithErgonomicCountsAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new HandSetThreads(), "-XX:+UseG1GC -Xmx1g", null, 4.0)).isEmpty());
        // a recording lists ParallelGCThreads with its ergonomic origin: not hand-set
        assertTrue(Advice.findings(Advice.run(new HandSetThreads(), Advice.of(List.of(free), null, null, null, 17), 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new HandSetThreads(), none(), 17)).missing());
    }

    // ------------------------------------------------------------------------------------ CPU-05

    @Test
    void cpu05ContainerSupportOffInALimitedContainerIsAWarning() {
        Report r = cl(new ContainerSupportDisabled(), "-XX:-UseContainerSupport", 512L << 20, 1.0);
        Finding f = Advice.only(r);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("remove UseContainerSupport"), Changes.flags(r.recommendations().get(0)));
        assertEquals(Severity.INFO, Advice.only(cl(new ContainerSupportDisabled(), "-XX:-UseContainerSupport", null, null))
                .severity());
    }

    @Test
    void cpu05QuietByDefaultAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new ContainerSupportDisabled(), "-Xmx1g", 512L << 20, 1.0)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new ContainerSupportDisabled(), Advice.of(List.of(free), null, null, null, 17), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new ContainerSupportDisabled(), none(), 17)).missing());
    }

    // ------------------------------------------------------------------------------------ CPU-06

    @Test
    void cpu06RealThreadPeakAgainstASmallContainer() {
        // the recorded run's peak thread count, against a 64 MB container
        Report r = Advice.run(new ThreadStackBudget(), Advice.of(List.of(free), "", 64L << 20, null, 17), 17);
        Finding f = Advice.only(r);
        double threads = value(f, "peak threads");
        assertTrue(threads >= 8, f::toString);
        assertEquals(threads * 1024 * 1024, value(f, "stack budget"));
        assertEquals(threads / 64, value(f, "share of container memory"), 1e-9);
        assertEquals(List.of("-Xss512k"), Changes.flags(r.recommendations().get(0)));
        // against 8 GB the same threads are nothing
        assertTrue(Advice.findings(Advice.run(new ThreadStackBudget(), Advice.of(List.of(free), "", 8L << 30, null, 17), 17))
                .isEmpty());
    }

    @Test
    void cpu06LargeStacksByHandAndNotApplicableWithoutConfig() {
        Report r = cl(new ThreadStackBudget(), "-Xss4m", null, null);
        Finding f = Advice.only(r);
        assertEquals(4.0 * 1024 * 1024, value(f, "stack size"));
        assertEquals(List.of("remove ThreadStackSize"), Changes.flags(r.recommendations().get(0)));
        assertTrue(Advice.findings(cl(new ThreadStackBudget(), "-Xss512k", 1L << 30, 2.0)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new ThreadStackBudget(), none(), 17)).missing());
    }
}
