package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.jfr.internal.ChunkHeaders;
import io.github.jvmadvisor.core.ingest.jfr.internal.JfrNames;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and foreign recordings give what is readable plus an input issue, never an exception: cut,
 * concatenated, repeated, wrapped, followed by other bytes, empty, old formats, and the JMC corpus.
 */
class DamagedRecordingTest {

    @TempDir
    static Path dir;
    static Path multi;
    static Path other;
    static long multiEvents;
    static long otherEvents;
    static List<ChunkHeaders.Chunk> chunks;

    @BeforeAll
    static void record() throws Exception {
        multi = dir.resolve("multi.jfr");
        other = dir.resolve("other.jfr");
        // small chunks, so that the recording has several; a busy host writes fewer events in the same seconds (one
        // 1 MB chunk at load 12), so a run that stays in one chunk is repeated for longer
        for (String seconds : List.of("3", "8")) {
            ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx128m",
                    "-XX:FlightRecorderOptions:maxchunksize=1M", "-XX:StartFlightRecording:filename=" + multi
                            + ",settings=profile"), ChurnWorkload.class, List.of(seconds, "32", "2"), 120).requireSuccess();
            if (ChunkHeaders.scan(multi).chunks().size() >= 2) {
                break;
            }
        }
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx64m",
                "-XX:StartFlightRecording:filename=" + other), ChurnWorkload.class, List.of("1", "16", "2"), 120)
                .requireSuccess();
        multiEvents = count(multi);
        otherEvents = count(other);
        chunks = ChunkHeaders.scan(multi).chunks();
    }

    /** Events of the types the reader uses, by the JDK's own parser: the reference. */
    static long count(Path f) throws Exception {
        Set<String> used = JfrReader.typesRead(List.of());
        long n = 0;
        try (RecordingFile rf = new RecordingFile(f)) {
            while (rf.hasMoreEvents()) {
                if (used.contains(JfrNames.canonical(rf.readEvent().getEventType().getName()))) {
                    n++;
                }
            }
        }
        return n;
    }

    static JfrResult read(Path f) {
        return JfrReader.read(InputSource.of(f));
    }

    static Set<String> codes(JfrResult r) {
        return r.summary().issues().stream().map(InputIssue::code).collect(Collectors.toSet());
    }

    @Test
    void aHealthyMultiChunkRecordingReadsCompletely() {
        assertTrue(chunks.size() >= 2, "the fixture has several chunks: " + chunks.size());
        JfrResult r = read(multi);
        assertEquals(multiEvents, r.summary().lines());
        assertTrue(codes(r).stream().allMatch(InputIssue.LIMITED::equals), r.summary().issues()::toString);
    }

    @Test
    void aRecordingCutInsideAChunkGivesTheCompleteChunks() throws Exception {
        ChunkHeaders.Chunk last = chunks.get(chunks.size() - 1);
        long[] cuts = {last.offset() + last.size() / 2, last.offset() + 10, 100, Files.size(multi) - 1};
        for (long cut : cuts) {
            Path f = dir.resolve("cut-" + cut + ".jfr");
            Files.write(f, Arrays.copyOf(Files.readAllBytes(multi), (int) cut));
            JfrResult r = read(f);
            assertTrue(codes(r).contains(InputIssue.TRUNCATED), () -> cut + ": " + r.summary().issues());
            Path whole = complete(f);
            long complete = Files.size(whole) == 0 ? 0 : count(whole);
            assertEquals(complete, r.summary().lines(), "cut at " + cut + ": the events of the complete chunks " + r.summary().issues());
        }
    }

    /** The complete chunks of a cut file, by the JDK's parser on a copy of just those bytes. */
    static Path complete(Path cut) throws Exception {
        ChunkHeaders.Scan s = ChunkHeaders.scan(cut);
        Path out = dir.resolve(cut.getFileName() + ".complete");
        ChunkHeaders.copy(cut, s.usable(), out);
        return out;
    }

    @Test
    void aChunkTheParserRejectsIsReportedAndTheOthersAreRead() throws Exception {
        // overwrite the middle of the second chunk's event data: its header stays valid
        ChunkHeaders.Chunk bad = chunks.get(1);
        byte[] b = Files.readAllBytes(multi);
        int from = (int) (bad.offset() + 68 + 64);
        Arrays.fill(b, from, from + 4096, (byte) 0x7f);
        Path f = dir.resolve("corrupt.jfr");
        Files.write(f, b);
        JfrResult r = read(f);
        long others = 0;
        for (ChunkHeaders.Chunk c : chunks) {
            if (c != bad) {
                Path one = dir.resolve("chunk-" + c.index() + ".jfr");
                ChunkHeaders.copy(multi, List.of(c), one);
                others += count(one);
            }
        }
        String rf;
        try {
            rf = "RecordingFile " + count(f);
        } catch (Exception x) {
            rf = "RecordingFile threw " + x;
        }
        String diag = rf + " reader " + r.summary().lines() + " of " + multiEvents + " others " + others;
        assertTrue(codes(r).contains(InputIssue.TRUNCATED), diag + r.summary().issues());
        long inOthers = others;
        assertTrue(r.summary().lines() >= inOthers, () -> r.summary().lines() + " read, the other chunks hold " + inOthers);
        assertTrue(r.summary().lines() < multiEvents, () -> r.summary().lines() + " of " + multiEvents);
    }

    @Test
    void aRecordingConcatenatedWithItselfIsCountedOnce() throws Exception {
        Path f = dir.resolve("twice.jfr");
        Files.write(f, concat(Files.readAllBytes(multi), Files.readAllBytes(multi)));
        JfrResult r = read(f);
        assertEquals(multiEvents, r.summary().lines());
        assertTrue(codes(r).contains(InputIssue.DUPLICATE), r.summary().issues()::toString);
    }

    @Test
    void twoRecordingsConcatenatedAreBothRead() throws Exception {
        Path f = dir.resolve("two.jfr");
        Files.write(f, concat(Files.readAllBytes(multi), Files.readAllBytes(other)));
        JfrResult r = read(f);
        assertEquals(multiEvents + otherEvents, r.summary().lines(), r.summary().issues()::toString);
    }

    @Test
    void bytesAfterTheLastChunkAreReportedAndSkipped() throws Exception {
        Path f = dir.resolve("garbage.jfr");
        byte[] text = "# A fatal error has been detected by the Java Runtime Environment:\n".repeat(100)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(f, concat(Files.readAllBytes(multi), text));
        JfrResult r = read(f);
        assertEquals(multiEvents, r.summary().lines());
        assertTrue(codes(r).contains(InputIssue.FOREIGN_LINES), r.summary().issues()::toString);
    }

    @Test
    void gzipAndZipWrappedRecordingsAreRead() throws Exception {
        Path gz = dir.resolve("rec.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(multi, out);
        }
        assertEquals(multiEvents, read(gz).summary().lines());
        Path zip = dir.resolve("rec.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner/rec.jfr"));
            Files.copy(other, out);
            out.closeEntry();
        }
        List<InputSource> members = InputSource.expand(zip);
        assertEquals(otherEvents, JfrReader.read(members.get(0)).summary().lines());
    }

    @Test
    void emptyAndHeaderOnlyFilesGiveIssues() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertEquals(Set.of(InputIssue.TRUNCATED), codes(read(empty)));
        Path header = dir.resolve("header.jfr");
        Files.write(header, Arrays.copyOf(Files.readAllBytes(multi), 20));
        assertTrue(codes(read(header)).contains(InputIssue.TRUNCATED));
        Path noise = dir.resolve("noise.jfr");
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        System.arraycopy("FLR\0".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        b[4] = 0;
        b[5] = 2;
        JfrResult r = read(noise);
        assertTrue(!r.summary().issues().isEmpty(), "random bytes after a header are an issue");
        assertEquals(0, r.summary().lines());
    }

    @Test
    void theJmcCorpusReadsWithoutExceptionsAndSaysWhatIsUnreadable() throws Exception {
        Path corpus = SharedCorpus.require().resolve("jfr");
        Map<String, String> formats = new TreeMap<>();
        try (var files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList()) {
                JfrResult r = read(f);
                formats.put(f.getFileName().toString(), r.summary().format() + " " + r.summary().lines() + " "
                        + codes(r).stream().sorted().toList());
                boolean old = r.summary().format() != null && r.summary().format().startsWith("jfr-0.");
                if (old) {
                    assertEquals(Set.of(InputIssue.UNSUPPORTED_FORMAT), codes(r), f::toString);
                } else if (!f.getFileName().toString().contains("hs_err")) {
                    assertEquals(count(f), r.summary().lines(), f + ": every event the JDK's parser reads");
                }
            }
        }
        // PROVENANCE: 8u60 and parallel-gc_cpu are gzip-wrapped 0.9 files, R28.2 is JRockit 0.9
        assertTrue(formats.get("jmc__8u60.jfr").startsWith("jfr-0.9 0 "), formats::toString);
        assertTrue(formats.get("jmc__parallel-gc_cpu.jfr").startsWith("jfr-0.9 0 "), formats::toString);
        assertTrue(formats.get("jmc__transitions_R28.2.jfr").startsWith("jfr-0.9 0 "), formats::toString);
        assertTrue(formats.get("jmc__hs_err_jdk-16.jfr").contains("truncated"), formats::toString);
        // jdk15.jfr is two chunks of different recordings (2018 and 2020)
        assertEquals(2, ChunkHeaders.scan(corpus.resolve("jmc__jdk15.jfr")).chunks().size());
        JfrResult jdk9 = read(corpus.resolve("jmc__allocation_10s_before.jfr"));
        assertEquals(9, jdk9.jvm().orElseThrow().jdkFeature(), "JDK 9's com.oracle.jdk.* events are understood");
        assertEquals(8, jdk9.gc().orElseThrow().metrics().pauses().count());
        JfrResult u292 = read(corpus.resolve("jmc__openjdk8u292.jfr"));
        assertEquals(8, u292.jvm().orElseThrow().jdkFeature(), "HotSpot 25.292 is JDK 8");
        JfrResult changed = read(corpus.resolve("jmc__flags_changed.jfr"));
        assertEquals(10, changed.flagChanges().size(), changed.flagChanges()::toString);
    }

    @Test
    void theFlushesOfEveryChunkAreKnownWithoutReadingEvents() throws Exception {
        List<Path> files = new java.util.ArrayList<>(List.of(multi, other));
        if (SharedCorpus.dir() != null) {
            try (var l = Files.list(SharedCorpus.dir().resolve("jfr"))) {
                l.filter(p -> p.toString().endsWith(".jfr") && !p.toString().contains("hs_err")).sorted().forEach(files::add);
            }
        }
        int walked = 0;
        for (Path f : files) {
            ChunkHeaders.Scan scan = ChunkHeaders.scan(f);
            if (scan.chunks().isEmpty() || scan.chunks().get(0).major() < 1 || !scan.usable().equals(scan.chunks())) {
                continue;
            }
            long[] expected = ChunkHeaders.flushes(f, scan.usable());
            assertTrue(expected != null, f::toString);
            long[] seen = new long[1];
            try (jdk.jfr.consumer.EventStream es = jdk.jfr.consumer.EventStream.openFile(f)) {
                es.onFlush(() -> seen[0]++);
                es.start();
            }
            assertEquals(Arrays.stream(expected).sum(), seen[0], f::toString);
            walked++;
        }
        assertTrue(walked >= 2);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
