package io.github.jvmadvisor.core.ingest.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.LatencyWindow;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interval log of the shared corpus ({@code corpus/hlog}), cross-checked against HdrHistogram's
 * own {@link HistogramLogReader}: per tag, the number of intervals, the total count and the maximum
 * must agree exactly, and so must the percentiles of the whole run and of time windows (computed on
 * the library's side by adding its histograms).
 */
class HdrLogCorpusTest {

    /** The well-formed logs: every interval line decodes. */
    static Stream<String> validLogs() {
        return Stream.of("HdrHistogram-java__jHiccup-2.0.1.logV0.hlog", "HdrHistogram-java__jHiccup-2.0.6.logV1.hlog",
                "HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog", "HdrHistogram-java__tagged-Log.logV2.hlog",
                "HdrHistogram-java__ycsb.logV1.hlog", "HdrHistogramVisualizer__jHiccup-2tags.hlog",
                "HdrHistogramVisualizer__jHiccup-osx.hlog", "HdrHistogramVisualizer__jHiccup-win.hlog",
                "HdrHistogram_c__hiccup.140623.1028.10646.hlog", "HdrHistogram_c__jHiccup-2.0.7S.logV3.hlog",
                "HdrHistogram_py__raphael.hlog");
    }

    private static Path file(String name) {
        return SharedCorpus.require().resolve("hlog").resolve(name);
    }

    private static HdrLogResult read(String name) {
        return HdrLogReader.read(InputSource.of(file(name)));
    }

    /** The library's view of a log: histograms by tag ("" for untagged), in order. */
    private static Map<String, List<EncodableHistogram>> library(Path file) throws Exception {
        Map<String, List<EncodableHistogram>> byTag = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader r = new HistogramLogReader(in);
            try {
                EncodableHistogram h;
                while ((h = r.nextIntervalHistogram()) != null) {
                    byTag.computeIfAbsent(h.getTag() == null ? "" : h.getTag(), k -> new ArrayList<>()).add(h);
                }
            } catch (NoSuchElementException e) {
                // the library's scanner fails on a trailing blank line after the last interval
            }
        }
        return byTag;
    }

    private static Histogram sum(List<EncodableHistogram> hs) {
        Histogram sum = new Histogram(3);
        hs.forEach(h -> sum.add((Histogram) h));
        return sum;
    }

    @ParameterizedTest
    @MethodSource("validLogs")
    void agreesWithHdrHistogramsOwnReader(String name) throws Exception {
        HdrLogResult r = read(name);
        Map<String, List<EncodableHistogram>> lib = library(file(name));
        assertEquals(lib.size(), r.log().series().size(), "tags");
        assertEquals(0, r.summary().unknownLines(), r.summary().issues().toString());
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        for (Map.Entry<String, List<EncodableHistogram>> e : lib.entrySet()) {
            LatencySeries s = r.log().series(e.getKey().isEmpty() ? null : e.getKey()).orElseThrow();
            Histogram all = sum(e.getValue());
            long max = e.getValue().stream().mapToLong(h -> ((Histogram) h).getMaxValue()).max().orElseThrow();
            assertEquals(e.getValue().size(), s.intervals().size(), "intervals of " + e.getKey());
            assertEquals(all.getTotalCount(), s.overall().count(), "count of " + e.getKey());
            assertEquals((double) max, s.overall().max(), "max of " + e.getKey());
            if (all.getTotalCount() > 0) {
                // the library histograms summed at the precision of the log's own histograms
                Histogram same = new Histogram(((Histogram) e.getValue().get(0)).getLowestDiscernibleValue(),
                        ((Histogram) e.getValue().get(0)).getHighestTrackableValue(),
                        ((Histogram) e.getValue().get(0)).getNumberOfSignificantValueDigits());
                same.setAutoResize(true);
                e.getValue().forEach(h -> same.add((Histogram) h));
                assertEquals((double) same.getValueAtPercentile(99), s.overall().p99(), "p99 of " + e.getKey());
                assertEquals((double) same.getValueAtPercentile(50), s.overall().p50(), "p50 of " + e.getKey());
                assertEquals((double) same.getValueAtPercentile(99.9), s.overall().p999(), "p99.9 of " + e.getKey());
            }
            for (int i = 0; i < s.intervals().size(); i++) {
                Histogram h = (Histogram) e.getValue().get(i);
                LatencyInterval iv = s.intervals().get(i);
                assertEquals(h.getTotalCount(), iv.summary().count());
                if (h.getTotalCount() > 0) {
                    // the one-pass summary gives what the library's getters give
                    assertEquals(h.getMean(), iv.summary().mean(), "mean of interval " + i);
                    assertEquals((double) h.getValueAtPercentile(99.9), iv.summary().p999(), "p99.9 of interval " + i);
                    assertEquals((double) h.getValueAtPercentile(50), iv.summary().p50(), "p50 of interval " + i);
                    assertEquals((double) h.getMinValue(), iv.summary().min(), "min of interval " + i);
                }
                if (iv.startEpochMillis() != null) {
                    assertEquals(h.getStartTimeStamp(), iv.startEpochMillis(), 1.0, "start of interval " + i);
                }
            }
        }
        assertEquals(InputKind.HDR_LOG, r.summary().kind());
    }

    @Test
    void version101LogWithV0Histograms() {
        HdrLogResult r = read("HdrHistogram-java__jHiccup-2.0.1.logV0.hlog");
        LatencyLog log = r.log();
        assertEquals("hlog-1.01", r.summary().format());
        assertEquals("1.01", log.formatVersion());
        assertEquals("Logged with jHiccup version 2.0.1", log.comment());
        // #[StartTime: 1438869961.225 ...], relative timestamps
        assertEquals(1438869961225L, log.startTimeEpochMillis());
        assertEquals(Boolean.FALSE, log.absoluteTimestamps());
        LatencySeries s = log.series(null).orElseThrow();
        assertEquals(LatencyUnit.NANOSECONDS, s.unit());
        assertEquals(81, s.intervals().size());
        assertEquals(61256, s.overall().count());
        // "1568.67 ms" hiccup in the file: 1577058303 ns is the top of its histogram bucket
        assertEquals(1577.058303, s.unit().toMillis(s.overall().max()), 1e-9);
        LatencyInterval first = s.intervals().get(0);
        // 0.116,1.005,3.031,HISTiQAA...: the second field is a length although the legend says EndTimestamp
        assertEquals(0.116, first.startSeconds(), 1e-9);
        assertEquals(1.005, first.lengthSeconds(), 1e-9);
        assertEquals(1438869961341L, first.startEpochMillis());
        assertEquals(5, first.line());
        // the V0 decoding puts maxima a few percent above the printed column; the 10^6 ratio still shows
        assertEquals(1e6, log.intervalMaxRatio());
    }

    @Test
    void ycsbLogHasAbsoluteTimestampsAndMicroseconds() {
        LatencyLog log = read("HdrHistogram-java__ycsb.logV1.hlog").log();
        assertEquals(Boolean.TRUE, log.absoluteTimestamps());
        // StartTime 1438613579.295 but the first interval starts at 1438613579.290: the log starts there
        assertEquals(1438613579290L, log.startTimeEpochMillis());
        LatencySeries s = log.series(null).orElseThrow();
        assertEquals(LatencyUnit.MICROSECONDS, s.unit());
        assertEquals(602, s.intervals().size());
        assertEquals(300056, s.overall().count());
        assertEquals(1546239.0, s.overall().max());
        LatencyInterval last = s.intervals().get(601);
        // 1438614179.075,0.004,0.000,...: an empty last interval
        assertEquals(0, last.summary().count());
        assertNull(last.summary().p99());
        assertEquals(599.785, last.startSeconds(), 1e-6);
        assertEquals(1438614179075L, last.startEpochMillis());
        assertEquals(3, s.significantDigits());
    }

    @Test
    void pythonLogWithTimestampsBeforeStartTime() {
        LatencyLog log = read("HdrHistogram_py__raphael.hlog").log();
        // 1629447418.475 is 63 s before the StartTime 1629447481.658, less than a year: absolute
        assertEquals(Boolean.TRUE, log.absoluteTimestamps());
        assertEquals(1629447418475L, log.startTimeEpochMillis());
        LatencySeries s = log.series().get(0);
        assertEquals(LatencyUnit.UNKNOWN, s.unit());
        assertEquals(1, s.intervals().size());
        assertEquals(63.182, s.intervals().get(0).lengthSeconds(), 1e-9);
        assertEquals(140003, s.overall().count());
        assertEquals(189792255.0, s.overall().max());
    }

    @Test
    void unionLogWithBaseTimeAndTwoTags() {
        LatencyLog log = read("HdrHistogramVisualizer__jHiccup-2tags.hlog").log();
        assertEquals("1.3", log.formatVersion());
        assertEquals(1471643110974L, log.startTimeEpochMillis());
        assertEquals(Boolean.FALSE, log.absoluteTimestamps());
        assertEquals(List.of("osx", "win"), log.series().stream().map(LatencySeries::tag).toList());
        LatencySeries osx = log.series("osx").orElseThrow();
        LatencySeries win = log.series("win").orElseThrow();
        assertEquals(187, osx.intervals().size());
        assertEquals(253, win.intervals().size());
        // Tag=osx,66.986,1.007,2.656,...: relative to BaseTime 1471643110.974
        assertEquals(66.986, osx.intervals().get(0).startSeconds(), 1e-6);
        assertEquals(1471643177960L, osx.intervals().get(0).startEpochMillis());
        assertEquals(155350 + 234326, log.totalCount());
        // a union of logs does not say who wrote them
        assertEquals(LatencyUnit.UNKNOWN, osx.unit());
        assertEquals(1e6, log.intervalMaxRatio());
        // the split files hold the same intervals
        LatencySeries osxAlone = read("HdrHistogramVisualizer__jHiccup-osx.hlog").log().series(null).orElseThrow();
        assertEquals(osx.overall(), osxAlone.overall());
    }

    @Test
    void oddTagsAreSeriesOfTheirOwn() {
        LatencyLog log = read("HdrHistogram_c__jHiccup-2.0.7S.logV3.hlog").log();
        assertEquals(List.of("a1.134a", "a3.134a", "a5.132a", "a7.133a"),
                log.series().stream().skip(1).map(LatencySeries::tag).toList());
        assertNull(log.series().get(0).tag());
        assertEquals(58, log.series().get(0).intervals().size());
        LatencySeries a1 = log.series("a1.134a").orElseThrow();
        assertEquals(749, a1.overall().count());
        assertEquals(442367.0, a1.overall().max());
    }

    @Test
    void version101LogEndingWithABlankLine() {
        HdrLogResult r = read("HdrHistogram_c__hiccup.140623.1028.10646.hlog");
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        LatencySeries s = r.log().series(null).orElseThrow();
        assertEquals(11, s.intervals().size());
        assertEquals(5.004, s.intervals().get(0).lengthSeconds(), 1e-9);
        assertEquals(16, r.summary().lines());
        assertEquals(3, r.summary().ignoredLines()); // legend, trailing blank line, the comment
    }

    @Test
    void windowsAddHistogramsExactly() throws Exception {
        Path f = file("HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog");
        LatencySeries s = HdrLogReader.read(InputSource.of(f), Duration.ofSeconds(10)).log().series(null).orElseThrow();
        double startSec = 1441812279.474;
        Map<Long, List<EncodableHistogram>> byWindow = new TreeMap<>();
        for (EncodableHistogram h : library(f).get("")) {
            long w = (long) Math.floor((h.getStartTimeStamp() / 1000.0 - startSec) / 10);
            byWindow.computeIfAbsent(w, k -> new ArrayList<>()).add(h);
        }
        assertEquals(10.0, s.windowSeconds());
        assertEquals(byWindow.size(), s.windows().size());
        int i = 0;
        long total = 0;
        for (Map.Entry<Long, List<EncodableHistogram>> e : byWindow.entrySet()) {
            LatencyWindow w = s.windows().get(i++);
            Histogram h0 = (Histogram) e.getValue().get(0);
            Histogram sum = new Histogram(h0.getLowestDiscernibleValue(), h0.getHighestTrackableValue(),
                    h0.getNumberOfSignificantValueDigits());
            sum.setAutoResize(true);
            e.getValue().forEach(h -> sum.add((Histogram) h));
            assertEquals(e.getKey() * 10.0, w.startSeconds());
            assertEquals(1441812279474L + e.getKey() * 10_000, w.startEpochMillis());
            assertEquals(e.getValue().size(), w.intervals());
            assertEquals(sum.getTotalCount(), w.summary().count());
            assertEquals((double) sum.getValueAtPercentile(99), w.summary().p99());
            assertEquals((double) sum.getValueAtPercentile(50), w.summary().p50());
            assertEquals((double) sum.getMaxValue(), w.summary().max());
            total += w.summary().count();
        }
        assertEquals(s.overall().count(), total);
        // the two >900 ms hiccups of this log: the windows' maxima show where they were
        assertTrue(s.windows().stream().filter(w -> w.summary().max() > 900e6).count() >= 1);
    }

    @Test
    void uptimeAlignsIntervalsWithAJvmStart() {
        LatencyInterval first = read("HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog").log().series(null).orElseThrow()
                .intervals().get(0);
        // a JVM that started 2.5 s before the log's StartTime (1441812279.474)
        long jvmStart = 1441812279474L - 2500;
        assertEquals(2.5 + 0.127, first.uptimeSeconds(jvmStart), 1e-9);
    }

    @Test
    void corruptHeaderAndPayloadGiveIssuesNotExceptions() {
        HdrLogResult r = read("HdrHistogram_c__regression-bucket-config-shift-overflow.hlog");
        assertTrue(r.log().series().isEmpty());
        assertEquals(2, r.summary().unknownLines());
        List<InputIssue> issues = r.summary().issues();
        assertEquals(2, issues.size(), issues.toString());
        assertEquals(4, issues.get(0).line());
        assertEquals(InputIssue.BAD_VALUE, issues.get(0).code());
        assertTrue(issues.get(0).message().contains("header is invalid"), issues.get(0).message());
        assertEquals(5, issues.get(1).line());
        assertTrue(issues.get(1).message().contains("not a compressed HdrHistogram"), issues.get(1).message());
    }

    @Test
    void implausibleStartTimesAreRefused() {
        for (String name : List.of("HdrHistogram_c__regression-log-start-time-huge.hlog",
                "HdrHistogram_c__regression-log-start-time-nonfinite.hlog")) {
            HdrLogResult r = read(name);
            assertNull(r.log().startTimeEpochMillis(), name);
            assertTrue(r.log().series().isEmpty(), name);
            InputIssue i = r.summary().issues().get(0);
            assertEquals(3, i.line(), name);
            assertEquals(InputIssue.BAD_VALUE, i.code(), name);
            assertTrue(i.message().startsWith("StartTime"), i.message());
            assertEquals(InputIssue.TRUNCATED, r.summary().issues().get(1).code(), name); // no intervals at all
        }
    }

    @Test
    void startTimeInMillisecondsLeavesTheLogWithoutAbsoluteTime() {
        HdrLogResult r = read("HdrHistogram_c__regression-log-start-time-overflow.hlog");
        assertEquals(1, r.summary().issues().size());
        assertTrue(r.summary().issues().get(0).message().contains("looks like milliseconds"));
        LatencyLog log = r.log();
        assertNull(log.startTimeEpochMillis());
        LatencySeries s = log.series(null).orElseThrow();
        assertEquals(62, s.intervals().size());
        assertEquals(48761, s.overall().count());
        assertNull(s.intervals().get(0).startEpochMillis());
        assertNull(s.intervals().get(0).uptimeSeconds(0));
        assertEquals(0.127, s.intervals().get(0).startSeconds(), 1e-9);
    }

    @Test
    void overflowingTimestampSkipsOnlyItsLine() {
        HdrLogResult r = read("HdrHistogram_c__regression-log-timestamp-overflow.hlog");
        assertEquals(1, r.summary().issues().size());
        assertEquals(5, r.summary().issues().get(0).line());
        LatencySeries s = r.log().series(null).orElseThrow();
        assertEquals(1, s.intervals().size());
        // 1.13400000000000000000 is a fine number
        assertEquals(1.134, s.intervals().get(0).startSeconds(), 1e-9);
        assertEquals(749, s.overall().count());
    }

    @Test
    void hdrHistogramCNegativeTests() {
        Map<String, String> expected = Map.of(
                "HdrHistogram_c__test_tagged_invalid_histogram.txt", InputIssue.TRUNCATED,
                "HdrHistogram_c__test_tagged_invalid_tag_key.txt", InputIssue.UNKNOWN_LINE,
                "HdrHistogram_c__test_tagged_invalid_timestamp.txt", InputIssue.BAD_VALUE,
                "HdrHistogram_c__test_tagged_missing_histogram.txt", InputIssue.TRUNCATED);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            HdrLogResult r = read(e.getKey());
            assertTrue(r.log().series().isEmpty(), e.getKey());
            assertEquals(1, r.summary().lines(), e.getKey());
            assertEquals(1, r.summary().unknownLines(), e.getKey());
            InputIssue first = r.summary().issues().get(0);
            assertEquals(1, first.line(), e.getKey());
            assertEquals(e.getValue(), first.code(), e.getKey() + ": " + first.message());
        }
    }

    @Test
    void everyCorpusFileReadsWithoutThrowing() throws Exception {
        Path dir = SharedCorpus.require().resolve("hlog");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                HdrLogResult r = HdrLogReader.read(InputSource.of(p), Duration.ofSeconds(5));
                assertNotNull(r.log(), p.toString());
                assertFalse(r.summary().lines() == 0, p.toString());
                for (LatencySeries s : r.log().series()) {
                    long inWindows = s.windows().stream().mapToLong(w -> w.summary().count()).sum();
                    assertEquals(s.overall().count(), inWindows, p.toString());
                }
            }
        }
    }
}
