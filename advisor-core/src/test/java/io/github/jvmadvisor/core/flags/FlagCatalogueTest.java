package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.Collector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bundled catalogues say what rules.md sections 4, 5 and 8 say (verified there on 17.0.15 and 25.0.3). */
class FlagCatalogueTest {

    private static final FlagCatalogue J17 = FlagCatalogue.forJdk(17);
    private static final FlagCatalogue J21 = FlagCatalogue.forJdk(21);
    private static final FlagCatalogue J25 = FlagCatalogue.forJdk(25);

    private static FlagInfo flag(FlagCatalogue c, String name) {
        return c.flag(name).orElseThrow(() -> new AssertionError(name + " not in " + c));
    }

    @Test
    void bundledReleases() {
        assertEquals("17.0.15+6-Debian-1deb12u1", J17.version());
        assertEquals("25.0.3+9-LTS", J25.version());
        assertTrue(J21.derived());
        assertFalse(J17.derived());
        assertTrue(J17.exact());
        assertFalse(J21.exact());
        assertSame(J25, FlagCatalogue.forJdk(25), "loaded once");
        assertEquals(Collector.G1, J25.about().ergonomicCollector());
        assertTrue(J25.about().gcModes().contains("Shenandoah-generational"));
        assertFalse(J17.about().gcModes().contains("Shenandoah-generational"));
        assertTrue(J21.about().gcModes().contains("ZGC-generational"));
    }

    @Test
    void otherReleasesUseTheNearestLowerOne() {
        FlagCatalogue j26 = FlagCatalogue.forJdk(26);
        assertTrue(j26.approximate());
        assertEquals(25, j26.feature());
        assertEquals(26, j26.requestedFeature());
        assertTrue(j26.describe().contains("standing in for JDK 26"), j26.describe());
        assertEquals(21, FlagCatalogue.forJdk(24).feature());
        assertEquals(17, FlagCatalogue.forJdk(18).feature());
        assertThrows(IllegalArgumentException.class, () -> FlagCatalogue.forJdk(11));
    }

    @Test
    void zGenerationalAcrossReleases() {
        assertEquals(Availability.REMOVED, flag(J17, "ZGenerational").availability());
        assertEquals("Unrecognized VM option 'ZGenerational'", flag(J17, "ZGenerational").jvmMessage());
        FlagInfo z21 = flag(J21, "ZGenerational");
        assertEquals(Availability.AVAILABLE, z21.availability());
        assertEquals(FlagKind.PRODUCT, z21.kind());
        assertEquals("false", z21.defaultValue());
        assertTrue(z21.certain());
        assertTrue(z21.note().contains("JEP 439"));
        FlagInfo z25 = flag(J25, "ZGenerational");
        assertEquals(Availability.OBSOLETE, z25.availability());
        assertEquals("24.0", z25.since());
        assertEquals("Ignoring option ZGenerational; support was removed in 24.0", z25.jvmMessage());
    }

    @Test
    void ramFractionFamily() {
        for (String name : List.of("MaxRAMFraction", "MinRAMFraction", "InitialRAMFraction")) {
            assertEquals(Availability.DEPRECATED, flag(J17, name).availability(), name);
            assertEquals("10.0", flag(J17, name).since());
            assertEquals(Availability.DEPRECATED, flag(J21, name).availability(), name);
            assertEquals(Availability.REMOVED, flag(J25, name).availability(), name);
        }
        assertTrue(flag(J25, "MaxRAMFraction").advice().contains("MaxRAMPercentage"));
        assertEquals("4", flag(J17, "MaxRAMFraction").defaultValue());
    }

    @Test
    void lintListFromRulesMd() {
        for (String name : List.of("UseConcMarkSweepGC", "UseParallelOldGC", "UseCGroupMemoryLimitForHeap",
                "AggressiveOpts", "UseMembar", "UseLargePagesInMetaspace", "PermSize")) {
            assertEquals(Availability.REMOVED, flag(J17, name).availability(), name);
            assertEquals(Availability.REMOVED, flag(J25, name).availability(), name);
        }
        for (String name : List.of("MinInliningThreshold", "UseBiasedLocking", "RefDiscoveryPolicy",
                "G1UsePreventiveGC", "G1EagerReclaimHumongousObjects", "GCLockerRetryAllocationCount",
                "ScavengeBeforeFullGC", "UseContainerCpuShares")) {
            assertTrue(flag(J17, name).exists(), name);
            assertEquals(Availability.REMOVED, flag(J25, name).availability(), name);
        }
        assertEquals(Availability.DEPRECATED, flag(J17, "UseBiasedLocking").availability());
        assertEquals("15.0", flag(J17, "UseBiasedLocking").since());
        assertEquals(Availability.AVAILABLE, flag(J17, "UseCompressedClassPointers").availability());
        assertEquals(Availability.DEPRECATED, flag(J25, "UseCompressedClassPointers").availability());
        assertEquals("25.0", flag(J25, "UseCompressedClassPointers").since());
        assertEquals(Availability.REMOVED, flag(J17, "UseCompactObjectHeaders").availability());
        assertEquals(FlagKind.PRODUCT, flag(J25, "UseCompactObjectHeaders").kind());
        assertEquals(Availability.REMOVED, flag(J21, "UseCompactObjectHeaders").availability());
        assertTrue(flag(J25, "PrintGCDetails").jvmMessage().contains("Will use -Xlog:gc* instead"));
    }

    @Test
    void manageableFlagsAreTheDocumentedOnes() {
        Set<String> m17 = new TreeSet<>(List.of("G1PeriodicGCInterval", "G1PeriodicGCSystemLoadThreshold",
                "HeapDumpAfterFullGC", "HeapDumpBeforeFullGC", "HeapDumpGzipLevel", "HeapDumpOnOutOfMemoryError",
                "HeapDumpPath", "MaxHeapFreeRatio", "MinHeapFreeRatio", "PrintClassHistogram", "PrintConcurrentLocks",
                "ShowCodeDetailsInExceptionMessages", "SoftMaxHeapSize"));
        Set<String> m25 = new TreeSet<>(m17);
        m25.add("FullGCHeapDumpLimit");
        assertEquals(m17, manageable(J17));
        assertEquals(m25, manageable(J25));
    }

    private static Set<String> manageable(FlagCatalogue c) {
        Set<String> out = new TreeSet<>();
        c.flags().stream().filter(FlagInfo::manageable).forEach(f -> out.add(f.name()));
        return out;
    }

    @Test
    void perCollectorDefaults() {
        FlagInfo ratio = flag(J25, "GCTimeRatio");
        assertEquals("12", ratio.defaultFor("G1"));
        assertEquals("99", ratio.defaultFor("Parallel"));
        assertEquals("99", ratio.defaultFor("ZGC"));
        assertEquals("70", ratio.defaultFor("Shenandoah-generational"), "rules.md 4.1");
        assertEquals("1.000000", flag(J17, "ZAllocationSpikeTolerance").defaultFor("ZGC"), "rules.md 4.4");
        assertEquals("2.000000", flag(J25, "ZAllocationSpikeTolerance").defaultFor("ZGC"));
        assertEquals("5.000000", flag(J25, "ZFragmentationLimit").defaultValue());
        assertEquals("25.000000", flag(J17, "ZFragmentationLimit").defaultValue());
        assertEquals("200", flag(J17, "MaxGCPauseMillis").defaultFor("G1"));
        assertTrue(flag(J25, "MaxHeapSize").ergonomicDefault());
        assertNull(flag(J25, "SharedBaseAddress").defaultValue(), "changes from run to run");
    }

    @Test
    void kindsRangesAndCollectors() {
        assertEquals(FlagKind.EXPERIMENTAL, flag(J17, "G1NewSizePercent").kind());
        assertEquals("UnlockExperimentalVMOptions", flag(J25, "G1MixedGCLiveThresholdPercent").unlockFlag());
        assertEquals(FlagKind.DIAGNOSTIC, flag(J25, "ReduceAllocationMerges").kind());
        assertEquals(FlagKind.EXPERIMENTAL, flag(J25, "ShenandoahMinFreeThreshold").kind());
        assertEquals(new FlagRange("0", "33554432"), flag(J17, "G1HeapRegionSize").range());
        assertEquals(new FlagRange("0", "536870912"), flag(J25, "G1HeapRegionSize").range());
        assertEquals(new FlagRange("0", "536870912"), flag(J21, "G1HeapRegionSize").range());
        assertEquals(Set.of(Collector.G1, Collector.PARALLEL), flag(J25, "MaxGCPauseMillis").collectors());
        assertEquals(Set.of(Collector.G1, Collector.SHENANDOAH), flag(J17, "UseStringDeduplication").collectors());
        assertTrue(flag(J25, "UseStringDeduplication").collectors().isEmpty(), "all collectors since 18");
        assertTrue(flag(J21, "UseStringDeduplication").collectors().isEmpty());
        assertEquals(Set.of(Collector.ZGC), flag(J25, "ZUncommit").collectors());
        assertTrue(flag(J25, "ZeroTLAB").collectors().isEmpty(), "Z then lower case is not ZGC");
        assertTrue(flag(J25, "SoftMaxHeapSize").appliesTo(Collector.ZGC));
        assertFalse(flag(J25, "SoftMaxHeapSize").appliesTo(Collector.G1));
    }

    @Test
    void wordValuedFlags() {
        assertEquals(FlagKind.EXPERIMENTAL, flag(J17, "ShenandoahGCMode").acceptedValues().get("iu"));
        assertNull(flag(J17, "ShenandoahGCMode").acceptedValues().get("generational"));
        assertEquals(FlagKind.PRODUCT, flag(J25, "ShenandoahGCMode").acceptedValues().get("generational"));
        assertNull(flag(J25, "ShenandoahGCMode").acceptedValues().get("iu"));
        assertEquals(FlagKind.DIAGNOSTIC, flag(J25, "ShenandoahGCHeuristics").acceptedValues().get("aggressive"));
        assertEquals(Set.of("off", "summary", "detail"), flag(J25, "NativeMemoryTracking").acceptedValues().keySet());
    }

    @Test
    void launcherOptions() {
        assertEquals(Availability.DEPRECATED, J17.launcherOption("-Xfuture").orElseThrow().availability());
        assertEquals(Availability.REMOVED, J25.launcherOption("-Xfuture").orElseThrow().availability());
        assertEquals(Availability.OBSOLETE, J25.launcherOption("--illegal-access=deny").orElseThrow().availability());
        assertEquals(Availability.DEPRECATED, J25.launcherOption("-Xloggc:/var/log/gc.log").orElseThrow()
                .availability());
        assertTrue(J25.launcherOption("-Xlog:gc").isEmpty());
        assertTrue(J25.isListedXOption("-Xlog:gc*:file=gc.log"));
        assertTrue(J25.isListedXOption("-Xlog"));
        assertTrue(J25.isListedXOption("-Xmx2g"));
        assertTrue(J25.isListedXOption("-Xverify:remote"));
        assertTrue(J25.isListedXOption("-Xshare:off"));
        assertFalse(J25.isListedXOption("-Xbogus"));
    }

    @Test
    void suggestions() {
        assertEquals("UseParallelGC", J25.suggestions("UseParalelGC").get(0));
        assertEquals("MaxGCPauseMillis", J25.suggestions("maxgcpausemillis").get(0), "case");
        assertEquals("MaxGCPauseMillis", J25.suggestions("MaxGCPauseMilis").get(0));
        assertEquals("InitiatingHeapOccupancyPercent", J25.suggestions("InitiatingHeapOcupancyPercent").get(0));
        assertTrue(J25.suggestions("Xyzzy").isEmpty());
        assertTrue(J25.suggestions("UseConcMarkSweepGC").stream().noneMatch(s -> s.equals("UseConcMarkSweepGC")),
                "only existing flags are suggested");
    }

    @Test
    void jsonRoundTripIsExact() throws IOException {
        for (FlagCatalogue c : List.of(J17, J21, J25)) {
            String json = c.toJson();
            FlagCatalogue back = FlagCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(json, back.toJson(), "write(read(x)) == x for " + c);
            assertEquals(c.flags(), back.flags());
        }
    }

    @Test
    void badCatalogueFilesAreRefusedWithAReason() {
        IOException e = assertThrows(IOException.class, () -> FlagCatalogue.read(
                new ByteArrayInputStream("{\"schema\": 99}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("schema 99"), e.getMessage());
        assertThrows(IOException.class, () -> FlagCatalogue.read(
                new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> FlagCatalogue.read(new ByteArrayInputStream(
                "{\"schema\":1,\"feature\":25,\"version\":\"x\",\"flags\":[{\"name\":\"A\",\"availability\":\"gone\"}]}"
                        .getBytes(StandardCharsets.UTF_8))));
    }
}
