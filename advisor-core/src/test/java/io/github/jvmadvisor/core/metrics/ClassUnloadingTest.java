package io.github.jvmadvisor.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.ingest.jfr.JfrReader;
import io.github.jvmadvisor.core.ingest.jfr.JfrResult;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ClassChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class unloading and collections by cause on real runs of {@link ClassChurnWorkload} (the running JDK and
 * JDK 25 beside it), checked against the recording of the same JVM: the classes it unloaded
 * ({@code jdk.ClassUnload}) and the collections it started ({@code jdk.GarbageCollection}).
 */
class ClassUnloadingTest {

    private static final Pattern METASPACE = Pattern.compile("Metaspace: (\\d+)K\\(\\d+K\\)->(\\d+)K");

    @TempDir
    Path dir;

    static List<Jdks.Jdk> jdks() {
        return Jdks.underTest();
    }

    /** What the recording says about the template's classes and the metadata-threshold collections. */
    record Recorded(long templatesUnloaded, long metadataCollections, long lastUnloadedStatistic) {
    }

    static Recorded recorded(Path jfr) throws IOException {
        long unloaded = 0;
        long collections = 0;
        long statistic = -1;
        try (RecordingFile rf = new RecordingFile(jfr)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.ClassUnload" -> {
                        if (e.getClass("unloadedClass").getName().endsWith("ClassChurnWorkload$Template")) {
                            unloaded++;
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        // a G1 cycle is a young collection (G1New) that starts it and a G1Old that spans it
                        if ("Metadata GC Threshold".equals(e.getString("cause")) && !"G1Old".equals(e.getString("name"))) {
                            collections++;
                        }
                    }
                    case "jdk.ClassLoadingStatistics" -> statistic = Math.max(statistic, e.getLong("unloadedClassCount"));
                    default -> {
                    }
                }
            }
        }
        return new Recorded(unloaded, collections, statistic);
    }

    private GcMetrics run(Jdks.Jdk jdk, String collector, String count, String keep, Path log, Path jfr)
            throws Exception {
        ChildJvm.run(jdk, dir, List.of("-XX:+Use" + collector + "GC", "-Xmx128m", "-Xlog:gc*:file=" + log,
                "-XX:StartFlightRecording=filename=" + jfr + ",jdk.ClassUnload#enabled=true"),
                ClassChurnWorkload.class, List.of(count, keep), 120).requireSuccess();
        return GcLogReader.read(List.of(InputSource.of(log)), e -> {
        }).analysis().metrics();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void serialLogShowsWhatEachCollectionUnloaded(Jdks.Jdk jdk) throws Exception {
        Path log = dir.resolve("churn.log");
        Path jfr = dir.resolve("churn.jfr");
        GcMetrics m = run(jdk, "Serial", "6000", "200", log, jfr);
        // each full collection prints use before and after: the falls, read here from the raw lines
        long falls = 0;
        long unloadings = 0;
        long previousAfter = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher x = METASPACE.matcher(line);
            if (x.find()) {
                long before = Long.parseLong(x.group(1)) * 1024;
                long after = Long.parseLong(x.group(2)) * 1024;
                assertTrue(previousAfter < 0 || before >= previousAfter, "use falls only in a collection: " + line);
                falls += before - after;
                unloadings += before - after >= 64 * 1024 ? 1 : 0;
                previousAfter = after;
            }
        }
        Recorded r = recorded(jfr);
        System.out.printf("%s Serial churn: unloaded %d KB in %d collections, peak %d KB; JFR: %d template classes "
                + "unloaded, %d metadata collections%n", jdk, m.metaspace().unloadedBytes() >> 10,
                m.metaspace().unloadings(), m.metaspace().peakUsedBytes() >> 10, r.templatesUnloaded(),
                r.metadataCollections());
        assertEquals(falls, (long) m.metaspace().unloadedBytes());
        assertEquals(unloadings, (long) m.metaspace().unloadings());
        // the recording saw the classes go: several thousand of the 5,800 dropped, a few KB of metaspace each
        assertTrue(r.templatesUnloaded() > 3000, r::toString);
        double perClass = (double) m.metaspace().unloadedBytes() / r.templatesUnloaded();
        assertTrue(perClass > 2_000 && perClass < 50_000, "bytes per unloaded class " + perClass);
        assertTrue(m.metaspace().unloadedBytes() > 2 * m.metaspace().peakUsedBytes(), "churn: " + m.metaspace());
        assertEquals(r.metadataCollections(), (long) m.collectionsByCause().get("Metadata GC Threshold"));
        assertEquals(r.metadataCollections(), (long) m.metaspace().unloadings(), "every one unloaded classes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void growthUnloadsNothing(Jdks.Jdk jdk) throws Exception {
        Path log = dir.resolve("growth.log");
        Path jfr = dir.resolve("growth.jfr");
        GcMetrics m = run(jdk, "Serial", "4000", "4000", log, jfr);
        Recorded r = recorded(jfr);
        assertEquals(0, r.templatesUnloaded());
        assertTrue(m.collectionsByCause().getOrDefault("Metadata GC Threshold", 0L) >= 1, m.collectionsByCause()::toString);
        assertTrue(m.metaspace().unloadedBytes() < 0.05 * m.metaspace().peakUsedBytes(), m.metaspace()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void g1CycleCountsOnceAndTheRecordingCountsClasses(Jdks.Jdk jdk) throws Exception {
        Path log = dir.resolve("g1.log");
        Path jfr = dir.resolve("g1.jfr");
        // long enough for several jdk.ClassLoadingStatistics (every second): with 12,000 classes (2 s) the last
        // sample could fall a second before the end, at 2,767 unloaded against 6,893 loaded at once
        GcMetrics m = run(jdk, "G1", "24000", "200", log, jfr);
        Recorded r = recorded(jfr);
        long collections = m.collectionsByCause().getOrDefault("Metadata GC Threshold", 0L);
        long pauses = m.pausesByCause().get("Metadata GC Threshold").count();
        System.out.printf("%s G1 churn: %d metadata collections (%d pauses), JFR %d; log unloaded %d KB, JFR %d "
                + "template classes unloaded, statistic %d%n", jdk, collections, pauses, r.metadataCollections(),
                m.metaspace().unloadedBytes() >> 10, r.templatesUnloaded(), r.lastUnloadedStatistic());
        assertEquals(r.metadataCollections(), collections);
        assertTrue(collections >= 2 && pauses > collections, "Remark and Cleanup carry the cycle's cause");
        List<String> starts = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains("(Metadata GC Threshold)") && line.matches(".*ms$") && line.contains("Pause Young")) {
                starts.add(line);
            }
        }
        assertEquals(starts.size(), collections);

        JfrResult j = JfrReader.read(InputSource.of(jfr));
        Resources.NativeMemory nm = j.resources().memory();
        assertNotNull(nm.classesUnloaded(), "a run of more than a second has jdk.ClassLoadingStatistics");
        assertEquals(r.lastUnloadedStatistic(), (long) nm.classesUnloaded());
        // the statistic is sampled every second, the events are all: never more, and most of them
        assertTrue(nm.classesUnloaded() <= r.templatesUnloaded() + 100, nm::toString);
        assertTrue(nm.classesUnloaded() >= nm.classesLoadedPeak() / 2, "churn shows in the counts: " + nm);
        assertEquals(collections, (long) j.gc().orElseThrow().metrics().collectionsByCause()
                .get("Metadata GC Threshold"), "the recording read as GC evidence counts the same");
    }
}
