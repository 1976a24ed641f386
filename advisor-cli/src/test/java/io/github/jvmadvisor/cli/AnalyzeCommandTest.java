package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path corpusLog(String name) {
        Path p = Path.of(System.getProperty("jvmadvisor.shared", "../../shared"), "corpus/gclog/generated", name);
        assumeTrue(Files.exists(p), "../shared/corpus is not present");
        return p;
    }

    @Test
    void textReportFitsATerminal() {
        Run r = run("analyze", corpusLog("jdk17-g1-full.log.gz").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1,094 pauses"), r.out());
        assertTrue(r.out().contains("G1"));
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), "80 columns");
    }

    @Test
    void jsonReportIsTheContract() throws Exception {
        Run r = run("analyze", "--format", "json", corpusLog("jdk25-zgc-default.log.gz").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("ZGC", root.at("/gc/collector").asText());
        assertEquals(3188, root.at("/gc/pauses/count").asLong());
        assertTrue(root.at("/gc/gcCpuFraction").isNull(), "ZGC logs have no gc,cpu lines: null, not 0");
    }

    static Path corpusHlog(String name) {
        Path p = Path.of(System.getProperty("jvmadvisor.shared", "../../shared"), "corpus/hlog", name);
        assumeTrue(Files.exists(p), "../shared/corpus is not present");
        return p;
    }

    @Test
    void latencyUnitIsGivenToLogsThatDoNotSayIt() throws Exception {
        // written by HdrHistogram's Python port: the reader cannot tell its unit
        Path unknown = corpusHlog("HdrHistogram_py__raphael.hlog");
        JsonNode before = new ObjectMapper().readTree(run("analyze", "--format", "json", unknown.toString()).out());
        assertTrue(before.at("/latency/0/series/0/unit").isNull(), before.at("/latency/0").toString());
        Run r = run("analyze", "--format", "json", "--latency-unit", "us", unknown.toString(),
                corpusHlog("HdrHistogram_c__hiccup.140623.1028.10646.hlog").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode given = root.at("/latency/0");
        assertEquals("us", given.at("/series/0/unit").asText());
        assertTrue(given.get("unitBasis").asText().startsWith("given: us (read: "), given.toString());
        // the values are as recorded: only what they are said to be in changes
        assertEquals(before.at("/latency/0/series/0/overall/p99").asDouble(), given.at("/series/0/overall/p99").asDouble());
        // jHiccup's log says nanoseconds, and keeps them
        assertEquals("ns", root.at("/latency/1/series/0/unit").asText());
        Run bad = run("analyze", "--latency-unit", "furlongs", unknown.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--latency-unit: unknown latency unit 'furlongs': use ns, us, ms or s"), bad.err());
    }

    @Test
    void outputFile() throws Exception {
        Path out = dir.resolve("report.json");
        Run r = run("analyze", "--format=json", "-o", out.toString(), corpusLog("jdk17-serial-default.log.gz").toString());
        assertEquals(0, r.code());
        assertEquals("", r.out());
        assertEquals("Serial", new ObjectMapper().readTree(out.toFile()).at("/gc/collector").asText());
    }

    @Test
    void nothingReadableExitsWithOne() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a log\n");
        Run r = run("analyze", text.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("none of the inputs could be read"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("analyze").code());
        assertEquals(2, run("analyze", "--format", "xml", "x").code());
        assertEquals(2, run("frobnicate").code());
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("analyze"));
    }
}
