package io.github.jvmadvisor.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code analyze} JSON: golden documents for small real logs (a mismatch writes the new output to
 * {@code target/golden-actual/} to diff and accept), the contract's field names and types, and null
 * for what a log cannot give.
 */
class AnalysisJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(String corpusPath) {
        Path corpus = SharedCorpus.require();
        Path log = corpus.resolve(corpusPath);
        String text = AnalysisJson.toJson(Analyzer.analyze(List.of(log)));
        return text.replace(corpus.toString(), "CORPUS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gclog/public/gcviewer/unified/g1/sample-ujl-g1-gc-defaults.txt",
        "gclog/public/gcviewer/unified/zgc/sample-ujl-zgc-gc-default.txt",
        "gclog/public/gcviewer/unified/shenandoah/Sample-ujl-shenandoah-jdk17.txt",
        "gclog/public/gcviewer/unified/serial/sample-ujl-serial-gc-all,safepoint,os+cpu.txt"})
    void golden(String corpusPath) throws IOException {
        String actual = json(corpusPath);
        String name = Path.of(corpusPath).getFileName().toString().replaceAll("[^A-Za-z0-9.-]", "_") + ".json";
        String expected;
        try (InputStream in = AnalysisJsonTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            fail("analyze JSON differs from src/test/resources/golden/" + name + "; the new output is in " + out
                    + " (diff it, and copy it over the golden file if the change is intended)");
        }
    }

    @Test
    void contractFieldsAndTypes() throws IOException {
        JsonNode root = JSON.readTree(json("gclog/generated/jdk17-g1-full.log.gz"));
        assertEquals(1, root.get("schemaVersion").asInt());
        JsonNode in = root.get("inputs").get(0);
        assertTrue(in.get("path").isTextual());
        assertEquals("gc-log", in.get("kind").asText());
        assertEquals(96852, in.get("lines").asLong());
        assertEquals(0, in.get("unknownLines").asLong());
        assertTrue(in.get("issues").isArray());
        JsonNode gc = root.get("gc");
        assertEquals("G1", gc.get("collector").asText());
        assertTrue(gc.get("generational").asBoolean());
        assertEquals(17, gc.get("jdkVersion").asInt());
        assertTrue(gc.get("durationSeconds").isNumber());
        JsonNode p = gc.get("pauses");
        assertEquals(1094, p.get("count").asLong());
        for (String f : List.of("totalMillis", "maxMillis", "p50Millis", "p99Millis", "p999Millis")) {
            assertTrue(p.get(f).isNumber(), f);
        }
        assertEquals(627, p.at("/byKind/young/count").asLong());
        assertTrue(p.at("/byKind/remark/totalMillis").isNumber());
        assertTrue(p.at("/byCause/G1 Humongous Allocation/count").asLong() > 0);
        for (String f : List.of("stwFraction", "gcCpuFraction", "allocationRateBytesPerSec", "promotionRateBytesPerSec",
                "liveSetBytes", "liveSetTrendBytesPerSec", "effectiveGogc", "humongousAllocations", "evacuationFailures",
                "degeneratedCycles")) {
            assertTrue(gc.get(f).isNumber(), f);
        }
        assertEquals(0, gc.at("/fullGcs/count").asLong());
        assertTrue(gc.at("/fullGcs/byCause").isObject());
        assertEquals(0, gc.at("/allocationStalls/count").asLong());
        assertTrue(gc.at("/allocationStalls/totalMillis").isNumber());
        assertTrue(gc.at("/concurrentCycles/count").asLong() > 0);
        assertEquals(1L << 30, gc.at("/heap/maxCapacityBytes").asLong());
        assertTrue(gc.at("/heap/peakUsedBytes").isNumber());
        assertTrue(gc.at("/heap/peakCommittedBytes").isNumber());
        assertTrue(gc.at("/metaspace/peakUsedBytes").isNumber());
        assertEquals(1096, gc.at("/safepoints/count").asLong());
    }

    @Test
    void whatTheLogCannotGiveIsNullNotZero() throws IOException {
        // ZGC logged with -Xlog:gc only: cycles, but no pause lines, no CPU, no safepoints, no JDK version
        JsonNode gc = JSON.readTree(json("gclog/public/gcviewer/unified/zgc/sample-ujl-zgc-gc-default.txt")).get("gc");
        assertTrue(gc.get("pauses").isNull());
        assertTrue(gc.get("stwFraction").isNull());
        assertTrue(gc.get("gcCpuFraction").isNull());
        assertTrue(gc.get("safepoints").isNull());
        assertTrue(gc.get("jdkVersion").isNull());
        assertTrue(gc.get("promotionRateBytesPerSec").isNull());
        assertFalse(gc.get("concurrentCycles").get("count").asLong() == 0);
    }

    @Test
    void noGcLogMeansGcNull() throws IOException {
        Path jmh = SharedCorpus.require().resolve("jmh/openjdk-jmh__output-golden.json");
        Evidence e = Analyzer.analyze(List.of(jmh));
        JsonNode root = JSON.readTree(AnalysisJson.toJson(e));
        assertTrue(root.get("gc").isNull());
        assertEquals("jmh", root.at("/inputs/0/kind").asText());
        assertTrue(root.get("jvm").isNull(), "a JMH result says nothing of one JVM's configuration");
        assertEquals(1, root.get("benchmarks").size());
        assertEquals(0, root.get("latency").size());
    }
}
