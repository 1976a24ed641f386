package io.github.jvmadvisor.core.ingest.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputDetector;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencySummary;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.LatencyWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run: a child JVM measures its own map operations with HdrHistogram recorders and writes a
 * tagged interval log (relative and absolute timestamps) and percentile tables; the readers must
 * give back exactly what the child printed from its histograms.
 */
class HdrRealRunTest {

    private static final int INTERVALS = 5;

    @TempDir
    static Path dir;

    private static final Map<String, List<long[]>> INTERVALS_BY_TAG = new HashMap<>();
    private static final Map<String, String[]> TOTALS = new HashMap<>();
    private static long jvmStart;

    @BeforeAll
    static void run() throws Exception {
        ChildJvm.Result r = ChildJvm.run(Jdks.current(), dir, List.of("-Xmx256m"), LatencyWorkload.class,
                List.of(dir.toString(), String.valueOf(INTERVALS), "300"), 120).requireSuccess();
        for (String line : r.output().split("\n")) {
            String[] f = line.strip().split(" ");
            switch (f[0]) {
                case "jvmStart" -> jvmStart = Long.parseLong(f[1]);
                case "interval" -> INTERVALS_BY_TAG.computeIfAbsent(f[1], k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])});
                case "total" -> TOTALS.put(f[1], f);
                default -> {
                }
            }
        }
        assertTrue(r.output().contains("done"), r.output());
    }

    private static void assertTotals(String tag, LatencySummary s) {
        String[] t = TOTALS.get(tag);
        assertEquals(Long.parseLong(t[2]), s.count(), tag + " count");
        assertEquals(Double.parseDouble(t[3]), s.max(), tag + " max");
        assertEquals(Double.parseDouble(t[4]), s.p50(), tag + " p50");
        assertEquals(Double.parseDouble(t[5]), s.p90(), tag + " p90");
        assertEquals(Double.parseDouble(t[6]), s.p99(), tag + " p99");
        assertEquals(Double.parseDouble(t[7]), s.p999(), tag + " p99.9");
        assertEquals(Double.parseDouble(t[8]), s.mean(), Math.ulp(s.mean()) * 64, tag + " mean");
    }

    @Test
    void taggedLogWithBaseTime() {
        Path f = dir.resolve("latency.hlog");
        HdrLogResult r = HdrLogReader.read(InputSource.of(f), Duration.ofMillis(600));
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        assertEquals("hlog-1.3", r.summary().format());
        LatencyLog log = r.log();
        assertEquals("Logged by LatencyWorkload", log.comment());
        assertEquals(Boolean.FALSE, log.absoluteTimestamps());
        assertEquals(List.of("read", "write"), log.series().stream().map(LatencySeries::tag).toList());
        for (LatencySeries s : log.series()) {
            assertEquals(LatencyUnit.UNKNOWN, s.unit()); // this producer is not one the reader knows
            List<long[]> expected = INTERVALS_BY_TAG.get(s.tag());
            assertEquals(INTERVALS, s.intervals().size());
            for (int i = 0; i < INTERVALS; i++) {
                LatencyInterval iv = s.intervals().get(i);
                assertEquals(expected.get(i)[0], iv.startEpochMillis(), 1.0, "start");
                assertEquals(expected.get(i)[1], iv.summary().count());
                if (expected.get(i)[1] == 0) {
                    assertNull(iv.summary().max()); // the child's empty histogram says 0; unknown here
                } else {
                    assertEquals((double) expected.get(i)[2], iv.summary().max());
                }
                // where the interval lies on the child JVM's uptime line, to put beside its GC log
                assertEquals((expected.get(i)[0] - jvmStart) / 1000.0, iv.uptimeSeconds(jvmStart), 0.0011);
            }
            assertTotals(s.tag(), s.overall());
            long inWindows = s.windows().stream().mapToLong(w -> w.summary().count()).sum();
            assertEquals(s.overall().count(), inWindows);
            assertEquals(s.intervals().stream().mapToInt(x -> 1).sum(),
                    s.windows().stream().mapToInt(w -> w.intervals()).sum());
        }
    }

    @Test
    void sameLogWithAbsoluteTimestamps() {
        HdrLogResult r = HdrLogReader.read(InputSource.of(dir.resolve("latency-absolute.hlog")));
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        LatencyLog log = r.log();
        assertEquals(Boolean.TRUE, log.absoluteTimestamps());
        LatencyLog relative = HdrLogReader.read(InputSource.of(dir.resolve("latency.hlog"))).log();
        assertEquals(relative.startTimeEpochMillis(), log.startTimeEpochMillis());
        for (String tag : List.of("read", "write")) {
            LatencySeries a = log.series(tag).orElseThrow();
            LatencySeries b = relative.series(tag).orElseThrow();
            assertEquals(b.overall(), a.overall());
            for (int i = 0; i < INTERVALS; i++) {
                assertEquals(b.intervals().get(i).startEpochMillis(), a.intervals().get(i).startEpochMillis(), 1.0);
            }
            assertTotals(tag, a.overall());
        }
    }

    @Test
    void percentileTables() throws Exception {
        String[] t = TOTALS.get("read");
        for (String name : List.of("read.hgrm", "read-csv.hgrm")) {
            InputSource src = InputSource.of(dir.resolve(name));
            assertEquals(InputKind.HDR_PERCENTILES, InputDetector.detect(src).kind(), name);
            HdrLogResult r = HdrPercentilesReader.read(src);
            assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
            LatencySeries s = r.log().series(null).orElseThrow();
            LatencySummary sum = s.overall();
            // printed with 3 decimals, in microseconds (ratio 1000)
            assertEquals(Long.parseLong(t[2]), sum.count(), name);
            assertEquals(printed(t[3]), sum.max(), name);
            // the table has rows at exactly the 50th and 90th percentiles
            assertEquals(printed(t[4]), sum.p50(), name);
            assertEquals(printed(t[5]), sum.p90(), name);
            // and not at the 99th: the next row, an upper bound
            assertTrue(sum.p99() >= printed(t[6]) && sum.p99() <= printed(t[3]), name + " p99 " + sum.p99());
            assertEquals(3, s.significantDigits());
            assertNull(s.intervals().get(0).lengthSeconds());
            if (name.equals("read.hgrm")) {
                assertEquals("hgrm", r.summary().format());
                assertEquals(printed(t[8]), sum.mean(), name);
            } else {
                assertEquals("hgrm-csv", r.summary().format());
                assertNull(sum.mean()); // the CSV table has no footer
            }
        }
    }

    /** A value in nanoseconds as the table prints it: in microseconds with three decimals. */
    private static double printed(String nanos) {
        return Double.parseDouble(String.format(Locale.US, "%.3f", Double.parseDouble(nanos) / 1000.0));
    }

    @Test
    void detectorKnowsTheLog() throws Exception {
        assertEquals(InputKind.HDR_LOG, InputDetector.detect(InputSource.of(dir.resolve("latency.hlog"))).kind());
        assertTrue(Files.size(dir.resolve("latency.hlog")) > 0);
    }
}
