package io.github.jvmadvisor.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed and archived inputs built to hurt: bombs, archives of very many members, archives in
 * archives, and gzip files cut or damaged within their first megabyte. Each ends in time with an issue
 * and what was readable.
 */
class HostileArchiveTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Evidence analyze(Path... files) {
        return assertTimeoutPreemptively(HANG, () -> Analyzer.analyze(List.of(files)));
    }

    static InputSummary only(Evidence e) {
        assertEquals(1, e.inputs().size(), e.inputs()::toString);
        return e.inputs().get(0);
    }

    static boolean has(InputSummary s, String code) {
        return s.issues().stream().anyMatch(i -> i.code().equals(code));
    }

    static InputIssue issue(InputSummary s, String code) {
        return s.issues().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " issue in " + s.issues()));
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(content);
        }
        return b.toByteArray();
    }

    static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    /** A real, small GC log (about 530 kB inflated: under the detector's 1 MB head). */
    static byte[] smallLog() throws IOException {
        return gunzip(SharedCorpus.require().resolve("gclog/generated/jdk17-g1-default.log.gz"));
    }

    static long lines(byte[] b, int upTo) {
        long n = 0;
        for (int i = 0; i < upTo; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    @Test
    void aSmallGzipCutInTheMiddleKeepsItsCompleteLines() throws Exception {
        byte[] log = smallLog();
        byte[] gz = gzip(log);
        Path cut = dir.resolve("cut.log.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        InputSummary s = only(analyze(cut));
        assertEquals(InputKind.GC_LOG, s.kind(), s.issues()::toString);
        InputIssue t = issue(s, InputIssue.TRUNCATED);
        assertTrue(t.source().contains("cut.log.gz") && t.line() > 0, t::toString);
        // about half the lines, never a line past the damage
        assertTrue(s.lines() > lines(log, log.length) / 4 && s.lines() < lines(log, log.length), s::toString);
        assertFalse(has(s, InputIssue.IO_ERROR), s.issues()::toString);
    }

    @Test
    void aSmallGzipWithABadCrcKeepsEveryLineAndSaysSo() throws Exception {
        byte[] log = smallLog();
        byte[] gz = gzip(log);
        gz[gz.length - 8] ^= 0x55; // the CRC-32 in the trailer
        Path bad = dir.resolve("crc.log.gz");
        Files.write(bad, gz);
        InputSummary s = only(analyze(bad));
        assertEquals(InputKind.GC_LOG, s.kind(), s.issues()::toString);
        assertEquals(lines(log, log.length), s.lines());
        assertTrue(has(s, InputIssue.TRUNCATED), s.issues()::toString);
    }

    @Test
    void aDamagedZipMemberKeepsItsLinesBeforeTheDamage() throws Exception {
        byte[] log = smallLog();
        Path zip = dir.resolve("logs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("gc.log"));
            out.write(log);
            out.closeEntry();
        }
        byte[] z = Files.readAllBytes(zip);
        // overwrite a stretch in the middle of the member's deflate data (local header is 30 + 6 bytes) where
        // the inflater fails: not every overwrite is invalid deflate data, so look for one that is
        boolean damaged = false;
        for (int from = 36 + (z.length - 36) / 2; !damaged; from += 97) {
            byte[] d = z.clone();
            Arrays.fill(d, from, from + 64, (byte) 0xff);
            Files.write(zip, d);
            try (java.util.zip.ZipFile f = new java.util.zip.ZipFile(zip.toFile());
                    InputStream in = f.getInputStream(f.getEntry("gc.log"))) {
                in.readAllBytes();
            } catch (java.util.zip.ZipException e) {
                damaged = true;
            }
        }
        InputSummary s = only(analyze(zip));
        assertEquals(InputKind.GC_LOG, s.kind(), s.issues()::toString);
        assertTrue(s.lines() > 100, s::toString);
        assertTrue(has(s, InputIssue.TRUNCATED), s.issues()::toString);
        assertTrue(issue(s, InputIssue.TRUNCATED).source().endsWith("logs.zip!/gc.log"), s.issues()::toString);
    }

    @Test
    void aZipMemberWithABadCrcIsReadWithAnIssue() throws Exception {
        byte[] log = smallLog();
        Path zip = dir.resolve("crc.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("gc.log"));
            out.write(log);
            out.closeEntry();
        }
        byte[] z = Files.readAllBytes(zip);
        // the CRC-32 in the central directory (16 bytes into its header), which the zip reader uses
        int central = new String(z, StandardCharsets.ISO_8859_1).lastIndexOf("PK\u0001\u0002");
        z[central + 16] ^= 0x55;
        Files.write(zip, z);
        InputSummary s = only(analyze(zip));
        assertEquals(InputKind.GC_LOG, s.kind(), s.issues()::toString);
        assertEquals(lines(log, log.length), s.lines());
        assertTrue(issue(s, InputIssue.TRUNCATED).message().contains("CRC"), s.issues()::toString);
    }

    @Test
    void aZipCutShortKeepsTheMembersBeforeTheCut() throws Exception {
        byte[] log = smallLog();
        byte[] hlog = Files.readAllBytes(SharedCorpus.require().resolve("hlog/HdrHistogram-java__ycsb.logV1.hlog"));
        Path zip = dir.resolve("run.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a-latency.hlog"));
            out.write(hlog);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("b-gc.log"));
            out.write(log);
            out.closeEntry();
        }
        byte[] z = Files.readAllBytes(zip);
        // cut in the middle of the second member's data: the central directory at the end is gone
        int second = new String(z, StandardCharsets.ISO_8859_1).indexOf("PK\u0003\u0004", 4);
        assertTrue(second > 0);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(z, second + (z.length - second) / 2));
        Evidence e = analyze(cut);
        InputSummary archive = e.inputs().stream().filter(s -> s.path().equals(cut.toString())).findFirst()
                .orElseThrow(() -> new AssertionError(e.inputs().toString()));
        assertTrue(has(archive, InputIssue.TRUNCATED) && archive.issues().get(0).message().contains("2 member(s)"),
                archive.issues()::toString);
        InputSummary h = e.inputs().stream().filter(s -> s.kind() == InputKind.HDR_LOG).findFirst().orElseThrow();
        assertTrue(h.path().endsWith("cut.zip!/a-latency.hlog") && h.issues().stream()
                .noneMatch(i -> i.code().equals(InputIssue.TRUNCATED)), h::toString);
        assertEquals(1, e.latency().size());
        InputSummary gc = e.inputs().stream().filter(s -> s.kind() == InputKind.GC_LOG).findFirst().orElseThrow();
        assertTrue(has(gc, InputIssue.TRUNCATED) && gc.lines() > 100 && gc.lines() < lines(log, log.length),
                gc::toString);
    }

    @Test
    void smallGzippedHlogAndJmhFilesCutKeepWhatCameBefore() throws Exception {
        Path corpus = SharedCorpus.require();
        byte[] hlog = gzip(Files.readAllBytes(corpus.resolve("hlog/HdrHistogram-java__ycsb.logV1.hlog")));
        Path h = dir.resolve("ycsb.hlog.gz");
        Files.write(h, Arrays.copyOf(hlog, hlog.length / 2));
        InputSummary hs = only(analyze(h));
        assertEquals(InputKind.HDR_LOG, hs.kind(), hs.issues()::toString);
        assertTrue(hs.lines() > 10 && has(hs, InputIssue.TRUNCATED), hs::toString);

        byte[] jmh = gzip(Files.readAllBytes(corpus.resolve("jmh/json-bench__jmh-result.json")));
        Path j = dir.resolve("jmh.json.gz");
        Files.write(j, Arrays.copyOf(jmh, jmh.length / 2));
        Evidence e = analyze(j);
        InputSummary js = only(e);
        assertEquals(InputKind.JMH_RESULT, js.kind(), js.issues()::toString);
        assertTrue(has(js, InputIssue.TRUNCATED), js.issues()::toString);
        assertFalse(e.benchmarks().isEmpty() || e.benchmarks().get(0).runs().isEmpty(), "the runs before the cut");
    }

    @Test
    void aGzipBombStopsAtTheRatioLimitWithWhatWasRead() throws Exception {
        // one real log line repeated: deflate packs it about a thousand to one, far beyond any real log
        byte[] line = "[2026-01-01T00:00:00.000+0000][0.100s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 1.234ms\n"
                .getBytes(StandardCharsets.US_ASCII);
        Path bomb = dir.resolve("bomb.log.gz");
        byte[] block = new byte[line.length * 8192];
        for (int i = 0; i < 8192; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            for (long written = 0; written < (96L << 20); written += block.length) {
                out.write(block);
            }
        }
        InputSummary s = only(analyze(bomb));
        InputIssue limit = issue(s, InputIssue.LIMIT_REACHED);
        assertTrue(limit.message().contains(ReadLimits.MAX_INFLATION_RATIO), limit::toString);
        assertTrue(s.lines() > 0 && s.lines() < (96L << 20) / line.length, s::toString);
    }

    @Test
    void theInflatedSizeLimitCanBeLoweredAndStopsTheRead() throws Exception {
        byte[] log = smallLog();
        Path gz = dir.resolve("g1.log.gz");
        Files.write(gz, gzip(log));
        InputSummary s = withProperty(ReadLimits.MAX_INFLATED_BYTES, "100k", () -> only(analyze(gz)));
        InputIssue limit = issue(s, InputIssue.LIMIT_REACHED);
        assertTrue(limit.message().contains(ReadLimits.MAX_INFLATED_BYTES), limit::toString);
        assertTrue(s.lines() > 0 && s.lines() <= lines(log, 100 * 1024), s::toString);
        // and the default reads it whole
        assertEquals(lines(log, log.length), only(analyze(gz)).lines());
    }

    @Test
    void aZipOfTwentyThousandMembersEndsInTimeWithTheMemberLimit() throws Exception {
        Path zip = dir.resolve("many.zip");
        byte[] member = "not a log\n".getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip),
                1 << 16))) {
            for (int i = 0; i < 20_000; i++) {
                out.putNextEntry(new ZipEntry(String.format("m%05d.txt", i)));
                out.write(member);
                out.closeEntry();
            }
        }
        Evidence e = analyze(zip);
        InputIssue limit = e.inputs().stream().flatMap(s -> s.issues().stream())
                .filter(i -> i.code().equals(InputIssue.LIMIT_REACHED)).findFirst()
                .orElseThrow(() -> new AssertionError("no limit issue"));
        assertTrue(limit.message().contains("20000") && limit.message().contains(ReadLimits.MAX_ARCHIVE_MEMBERS),
                limit::toString);
        // one summary per member read (each "not a format jvm-advisor knows"), plus the limit's
        assertEquals(ReadLimits.DEFAULTS.maxArchiveMembers() + 1, e.inputs().size());
    }

    @Test
    void aZipInsideAZipIsReportedNotReadAsText() throws Exception {
        byte[] log = smallLog();
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(inner)) {
            ZipEntry e = new ZipEntry("gc.log");
            out.setLevel(0);
            out.putNextEntry(e);
            out.write(log);
            out.closeEntry();
        }
        Path zip = dir.resolve("outer.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("inner.zip"));
            out.write(inner.toByteArray());
            out.closeEntry();
        }
        InputSummary s = only(analyze(zip));
        assertNotEquals(InputKind.GC_LOG, s.kind());
        InputIssue u = issue(s, InputIssue.UNSUPPORTED_FORMAT);
        assertTrue(u.message().contains("zip") && u.source().endsWith("outer.zip!/inner.zip"), u::toString);
        // a gzip of a gzip likewise
        Path gz2 = dir.resolve("twice.log.gz");
        Files.write(gz2, gzip(gzip(log)));
        InputSummary t = only(analyze(gz2));
        assertTrue(has(t, InputIssue.UNSUPPORTED_FORMAT) && t.issues().get(0).message().contains("gzip"),
                t.issues()::toString);
    }

    static <T> T withProperty(String key, String value, Supplier<T> body) {
        String old = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }
}
