package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advise} and {@code rules} on the bundled real G1 log, in every format. */
class AdviseCommandTest {

    static final Path EXAMPLE = Path.of("..", "examples", "g1-small-heap", "gc.log.gz");

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

    @Test
    void theBundledExamplePrintsRankedAdviceInEightyColumns() {
        Run r = run("advise", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("jvm-advisor: advice for JDK 17, goal balanced"), r.out());
        // wider only for one flag that cannot be broken (the suggested recording): whole, on its own line
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80 || l.strip().matches("-XX:\\S+")), r.out());
    }

    @Test
    void jsonHasTheContractFields() throws Exception {
        Run r = run("advise", "--format", "json", "--target-jdk", "25", "--jvm-args", "-XX:MaxRAMFraction=2 -XX:+UseG1GC",
                EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(2, root.get("schemaVersion").asInt());
        assertEquals(25, root.get("targetJdk").asInt());
        JsonNode first = root.at("/recommendations/0");
        for (String field : List.of("rank", "ruleId", "pack", "role", "severity", "score", "summary", "flags",
                "expectedEffect", "confidence")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        assertEquals("LINT-01", first.get("ruleId").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals("-XX:MaxRAMPercentage=50", first.at("/flags/1").asText());
        String line = root.at("/commandLine/text").asText();
        assertTrue(line.contains("-XX:+UseG1GC") && line.contains("-XX:MaxRAMPercentage=50") && !line.contains("Fraction"), line);
        assertTrue(root.at("/commandLine/startsOk").asBoolean());
        assertTrue(root.at("/commandLine/decisions").isArray() && root.at("/commandLine/steps").isArray());
        assertTrue(root.get("safetyNets").isArray());
        assertTrue(root.get("findings").isArray() && root.get("notApplicable").isArray());
        // the analyze sections follow
        assertEquals("G1", root.at("/gc/collector").asText());
    }

    @Test
    void failOnGivesExitThreeForCi() {
        assertEquals(3, run("advise", "--fail-on", "error", "--target-jdk", "25", "--jvm-args", "-XX:MaxRAMFraction=2").code());
        assertEquals(0, run("advise", "--fail-on", "error", "--target-jdk", "25", "--jvm-args", "-XX:MaxRAMPercentage=50").code());
    }

    @Test
    void usageErrorsExitTwo() {
        Run badParam = run("advise", "--param", "EXP-01.nope=1", EXAMPLE.toString());
        assertEquals(2, badParam.code());
        assertTrue(badParam.err().contains("EXP-01 has only infoShare, warnShare"), badParam.err());
        assertEquals(2, run("advise", "--goal", "speed", EXAMPLE.toString()).code());
        assertEquals(2, run("advise").code());
    }

    @Test
    void inputTextNeverBecomesMarkup() throws Exception {
        // a real log under a hostile name: the name is shown in every format
        Path hostile = dir.resolve("<img src=x onerror=alert(1)>`*|.log.gz");
        Files.copy(EXAMPLE, hostile);
        String html = run("advise", "--format", "html", hostile.toString()).out();
        assertFalse(html.contains("<img"), "raw tag in HTML");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        String md = run("advise", "--format", "md", hostile.toString()).out();
        // in Markdown the name is inside code spans, where HTML is text; nowhere else
        assertFalse(md.replaceAll("`[^`\n]*`", "").contains("<img"), "raw tag in Markdown");
        assertTrue(md.contains("`" + hostile.toString().replace('`', '\'') + "`"), md);
        String text = run("advise", hostile.toString()).out();
        assertTrue(text.contains("<img src=x onerror=alert(1)>"), "text shows the name as it is");
    }

    @Test
    void htmlRendersInAHeadlessBrowser() throws Exception {
        Path page = dir.resolve("report.html");
        Run r = run("advise", "--format", "html", "-o", page.toString(), EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        Path script = Path.of("..", "scripts", "check-html.sh").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString(), page.toString(), "3").redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the browser check finished");
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.exitValue() != 2, "no chromium on this machine: " + out);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void rulesListsEveryRuleWithItsEvidence() throws Exception {
        Run r = run("rules");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LINT-01"), r.out());
        assertTrue(r.out().contains("EXP-01.infoShare = 0.05 (heuristic)"), r.out());
        JsonNode json = new ObjectMapper().readTree(run("rules", "--json").out());
        JsonNode exp = null;
        for (JsonNode n : json) {
            if (n.get("id").asText().equals("EXP-01")) {
                exp = n;
            }
        }
        assertEquals("explicit-gc", exp.get("pack").asText());
        assertEquals("gc", exp.at("/requires/0").asText());
    }
}
