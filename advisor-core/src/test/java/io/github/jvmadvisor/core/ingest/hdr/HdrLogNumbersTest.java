package io.github.jvmadvisor.core.ingest.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts and times of real interval logs changed to values they cannot physically have: each is refused with
 * an issue on its line, and the rest of the log is read as before.
 */
class HdrLogNumbersTest {

    private static final String YCSB = "HdrHistogram-java__ycsb.logV1.hlog";
    private static final String JHICCUP = "HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog";

    @TempDir
    Path dir;

    private static List<String> corpusLines(String name) throws Exception {
        return Files.readAllLines(SharedCorpus.require().resolve("hlog").resolve(name), StandardCharsets.US_ASCII);
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, lines, StandardCharsets.US_ASCII);
        return p;
    }

    private static String payload(String line) {
        return line.substring(line.lastIndexOf(',') + 1);
    }

    private static String withPayload(String line, String payload) {
        return line.substring(0, line.lastIndexOf(',') + 1) + payload;
    }

    /** The interval's histogram with {@code extra} more values at its maximum, re-encoded (V2). */
    private static String withExtraCount(String payload, long extra) throws Exception {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(payload)), 0);
        h.recordValueWithCount(h.getMaxValue(), extra);
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n));
    }

    @Test
    void countsThatOverflowWhenAddedAreRefusedNotThrown() throws Exception {
        List<String> lines = corpusLines(YCSB);
        LatencySeries before = only(HdrLogReader.read(InputSource.of(write("ok.hlog", lines))));
        // line 5 and 6 (1-based) are the first intervals; each now claims 2^62 more values: their sum wraps
        long count5 = before.intervals().get(0).summary().count();
        long count6 = before.intervals().get(1).summary().count();
        lines.set(4, withPayload(lines.get(4), withExtraCount(payload(lines.get(4)), 1L << 62)));
        lines.set(5, withPayload(lines.get(5), withExtraCount(payload(lines.get(5)), 1L << 62)));
        Path bad = write("overflow.hlog", lines);
        HdrLogResult r = HdrLogReader.read(InputSource.of(bad));
        LatencySeries s = only(r);
        assertEquals(before.overall().count() - count5 - count6, s.overall().count());
        assertEquals(List.of(5L, 6L), r.summary().issues().stream().map(InputIssue::line).toList(),
                r.summary().issues().toString());
        assertTrue(r.summary().issues().get(0).message().contains("values"), r.summary().issues().toString());
        // and through the public entry point nothing escapes
        Evidence e = Analyzer.analyze(List.of(bad));
        assertEquals(s.overall().count(), e.latency().get(0).series().get(0).overall().count());
    }

    @Test
    void oneImplausiblyLargeCountIsNotTheTotal() throws Exception {
        List<String> lines = corpusLines(YCSB);
        LatencySeries before = only(HdrLogReader.read(InputSource.of(write("ok.hlog", lines))));
        long count7 = before.intervals().get(2).summary().count();
        lines.set(6, withPayload(lines.get(6), withExtraCount(payload(lines.get(6)), Long.MAX_VALUE / 2)));
        HdrLogResult r = HdrLogReader.read(InputSource.of(write("huge.hlog", lines)));
        assertEquals(before.overall().count() - count7, only(r).overall().count());
        assertEquals(List.of(7L), r.summary().issues().stream().map(InputIssue::line).toList());
    }

    @Test
    void negativeBucketCountIsRefused() throws Exception {
        List<String> lines = corpusLines(YCSB);
        LatencySeries before = only(HdrLogReader.read(InputSource.of(write("ok.hlog", lines))));
        // the YCSB log is V1-encoded: counts are fixed 8-byte words after a 40-byte header; make the first
        // non-zero one negative, keeping the others
        byte[] bytes = Base64.getDecoder().decode(payload(lines.get(7)));
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals(0x80, b.getInt(0) & 0xf0, "8-byte words");
        Inflater inf = new Inflater();
        inf.setInput(bytes, 8, b.getInt(4));
        byte[] plain = new byte[1 << 20];
        int len = inf.inflate(plain);
        inf.end();
        ByteBuffer pb = ByteBuffer.wrap(plain, 0, len);
        int at = 40;
        while (pb.getLong(at) == 0) {
            at += 8;
        }
        long firstCount = pb.getLong(at);
        pb.putLong(at, -firstCount - 1000);
        Deflater def = new Deflater();
        def.setInput(plain, 0, len);
        def.finish();
        byte[] out = new byte[1 << 20];
        int clen = def.deflate(out, 8, out.length - 8);
        def.end();
        ByteBuffer.wrap(out).putInt(0, b.getInt(0)).putInt(4, clen);
        lines.set(7, withPayload(lines.get(7), Base64.getEncoder().encodeToString(Arrays.copyOf(out, clen + 8))));
        HdrLogResult r = HdrLogReader.read(InputSource.of(write("negative.hlog", lines)));
        long count8 = before.intervals().get(3).summary().count();
        assertEquals(before.overall().count() - count8, only(r).overall().count());
        assertEquals(List.of(8L), r.summary().issues().stream().map(InputIssue::line).toList());
        assertTrue(r.summary().issues().get(0).message().contains("negative"), r.summary().issues().toString());
    }

    @Test
    void intervalBeforeTheLogsStartIsRefused() throws Exception {
        List<String> lines = corpusLines(JHICCUP);
        // relative timestamps from StartTime; line 8's interval now starts 50 s before the log did
        assertTrue(lines.get(7).startsWith("3.134,"));
        lines.set(7, "-50.000," + lines.get(7).substring("3.134,".length()));
        HdrLogResult r = HdrLogReader.read(InputSource.of(write("negative-time.hlog", lines)));
        LatencySeries s = only(r);
        for (LatencyInterval i : s.intervals()) {
            assertTrue(i.startSeconds() >= 0, "interval of line " + i.line() + " at " + i.startSeconds());
        }
        assertEquals(List.of(8L), r.summary().issues().stream().map(InputIssue::line).toList());
    }

    private static LatencySeries only(HdrLogResult r) {
        assertEquals(1, r.log().series().size(), r.summary().issues().toString());
        return r.log().series().get(0);
    }
}
