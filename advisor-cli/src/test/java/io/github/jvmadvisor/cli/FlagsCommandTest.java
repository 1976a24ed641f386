package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FlagsCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void optionsThatStartExitZero() {
        Run r = run("flags", "--jdk", "25", "--check", "-Xmx2g -XX:+UseZGC -XX:SoftMaxHeapSize=1g");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("JDK 25 (25.0.3+9-LTS): the JVM would start."), r.out());
        assertTrue(r.out().contains("Collector: ZGC (selected by -XX:+UseZGC)"), r.out());
        assertTrue(r.out().contains("No findings."), r.out());
    }

    @Test
    void optionsThatDoNotStartExitOne() {
        Run r = run("flags", "--jdk=17", "--check=-XX:+UseZGC -XX:+ZGenerational -XX:MaxGCPauseMillis=5");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("would NOT start (1 error)"), r.out());
        assertTrue(r.out().contains("ERROR   removed-flag  -XX:+ZGenerational"), r.out());
        assertTrue(r.out().contains("Unrecognized VM option 'ZGenerational'"), r.out());
        assertTrue(r.out().contains("WARNING ineffective-for-collector  -XX:MaxGCPauseMillis=5"), r.out());
        assertEquals(0, run("flags", "--jdk", "25", "--check", "-XX:+UseZGC -XX:+ZGenerational").code(),
                "25 ignores it with a warning");
    }

    @Test
    void checkAsJson() throws Exception {
        Run r = run("flags", "--jdk", "25", "--json", "--check", "-XX:G1NewSizePercent=10 -XX:+UnlockExperimentalVMOptions");
        assertEquals(1, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("schemaVersion").asInt());
        assertFalse(root.get("startsOk").asBoolean());
        assertEquals("G1", root.get("collector").asText());
        JsonNode f = root.get("findings").get(0);
        assertEquals("ERROR", f.get("severity").asText());
        assertEquals("needs-unlock", f.get("code").asText());
        assertTrue(f.get("message").asText().endsWith("The unlock option must precede 'G1NewSizePercent'."));
    }

    @Test
    void flagInformation() {
        Run r = run("flags", "--jdk", "25", "GCTimeRatio", "--", "-XX:+ZGenerational");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("GCTimeRatio in JDK 25 (25.0.3+9-LTS)"), r.out());
        assertTrue(r.out().contains("default          12\n"), r.out());
        assertTrue(r.out().contains("Shenandoah-generational: 70"), r.out());
        assertTrue(r.out().contains("ZGenerational in JDK 25 (25.0.3+9-LTS): obsolete"), r.out());
        assertTrue(r.out().contains("Ignoring option ZGenerational; support was removed in 24.0"), r.out());
    }

    @Test
    void unknownNameExitsOneWithSuggestions() throws Exception {
        Run r = run("flags", "--jdk", "17", "UseParalelGC");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("did you mean UseParallelGC?"), r.out());
        Run j = run("flags", "--jdk", "17", "--json", "MaxHeapSize", "UseParalelGC");
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertEquals("MaxHeapSize", root.at("/flags/0/name").asText());
        assertTrue(root.at("/flags/0/ergonomic").asBoolean());
        assertEquals("UseParallelGC", root.at("/unknown/0/didYouMean/0").asText());
    }

    @Test
    void summary() {
        Run r = run("flags", "--jdk", "21");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Flag catalogue of JDK 21 (derived from 17.0.15"), r.out());
        assertTrue(r.out().contains("ZGC-generational"), r.out());
        Run approx = run("flags", "--jdk", "27");
        assertTrue(approx.out().contains("standing in for JDK 27"), approx.out());
    }

    @Test
    void usageErrorsExitTwo() {
        Run old = run("flags", "--jdk", "11");
        assertEquals(2, old.code());
        assertTrue(old.err().contains("no catalogue before JDK 17"), old.err());
        assertEquals(2, run("flags", "--jdk", "x").code());
        assertEquals(2, run("flags", "--bogus").code());
        assertEquals(2, run("flags", "--check").code());
        assertEquals(0, run("flags", "--help").code());
    }
}
