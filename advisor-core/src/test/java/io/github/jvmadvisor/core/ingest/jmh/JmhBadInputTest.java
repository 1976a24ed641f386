package io.github.jvmadvisor.core.ingest.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH results gone wrong: cut, not an array, numbers too long, nesting too deep, duplicate and
 * unknown fields, non-finite values in every spelling, and a file saved in Windows-1252. Made from a
 * corpus file where the case allows, otherwise from a few lines of JSON.
 */
class JmhBadInputTest {

    private static final String ONE_RUN = """
            [
              {
                "benchmark" : "a.B.m",
                "mode" : "avgt",
                "threads" : 1,
                "forks" : 1,
                "primaryMetric" : {
                  "score" : %s,
                  "scoreError" : %s,
                  "scoreConfidence" : [ %s, %s ],
                  "scoreUnit" : "ns/op",
                  "rawData" : [ [ 1.0, %s ] ]
                },
                "secondaryMetrics" : { %s }
              }
            ]
            """;

    @TempDir
    Path dir;

    private JmhResult read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private JmhResult read(byte[] bytes) throws Exception {
        Path p = dir.resolve("r.json");
        Files.write(p, bytes);
        return JmhResultReader.read(InputSource.of(p));
    }

    private static String corpus(String name) throws Exception {
        return Files.readString(SharedCorpus.require().resolve("jmh").resolve(name), StandardCharsets.UTF_8);
    }

    private static InputIssue onlyIssue(JmhResult r) {
        assertEquals(1, r.summary().issues().size(), r.summary().issues().toString());
        return r.summary().issues().get(0);
    }

    @Test
    void truncatedFileKeepsTheRunsBefore() throws Exception {
        String text = corpus("crane4j__jmh-result.json");
        int cut = text.indexOf("\"benchmark\"", text.indexOf("\"benchmark\"", text.indexOf("\"benchmark\"") + 1) + 1);
        JmhResult r = read(text.substring(0, cut + 30));
        assertEquals(2, r.runs().size());
        InputIssue i = onlyIssue(r);
        assertEquals(InputIssue.TRUNCATED, i.code());
        assertEquals(text.substring(0, cut + 30).split("\n", -1).length, i.line());
    }

    @Test
    void notAnArray() throws Exception {
        InputIssue i = onlyIssue(read("\"hello\""));
        assertEquals(InputIssue.UNKNOWN_FORMAT, i.code());
        assertEquals(1, i.line());
        JmhResult empty = read("");
        assertEquals(InputIssue.TRUNCATED, onlyIssue(empty).code());
        // one run object on its own is read, with a note
        String text = corpus("github-action-benchmark__jmh_output.json").strip();
        JmhResult obj = read(text.substring(1, text.length() - 1));
        assertEquals(1, obj.runs().size());
        assertEquals(3376238873.1228185, obj.runs().get(0).primary().score());
        assertEquals(InputIssue.BAD_VALUE, onlyIssue(obj).code());
        // an array of other things
        JmhResult numbers = read("[1, 2]");
        assertTrue(numbers.runs().isEmpty());
        assertEquals(2, numbers.summary().issues().size());
    }

    @Test
    void hugeNumberLiteralStopsWithTheLine() throws Exception {
        String text = corpus("crane4j__jmh-result.json");
        String first = "\"score\" : ";
        int at = text.lastIndexOf(first);
        String big = text.substring(0, at + first.length()) + "9".repeat(500) + text.substring(at + first.length()
                + text.substring(at + first.length()).indexOf(','));
        JmhResult r = read(big);
        assertEquals(7, r.runs().size()); // the eighth run holds the number
        InputIssue i = onlyIssue(r);
        assertEquals(InputIssue.BAD_VALUE, i.code());
        assertTrue(i.message().contains("limit"), i.message());
        assertEquals(text.substring(0, at).split("\n", -1).length, i.line());
    }

    @Test
    void hugeNumberStringIsOneBadValue() throws Exception {
        JmhResult r = read(String.format(ONE_RUN, "\"" + "9".repeat(5000) + "\"", "\"NaN\"", 1, 2, 3, ""));
        assertEquals(1, r.runs().size());
        assertNull(r.runs().get(0).primary().score());
        InputIssue i = onlyIssue(r);
        assertEquals(InputIssue.BAD_VALUE, i.code());
        assertEquals(8, i.line());
    }

    @Test
    void deepNestingStops() throws Exception {
        String deep = "\"extra\" : " + "[".repeat(200) + "]".repeat(200) + ",";
        String text = corpus("github-action-benchmark__jmh_output.json");
        text = text.replace("\"benchmark\"", deep + "\"benchmark\"");
        JmhResult r = read(text);
        assertTrue(r.runs().isEmpty());
        InputIssue i = onlyIssue(r);
        assertEquals(InputIssue.BAD_VALUE, i.code());
        assertTrue(i.message().contains("nesting"), i.message());
        assertEquals(4, i.line()); // the "benchmark" line, where the nesting was put
    }

    @Test
    void nonFiniteValuesInEverySpelling() throws Exception {
        JmhResult r = read(String.format(ONE_RUN, "\"+INF\"", "NaN", "\"-INF\"", "Infinity", "\"NaN\"",
                "\"x\" : { \"score\" : \"-Infinity\", \"scoreUnit\" : \"ms\" }"));
        BenchmarkRun run = r.runs().get(0);
        // a score cannot be infinite: it is dropped with an issue on its line; the error and bounds JMH writes
        // as infinite or NaN when it cannot compute them are kept as they are
        assertNull(run.primary().score());
        assertNull(run.secondary("x").orElseThrow().score());
        assertEquals(List.of(8L, 14L), r.summary().issues().stream().map(InputIssue::line).toList(),
                r.summary().issues().toString());
        assertTrue(r.summary().issues().get(0).message().contains("infinite"), r.summary().issues().toString());
        assertNull(run.primary().scoreError());
        assertEquals(Double.NEGATIVE_INFINITY, run.primary().scoreConfidenceLow());
        assertEquals(Double.POSITIVE_INFINITY, run.primary().scoreConfidenceHigh());
        assertEquals(1.0, run.primary().rawData().get(0).get(0));
        assertTrue(run.primary().rawData().get(0).get(1).isNaN()); // kept in its place
    }

    @Test
    void nanAndOverflowingScoresAreIssuesNotValues() throws Exception {
        String text = corpus("crane4j__jmh-result.json");
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        assertTrue(lines.get(22).contains("\"score\" : 2.7797302031366877"));
        lines.set(22, lines.get(22).replace("2.7797302031366877", "1e400"));
        assertTrue(lines.get(83).contains("\"score\" : 0.6475681535326376"));
        lines.set(83, lines.get(83).replace("0.6475681535326376", "NaN"));
        lines.set(144, lines.get(144).replace("210.2783606660977", "\"-1e400\""));
        JmhResult before = read(text);
        JmhResult r = read(String.join("\n", lines));
        assertEquals(before.runs().size(), r.runs().size());
        for (int i = 0; i < 3; i++) {
            assertNull(r.runs().get(i).primary().score(), "run " + i);
        }
        assertEquals(before.runs().get(3).primary().score(), r.runs().get(3).primary().score());
        assertEquals(List.of(23L, 84L, 145L), r.summary().issues().stream().map(InputIssue::line).toList(),
                r.summary().issues().toString());
        assertTrue(r.summary().issues().get(0).message().contains("beyond the range"), r.summary().issues().toString());
        assertTrue(r.summary().issues().get(1).message().contains("NaN"), r.summary().issues().toString());
    }

    @Test
    void negativeSampleCountsAreAnIssue() throws Exception {
        String text = corpus("hollow__jmh-result.json");
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        assertTrue(lines.get(620).contains("[ 0.017856, 5 ]"));
        lines.set(620, lines.get(620).replace("[ 0.017856, 5 ]", "[ 0.017856, -5 ]"));
        JmhResult before = read(text);
        JmhResult r = read(String.join("\n", lines));
        assertEquals(before.runs().size(), r.runs().size());
        InputIssue i = onlyIssue(r);
        assertEquals(621, i.line());
        assertTrue(i.message().contains("negative"), i.message());
    }

    @Test
    void runsBeyondTheLimitAreCountedNotKept() throws Exception {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < 30; i++) {
            b.append(i == 0 ? "" : ",\n").append("{ \"benchmark\" : \"a.B.m").append(i)
                    .append("\", \"mode\" : \"thrpt\", \"primaryMetric\" : { \"score\" : ").append(i + 1)
                    .append(", \"scoreUnit\" : \"ops/s\" } }");
        }
        Path p = dir.resolve("many.json");
        Files.writeString(p, b.append("\n]\n"));
        JmhResult r = JmhResultReader.read(InputSource.of(p), 10);
        assertEquals(10, r.runs().size());
        assertEquals("a.B.m9", r.runs().get(9).benchmark());
        InputIssue i = onlyIssue(r);
        assertEquals(InputIssue.LIMITED, i.code());
        assertEquals(12, i.line()); // the eleventh run
        assertTrue(i.message().contains("30 runs") && i.message().contains(JmhResultReader.MAX_RUNS_PROPERTY),
                i.message());
        assertEquals(30, JmhResultReader.read(InputSource.of(p)).runs().size());
        assertThrows(IllegalArgumentException.class, () -> JmhResultReader.read(InputSource.of(p), 0));
    }

    @Test
    void duplicateUnknownAndMistypedFields() throws Exception {
        String text = """
                [ { "benchmark" : "a.B.m", "benchmark" : "other", "mode" : "thrpt", "userAgent" : { "x" : [1, 2] },
                    "threads" : "4", "forks" : 1.5, "jvmArgs" : "-Xmx1g", "params" : { "n" : 10, "flag" : true },
                    "primaryMetric" : { "score" : "12.5", "scoreUnit" : "ops/s", "scoreConfidence" : [ 1 ] } } ]
                """;
        JmhResult r = read(text);
        BenchmarkRun run = r.runs().get(0);
        assertEquals("a.B.m", run.benchmark());
        assertEquals(4, run.threads());
        assertNull(run.forks());
        assertTrue(run.jvmArgs().isEmpty());
        assertEquals("10", run.params().get("n"));
        assertEquals("true", run.params().get("flag"));
        assertEquals(12.5, run.primary().score());
        assertEquals(Boolean.TRUE, run.isHigherBetter());
        List<String> messages = r.summary().issues().stream().map(InputIssue::message).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("'benchmark' appears twice"), messages.get(0));
        assertTrue(messages.get(1).contains("'forks' is not an integer"), messages.get(1));
        assertTrue(messages.get(2).contains("'jvmArgs' should be an array"), messages.get(2));
        assertTrue(messages.get(3).contains("scoreConfidence"), messages.get(3));
        assertEquals(1, r.summary().issues().get(0).line());
        assertEquals(3, r.summary().issues().get(3).line());
    }

    @Test
    void runsWithoutNameOrPrimaryAreSkipped() throws Exception {
        JmhResult r = read("""
                [ { "mode" : "thrpt", "primaryMetric" : { "score" : 1 } },
                  { "benchmark" : "a.B.m" },
                  { "benchmark" : "a.B.n", "primaryMetric" : { "score" : 2, "scoreUnit" : "us/op" } } ]
                """);
        assertEquals(1, r.runs().size());
        assertEquals("a.B.n", r.runs().get(0).benchmark());
        assertNull(r.runs().get(0).mode());
        assertEquals(Boolean.FALSE, r.runs().get(0).isHigherBetter()); // from the unit
        assertEquals(List.of(1L, 2L), r.summary().issues().stream().map(InputIssue::line).toList());
    }

    @Test
    void middleDotWrittenInWindows1252() throws Exception {
        String text = corpus("scala-blake3__jmh-result.intel.json");
        JmhResult r = read(text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        BenchmarkRun run = r.runs().get(0);
        assertEquals(5008.001365491836, run.gcAllocRateBytesPerOp());
        assertEquals("\ufffdgc.alloc.rate.norm", run.secondary("gc.alloc.rate.norm").orElseThrow().originalName());
    }

    @Test
    void contentAfterTheArray() throws Exception {
        String text = corpus("github-action-benchmark__jmh_output.json") + "\n[]\n";
        JmhResult r = read(text);
        assertEquals(1, r.runs().size());
        assertEquals(InputIssue.BAD_VALUE, onlyIssue(r).code());
    }
}
