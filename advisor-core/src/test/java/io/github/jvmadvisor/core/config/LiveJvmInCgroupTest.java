package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that {@link LiveJvm} reads a container as HotSpot does: a child JVM of each JDK in a real
 * cgroup with a memory limit and half a CPU prints {@link LiveJvm#config()}, and HotSpot logs its own
 * reading of the same cgroup ({@code -Xlog:os+container=trace}). They must agree to the byte and the
 * microsecond, and the heap HotSpot chose must be what the limit implies.
 */
class LiveJvmInCgroupTest {

    @TempDir
    Path dir;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    /**
     * 1 GiB and 0.5 CPU: the JVM counts 1 CPU, so it picks Serial (fewer than 2 CPUs is not a server
     * class machine), and above 512 MB the default heap is 25 % of the limit: 256 MiB exactly.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void oneGigabyteAndHalfACpu(Jdks.Jdk jdk) throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        try (CgroupJail jail = CgroupJail.create(1L << 30, 0.5)) {
            Path log = dir.resolve("hs.log");
            ChildJvm.Result r = jail.runJava(jdk, dir, HotSpotView.logOptions(log), LiveConfigMain.class, List.of(), 60)
                    .requireSuccess();
            HotSpotView hs = HotSpotView.of(log, r.output());

            assertEquals(hs.hotspotCgroupVersion(), hs.live("container.source"));
            assertEquals(Cgroups.SOURCE_V1, hs.live("container.source"));
            long limit = jail.memoryLimitBytes();
            assertEquals(1L << 30, limit);
            assertEquals(hs.hotspotMemoryLimit(), hs.liveLong("container.memoryLimitBytes"), "memory limit");
            assertEquals(limit, hs.liveLong("container.memoryLimitBytes"));

            assertEquals(hs.hotspotCpuQuotaCores(), Double.valueOf(hs.live("container.cpuQuotaCores")), "CPU quota");
            assertEquals(0.5, Double.parseDouble(hs.live("container.cpuQuotaCores")));
            assertEquals(hs.hotspotActiveProcessors(), Integer.valueOf(hs.live("container.effectiveCpus")));
            assertEquals("1", hs.live("container.effectiveCpus"));
            assertEquals("1", hs.live("runtime.availableProcessors"));

            assertEquals(limit / 4 + " ergonomic", hs.live("flag.MaxHeapSize"), "25 % of the limit");
            assertEquals("SERIAL", hs.live("collector"));
            assertEquals("true ergonomic", hs.live("flag.UseSerialGC"));

            // the machine is still the host's
            assertEquals(hs.hotspotHostMemory(), hs.liveLong("machine.physicalMemoryBytes"));
            assertNotNull(hs.liveLong("container.memoryUsageBytes"));
            assertTrue(hs.liveLong("container.memoryUsageBytes") < limit);
        }
    }

    /**
     * 300 MB, the size of many small containers: the limit HotSpot reads, page-rounded, equals ours; the
     * heap falls to HotSpot's floor (about 126 MB) rather than 25 %.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void threeHundredMegabytes(Jdks.Jdk jdk) throws Exception {
        assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1 memory and cpu hierarchies");
        try (CgroupJail jail = CgroupJail.create(300_000_000L, null)) {
            Path log = dir.resolve("hs.log");
            ChildJvm.Result r = jail.runJava(jdk, dir, HotSpotView.logOptions(log), LiveConfigMain.class, List.of(), 60)
                    .requireSuccess();
            HotSpotView hs = HotSpotView.of(log, r.output());
            assertEquals(299_999_232L, hs.liveLong("container.memoryLimitBytes"));
            assertEquals(hs.hotspotMemoryLimit(), hs.liveLong("container.memoryLimitBytes"));
            assertEquals("null", String.valueOf(hs.live("container.cpuQuotaCores")));
            long maxHeap = Long.parseLong(hs.live("flag.MaxHeapSize").split(" ")[0]);
            assertTrue(maxHeap > 299_999_232L / 4 && maxHeap < 299_999_232L / 2, "between 25 and 50 %: " + maxHeap);
        }
    }
}
