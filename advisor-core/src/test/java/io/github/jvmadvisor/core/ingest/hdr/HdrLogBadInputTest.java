package io.github.jvmadvisor.core.ingest.hdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interval logs as they go wrong in practice, made from a real jHiccup log of the corpus (cut,
 * re-encoded, concatenated) or, for the smallest cases, a few lines.
 */
class HdrLogBadInputTest {

    private static final String LOG_V2 = "HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog";

    @TempDir
    Path dir;

    private static String corpus(String name) throws Exception {
        return Files.readString(SharedCorpus.require().resolve("hlog").resolve(name), StandardCharsets.US_ASCII);
    }

    private HdrLogResult readText(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return HdrLogReader.read(InputSource.of(p));
    }

    private static LatencySeries only(HdrLogResult r) {
        assertEquals(1, r.log().series().size(), r.summary().issues().toString());
        return r.log().series().get(0);
    }

    @Test
    void windowsLineEndingsReadTheSame() throws Exception {
        String text = corpus(LOG_V2);
        LatencySeries unix = only(readText("unix.hlog", text));
        HdrLogResult crlf = readText("crlf.hlog", text.replace("\n", "\r\n"));
        assertTrue(crlf.summary().issues().isEmpty(), crlf.summary().issues().toString());
        assertEquals(unix.overall(), only(crlf).overall());
        assertEquals(unix.intervals(), only(crlf).intervals());
    }

    @Test
    void gzipAndSpaceSeparatedFieldsReadTheSame() throws Exception {
        String text = corpus(LOG_V2);
        LatencySeries plain = only(readText("plain.hlog", text));
        Path gz = dir.resolve("log.hlog.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(plain.intervals(), only(HdrLogReader.read(InputSource.of(gz))).intervals());
        StringBuilder spaced = new StringBuilder();
        for (String line : text.split("\n")) {
            spaced.append(line.startsWith("#") || line.startsWith("\"") ? line : line.replace(',', ' ')).append('\n');
        }
        assertEquals(plain.intervals(), only(readText("spaced.hlog", spaced.toString())).intervals());
    }

    @Test
    void emptyInput() throws Exception {
        HdrLogResult r = readText("empty.hlog", "");
        assertTrue(r.log().series().isEmpty());
        assertEquals(0, r.summary().lines());
        assertEquals(InputIssue.TRUNCATED, r.summary().issues().get(0).code());
        assertNull(r.log().startTimeEpochMillis());
    }

    @Test
    void missingFileIsAnIssue() {
        HdrLogResult r = HdrLogReader.read(InputSource.of(dir.resolve("nope.hlog")));
        assertTrue(r.log().series().isEmpty());
        assertEquals(InputIssue.IO_ERROR, r.summary().issues().get(0).code());
    }

    @Test
    void lastLineCutWhileBeingWritten() throws Exception {
        String text = corpus(LOG_V2);
        int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        String cut = text.substring(0, lastLineStart + 40); // "61.131,1.000,26.083,HISTFAAAAF542pNpmSzMw"
        HdrLogResult r = readText("cut.hlog", cut);
        LatencySeries s = only(r);
        assertEquals(61, s.intervals().size());
        assertEquals(1, r.summary().issues().size());
        InputIssue i = r.summary().issues().get(0);
        assertEquals(InputIssue.TRUNCATED, i.code());
        assertEquals(66, i.line());
    }

    @Test
    void legacyLogWithoutVersionLine() throws Exception {
        String text = corpus(LOG_V2).replace("#[Histogram log format version 1.2]\n", "");
        HdrLogResult r = readText("legacy.hlog", text);
        assertEquals("hlog", r.summary().format());
        assertNull(r.log().formatVersion());
        assertEquals(62, only(r).intervals().size());
        assertEquals(1441812279474L, r.log().startTimeEpochMillis());
    }

    @Test
    void concatenatedLogsAreARestart() throws Exception {
        String text = corpus(LOG_V2);
        HdrLogResult r = readText("twice.hlog", text + text);
        LatencySeries s = only(r);
        assertEquals(124, s.intervals().size());
        List<InputIssue> restarts = r.summary().issues().stream().filter(i -> i.code().equals(InputIssue.RESTART))
                .toList();
        assertEquals(1, restarts.size(), r.summary().issues().toString());
        assertEquals(69, restarts.get(0).line()); // the second StartTime line
        // the same StartTime again: the second copy lies on top of the first
        assertEquals(s.intervals().get(0).startEpochMillis(), s.intervals().get(62).startEpochMillis());
    }

    @Test
    void intervalOutOfOrderMissesItsClosedWindow() throws Exception {
        String text = corpus(LOG_V2);
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String first = lines.remove(4); // 0.127,1.007,2.769,...
        lines.add(first);
        Path p = dir.resolve("reordered.hlog");
        Files.writeString(p, String.join("\n", lines) + "\n");
        HdrLogResult r = HdrLogReader.read(InputSource.of(p), Duration.ofSeconds(10));
        LatencySeries s = only(r);
        assertEquals(48761, s.overall().count());
        long inWindows = s.windows().stream().mapToLong(w -> w.summary().count()).sum();
        assertEquals(48761 - 741, inWindows); // the moved interval held 741 values
        assertEquals(InputIssue.ORDER, r.summary().issues().get(0).code());
        assertEquals(66, r.summary().issues().get(0).line());
    }

    @Test
    void histogramHeaderAskingForHugeCountsIsRefused() throws Exception {
        Histogram h = new Histogram(1, 3_600_000_000_000L, 2);
        h.recordValue(1000);
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] encoded = java.util.Arrays.copyOf(buf.array(), n);
        // inflate, set 5 significant digits and the widest range in the inner header, deflate again
        Inflater inf = new Inflater();
        inf.setInput(encoded, 8, n - 8);
        byte[] plain = new byte[1 << 16];
        int len = inf.inflate(plain);
        inf.end();
        ByteBuffer hdr = ByteBuffer.wrap(plain);
        hdr.putInt(12, 5);
        hdr.putLong(24, Long.MAX_VALUE / 2);
        Deflater def = new Deflater();
        def.setInput(plain, 0, len);
        def.finish();
        byte[] out = new byte[1 << 16];
        int clen = def.deflate(out, 8, out.length - 8);
        def.end();
        ByteBuffer.wrap(out).putInt(0, ByteBuffer.wrap(encoded).getInt(0)).putInt(4, clen);
        String payload = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(out, clen + 8));
        HdrLogResult r = readText("huge.hlog", "#[StartTime: 1441812279.474 (seconds since epoch)]\n"
                + "0.127,1.007,0.001," + payload + "\n");
        assertTrue(r.log().series().isEmpty());
        InputIssue i = r.summary().issues().get(0);
        assertEquals(2, i.line());
        assertTrue(i.message().contains("counters"), i.message());
    }

    @Test
    void compressedLengthLongerThanTheData() throws Exception {
        String line = corpus(LOG_V2).split("\n")[4];
        String payload = line.substring(line.lastIndexOf(',') + 1);
        byte[] bytes = Base64.getDecoder().decode(payload);
        ByteBuffer.wrap(bytes).putInt(4, Integer.MAX_VALUE);
        HdrLogResult r = readText("bomb.hlog", "0.127,1.007,2.769," + Base64.getEncoder().encodeToString(bytes) + "\n");
        assertTrue(r.log().series().isEmpty());
        assertTrue(r.summary().issues().get(0).message().contains("compressed bytes"),
                r.summary().issues().get(0).message());
    }

    @Test
    void doubleHistogramsAreRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter w = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.US_ASCII));
        w.outputLogFormatVersion();
        w.outputStartTime(1_700_000_000_000L);
        w.setBaseTime(1_700_000_000_000L);
        w.outputLegend();
        DoubleHistogram d = new DoubleHistogram(3);
        for (int i = 1; i <= 1000; i++) {
            d.recordValue(i / 1000.0);
        }
        d.setStartTimeStamp(1_700_000_000_500L);
        d.setEndTimeStamp(1_700_000_001_500L);
        w.outputIntervalHistogram(d);
        HdrLogResult r = readText("double.hlog", bytes.toString(StandardCharsets.US_ASCII));
        LatencySeries s = only(r);
        assertEquals(1000, s.overall().count());
        assertEquals(d.getMaxValue(), s.overall().max());
        assertEquals(d.getValueAtPercentile(99), s.overall().p99());
        assertEquals(0.5, s.intervals().get(0).startSeconds(), 1e-9);
        assertEquals(1_700_000_000_500L, s.intervals().get(0).startEpochMillis());
    }

    @Test
    void relativeTimestampsWithoutStartTimeHaveNoAbsoluteTime() throws Exception {
        String text = corpus(LOG_V2).replaceAll("#\\[StartTime:[^\n]*\n", "");
        LatencyLog log = readText("nostart.hlog", text).log();
        assertNull(log.startTimeEpochMillis());
        assertEquals(Boolean.FALSE, log.absoluteTimestamps());
        assertEquals(0.127, log.series().get(0).intervals().get(0).startSeconds(), 1e-9);
        assertNull(log.series().get(0).intervals().get(0).startEpochMillis());
    }

    @Test
    void garbageLinesAmongIntervals() throws Exception {
        String text = corpus(LOG_V2).replace("2.133,1.001,0.426,", "2.133,1.001,0.426,@@").replace("3.134,1.001",
                "Tag=,3.134,1.001") + "some application output\n";
        HdrLogResult r = readText("garbage.hlog", text);
        LatencySeries s = only(r);
        assertEquals(61, s.intervals().size()); // the empty tag is no tag
        assertEquals(2, r.summary().unknownLines());
        assertEquals(List.of(InputIssue.BAD_VALUE, InputIssue.UNKNOWN_LINE),
                r.summary().issues().stream().map(InputIssue::code).toList());
        assertEquals(7, r.summary().issues().get(0).line());
        assertEquals(67, r.summary().issues().get(1).line());
    }

    @Test
    void windowShorterThanAMillisecondIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> HdrLogReader.read(InputSource.of(dir.resolve("x")), Duration.ZERO));
    }
}
