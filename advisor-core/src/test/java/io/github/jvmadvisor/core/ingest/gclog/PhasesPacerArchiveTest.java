package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** G1 pause phases, Shenandoah's pacer and AOT cache lines, read from real logs. */
class PhasesPacerArchiveTest {

    private static GcLogResult corpus(String name) {
        Path f = SharedCorpus.require().resolve("gclog/generated/" + name);
        assumeTrue(Files.exists(f), name);
        GcLogResult r = GcLogReader.read(f);
        assertEquals(0, r.summary().unknownLines(), () -> r.summary().issues().toString());
        return r;
    }

    @Test
    void g1PhasesOfADebugLog() {
        for (String name : List.of("jdk17-g1-full.log.gz", "jdk25-g1-full.log.gz")) {
            GcLogResult r = corpus(name);
            GcMetrics m = r.analysis().metrics();
            GcMetrics.PausePhases ph = m.youngPhases();
            assertNotNull(ph, name);
            // every young and mixed pause of these logs prints its phases
            long youngAndMixed = m.pausesByKind().entrySet().stream()
                    .filter(e -> e.getKey().equals("young") || e.getKey().equals("mixed"))
                    .mapToLong(e -> e.getValue().count()).sum();
            assertEquals(youngAndMixed, ph.pauses(), name);
            for (String p : List.of("Merge Heap Roots", "Scan Heap Roots", "Code Root Scan", "Object Copy",
                    "Evacuate Collection Set")) {
                assertNotNull(ph.phase(p), name + ": " + p);
                assertEquals(ph.pauses(), ph.phase(p).pauses(), name + ": " + p);
            }
            // the top-level phases add up to about the pause time; worker rows (means) fit inside them
            double top = ph.phase("Pre Evacuate Collection Set").totalMillis() + ph.phase("Merge Heap Roots").totalMillis()
                    + ph.phase("Evacuate Collection Set").totalMillis()
                    + ph.phase("Post Evacuate Collection Set").totalMillis() + ph.phase("Other").totalMillis();
            assertEquals(1.0, top / ph.pauseMillis(), 0.05, name);
            assertTrue(ph.phase("Object Copy").totalMillis() < ph.phase("Evacuate Collection Set").totalMillis(), name);
            assertTrue(ph.phase("Object Copy").share() > 0.4, name); // this workload copies
            double rs = ph.rememberedSetShare();
            assertTrue(rs > 0.05 && rs < 0.2, name + ": " + rs);
            assertEquals(ph.phase("Merge Heap Roots").totalMillis() + ph.phase("Scan Heap Roots").totalMillis(),
                    ph.rememberedSetMillis(), 1e-6);
            assertNull(m.pacer(), name);
        }
    }

    @Test
    void g1PhasesOfAnInfoLogHaveNoWorkerRows() {
        GcMetrics.PausePhases ph = corpus("jdk17-g1-default.log.gz").analysis().metrics().youngPhases();
        assertNotNull(ph.phase("Merge Heap Roots"));
        assertNull(ph.phase("Scan Heap Roots"));
        assertEquals(377, ph.pauses()); // PROVENANCE.md: 377 young pauses
    }

    @Test
    void shenandoahPacer() {
        // JDK 17: 211 cycles; the tables' <total> rows sum to what the exit table calls "Pacing = 42.606 s"
        GcMetrics.Pacer p = corpus("jdk17-shenandoah-full.log.gz").analysis().metrics().pacer();
        assertNotNull(p);
        assertEquals(Double.POSITIVE_INFINITY, p.maxTaxRate());
        assertEquals(2, p.infiniteTaxRates());
        assertEquals(613, p.taxedPhases());
        assertEquals(p.taxedPhases(), p.taxRates().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(42.7, p.accruedMillis() / 1000, 0.2);
        assertEquals(1.07, p.accruedFraction(), 0.01);
        assertTrue(p.taxedAtOrAbove(10) > 0 && p.taxedAtOrAbove(10) < p.taxedPhases());
        assertEquals(p.taxedPhases(), p.taxedAtOrAbove(0));
        GcMetrics.Pacer p25 = corpus("jdk25-shenandoah-default.log.gz").analysis().metrics().pacer();
        assertEquals(22.6, p25.maxTaxRate(), 1e-9);
        assertEquals(0, p25.infiniteTaxRates());
        assertNull(corpus("jdk25-zgc-full.log.gz").analysis().metrics().pacer());
        assertNull(corpus("jdk25-zgc-full.log.gz").analysis().metrics().youngPhases());
        assertNull(corpus("jdk25-g1-full.log.gz").analysis().setup().archive());
    }

    @Test
    void aotCacheTrainedWithG1RunWithZgc(@TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = Jdks.feature(25).orElse(null);
        assumeTrue(jdk != null, "JDK 25 not found");
        List<String> app = List.of("-m", "jdk.jartool/sun.tools.jar.Main", "--version");
        ChildJvm.Result train = ChildJvm.raw(jdk, dir, concat(List.of("-XX:+UseG1GC", "-Xmx64m",
                "-XX:AOTCacheOutput=app.aot"), app), 60);
        assertEquals(0, train.exitCode(), train.output());
        ChildJvm.Result zgc = ChildJvm.raw(jdk, dir, concat(List.of("-XX:+UseZGC", "-Xmx64m", "-XX:AOTCache=app.aot",
                "-Xlog:gc*,aot*,cds*:file=zgc.log:time,uptime,level,tags"), app), 60);
        assertEquals(0, zgc.exitCode(), zgc.output()); // AOTMode=auto: the JVM runs without the cache
        ChildJvm.Result g1 = ChildJvm.raw(jdk, dir, concat(List.of("-XX:+UseG1GC", "-Xmx64m", "-XX:AOTCache=app.aot",
                "-Xlog:gc*,aot*,cds*:file=g1.log:time,uptime,level,tags"), app), 60);
        assertEquals(0, g1.exitCode(), g1.output());

        GcLogResult bad = GcLogReader.read(dir.resolve("zgc.log"));
        assertEquals(0, bad.summary().unknownLines());
        assertEquals(0, bad.summary().foreignLines(), () -> bad.summary().issues().toString());
        GcSetup.ArchiveUse a = bad.analysis().setup().archive();
        assertNotNull(a);
        assertEquals("aot", a.tag());
        assertEquals("app.aot", a.file());
        assertTrue(a.rejected());
        assertTrue(a.createdWith().contains("UseCompressedOops = 1"), a.createdWith());
        assertTrue(a.problems().contains("Unable to use AOT cache."), a.problems().toString());
        // the reason comes on a continuation line with blanked decorations
        assertTrue(a.problems().stream().anyMatch(s -> s.startsWith("The saved state of UseCompressedOops")
                && s.endsWith("CDS will be disabled.")), a.problems().toString());

        GcLogResult good = GcLogReader.read(dir.resolve("g1.log"));
        assertEquals(0, good.summary().unknownLines());
        GcSetup.ArchiveUse ok = good.analysis().setup().archive();
        assertEquals(Boolean.TRUE, ok.mapped());
        assertFalse(ok.rejected());
        assertTrue(ok.problems().isEmpty(), ok.problems().toString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
