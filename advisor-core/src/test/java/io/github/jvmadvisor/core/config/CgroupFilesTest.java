package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.ContainerLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smallest units of {@link Cgroups} on built trees: cgroup v2 (this test host has v1 controllers
 * only, so v2 cannot be made real here; the file contents are as the kernel prints them), mountinfo
 * escapes, the v1 sentinels, and roots with nothing to read.
 */
class CgroupFilesTest {

    @TempDir
    Path root;

    /** A Kubernetes-style container on a v2 host: its own cgroup namespace, the pod's group mounted at /sys/fs/cgroup. */
    @Test
    void v2ContainerWithLimits() throws IOException {
        proc("0::/\n", "1520 1511 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate\n");
        Path cg = root.resolve("sys/fs/cgroup");
        write(cg, "memory.max", "314572800\n");
        write(cg, "memory.high", "max\n");
        write(cg, "memory.swap.max", "0\n");
        write(cg, "memory.current", "12345678\n");
        write(cg, "cpu.max", "150000 100000\n");
        write(cg, "cpu.weight", "79\n");
        write(root.resolve("proc/7"), "status", "Name:\tjava\nCpus_allowed_list:\t0-7\n");

        ContainerLimits c = Cgroups.under(root).read(7).orElseThrow();
        assertEquals(new ContainerLimits("cgroup-v2", 314_572_800L, null, 314_572_800L, 1.5, 79L, 2, 12_345_678L), c);
    }

    /** The host's view of a pod on v2: the pod's limit binds its unlimited container; the tighter quota wins. */
    @Test
    void v2WalksUpToTheMount() throws IOException {
        proc("0::/kubepods.slice/pod1/ctr\n", "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw\n");
        Path cg = root.resolve("sys/fs/cgroup");
        write(cg, "cgroup.controllers", "cpuset cpu io memory pids\n"); // the root group has no memory.max
        write(cg.resolve("kubepods.slice"), "memory.max", "max\n");
        write(cg.resolve("kubepods.slice"), "cpu.max", "max 100000\n");
        write(cg.resolve("kubepods.slice/pod1"), "memory.max", "524288000\n");
        write(cg.resolve("kubepods.slice/pod1"), "cpu.max", "200000 100000\n");
        write(cg.resolve("kubepods.slice/pod1/ctr"), "memory.max", "max\n");
        write(cg.resolve("kubepods.slice/pod1/ctr"), "memory.swap.max", "max\n");
        write(cg.resolve("kubepods.slice/pod1/ctr"), "cpu.max", "50000 100000\n");

        ContainerLimits c = Cgroups.under(root).read(7).orElseThrow();
        assertEquals("cgroup-v2", c.source());
        assertEquals(524_288_000L, c.memoryLimitBytes());
        assertNull(c.swapLimitBytes(), "swap.max is max: memory plus swap is unbounded");
        assertEquals(0.5, c.cpuQuotaCores());
        assertNull(c.effectiveCpus(), "no status file: the allowed CPUs are unknown");
    }

    /** The memory controller enabled for the pod but not delegated to its child: the pod's limit still binds. */
    @Test
    void v2ControllerNotEnabledAtTheLeaf() throws IOException {
        proc("0::/pod1/ctr\n", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Path cg = root.resolve("sys/fs/cgroup");
        write(cg.resolve("pod1"), "memory.max", "524288000\n");
        write(cg.resolve("pod1"), "memory.current", "1000\n");
        write(cg.resolve("pod1/ctr"), "cgroup.procs", "7\n");
        ContainerLimits c = Cgroups.under(root).read(7).orElseThrow();
        assertEquals("cgroup-v2", c.source());
        assertEquals(524_288_000L, c.memoryLimitBytes());
        assertEquals(1000L, c.memoryUsageBytes(), "counted where the controller is");
    }

    /** "max" everywhere: looked, found no limit; the record is there with null limits. */
    @Test
    void v2WithoutLimits() throws IOException {
        proc("0::/user.slice\n", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        write(root.resolve("sys/fs/cgroup/user.slice"), "memory.max", "max\n");
        write(root.resolve("sys/fs/cgroup/user.slice"), "cpu.max", "max 100000\n");
        ContainerLimits c = Cgroups.under(root).read(7).orElseThrow();
        assertEquals(new ContainerLimits("cgroup-v2", null, null, null, null, null, null, null), c);
    }

    /** A pure v2 host, process in the root group: no controller files at all, still "looked". */
    @Test
    void v2RootGroup() throws IOException {
        proc("0::/\n", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Files.createDirectories(root.resolve("sys/fs/cgroup"));
        assertEquals(Optional.of(new ContainerLimits("cgroup-v2", null, null, null, null, null, null, null)),
                Cgroups.under(root).read(7));
    }

    @Test
    void nothingToReadIsEmpty() throws IOException {
        assertEquals(Optional.empty(), Cgroups.under(root).read(7));
        assertEquals(Optional.empty(), Cgroups.under(root).readSelf());
        // /proc without any cgroup mount (a chroot, a minimal sandbox)
        proc("0::/\n", "22 1 0:21 / / rw - ext4 /dev/vda rw\n");
        assertEquals(Optional.empty(), Cgroups.under(root).read(7));
    }

    @Test
    void v1SentinelsAreUnlimited() {
        assertNull(Cgroups.v1Memory("9223372036854771712"), "4 KB pages");
        assertNull(Cgroups.v1Memory("9223372036854710272"), "64 KB pages");
        assertNull(Cgroups.v1Memory("-1"));
        assertNull(Cgroups.v1Memory("18446744073709551615"), "does not fit a long");
        assertNull(Cgroups.v1Memory("garbage"));
        assertEquals(299_999_232L, Cgroups.v1Memory("299999232"));
    }

    @Test
    void mountinfoEscapesAndOptionalFields() {
        List<Cgroups.Mount> mounts = Cgroups.parseMounts(
                "35 31 0:32 /my\\040group /sys/fs/cgroup/memory rw,relatime shared:9 master:2 - cgroup cgroup rw,memory\n"
                        + "garbage line\n"
                        + "36 31 0:33 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n");
        assertEquals(2, mounts.size());
        assertEquals("/my group", mounts.get(0).root());
        assertTrue(mounts.get(0).controllers().contains("memory"));
        assertEquals("/sys/fs/cgroup/cpu,cpuacct", mounts.get(1).mountPoint());
        assertTrue(mounts.get(1).controllers().contains("cpuacct"));
    }

    @Test
    void membershipPathsMayHoldColons() {
        List<Cgroups.Membership> m = Cgroups.parseMemberships("4:memory:/a:b\n0::/\n\nbad\n");
        assertEquals(2, m.size());
        assertEquals("/a:b", m.get(0).path());
        assertTrue(m.get(1).controllers().isEmpty());
    }

    private void proc(String cgroup, String mountinfo) throws IOException {
        write(root.resolve("proc/7"), "cgroup", cgroup);
        write(root.resolve("proc/7"), "mountinfo", mountinfo);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }
}
