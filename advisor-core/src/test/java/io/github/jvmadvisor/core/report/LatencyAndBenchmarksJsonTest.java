package io.github.jvmadvisor.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.hdr.HdrLogReader;
import io.github.jvmadvisor.core.ingest.jmh.JmhResultReader;
import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@code latency} and {@code benchmarks} sections: golden documents for small corpus files (a
 * mismatch writes the new output to {@code target/golden-actual/} to diff and accept), and the
 * contract's nulls.
 */
class LatencyAndBenchmarksJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private interface Section {
        void write(JsonGenerator g) throws IOException;
    }

    private static String render(Section s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            s.write(g);
        }
        return out.toString(StandardCharsets.UTF_8).replace(SharedCorpus.require().toString(), "CORPUS") + "\n";
    }

    private static LatencyLog latency(String name, Duration window) {
        return HdrLogReader.read(InputSource.of(SharedCorpus.require().resolve("hlog").resolve(name)), window).log();
    }

    private static BenchmarkResults benchmarks(String name) {
        return JmhResultReader.read(InputSource.of(SharedCorpus.require().resolve("jmh").resolve(name))).results();
    }

    private static void golden(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = LatencyAndBenchmarksJsonTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            fail("JSON differs from src/test/resources/golden/" + name + "; the new output is in " + out
                    + " (diff it, and copy it over the golden file if the change is intended)");
        }
    }

    @Test
    void goldenLatency() throws IOException {
        LatencyLog log = latency("HdrHistogram-java__tagged-Log.logV2.hlog", Duration.ofSeconds(10));
        String text = render(g -> LatencyJson.write(g, log));
        golden("latency-tagged-Log.logV2.hlog.json", text);
        assertEquals(text, render(g -> LatencyJson.write(g, log)), "deterministic");
    }

    @Test
    void goldenBenchmarks() throws IOException {
        BenchmarkResults r = benchmarks("github-action-benchmark__jmh_output_2.json");
        golden("benchmarks-jmh_output_2.json", render(g -> BenchmarksJson.write(g, r)));
    }

    @Test
    void latencyNullsForWhatTheLogCannotGive() throws IOException {
        JsonNode py = JSON.readTree(render(g -> LatencyJson.write(g, latency("HdrHistogram_py__raphael.hlog", null))));
        JsonNode s = py.get("series").get(0);
        assertTrue(s.get("unit").isNull());
        assertTrue(s.get("millisPerUnit").isNull());
        assertTrue(s.get("tag").isNull());
        assertTrue(s.get("windowSeconds").isNull());
        assertEquals(0, s.get("windows").size());
        assertTrue(py.get("formatVersion").isTextual());
        assertEquals(140003, py.get("totalCount").asLong());
        // ycsb: 602 intervals are too many to list; its empty last interval has null values, not 0
        LatencyLog ycsb = latency("HdrHistogram-java__ycsb.logV1.hlog", Duration.ofSeconds(60));
        JsonNode y = JSON.readTree(render(g -> LatencyJson.write(g, ycsb))).get("series").get(0);
        assertTrue(y.get("intervals").isNull());
        assertEquals(602, y.get("intervalCount").asInt());
        assertEquals("us", y.get("unit").asText());
        assertEquals(0.001, y.get("millisPerUnit").asDouble());
        assertEquals(10, y.get("windows").size()); // intervals start from 0 to 599.785 s
        JsonNode ms = JSON.readTree(render(g -> LatencyJson.write(g,
                latency("HdrHistogram_c__regression-log-start-time-overflow.hlog", null))));
        assertTrue(ms.get("startTimeEpochMillis").isNull());
        assertTrue(ms.at("/series/0/intervals/0/startEpochMillis").isNull());
    }

    @Test
    void benchmarksNullsAndGc() throws IOException {
        JsonNode r = JSON.readTree(render(g -> BenchmarksJson.write(g,
                benchmarks("3d-bin-container-packing__jmh-result.json"))));
        JsonNode run = r.get("runs").get(0);
        assertTrue(run.at("/primary/scoreError").isNull()); // "NaN" in the file
        assertTrue(run.at("/gc/allocRateBytesPerOp").isNull()); // no -prof gc
        assertEquals(false, run.at("/gc/profiled").asBoolean());
        assertTrue(run.get("higherIsBetter").asBoolean());
        JsonNode blake = JSON.readTree(render(g -> BenchmarksJson.write(g,
                benchmarks("scala-blake3__jmh-result.intel.json")))).get("runs").get(0);
        assertEquals(5008.001365491836, blake.at("/gc/allocRateBytesPerOp").asDouble());
        assertEquals(1120, blake.at("/gc/count").asLong());
        assertEquals("\u00b7gc.alloc.rate.norm", blake.at("/secondary/gc.alloc.rate.norm/originalName").asText());
        assertTrue(blake.at("/secondary/gc.alloc.rate.norm/rawData").isMissingNode());
        JsonNode sample = JSON.readTree(render(g -> BenchmarksJson.write(g, benchmarks("hollow__jmh-result.json"))))
                .get("runs").get(10);
        assertEquals("sample", sample.get("mode").asText());
        assertEquals(75877, sample.at("/primary/samples").asLong());
        assertEquals(0.031744, sample.at("/primary/percentiles/99.0").asDouble());
    }
}
