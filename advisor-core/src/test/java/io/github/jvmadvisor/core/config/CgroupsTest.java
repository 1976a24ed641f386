package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Cgroups} on real cgroups: this test JVM's own, and v1 groups made for the test with {@link
 * CgroupJail} (nested, with parents tighter or looser than children), entered by real processes, read
 * from outside ({@link Cgroups#read(long)}) and from inside a child JVM, and compared with what HotSpot
 * itself read (its {@code os+container} log). Also processes in their own cgroup namespace, as in a
 * container, with and without their own cgroup mount.
 */
class CgroupsTest {

    @TempDir
    Path dir;

    /** The test JVM itself: looked at, so present, with the same limit HotSpot sees (none on a bare host). */
    @Test
    void currentProcessAgreesWithHotSpot() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/proc/self/cgroup")), "needs Linux");
        Optional<ContainerLimits> self = Cgroups.system().readSelf();
        assertTrue(self.isPresent(), "a Linux process with cgroups was looked at");

        // a child JVM is in the same cgroups as this one
        Path log = dir.resolve("hs.log");
        HotSpotView hs = HotSpotView.of(log, ChildJvm.run(Jdks.current(), dir, HotSpotView.logOptions(log),
                LiveConfigMain.class, List.of(), 60).requireSuccess().output());
        ContainerLimits c = self.get();
        System.out.println("this JVM: " + c);
        assertEquals(hs.hotspotCgroupVersion(), c.source());
        assertEquals(hs.hotspotMemoryLimit(), c.memoryLimitBytes());
        assertEquals(hs.hotspotCpuQuotaCores(), c.cpuQuotaCores());
        if (hs.hotspotMemoryLimit() == null) {
            // "looked, found none": the record is there, its limits are null
            assertNull(c.memoryLimitBytes());
        }
        assertNotNull(c.memoryUsageBytes(), "usage is readable wherever a memory controller is");
        assertEquals(Runtime.getRuntime().availableProcessors(), c.effectiveCpus());
    }

    /** Another process, read from outside: a shell sleeping in a jail of 300 MB and half a CPU. */
    @Test
    void readsAnotherProcessInAJail() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        try (CgroupJail jail = CgroupJail.create(300_000_000L, 0.5)) {
            Process sleeper = startIn(jail);
            try {
                ContainerLimits c = Cgroups.system().read(sleeper.pid()).orElseThrow();
                System.out.println("sleeper: " + c);
                assertEquals(Cgroups.SOURCE_V1, c.source());
                assertEquals(299_999_232L, jail.memoryLimitBytes(), "the kernel rounds to 4 KB pages");
                assertEquals(jail.memoryLimitBytes(), c.memoryLimitBytes());
                assertEquals(0.5, c.cpuQuotaCores());
                assertEquals(1, c.effectiveCpus(), "0.5 CPU counts as 1, rounded up as HotSpot does");
                assertEquals(1024L, c.cpuShares(), "the v1 default");
                assertNull(c.memorySoftLimitBytes(), "no soft limit set");
                assertNull(c.swapLimitBytes(), "no memory+swap limit set");
                assertTrue(c.memoryUsageBytes() != null && c.memoryUsageBytes() > 0, "a shell uses memory");
                assertTrue(c.memoryUsageBytes() < c.memoryLimitBytes());
            } finally {
                stop(sleeper);
            }
        }
    }

    /** Soft and memory+swap limits are read when set (swap accounting permitting). */
    @Test
    void readsSoftAndSwapLimits() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        try (CgroupJail jail = CgroupJail.create(300_000_000L, null)) {
            Files.writeString(jail.memoryDir().resolve("memory.soft_limit_in_bytes"), "200000000");
            Path memsw = jail.memoryDir().resolve("memory.memsw.limit_in_bytes");
            boolean swapAccounting = Files.isRegularFile(memsw);
            if (swapAccounting) {
                Files.writeString(memsw, "400000000");
            }
            Process sleeper = startIn(jail);
            try {
                ContainerLimits c = Cgroups.system().read(sleeper.pid()).orElseThrow();
                assertEquals(readLong(jail.memoryDir().resolve("memory.soft_limit_in_bytes")), c.memorySoftLimitBytes());
                assertEquals(199_999_488L, c.memorySoftLimitBytes());
                if (swapAccounting) {
                    assertEquals(399_998_976L, c.swapLimitBytes());
                }
                assertNull(c.cpuQuotaCores(), "no quota in this jail");
            } finally {
                stop(sleeper);
            }
        }
    }

    /**
     * Nested groups, read from inside a child JVM on each JDK and compared with HotSpot's own reading:
     * a parent's limit is found by walking up; the tighter of parent and child wins either way.
     */
    @Test
    void nestedGroupsAgreeWithHotSpot() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            // parent 400 MB, child unlimited: only walking up (or hierarchical_memory_limit) finds it
            try (CgroupJail parent = CgroupJail.create(400_000_000L, null)) {
                CgroupJail child = parent.child(null, null);
                HotSpotView hs = runIn(child, jdk);
                assertEquals(399_998_976L, parent.memoryLimitBytes());
                assertNull(child.memoryLimitBytes());
                assertEquals(parent.memoryLimitBytes(), hs.liveLong("container.memoryLimitBytes"), jdk + " ours");
                assertEquals(parent.memoryLimitBytes(), hs.hotspotMemoryLimit(), jdk + " HotSpot");
            }
            // parent 400 MB, child 300 MB
            try (CgroupJail parent = CgroupJail.create(400_000_000L, null)) {
                CgroupJail child = parent.child(300_000_000L, null);
                HotSpotView hs = runIn(child, jdk);
                assertEquals(299_999_232L, hs.liveLong("container.memoryLimitBytes"), jdk + " ours");
                assertEquals(299_999_232L, hs.hotspotMemoryLimit(), jdk + " HotSpot");
            }
            // parent 300 MB, child 400 MB: the kernel enforces the parent's; JDK 25 walks up and agrees,
            // JDK 17 reads the leaf only (and sizes the heap from 400 MB)
            try (CgroupJail parent = CgroupJail.create(300_000_000L, null)) {
                CgroupJail child = parent.child(400_000_000L, null);
                HotSpotView hs = runIn(child, jdk);
                assertEquals(299_999_232L, hs.liveLong("container.memoryLimitBytes"), jdk + " ours");
                System.out.println(jdk + " parent 300 MB, child 400 MB: HotSpot reads " + hs.hotspotMemoryLimit()
                        + ", the Java-side OperatingSystemMXBean " + hs.live("osmxbean.totalMemorySize"));
                if (jdk.feature() >= 25) {
                    assertEquals(299_999_232L, hs.hotspotMemoryLimit(), jdk + " HotSpot walks up");
                }
            }
        }
    }

    /** A CPU quota set on a parent only is found by walking up; JDK 25 counts with it too. */
    @Test
    void parentCpuQuotaIsFound() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            try (CgroupJail parent = CgroupJail.create(null, 0.5)) {
                CgroupJail child = parent.child(null, null);
                HotSpotView hs = runIn(child, jdk);
                assertEquals("0.5", hs.live("container.cpuQuotaCores"), jdk + " ours");
                System.out.println(jdk + " quota on the parent only: availableProcessors "
                        + hs.live("runtime.availableProcessors"));
                if (jdk.feature() >= 25) {
                    assertEquals("1", hs.live("runtime.availableProcessors"), jdk + " walks up for CPUs too");
                }
                // ours is the JVM's own count, whatever it decided
                assertEquals(hs.live("runtime.availableProcessors"), hs.live("container.effectiveCpus"));
            }
        }
    }

    /**
     * A container's view: the child JVM in its own cgroup namespace and mount namespace with the cgroup
     * hierarchies mounted anew, so {@code /proc/self/cgroup} says {@code /} and the mount root is the
     * jail (as with Docker's private cgroup namespace). Limits are read at the mount point.
     */
    @Test
    void containerWithOwnCgroupNamespaceAndMounts() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare(1)");
        try (CgroupJail jail = CgroupJail.create(300_000_000L, 0.5)) {
            Path log = dir.resolve("hs.log");
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "-C", "-m", "/bin/sh", "-c",
                    "umount /sys/fs/cgroup/memory && mount -t cgroup -o memory cgroup /sys/fs/cgroup/memory"
                            + " && umount /sys/fs/cgroup/cpu && mount -t cgroup -o cpu cgroup /sys/fs/cgroup/cpu"
                            + " && grep -E ':(memory|cpu):' /proc/self/cgroup && exec \"$@\"",
                    "container"));
            cmd.addAll(CgroupJail.javaCommand(Jdks.current(), HotSpotView.logOptions(log), LiveConfigMain.class,
                    List.of()));
            ChildJvm.Result r = CgroupJail.run(jail.wrap(cmd), dir, 60);
            assumeNamespacesPermitted(r);
            r.requireSuccess();
            assertTrue(r.output().contains(":memory:/\n"), "inside its namespace the process is at /:\n"
                    + r.output());
            HotSpotView hs = HotSpotView.of(log, r.output());
            assertEquals(299_999_232L, hs.liveLong("container.memoryLimitBytes"));
            assertEquals(hs.hotspotMemoryLimit(), hs.liveLong("container.memoryLimitBytes"));
            assertEquals("0.5", hs.live("container.cpuQuotaCores"));
            assertEquals("1", hs.live("container.effectiveCpus"));
        }
    }

    /**
     * A cgroup namespace without its own mount: the process's path is {@code /} while the mount shows
     * the host's hierarchy (root {@code /../../..}); the group is found by searching for the process.
     * HotSpot misses the limit here (JDK 17 fails to read it, JDK 25 reads the host's root).
     */
    @Test
    void cgroupNamespaceWithoutOwnMountIsSearched() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare(1)");
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            try (CgroupJail jail = CgroupJail.create(300_000_000L, 0.5)) {
                Path log = dir.resolve("hs-" + jdk.feature() + ".log");
                List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "-C", "/bin/sh", "-c",
                        "grep -E ' /sys/fs/cgroup/memory ' /proc/self/mountinfo && exec \"$@\"", "container"));
                cmd.addAll(CgroupJail.javaCommand(jdk, HotSpotView.logOptions(log), LiveConfigMain.class, List.of()));
                ChildJvm.Result r = CgroupJail.run(jail.wrap(cmd), dir, 60);
                assumeNamespacesPermitted(r);
                r.requireSuccess();
                assertTrue(r.output().contains(" /../"), "the mount root is above the namespace:\n" + r.output());
                HotSpotView hs = HotSpotView.of(log, r.output());
                assertEquals(299_999_232L, hs.liveLong("container.memoryLimitBytes"), jdk + " ours");
                assertEquals("0.5", hs.live("container.cpuQuotaCores"), jdk + " ours");
                System.out.println(jdk + " in a cgroup namespace without own mount: HotSpot reads "
                        + hs.hotspotMemoryLimitText() + ", the Java-side OperatingSystemMXBean "
                        + hs.live("osmxbean.totalMemorySize"));
            }
        }
    }

    /**
     * The injectable root on a copied real tree: a jailed process's {@code /proc} files and its cgroup
     * directories copied under a temporary directory read the same as the live files.
     */
    @Test
    void copiedTreeReadsLikeTheLiveOne() throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        try (CgroupJail parent = CgroupJail.create(400_000_000L, 0.5)) {
            CgroupJail jail = parent.child(300_000_000L, null);
            Process sleeper = startIn(jail);
            try {
                ContainerLimits live = Cgroups.system().read(sleeper.pid()).orElseThrow();
                Path root = dir.resolve("root");
                Path proc = Path.of("/proc", Long.toString(sleeper.pid()));
                for (String f : List.of("cgroup", "mountinfo", "status")) {
                    copy(proc.resolve(f), root);
                }
                for (Path leaf : List.of(jail.memoryDir(), jail.cpuDir())) {
                    for (Path d = leaf; d != null && d.startsWith("/sys/fs/cgroup/") && d.getNameCount() > 3;
                            d = d.getParent()) {
                        try (Stream<Path> files = Files.list(d)) {
                            for (Path f : (Iterable<Path>) files::iterator) {
                                if (Files.isRegularFile(f) && Files.isReadable(f)) {
                                    copy(f, root);
                                }
                            }
                        }
                    }
                }
                ContainerLimits copied = Cgroups.under(root).read(sleeper.pid()).orElseThrow();
                assertEquals(new ContainerLimits(live.source(), live.memoryLimitBytes(), live.memorySoftLimitBytes(),
                        live.swapLimitBytes(), live.cpuQuotaCores(), live.cpuShares(), live.effectiveCpus(),
                        copied.memoryUsageBytes()), copied);
                assertEquals(299_999_232L, copied.memoryLimitBytes());
                assertEquals(0.5, copied.cpuQuotaCores());
            } finally {
                stop(sleeper);
            }
        }
    }

    // ---- plumbing ----

    private HotSpotView runIn(CgroupJail jail, Jdks.Jdk jdk) throws IOException, InterruptedException {
        Path log = dir.resolve("hs-" + System.nanoTime() + ".log");
        ChildJvm.Result r = jail.runJava(jdk, dir, HotSpotView.logOptions(log), LiveConfigMain.class, List.of(), 60)
                .requireSuccess();
        return HotSpotView.of(log, r.output());
    }

    /** A {@code sleep} in the jail, started and settled (the shell has entered the groups and exec'd). */
    private Process startIn(CgroupJail mem) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(mem.wrap(List.of("sleep", "60"))).redirectErrorStream(true).start();
        String want = mem.memoryDir().getFileName().toString();
        for (int i = 0; i < 100; i++) {
            String cg = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cgroup"), StandardCharsets.UTF_8);
            if (cg.contains(want) && p.info().command().map(c -> c.endsWith("sleep")).orElse(false)) {
                return p;
            }
            Thread.sleep(20);
        }
        stop(p);
        throw new AssertionError("the process did not enter " + mem.memoryDir());
    }

    /** Skips when the sandbox forbids new namespaces or mounts (the shell failed before starting Java). */
    private static void assumeNamespacesPermitted(ChildJvm.Result r) {
        String out = r.output();
        boolean refused = r.exitCode() != 0 && !out.contains("live|")
                && (out.contains("unshare:") || out.contains("mount:") || out.contains("umount:"));
        assumeTrue(!refused, "namespaces or mounts not permitted here:\n" + out);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private static void copy(Path file, Path root) throws IOException {
        Path target = root.resolve(file.toString().substring(1));
        Files.createDirectories(target.getParent());
        try {
            Files.write(target, Files.readAllBytes(file));
        } catch (IOException e) {
            // write-only control files (memory.force_empty) cannot be read: a copy leaves them out
        }
    }

    private static Long readLong(Path file) throws IOException {
        return Long.valueOf(Files.readString(file).trim());
    }
}
