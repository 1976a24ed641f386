package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.testing.GcRuns;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gives a clear issue with file and line and a partial result; it never throws. The base
 * log is a real one from a child JVM, damaged in the ways logs get damaged.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    static Path log;
    static Path jfr;
    static List<String> lines;
    static long pauses;

    @BeforeAll
    static void realLog() throws Exception {
        log = dir.resolve("gc.log");
        jfr = dir.resolve("run.jfr");
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m",
                "-Xlog:gc*,safepoint:file=" + log + ":time,uptime,level,tags",
                "-XX:StartFlightRecording:filename=" + jfr), 0.8, 16);
        lines = Files.readAllLines(log);
        pauses = GcRuns.countPauseLines(List.of(log));
        assertTrue(pauses > 10);
    }

    private static Path write(String name, List<String> content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static List<InputIssue> issues(GcLogResult r, String code) {
        return r.summary().issues().stream().filter(i -> i.code().equals(code)).toList();
    }

    @Test
    void truncatedGzipGivesWhatWasReadAndSaysWhere() throws IOException {
        Path gz = dir.resolve("gc.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(log, out);
        }
        byte[] all = Files.readAllBytes(gz);
        Path cut = dir.resolve("cut.log.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 6 / 10));

        GcLogResult whole = GcLogReader.read(gz);
        assertEquals(pauses, whole.analysis().metrics().pauses().count(), "gzip reads like the plain file");
        assertEquals(lines.size(), whole.summary().lines());

        GcLogResult r = GcLogReader.read(cut);
        List<InputIssue> truncated = issues(r, InputIssue.TRUNCATED);
        assertEquals(1, truncated.size(), () -> r.summary().issues().toString());
        assertTrue(truncated.get(0).line() > 0 && truncated.get(0).line() < lines.size(), "says after which line");
        assertTrue(truncated.get(0).source().endsWith("cut.log.gz"));
        long partial = r.analysis().metrics().pauses().count();
        assertTrue(partial > 0 && partial < pauses, "partial result: " + partial + " of " + pauses);
    }

    @Test
    void garbageLinesAreCountedWithTheirLineNumbersAndNothingElseChanges() throws IOException {
        List<String> damaged = new ArrayList<>(lines);
        Random rnd = new Random(42);
        List<Integer> garbageAt = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            int at = 20 + rnd.nextInt(damaged.size() - 40);
            damaged.add(at, k % 3 == 0 ? "\u0000\u0001binary\u00ff junk " + k
                    : k % 3 == 1 ? "Exception in thread \"main\" java.lang.IllegalStateException: boom " + k
                    : "[0.123s][info][gc] GC(" + (900 + k) + ") Something no JVM ever wrote " + k);
        }
        for (int i = 0; i < damaged.size(); i++) {
            if (damaged.get(i).contains("junk") || damaged.get(i).contains("boom")
                    || damaged.get(i).contains("no JVM ever wrote")) {
                garbageAt.add(i + 1);
            }
        }
        Path p = write("garbage.log", damaged);
        GcLogResult r = GcLogReader.read(p);
        InputSummary s = r.summary();
        assertEquals(damaged.size(), s.lines());
        assertEquals(10, s.unknownLines(), "decorated lines of the gc tag set that say nothing known");
        assertEquals(20, s.foreignLines(), "lines that are not log lines");
        assertEquals(pauses, r.analysis().metrics().pauses().count(), "the real lines are all still read");
        for (InputIssue i : issues(r, InputIssue.UNKNOWN_LINE)) {
            assertTrue(garbageAt.contains((int) i.line()), "issue at the garbage line: " + i);
            assertTrue(i.source().endsWith("garbage.log"));
        }
        InputIssue foreign = issues(r, InputIssue.FOREIGN_LINES).get(0);
        assertEquals((long) garbageAt.stream().filter(l -> !damaged.get(l - 1).contains("no JVM")).findFirst()
                .orElseThrow(), foreign.line(), "first foreign line");
    }

    @Test
    void hugeLineIsCutAndReported() throws IOException {
        List<String> damaged = new ArrayList<>(lines);
        damaged.add(25, "[0.5s][info][gc] " + "x".repeat(5_000_000));
        Path p = write("huge.log", damaged);
        GcLogResult r = GcLogReader.read(p);
        List<InputIssue> cut = issues(r, InputIssue.LONG_LINE);
        assertEquals(1, cut.size());
        assertEquals(26, cut.get(0).line());
        assertEquals(pauses, r.analysis().metrics().pauses().count());
        assertEquals(damaged.size(), r.summary().lines());
    }

    @Test
    void fileWithoutLineBreaksDoesNotExhaustMemory() throws IOException {
        Path p = dir.resolve("one-line.log");
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write("[0.1s][info][gc] Using G1\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "GC(1) Pause Young ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3000; i++) { // about 54 MB without a line break
                out.write(chunk);
            }
        }
        GcLogResult r = GcLogReader.read(p);
        assertEquals(2, r.summary().lines());
        assertEquals(1, issues(r, InputIssue.LONG_LINE).size());
    }

    @Test
    void lineCutAtTheEndOfAFileStillBeingWritten() throws IOException {
        // the file ends in the middle of the last pause line, as when it is copied while the JVM writes
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (GcRuns.countPauseLines(java.util.stream.Stream.of(lines.get(i))) == 1) {
                last = i;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < last; i++) {
            text.append(lines.get(i)).append('\n');
        }
        text.append(lines.get(last), 0, lines.get(last).length() - 12);
        Path p = dir.resolve("being-written.log");
        Files.writeString(p, text);
        GcLogResult r = GcLogReader.read(p);
        assertTrue(r.summary().unknownLines() <= 1, "at most the cut last line");
        assertEquals(pauses - 1, r.analysis().metrics().pauses().count(), "all but the cut pause");
        // the cut is said, at the cut line (found by the fuzzing suite: it was silent)
        List<InputIssue> cut = issues(r, InputIssue.TRUNCATED);
        assertEquals(1, cut.size(), r.summary().issues().toString());
        assertEquals(last + 1, cut.get(0).line());
        // the same log whole ends with a line end and has no such issue
        assertTrue(issues(GcLogReader.read(log), InputIssue.TRUNCATED).isEmpty());
    }

    @Test
    void listenerThatThrowsDoesNotStopTheReading() {
        AtomicInteger calls = new AtomicInteger();
        GcLogResult r = GcLogReader.read(List.of(InputSource.of(log)), e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });
        assertEquals(1, calls.get(), "called until it failed");
        assertEquals(pauses, r.analysis().metrics().pauses().count());
    }

    @Test
    void inputsThatAreNotGcLogsAreListedWithAReason() throws IOException {
        Path binary = dir.resolve("random.bin");
        byte[] b = new byte[100_000];
        new Random(1).nextBytes(b);
        Files.write(binary, b);
        Path empty = Files.createFile(dir.resolve("empty.log"));
        Path missing = dir.resolve("missing.log");
        Evidence e = Analyzer.analyze(List.of(binary, empty, missing, dir, jfr, log));
        assertEquals(6, e.inputs().size(), "every input is listed, in the order given");
        assertEquals(InputIssue.UNKNOWN_FORMAT, e.inputs().get(0).issues().get(0).code());
        assertEquals(InputIssue.UNKNOWN_FORMAT, e.inputs().get(1).issues().get(0).code());
        assertEquals(InputIssue.IO_ERROR, e.inputs().get(2).issues().get(0).code());
        assertEquals(InputIssue.IO_ERROR, e.inputs().get(3).issues().get(0).code());
        assertEquals(InputKind.JFR, e.inputs().get(4).kind());
        assertTrue(e.inputs().get(4).lines() > 0, "the recording is read: its events are counted");
        assertEquals(InputKind.GC_LOG, e.inputs().get(5).kind());
        assertEquals(pauses, e.gc().orElseThrow().metrics().pauses().count());
    }

    @Test
    void corpusInputsOfKindsNotReadAreRecognised() {
        Path corpus = SharedCorpus.require();
        Path legacy = corpus.resolve("gclog/public/gcviewer/legacy/shenandoah/SampleOpenJdk1_8_0-332.txt");
        Path ibm = corpus.resolve("gclog/public/gcviewer/ibm/SampleIBMJ9_R28_concurrent_collection.txt");
        Path jmh = corpus.resolve("jmh/openjdk-jmh__output-golden.json");
        Path jfr = corpus.resolve("jfr/jmc__8u60.jfr");
        Evidence e = Analyzer.analyze(List.of(legacy, ibm, jmh, jfr));
        assertEquals(List.of(InputKind.GC_LOG, InputKind.GC_LOG, InputKind.JMH_RESULT, InputKind.JFR),
                e.inputs().stream().map(InputSummary::kind).toList());
        assertEquals(List.of("legacy", "ibm-verbose-xml"), e.inputs().subList(0, 2).stream().map(InputSummary::format)
                .toList());
        for (int i : new int[] {0, 1, 3}) {
            assertEquals(InputIssue.UNSUPPORTED_FORMAT, e.inputs().get(i).issues().get(0).code(), e.inputs().get(i)::toString);
        }
        assertEquals(1, e.benchmarks().size(), "the JMH result is read");
        assertTrue(e.gc().isEmpty());
    }

    @Test
    void everyPauseHasSaneValues() {
        List<Pause> seen = new ArrayList<>();
        GcLogReader.read(List.of(InputSource.of(log)), ev -> {
            if (ev instanceof Pause) {
                seen.add((Pause) ev);
            }
        });
        assertEquals(pauses, seen.size());
        for (Pause p : seen) {
            assertTrue(p.durationNanos() > 0 && p.durationNanos() < 10_000_000_000L, p.toString());
            assertTrue(p.at().uptimeNanos() > 0 && p.at().epochMillis() > 1_600_000_000_000L, p.toString());
            assertTrue(p.heap() != null && p.heap().beforeBytes() >= 0, p.toString());
        }
    }

    /** The 1-based number of the first line containing {@code text}. */
    private static int lineOf(List<String> content, String text) {
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    @Test
    void impossibleHeaderValuesAreIssuesAndNotUsed() throws IOException {
        List<String> damaged = new ArrayList<>(lines);
        int cpus = lineOf(damaged, "] CPUs: ");
        damaged.set(cpus - 1, damaged.get(cpus - 1).replaceAll("CPUs: .*", "CPUs: 0 total, -1 available"));
        int region = lineOf(damaged, "] Heap Region Size: ");
        damaged.set(region - 1, damaged.get(region - 1).replaceAll("Heap Region Size: .*",
                "Heap Region Size: 99999999999999999999G"));
        int memory = lineOf(damaged, "] Memory: ");
        damaged.set(memory - 1, damaged.get(memory - 1).replaceAll("Memory: .*", "Memory: 9000000000000T"));
        GcLogResult r = GcLogReader.read(write("impossible-header.log", damaged));
        List<InputIssue> bad = issues(r, InputIssue.BAD_VALUE);
        assertEquals(List.of((long) memory, (long) cpus, (long) region).stream().sorted().toList(),
                bad.stream().map(InputIssue::line).sorted().toList(), bad::toString);
        assertTrue(bad.stream().allMatch(i -> i.source().endsWith("impossible-header.log")));
        assertEquals(null, r.analysis().setup().cpusTotal());
        assertEquals(null, r.analysis().setup().cpusAvailable());
        assertEquals(null, r.analysis().setup().regionSizeBytes());
        assertEquals(null, r.analysis().setup().memoryBytes());
        assertEquals(pauses, r.analysis().metrics().pauses().count(), "the rest is read as before");

        damaged.set(cpus - 1, damaged.get(cpus - 1).replaceAll("CPUs: .*", "CPUs: 4 total, 9 available"));
        GcLogResult more = GcLogReader.read(write("more-available.log", damaged));
        assertEquals(4, more.analysis().setup().cpusTotal());
        assertEquals(null, more.analysis().setup().cpusAvailable());
        assertTrue(issues(more, InputIssue.BAD_VALUE).stream().anyMatch(i -> i.line() == cpus));
    }

    @Test
    void uptimeThatStandsStillIsAnIssueAndCoversNoKnownTime() throws IOException {
        List<String> damaged = new ArrayList<>();
        for (String l : lines) {
            damaged.add(l.replaceFirst("\\]\\[[0-9]+\\.[0-9]+s\\]", "][1.000s]"));
        }
        assertTrue(damaged.get(damaged.size() - 1).contains("[1.000s]"), damaged.get(damaged.size() - 1));
        GcLogResult r = GcLogReader.read(write("still.log", damaged));
        List<InputIssue> bad = issues(r, InputIssue.BAD_VALUE);
        assertEquals(1, bad.size(), bad::toString);
        assertTrue(bad.get(0).message().contains("stands still") && bad.get(0).line() > 0, bad.get(0).toString());
        assertEquals(null, r.analysis().metrics().durationSeconds(), "not 0.0 s beside seconds of pauses");
        assertEquals(null, r.analysis().metrics().stwFraction());
        assertEquals(pauses, r.analysis().metrics().pauses().count());
    }

    @Test
    void uptimeThatRunsBackwardsIsAnIssue() throws IOException {
        List<String> damaged = new ArrayList<>();
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            // back from 1.9 s to 1.0 s over the log: never enough for a restart, always against the pauses' order
            damaged.add(lines.get(i).replaceFirst("\\]\\[[0-9]+\\.[0-9]+s\\]",
                    String.format(java.util.Locale.ROOT, "][%.3fs]", 1 + 0.9 * (n - i) / n)));
        }
        GcLogResult r = GcLogReader.read(write("backwards.log", damaged));
        assertTrue(issues(r, InputIssue.RESTART).isEmpty(), () -> r.summary().issues().toString());
        List<InputIssue> bad = issues(r, InputIssue.BAD_VALUE);
        assertEquals(1, bad.size(), bad::toString);
        assertTrue(bad.get(0).message().contains("runs backwards"), bad.get(0).toString());
        assertEquals(pauses, r.analysis().metrics().pauses().count());
    }

    @Test
    void theRealLogHasNoValueIssues() {
        GcLogResult r = GcLogReader.read(log);
        assertTrue(issues(r, InputIssue.BAD_VALUE).isEmpty(), () -> r.summary().issues().toString());
        assertTrue(r.analysis().metrics().durationSeconds() > 0);
    }
}
