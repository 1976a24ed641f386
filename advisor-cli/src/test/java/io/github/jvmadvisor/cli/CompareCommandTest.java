package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} and {@code advise} on the JMH results of the shared corpus. */
class CompareCommandTest {

    private static String jmh(String name) {
        return SharedCorpus.require().resolve("jmh").resolve(name).toString();
    }

    @Test
    void aSlowerMachineIsARegressionWithExitCode3() throws Exception {
        AdviseCommandTest.Run r = AdviseCommandTest.run("compare", jmh("scala-blake3__jmh-result.m1.json"),
                jmh("scala-blake3__jmh-result.intel.json"), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        int regressions = json.path("counts").path("regression").asInt();
        assertEquals(regressions > 0 ? 3 : 0, r.code(), r.err());
        assertTrue(regressions > 0, "the Intel run is slower on some benchmarks than the M1 run: " + json.path("counts"));
        assertEquals(24, json.path("comparisons").size());
        for (JsonNode c : json.path("comparisons")) {
            if (c.path("verdict").asText().equals("regression")) {
                assertTrue(c.path("relativeChange").asDouble() > 0.05, "avgt: a regression is a longer time " + c);
                assertTrue(c.path("pValue").asDouble() < 0.05);
            }
        }
    }

    @Test
    void aLooseGateOrAFileAgainstItselfPasses() {
        AdviseCommandTest.Run same = AdviseCommandTest.run("compare", jmh("jcasbin__jmh-result.json"),
                jmh("jcasbin__jmh-result.json"));
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().startsWith("Baseline: "), same.out());
        assertTrue(same.out().contains("No regression"), same.out());
        // every difference between the two machines is under 1000 %: nothing beyond the threshold
        AdviseCommandTest.Run loose = AdviseCommandTest.run("compare", jmh("scala-blake3__jmh-result.m1.json"),
                jmh("scala-blake3__jmh-result.intel.json"), "--threshold", "1000%", "--format", "md");
        assertEquals(0, loose.code(), loose.out());
        assertTrue(loose.out().contains("| verdict | benchmark |"), loose.out());
        assertTrue(loose.out().contains("within-threshold"), loose.out());
    }

    @Test
    void usageAndUnreadableFiles(@TempDir Path tmp) throws Exception {
        assertEquals(2, AdviseCommandTest.run("compare", jmh("jcasbin__jmh-result.json")).code(), "needs two files");
        assertEquals(2, AdviseCommandTest.run("compare", "--alpha", "2", jmh("jcasbin__jmh-result.json"),
                jmh("jcasbin__jmh-result.json")).code());
        Path garbage = Files.writeString(tmp.resolve("x.json"), "not json");
        AdviseCommandTest.Run r = AdviseCommandTest.run("compare", jmh("jcasbin__jmh-result.json"), garbage.toString());
        assertEquals(1, r.code(), r.out());
    }

    @Test
    void adviseOnAJmhResultUsesTheForksOptions() throws Exception {
        AdviseCommandTest.Run r = AdviseCommandTest.run("advise", jmh("jmh-template__11-2.12.7.json"), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode sections = json.path("sections");
        assertEquals(1, sections.size(), "one JVM for all runs of the file");
        JsonNode report = sections.get(0).path("report");
        assertTrue(sections.get(0).path("title").asText().contains("-Xmx2g"), sections.get(0).path("title").asText());
        java.util.List<String> rules = new java.util.ArrayList<>();
        report.path("recommendations").forEach(x -> rules.add(x.path("ruleId").asText()));
        assertTrue(rules.contains("G1-06"), "the forks' fixed young generation under G1, from jvmArgs: " + rules);
        assertTrue(rules.contains("LINT-01"), "-XX:-UseBiasedLocking is deprecated on the target JDK: " + rules);
        assertTrue(!rules.contains("JMH-01"), "-prof gc measured under 1 % of the time in GC");
        assertEquals(17, report.path("targetJdk").asInt(), "JDK 11 forks: advice for the oldest catalogue");
        AdviseCommandTest.Run text = AdviseCommandTest.run("advise", jmh("jmh-template__11-2.12.7.json"));
        assertTrue(text.out().startsWith("=== jmh-template__11-2.12.7.json: 54 run(s) with -server -Xms2g -Xmx2g"),
                text.out());
    }
}
