package io.github.jvmadvisor.samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians, changes, verdicts and the two renderings of the table. */
class TableTest {

    static Outcome.Figures ops(List<Double> before, List<Double> after) {
        return new Outcome.Figures("work done", "ops/s", true, before, after);
    }

    static Outcome.Figures count(List<Double> before, List<Double> after) {
        return new Outcome.Figures("full GCs", "", false, before, after);
    }

    @Test
    void mediansChangesAndSeparation() {
        Outcome.Figures f = ops(List.of(100.0, 120.0, 90.0), List.of(150.0, 130.0, 160.0, 140.0));
        assertEquals(100.0, f.beforeMedian());
        assertEquals(145.0, f.afterMedian());
        assertEquals(0.45, f.change(), 1e-12);
        assertTrue(f.separated());
        assertFalse(ops(List.of(100.0, 140.0), List.of(130.0, 150.0)).separated(), "ranges overlap");
        assertNull(count(List.of(0.0), List.of(0.0)).change(), "no change from zero");
        assertNull(ops(List.of(), List.of(1.0)).beforeMedian());
    }

    @Test
    void verdictNeedsTheThresholdInTheRightDirection() {
        assertEquals(Outcome.Verdict.IMPROVED, Harness.verdict(ops(List.of(100.0), List.of(105.0))));
        assertEquals(Outcome.Verdict.NOT_IMPROVED, Harness.verdict(ops(List.of(100.0), List.of(104.0))));
        assertEquals(Outcome.Verdict.NOT_IMPROVED, Harness.verdict(ops(List.of(100.0), List.of(50.0))));
        assertEquals(Outcome.Verdict.IMPROVED, Harness.verdict(count(List.of(48.0), List.of(0.0))));
        assertEquals(Outcome.Verdict.NOT_IMPROVED, Harness.verdict(count(List.of(48.0), List.of(47.0))));
        assertEquals(Outcome.Verdict.FAILED, Harness.verdict(count(List.of(48.0), List.of())));
    }

    @Test
    void instrumentationIsNotPartOfTheAdvice() {
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx1g"), Harness.withoutInstrumentation(List.of("-XX:+UseG1GC",
                "-Xlog:gc*:file=gc.log", "-XX:StartFlightRecording=filename=r.jfr", "-Xmx1g",
                "-XX:FlightRecorderOptions=stackdepth=96")));
    }

    @Test
    void markdownAndJsonCarryTheSameFigures() throws Exception {
        Outcome improved = new Outcome("explicit-gc", 3, "System.gc() | calls", 17, "balanced",
                List.of("-XX:+UseG1GC"), "EXP-01: Run System.gc() as a concurrent G1 cycle", List.of(1),
                List.of("-XX:+ExplicitGCInvokesConcurrent"), List.of(), count(List.of(48.0, 50.0, 49.0),
                        List.of(0.0, 0.0, 0.0)), List.of(ops(List.of(10.0), List.of(11.0))), Outcome.Verdict.IMPROVED,
                List.of("a note"));
        Outcome skipped = new Outcome("serial-in-container", 2, "Serial", 25, "throughput", List.of(), null, List.of(),
                List.of(), List.of(), ops(List.of(), List.of()), List.of(), Outcome.Verdict.SKIPPED, List.of("no cgroup"));
        String md = Table.markdown(List.of(improved, skipped));
        assertTrue(md.contains("| 3 | System.gc() \\| calls | 17 | -XX:+UseG1GC | EXP-01: Run System.gc() as a concurrent "
                + "G1 cycle | full GCs | 49 (48–50) | 0 (0–0) | -100 % | improved, ranges apart |"), md);
        assertTrue(md.contains("| 2 | Serial | 25 | (defaults) | none | work done (higher is better) | n/a |  |  | skipped |"), md);
        assertTrue(md.contains("- advised: `-XX:+ExplicitGCInvokesConcurrent` (ranks [1])"), md);
        String doc = Table.document(List.of(improved, skipped), "samples/verify --runs 3",
                Map.of("date", "2026-11-23T06:00Z", "cpus", 2, "jdks", List.of("17.0.15", "25.0.1"), "runsPerSide", 3,
                        "seconds", 1500));
        assertTrue(doc.startsWith("# Verified advice\n\nProduced by `samples/verify --runs 3` on 2026-11-23T06:00Z: 2 CPUs, "
                + "JDK [17.0.15, 25.0.1], 3 run(s) per side, 1500 s in all. 2 of 2 scenario runs pass."), doc);
        assertTrue(doc.endsWith(md), "the table follows the header");
        JsonNode json = new ObjectMapper().readTree(Table.json(List.of(improved, skipped), Map.of("runsPerSide", 3)));
        assertEquals(3, json.get("runsPerSide").asInt());
        JsonNode first = json.get("outcomes").get(0);
        assertEquals(49.0, first.get("metric").get("beforeMedian").asDouble());
        assertEquals(-1.0, first.get("metric").get("change").asDouble());
        assertTrue(first.get("pass").asBoolean());
        assertEquals("SKIPPED", json.get("outcomes").get(1).get("verdict").asText());

        // read back, and updated with a re-run of one row
        Table.Loaded back = Table.read(Table.json(List.of(improved, skipped), Map.of("runsPerSide", 3)));
        assertEquals(List.of(improved, skipped), back.outcomes());
        assertEquals(3, back.run().get("runsPerSide"));
        Outcome rerun = new Outcome("serial-in-container", 2, "Serial", 25, "throughput", List.of(), "GCSEL-01", List.of(1),
                List.of("-XX:+UseParallelGC"), List.of(), ops(List.of(1.0), List.of(2.0)), List.of(),
                Outcome.Verdict.IMPROVED, List.of());
        assertEquals(List.of(skipped.number(), improved.number()),
                Table.update(back.outcomes(), List.of(rerun)).stream().map(Outcome::number).toList());
        assertEquals(rerun, Table.update(back.outcomes(), List.of(rerun)).get(0));
        String updated = Table.document(List.of(rerun, improved), "samples/verify", Map.of("date", "d", "cpus", 2,
                "jdks", List.of("17"), "runsPerSide", 3, "seconds", 1, "updates",
                List.of(Map.of("command", "samples/verify --scenario serial-in-container", "date", "e",
                        "rows", "serial-in-container on 25"))));
        assertTrue(updated.contains("Rows re-run since: `samples/verify --scenario serial-in-container` on e "
                + "(serial-in-container on 25). 2 of 2 scenario runs pass."), updated);
    }
}
