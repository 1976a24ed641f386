package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real logs in {@code ../shared/corpus/gclog}: the generated ones must give the counts their
 * {@code PROVENANCE.md} states, and every unified log must read without an unknown line. Skipped
 * when the corpus is absent.
 */
class CorpusTest {

    /** One row of the generated logs' PROVENANCE table. */
    record Row(String file, long lines, long pauses, double totalSeconds, Map<String, Long> kinds) {
    }

    @TestFactory
    Stream<DynamicTest> generatedLogsMatchTheirProvenance() throws IOException {
        Path dir = SharedCorpus.require().resolve("gclog/generated");
        List<Row> rows = provenance(dir.resolve("PROVENANCE.md"));
        assertEquals(20, rows.size(), "rows in PROVENANCE.md");
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.file(), () -> {
            GcLogResult r = GcLogReader.read(dir.resolve(row.file()));
            InputSummary s = r.summary();
            GcMetrics m = r.analysis().metrics();
            assertEquals(row.lines(), s.lines(), "lines");
            assertEquals(0, s.unknownLines(), () -> "unknown lines: " + s.issues());
            assertEquals(List.of(), s.issues());
            // the plain pattern count behind PROVENANCE counts JDK 17 Serial's abandoned young attempts as
            // pauses of their own; the reader counts each one in the full collection of the same safepoint
            long folded = m.fullGcs().afterAbandonedYoung();
            assertEquals(row.pauses(), m.pauses().count() + folded, "pauses");
            assertEquals(row.totalSeconds(), m.pauses().totalMillis() / 1000, 0.00005, "total pause seconds");
            Map<String, Long> kinds = actualKinds(m);
            if (folded > 0) {
                kinds.merge("young", folded, Long::sum);
            }
            assertEquals(expectedKinds(row), kinds, "pauses per kind");
            if (folded > 0) {
                assertEquals("jdk17-serial", row.file().substring(0, 12), "only JDK 17 Serial abandons young GCs");
            }
            String[] parts = row.file().split("-");
            assertEquals(Integer.parseInt(parts[0].substring(3)), r.analysis().setup().jdkVersion());
            assertEquals(Collector.of(parts[1].equals("zgc") ? "ZGC" : parts[1]), r.analysis().setup().collector());
            assertNotNull(m.allocationRateBytesPerSec());
            assertNotNull(m.liveSet().bytes());
            assertEquals(40, m.durationSeconds(), 0.5);
        }));
    }

    /** PROVENANCE names kinds as logged ({@code Pause Young}, {@code y: Pause Mark Start}); map to ours. */
    private static Map<String, Long> expectedKinds(Row row) {
        Map<String, Long> out = new HashMap<>();
        row.kinds().forEach((name, n) -> {
            String k = name.replaceFirst("^[yYO]: ", "").replace("Pause ", "").toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '-').replace("degenerated-gc", "degenerated");
            out.merge(k, n, Long::sum);
        });
        return out;
    }

    private static Map<String, Long> actualKinds(GcMetrics m) {
        Map<String, Long> out = new HashMap<>();
        // PROVENANCE counts G1 mixed collections as "Pause Young (Mixed)"
        m.pausesByKind().forEach((k, v) -> out.merge(k.equals("mixed") ? "young" : k, v.count(), Long::sum));
        return out;
    }

    private static List<Row> provenance(Path md) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(md)) {
            if (!line.startsWith("| jdk")) {
                continue;
            }
            String[] c = line.split("\\|");
            Map<String, Long> kinds = new HashMap<>();
            for (String kv : c[6].split(",")) {
                int colon = kv.lastIndexOf(':');
                kinds.put(kv.substring(0, colon).trim(), Long.parseLong(kv.substring(colon + 1).trim()));
            }
            rows.add(new Row(c[1].trim(), Long.parseLong(c[2].trim()), Long.parseLong(c[4].trim()),
                    Double.parseDouble(c[5].trim()), kinds));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> publicUnifiedLogsHaveNoUnknownLine() throws IOException {
        Path dir = SharedCorpus.require().resolve("gclog/public");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().contains("unified"))
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE.md")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "unified logs found: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> {
            GcLogResult r = GcLogReader.read(f);
            assertEquals(0, r.summary().unknownLines(), () -> "unknown lines: " + r.summary().issues());
            assertTrue(r.summary().issues().stream().noneMatch(i -> i.code().equals(InputIssue.UNKNOWN_LINE)));
            assertTrue(r.summary().lines() > 0);
        }));
    }

    @Test
    void rotatedSetWithRestartsIsOneInputOfSeveralRuns() throws IOException {
        Path dir = SharedCorpus.require().resolve("gclog/public/gctoolkit/rotated/unified-g1");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith("short_restart_4")).toList());
        }
        assertEquals(5, files.size());
        long separately = 0;
        for (Path f : files) {
            separately += GcLogReader.read(f).analysis().metrics().pauses().count();
        }
        Collections.shuffle(files, new java.util.Random(7));
        Evidence e = Analyzer.analyze(files);
        assertEquals(1, e.inputs().size(), "one log");
        InputSummary s = e.inputs().get(0);
        assertEquals(5, s.members().size());
        GcMetrics m = e.gc().orElseThrow().metrics();
        assertEquals(5, m.runs(), "every member starts a fresh JVM (uptime near zero)");
        assertEquals(separately, m.pauses().count(), "the set has the pauses of its members");
        assertTrue(s.issues().stream().anyMatch(i -> i.code().equals(InputIssue.ORDER)),
                "without wall-clock time the order of runs is reported as unknowable");
    }

    @Test
    void zippedRotatedSetIsReadInContentOrder() throws IOException {
        Path zip = SharedCorpus.require().resolve("gclog/public/gctoolkit/rotated/zip/rollover.zip");
        Evidence e = Analyzer.analyze(List.of(zip));
        assertEquals(1, e.inputs().size());
        InputSummary s = e.inputs().get(0);
        assertEquals(6, s.members().size(), "rollover.log and rollover.log.0 to .4");
        assertEquals(0, s.unknownLines(), () -> s.issues().toString());
        GcMetrics m = e.gc().orElseThrow().metrics();
        assertEquals(1, m.runs(), "one JVM, rotated");
        // the members' first uptimes must increase in reading order
        double last = -1;
        for (String member : s.members()) {
            InputSource src = InputSource.expand(zip).stream().filter(x -> x.name().equals(member)).findFirst()
                    .orElseThrow();
            double first = firstUptime(src);
            assertTrue(first > last, "reading order by content: " + s.members());
            last = first;
        }
        assertFalse(s.members().get(0).endsWith("rollover.log"), "the base name holds the newest data");
    }

    private static double firstUptime(InputSource src) throws IOException {
        try (var in = src.open(); var r = new java.io.BufferedReader(new java.io.InputStreamReader(in))) {
            String line;
            while ((line = r.readLine()) != null) {
                var m = java.util.regex.Pattern.compile("^\\[(\\d+\\.\\d+)s\\]").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return -1;
    }
}
