package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.ReadLimits;
import io.github.jvmadvisor.core.ingest.jfr.internal.ChunkHeaders;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.report.AnalysisJson;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings whose chunk headers were tampered with, and compressed recordings cut or too large: each read
 * ends in time, says what was wrong, and keeps the chunks before the damage.
 */
class HostileRecordingTest {

    private static final Duration HANG = Duration.ofSeconds(60);
    /** Header field offsets within a chunk. */
    private static final int SIZE = 8;
    private static final int START_NANOS = 32;
    private static final int TICKS_PER_SECOND = 56;

    @TempDir
    Path dir;

    /** A real recording of two chunks. */
    static Path twoChunks() {
        return SharedCorpus.require().resolve("jfr/jmc__jdk15.jfr");
    }

    /** A real recording of one chunk, with GC events. */
    static Path oneChunk() {
        return SharedCorpus.require().resolve("jfr/jmc__jdk21.jfr");
    }

    static JfrResult read(Path f) {
        return assertTimeoutPreemptively(HANG, () -> JfrReader.read(InputSource.of(f)));
    }

    static boolean has(JfrResult r, String code) {
        return r.summary().issues().stream().anyMatch(i -> i.code().equals(code));
    }

    /** A copy of {@code from} with the long at {@code field} of chunk {@code chunk} set to {@code value}. */
    Path patched(Path from, int chunk, int field, long value) throws Exception {
        ChunkHeaders.Chunk c = ChunkHeaders.scan(from).chunks().get(chunk);
        byte[] b = Files.readAllBytes(from);
        ByteBuffer.wrap(b).putLong((int) c.offset() + field, value);
        Path out = dir.resolve("patched-" + chunk + "-" + field + "-" + value + ".jfr");
        Files.write(out, b);
        return out;
    }

    /** Events the reader takes from the first chunk alone. */
    long firstChunkEvents(Path f) throws Exception {
        Path one = dir.resolve("first-chunk.jfr");
        ChunkHeaders.copy(f, List.of(ChunkHeaders.scan(f).chunks().get(0)), one);
        long n = JfrReader.read(InputSource.of(one)).summary().lines();
        assertTrue(n > 0, "the first chunk has events");
        return n;
    }

    static byte[] gzip(byte[] content) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(content);
        }
        return b.toByteArray();
    }

    @Test
    void aChunkSizeOfZeroEndsTheReadAtThatChunkAndKeepsTheOnesBefore() throws Exception {
        Path f = twoChunks();
        assertEquals(2, ChunkHeaders.scan(f).chunks().size());
        JfrResult r = read(patched(f, 1, SIZE, 0));
        assertTrue(has(r, InputIssue.TRUNCATED), r.summary().issues()::toString);
        assertTrue(r.summary().issues().toString().contains("size of 0"), r.summary().issues()::toString);
        assertEquals(firstChunkEvents(f), r.summary().lines());

        JfrResult first = read(patched(oneChunk(), 0, SIZE, 0));
        assertTrue(has(first, InputIssue.TRUNCATED), first.summary().issues()::toString);
        assertEquals(0, first.summary().lines());
    }

    @Test
    void aChunkWhoseHeaderSaysItIsStillBeingWrittenIsSkippedNotWaitedFor() throws Exception {
        for (int state : new int[] {1, 255}) {
            byte[] b = Files.readAllBytes(oneChunk());
            b[64] = (byte) state; // the file-state byte; the JDK's parser waits while it is not 0
            Path f = dir.resolve("state-" + state + ".jfr");
            Files.write(f, b);
            JfrResult r = read(f);
            assertTrue(r.summary().issues().stream().anyMatch(i -> i.code().equals(InputIssue.BAD_VALUE)
                    && i.message().contains("still being written")), r.summary().issues()::toString);
            assertEquals(0, r.summary().lines());
        }
        Path f = twoChunks();
        byte[] b = Files.readAllBytes(f);
        b[(int) ChunkHeaders.scan(f).chunks().get(1).offset() + 64] = 1;
        Path second = dir.resolve("state-second.jfr");
        Files.write(second, b);
        assertEquals(firstChunkEvents(f), read(second).summary().lines());
    }

    @Test
    void aChunkWithoutAPositiveTickFrequencyIsSkippedWithAnIssue() throws Exception {
        Path f = twoChunks();
        JfrResult r = read(patched(f, 1, TICKS_PER_SECOND, 0));
        assertTrue(has(r, InputIssue.BAD_VALUE), r.summary().issues()::toString);
        assertEquals(firstChunkEvents(f), r.summary().lines());

        JfrResult negative = read(patched(oneChunk(), 0, TICKS_PER_SECOND, -1_000_000_000L));
        assertTrue(has(negative, InputIssue.BAD_VALUE), negative.summary().issues()::toString);
        assertTrue(negative.summary().issues().toString().contains("ticks per second are -1000000000"),
                negative.summary().issues()::toString);
        // no pause of 0.000 ms passed off as measured
        assertTrue(negative.gc().isEmpty() && negative.pauses().isEmpty(), "no GC figures from that chunk");
    }

    @Test
    void aChunkStartingAtLongMaxValueIsSkippedAndTheJsonIsWritten() throws Exception {
        Path f = patched(oneChunk(), 0, START_NANOS, Long.MAX_VALUE);
        Evidence e = assertTimeoutPreemptively(HANG, () -> Analyzer.analyze(List.of(f)));
        assertTrue(e.inputs().get(0).issues().stream().anyMatch(i -> i.code().equals(InputIssue.BAD_VALUE)
                && i.message().contains("start time")), e.inputs().get(0).issues()::toString);
        String json = AnalysisJson.toJson(e);
        assertTrue(json.contains("bad-value"), json);

        // the other chunk of a two-chunk recording is still read
        Path two = patched(twoChunks(), 1, START_NANOS, Long.MAX_VALUE);
        JfrResult r = read(two);
        assertEquals(firstChunkEvents(twoChunks()), r.summary().lines());
        AnalysisJson.toJson(Analyzer.analyze(List.of(two)));
    }

    @Test
    void aGzippedRecordingCutInItsSecondChunkKeepsTheFirst() throws Exception {
        Path f = twoChunks();
        byte[] gz = gzip(Files.readAllBytes(f));
        Path cut = dir.resolve("cut.jfr.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length * 3 / 4));
        ChunkHeaders.Chunk first = ChunkHeaders.scan(f).chunks().get(0);
        assertTrue(first.size() < Files.size(f) * 3 / 4 - 4096, "the cut falls in the second chunk");
        JfrResult r = read(cut);
        assertTrue(has(r, InputIssue.TRUNCATED), r.summary().issues()::toString);
        assertEquals(firstChunkEvents(f), r.summary().lines());

        // cut within the first chunk: nothing complete, but an issue and no exception
        Path early = dir.resolve("early.jfr.gz");
        Files.write(early, Arrays.copyOf(gz, 2000));
        JfrResult e = read(early);
        assertTrue(has(e, InputIssue.TRUNCATED), e.summary().issues()::toString);
        assertFalse(has(e, InputIssue.IO_ERROR), e.summary().issues()::toString);
    }

    @Test
    void aGzippedRecordingThatInflatesLikeABombStopsAtTheRatioLimit() throws Exception {
        // a real recording followed by 128 MiB of zeros: 2 MB of gzip that would make a huge temporary file
        Path f = oneChunk();
        Path gz = dir.resolve("bomb.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            Files.copy(f, out);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 128; i++) {
                out.write(zeros);
            }
        }
        JfrResult r = read(gz);
        assertTrue(r.summary().issues().stream().anyMatch(i -> i.code().equals(InputIssue.LIMIT_REACHED)
                && i.message().contains(ReadLimits.MAX_INFLATION_RATIO)), r.summary().issues()::toString);
        assertEquals(JfrReader.read(InputSource.of(f)).summary().lines(), r.summary().lines());
    }

    @Test
    void theTemporaryCopyOfACompressedRecordingIsBounded() throws Exception {
        Path f = twoChunks();
        Path gz = dir.resolve("rec.jfr.gz");
        Files.write(gz, gzip(Files.readAllBytes(f)));
        long firstSize = ChunkHeaders.scan(f).chunks().get(0).size();
        String key = ReadLimits.MAX_TEMP_FILE_BYTES;
        System.setProperty(key, Long.toString(firstSize + 1000));
        JfrResult r;
        try {
            r = read(gz);
        } finally {
            System.clearProperty(key);
        }
        assertTrue(r.summary().issues().stream().anyMatch(i -> i.code().equals(InputIssue.LIMIT_REACHED)
                && i.message().contains(key)), r.summary().issues()::toString);
        assertEquals(firstChunkEvents(f), r.summary().lines());
        // the default holds it whole
        assertFalse(has(read(gz), InputIssue.LIMIT_REACHED));
    }
}
