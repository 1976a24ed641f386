package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.testing.ChattyWorkload;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.GcRuns;
import io.github.jvmadvisor.core.testing.Jdks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs as users have them: rotated sets (with a restart), gzip, and GC lines in application output. */
class AsUsersHaveThemTest {

    @TempDir
    Path dir;

    @Test
    void rotatedSetGivenInAnyOrderIsReadInContentOrder() throws Exception {
        Path base = dir.resolve("gc.log");
        String xlog = "-Xlog:gc*:file=" + base + ":time,uptime,level,tags:filecount=4,filesize=48k";
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx64m", xlog), 1.5, 16);
        List<Path> set = GcRuns.rotatedSet(base);
        assertTrue(set.size() == 5, "the ring is full: " + set);
        List<Path> shuffled = new ArrayList<>(set);
        Collections.shuffle(shuffled, new Random(3));

        Evidence e = Analyzer.analyze(shuffled);
        assertEquals(1, e.inputs().size());
        InputSummary s = e.inputs().get(0);
        assertEquals(0, s.unknownLines(), () -> s.issues().toString());
        assertEquals(byFirstTimestamp(set), s.members(), "members ordered by their first time stamp");
        GcMetrics m = e.gc().orElseThrow().metrics();
        assertEquals(1, m.runs());
        assertEquals(GcRuns.countPauseLines(set), m.pauses().count() + m.fullGcs().afterAbandonedYoung());

        // the same set, gzip-compressed as log shippers leave it
        List<Path> gz = new ArrayList<>();
        for (Path p : shuffled) {
            Path z = dir.resolve("gz").resolve(p.getFileName() + ".gz");
            Files.createDirectories(z.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(z))) {
                Files.copy(p, out);
            }
            gz.add(z);
        }
        GcMetrics mz = Analyzer.analyze(gz).gc().orElseThrow().metrics();
        assertEquals(m.pauses(), mz.pauses());
        assertEquals(m.allocationRateBytesPerSec(), mz.allocationRateBytesPerSec());
    }

    @Test
    void restartIsASecondRunInTheSameSet() throws Exception {
        Path base = dir.resolve("gc.log");
        // a ring large enough to keep both runs (a small one loses the first run to the second)
        String xlog = "-Xlog:gc*:file=" + base + ":time,uptime,level,tags:filecount=30,filesize=128k";
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", xlog), 0.5, 16);
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", xlog), 0.5, 16);
        List<Path> set = GcRuns.rotatedSet(base);
        long initBlocks = 0;
        for (Path p : set) {
            initBlocks += Files.readAllLines(p).stream().filter(l -> l.endsWith("] Using G1")).count();
        }
        assertEquals(2, initBlocks, "both runs are still in the set");
        Evidence e = Analyzer.analyze(set);
        GcMetrics m = e.gc().orElseThrow().metrics();
        assertEquals(2, m.runs(), "two JVMs wrote the set");
        assertEquals(GcRuns.countPauseLines(set), m.pauses().count());
        InputSummary s = e.inputs().get(0);
        assertTrue(s.issues().stream().anyMatch(i -> i.code().equals(InputIssue.RESTART)));
        assertFalse(s.issues().stream().anyMatch(i -> i.code().equals(InputIssue.ORDER)),
                "with wall-clock time stamps the order is known");
        assertEquals(0, s.unknownLines());
    }

    @Test
    void gcLinesMixedIntoApplicationOutput() throws Exception {
        int appLines = 20_000;
        ChildJvm.Result r = ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx64m",
                "-Xlog:gc,gc+cpu,safepoint:stdout:uptime,level,tags"), ChattyWorkload.class,
                List.of("1.0", "16", String.valueOf(appLines)), 120).requireSuccess();
        Path out = dir.resolve("stdout.txt");
        Files.writeString(out, r.output());
        long expected;
        try (Stream<String> lines = Files.lines(out)) {
            expected = GcRuns.countPauseLines(lines);
        }
        Evidence e = Analyzer.analyze(List.of(out));
        InputSummary s = e.inputs().get(0);
        assertEquals("gc-log", s.kind().id());
        assertEquals(0, s.unknownLines(), () -> s.issues().toString());
        long appInOutput = appLinesIn(r.output());
        assertTrue(appInOutput >= appLines, "every app line is in the output");
        assertEquals(appLines + 1, s.foreignLines(), "application lines (and 'done') are counted, not parsed");
        assertTrue(s.issues().stream().anyMatch(i -> i.code().equals(InputIssue.FOREIGN_LINES)));
        assertEquals(expected, e.gc().orElseThrow().metrics().pauses().count());
    }

    private static long appLinesIn(String output) {
        Matcher m = Pattern.compile("app line \\d+").matcher(output);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> byFirstTimestamp(List<Path> files) throws IOException {
        List<Path> sorted = new ArrayList<>(files);
        List<String> firstStamp = new ArrayList<>();
        for (Path p : files) {
            firstStamp.add(Files.lines(p).findFirst().orElse(""));
        }
        sorted.sort((a, b) -> firstStamp.get(files.indexOf(a)).compareTo(firstStamp.get(files.indexOf(b))));
        return sorted.stream().map(Path::toString).toList();
    }
}
