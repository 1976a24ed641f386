package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MachineProbe} against other readers of the same machine: HotSpot's own logs (host memory,
 * CPU total, THP mode), {@code lscpu} for the topology, {@code taskset} for the affinity, and the
 * kernel's files for the THP defrag mode.
 */
class MachineProbeTest {

    @TempDir
    Path dir;

    /** Each JDK's view of the host, from a child JVM inside a 300 MB jail when jails can be made. */
    @Test
    void agreesWithHotSpotAlsoInsideAContainer() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/proc/meminfo")), "needs Linux");
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            Path log = dir.resolve("hs-" + jdk.feature() + ".log");
            ChildJvm.Result r;
            Long jailLimit = null;
            if (CgroupJail.isSupported()) {
                try (CgroupJail jail = CgroupJail.create(300_000_000L, null)) {
                    jailLimit = jail.memoryLimitBytes();
                    r = jail.runJava(jdk, dir, HotSpotView.logOptions(log), LiveConfigMain.class, List.of(), 60);
                }
            } else {
                r = ChildJvm.run(jdk, dir, HotSpotView.logOptions(log), LiveConfigMain.class, List.of(), 60);
            }
            HotSpotView hs = HotSpotView.of(log, r.requireSuccess().output());
            assertEquals(hs.hotspotHostMemory(), hs.liveLong("machine.physicalMemoryBytes"), jdk + " host memory");
            assertEquals(hs.hotspotTotalCpus(), Integer.valueOf(hs.live("machine.hwThreads")), jdk + " CPUs total");
            if (hs.hotspotThpMode() != null) {
                assertEquals(hs.hotspotThpMode(), hs.live("machine.transparentHugePages"), jdk + " THP mode");
            }
            if (jailLimit != null) {
                // inside the jail the machine is still the host, whatever the MXBean says
                assertNotEquals(jailLimit, hs.liveLong("machine.physicalMemoryBytes"));
                System.out.println(jdk + " in a 300 MB jail: machine memory " + hs.live("machine.physicalMemoryBytes")
                        + ", OperatingSystemMXBean.getTotalMemorySize " + hs.live("osmxbean.totalMemorySize"));
            }
        }
    }

    @Test
    void topologyAgreesWithLscpu() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lscpu")), "needs lscpu");
        ChildJvm.Result r = CgroupJail.run(List.of("/usr/bin/lscpu", "-p=CPU,CORE,SOCKET"), dir, 30);
        assumeTrue(r.exitCode() == 0, r.output());
        int cpus = 0;
        Set<String> cores = new HashSet<>();
        Set<String> sockets = new HashSet<>();
        for (String line : r.output().split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(",");
            cpus++;
            cores.add(f[2] + "/" + f[1]);
            sockets.add(f[2]);
        }
        Machine m = MachineProbe.system().read();
        System.out.println("this machine: " + m);
        assertEquals(cpus, m.hwThreads());
        assertEquals(cores.size(), m.cores());
        assertEquals(sockets.size(), m.sockets());
        assertNotNull(m.cpuDescription());
        assertNotNull(m.os());
        assertNotNull(m.swapBytes());
    }

    /** The THP defrag mode is the bracketed word of the kernel's file; both modes are known words. */
    @Test
    void thpModesFromTheKernel() throws Exception {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage");
        assumeTrue(Files.isRegularFile(thp.resolve("enabled")), "needs a kernel with THP");
        Machine m = MachineProbe.system().read();
        Matcher enabled = Pattern.compile("\\[([a-z+]+)\\]").matcher(Files.readString(thp.resolve("enabled")));
        assertTrue(enabled.find());
        assertEquals(enabled.group(1), m.transparentHugePages());
        assertTrue(Set.of("always", "madvise", "never").contains(m.transparentHugePages()));
        Matcher defrag = Pattern.compile("\\[([a-z+]+)\\]").matcher(Files.readString(thp.resolve("defrag")));
        assertTrue(defrag.find());
        assertEquals(defrag.group(1), m.transparentHugePagesDefrag());
        assertTrue(Set.of("always", "defer", "defer+madvise", "madvise", "never").contains(m.transparentHugePagesDefrag()));
    }

    /** Pinned to one CPU with taskset: the probe's allowed CPUs, the JVM's count and ours all say 1. */
    @Test
    void affinityIsTheAllowedCpus() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "needs taskset");
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs more than one CPU to pin to one");
        Path log = dir.resolve("hs.log");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/taskset", "-c", "0"));
        cmd.addAll(CgroupJail.javaCommand(Jdks.current(), HotSpotView.logOptions(log), LiveConfigMain.class, List.of()));
        HotSpotView hs = HotSpotView.of(log, CgroupJail.run(cmd, dir, 60).requireSuccess().output());
        assertEquals("1", hs.live("machine.allowedCpus"));
        assertEquals("1", hs.live("runtime.availableProcessors"));
        assertEquals("1", hs.live("container.effectiveCpus"));
        assertEquals(hs.hotspotTotalCpus(), Integer.valueOf(hs.live("machine.hwThreads")), "the machine still has all");
    }

    /** Without /proc and /sys (another OS, a copied tree with nothing in it): nulls, no exception. */
    @Test
    void nothingToReadIsUnknown() {
        Machine m = MachineProbe.under(dir).read();
        assertEquals(Machine.UNKNOWN, m);
        assertNull(m.transparentHugePages());
    }

    /** A copied cpuinfo of an arm64 host: no ids, so the topology comes from sysfs, which the copy lacks. */
    @Test
    void cpuinfoWithoutTopology() throws Exception {
        String arm = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n\n"
                + "processor\t: 1\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: 0x41\n";
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(proc.resolve("cpuinfo"), arm, StandardCharsets.UTF_8);
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       24684092 kB\nSwapTotal:             0 kB\n");
        Machine m = MachineProbe.under(dir).read();
        assertEquals(2, m.hwThreads());
        assertNull(m.cores());
        assertNull(m.sockets());
        assertEquals(24_684_092L * 1024, m.physicalMemoryBytes());
        assertEquals(0L, m.swapBytes());
    }
}
