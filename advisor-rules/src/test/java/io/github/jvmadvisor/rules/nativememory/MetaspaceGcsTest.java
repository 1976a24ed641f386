package io.github.jvmadvisor.rules.nativememory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.ClassChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAT-02 on real runs: one whose metaspace threshold starts at 1 MB (JFR start-up loads classes past it), and
 * {@link ClassChurnWorkload} keeping its classes (growth) or dropping them (churn).
 */
class MetaspaceGcsTest {

    @TempDir
    Path dir;

    @Test
    void firesOnMetadataThresholdCollectionsAndSizesMetaspace() throws Exception {
        Path log = dir.resolve("meta.log");
        Path jfr = dir.resolve("meta.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-XX:MetaspaceSize=1m", "-Xmx64m",
                "-Xlog:gc*:file=" + log, "-XX:StartFlightRecording:filename=" + jfr), ChurnWorkload.class,
                List.of("1", "4", "1"), 120).requireSuccess();
        long lines = Files.readAllLines(log).stream().filter(l -> l.contains("Pause Full (Metadata GC Threshold)")
                && l.matches(".*ms$")).count();
        Report r = Advice.run(new MetaspaceGcs(), Advice.of(List.of(log), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals((double) lines, f.figures().get(0).value(), f::toString);
        assertTrue(lines >= 1);
        // 1.3x the committed peak when the log has it (the threshold is compared with committed), else used
        long used = (long) (double) f.figures().get(2).value();
        long base = f.figures().size() > 3 ? Math.max(used, (long) (double) f.figures().get(3).value()) : used;
        String expected = "-XX:MetaspaceSize=" + (long) Math.ceil(1.3 * base / (1 << 20)) + "m";
        assertEquals(List.of(expected), r.recommendations().get(0).flags());
        assertTrue(r.commandLine().startsOk());
        // the churn runs of the default threshold (21 MB) never hit it
        Path plain = dir.resolve("plain.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xlog:gc*:file=" + plain),
                ChurnWorkload.class, List.of("1", "4", "1"), 120).requireSuccess();
        assertTrue(Advice.findings(Advice.run(new MetaspaceGcs(), Advice.of(List.of(plain), null, null, null, 17), 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(Advice.run(new MetaspaceGcs(),
                Advice.ofCommandLine("-Xmx64m", null, null, 17), 17)).missing());
    }

    private Path churnRun(String name, List<String> flags, String count, String keep, boolean recording)
            throws Exception {
        Path log = dir.resolve(name + ".log");
        List<String> jvm = new ArrayList<>(flags);
        jvm.add("-Xmx128m");
        jvm.add("-Xlog:gc*:file=" + log);
        if (recording) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr"));
        }
        ChildJvm.run(Jdks.current(), dir, jvm, ClassChurnWorkload.class, List.of(count, keep), 120).requireSuccess();
        return log;
    }

    private static long metadataCollections(Path log) {
        return GcLogReader.read(List.of(InputSource.of(log)), e -> {
        }).analysis().metrics().collectionsByCause().getOrDefault("Metadata GC Threshold", 0L);
    }

    private static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).mapToDouble(Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f));
    }

    @Test
    void churnIsToldFromGrowthAndTheSpacingItPredictsHolds() throws Exception {
        // growth: every class kept; the threshold only ever rises, and MetaspaceSize ends it
        Path growth = churnRun("growth", List.of("-XX:+UseSerialGC"), "4000", "4000", false);
        Report g = Advice.run(new MetaspaceGcs(), Advice.of(List.of(growth), null, null, null, 17), 17);
        assertEquals(1, g.recommendations().size(), g::toString);
        assertEquals(Effect.Direction.ELIMINATE, g.recommendations().get(0).expectedEffect().direction());
        assertTrue(Advice.only(g).figures().stream().noneMatch(x -> x.name().equals("fewer collections at most")));

        // churn: 200 of 10,000 kept; each full collection unloads what was dropped
        Path churn = churnRun("churn", List.of("-XX:+UseSerialGC"), "10000", "200", true);
        Report c = Advice.run(new MetaspaceGcs(), Advice.of(List.of(churn), null, null, null, 17), 17);
        Finding f = Advice.only(c);
        assertTrue(f.summary().contains("of metaspace unloaded"), f::summary);
        assertEquals(2, c.recommendations().size(), c::toString);
        Report.Ranked keep = c.recommendations().get(0);
        Report.Ranked spacing = c.recommendations().get(1);
        assertTrue(keep.flags().isEmpty() && keep.action().contains("Cache"), keep::toString);
        assertEquals(Effect.Direction.DECREASE, spacing.expectedEffect().direction());
        assertTrue(spacing.flags().get(0).startsWith("-XX:MetaspaceSize="), spacing::toString);
        double bound = figure(f, "fewer collections at most");
        assertTrue(bound > 0 && bound < 1, f::toString);
        assertTrue(c.commandLine().startsOk());

        // the recording of the same run: its after-GC metaspace summary is taken before the unloaded space is
        // given back, so the churn shows in its class counts
        Report j = Advice.run(new MetaspaceGcs(), Advice.of(List.of(dir.resolve("churn.jfr")), null, null, null, 17),
                17);
        Finding jf = Advice.only(j);
        assertTrue(jf.summary().contains("classes unloaded"), jf::summary);
        assertTrue(figure(jf, "classes unloaded") >= figure(jf, "classes loaded at most") / 2, jf::toString);
        assertEquals(Effect.Direction.DECREASE, j.recommendations().get(1).expectedEffect().direction());

        // the same workload with the threshold suggested: fewer collections, and no more fewer than the bound
        long before = metadataCollections(churn);
        Path spaced = churnRun("spaced", List.of("-XX:+UseSerialGC", spacing.flags().get(0)), "10000", "200", false);
        long after = metadataCollections(spaced);
        System.out.printf("churn on Serial: %d -> %d metadata collections with %s; predicted at most %.0f %% fewer%n",
                before, after, spacing.flags().get(0), 100 * bound);
        assertTrue(after < before, before + " -> " + after);
        assertTrue(1 - (double) after / before <= bound + 1e-9, before + " -> " + after + ", bound " + bound);
    }

    @Test
    void g1ChurnFromTheRecording() throws Exception {
        churnRun("g1", List.of("-XX:+UseG1GC"), "12000", "200", true);
        Report r = Advice.run(new MetaspaceGcs(), Advice.of(List.of(dir.resolve("g1.jfr")), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertTrue(f.summary().contains("classes are defined and dropped again"), f::summary);
        assertTrue(r.recommendations().get(0).action().contains("Cache"), r::toString);
        assertEquals(Effect.Direction.DECREASE, r.recommendations().get(1).expectedEffect().direction());
    }
}
