package io.github.jvmadvisor.core.ingest.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.LatencySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Percentile tables in the shapes the real-run test does not produce: inside wrk2's report, cut, broken. */
class HdrPercentilesReaderTest {

    /** The shape of wrk2's "--latency" report around HdrHistogram's table (values in ms). */
    private static final String WRK2 = """
            Running 30s test @ http://127.0.0.1:8080/index.html
              2 threads and 100 connections
              Latency Distribution (HdrHistogram - Recorded Latency)
             50.000%    1.10ms
             99.000%    2.50ms

              Detailed Percentile spectrum:
                   Value   Percentile   TotalCount 1/(1-Percentile)

                   0.200     0.000000            1         1.00
                   1.100     0.500000          500         2.00
                   1.500     0.900000          900        10.00
                   2.400     0.990000          990       100.00
                   3.000     0.999000          999      1000.00
                   3.500     1.000000         1000
            #[Mean    =        1.150, StdDeviation   =        0.400]
            #[Max     =        3.500, Total count    =         1000]
            #[Buckets =           27, SubBuckets     =         2048]
            ----------------------------------------------------------
              59999 requests in 30.00s, 19.45MB read
            Requests/sec:   1999.90
            """;

    @TempDir
    Path dir;

    private HdrLogResult read(String text) throws Exception {
        Path p = dir.resolve("t.hgrm");
        Files.writeString(p, text);
        return HdrPercentilesReader.read(InputSource.of(p));
    }

    @Test
    void tableInsideAWrk2Report() throws Exception {
        HdrLogResult r = read(WRK2);
        LatencySummary s = r.log().series().get(0).overall();
        assertEquals(1000, s.count());
        assertEquals(0.2, s.min());
        assertEquals(1.15, s.mean());
        assertEquals(1.1, s.p50());
        assertEquals(1.5, s.p90());
        assertEquals(2.4, s.p99());
        assertEquals(3.0, s.p999());
        assertEquals(3.5, s.p9999()); // no row at 99.99 %: the next one
        assertEquals(3.5, s.max());
        assertEquals(3, r.log().series().get(0).significantDigits());
        // the report's other lines: 6 before the table, 3 after (blank lines are not counted)
        assertEquals(9, r.summary().foreignLines());
        assertEquals(List.of(InputIssue.FOREIGN_LINES), r.summary().issues().stream().map(InputIssue::code).toList());
        assertEquals(1, r.summary().issues().get(0).line());
    }

    @Test
    void tableCutBeforeItsEnd() throws Exception {
        String cut = WRK2.substring(0, WRK2.indexOf("   3.000"));
        HdrLogResult r = read(cut);
        LatencySummary s = r.log().series().get(0).overall();
        assertEquals(990, s.count()); // the last row's cumulative count: all that is known
        assertNull(s.max());
        assertNull(s.mean());
        assertTrue(r.summary().issues().stream().anyMatch(i -> i.code().equals(InputIssue.TRUNCATED)),
                r.summary().issues().toString());
    }

    @Test
    void brokenRowsAreSkipped() throws Exception {
        String text = WRK2.replace("1.500     0.900000", "1.500     9.900000").replace("2.400     0.990000",
                "0.100     0.990000");
        HdrLogResult r = read(text);
        assertEquals(2, r.summary().unknownLines());
        List<InputIssue> bad = r.summary().issues().stream().filter(i -> i.code().equals(InputIssue.BAD_VALUE))
                .toList();
        assertEquals(2, bad.size());
        assertEquals(12, bad.get(0).line());
        assertEquals(13, bad.get(1).line());
        assertEquals(3.0, r.log().series().get(0).overall().p99()); // from the next good row
    }

    @Test
    void notATable() throws Exception {
        HdrLogResult r = read("hello\nworld\n");
        assertTrue(r.log().series().isEmpty());
        assertEquals(InputIssue.UNKNOWN_FORMAT, r.summary().issues().get(0).code());
        HdrLogResult empty = read("");
        assertEquals(InputIssue.TRUNCATED, empty.summary().issues().get(0).code());
    }
}
