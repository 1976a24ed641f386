package io.github.jvmadvisor.jmh.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics against commons-math3, and comparisons of the shared corpus's JMH results. */
class JmhComparisonTest {

    private static Path corpus(String name) {
        return SharedCorpus.require().resolve("jmh").resolve(name);
    }

    @Test
    void welchMatchesCommonsMath() {
        double[] a = {10.1, 10.4, 9.8, 10.0, 10.3, 9.9};
        double[] b = {10.9, 11.2, 10.7, 11.4, 10.8};
        double[] w = Statistics.welch(Samples.of(a), Samples.of(b), 0.95);
        assertEquals(new TTest().tTest(a, b), w[0], 1e-9);
        double diff = mean(b) - mean(a);
        assertTrue(w[1] < diff && diff < w[2], "the interval holds the difference");
        assertTrue(w[1] > 0, "clearly higher: the interval excludes 0");
        assertNull(Statistics.welch(Samples.of(1.0), Samples.of(2.0, 3.0), 0.95), "one value cannot be tested");
    }

    @Test
    void mannWhitneyMatchesCommonsMathWithoutTies() {
        Random rnd = new Random(7);
        double[] a = new double[300];
        double[] b = new double[250];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian() * 10 + 100;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian() * 10 + 102;
        }
        double[] mw = Statistics.mannWhitney(Samples.of(a), Samples.of(b));
        assertEquals(new MannWhitneyUTest().mannWhitneyUTest(a, b), mw[0], 1e-9);
        assertTrue(mw[1] > 0.5 && mw[1] < 0.7, "b is a little larger: " + mw[1]);
    }

    @Test
    void hodgesLehmannAndCohensD() {
        Samples a = Samples.of(1, 2, 3, 4, 5);
        Samples b = Samples.of(11, 12, 13, 14, 15);
        assertEquals(10.0, Statistics.hodgesLehmann(a, b));
        assertEquals(10 / Math.sqrt(2.5), Statistics.cohensD(a, b), 1e-9);
    }

    @Test
    void aFileAgainstItselfHasNoDifferenceInAnyMode() {
        Path hollow = corpus("hollow__jmh-result.json");
        ComparisonReport r = new JmhComparison().compare(List.of(hollow, hollow));
        assertEquals(20, r.comparisons().size());
        assertFalse(r.regressed());
        for (BenchmarkComparison c : r.comparisons()) {
            assertEquals(0.0, c.relativeChange(), 1e-12, c.id());
            if (c.verdict() != Verdict.UNTESTED) {
                assertEquals(Verdict.NOT_SIGNIFICANT, c.verdict(), c.id());
                assertTrue(c.pValue() > 0.99, c.id() + " p=" + c.pValue());
            }
        }
        List<BenchmarkComparison> sample = r.comparisons().stream().filter(c -> "sample".equals(c.mode())).toList();
        assertFalse(sample.isEmpty());
        for (BenchmarkComparison c : sample) {
            assertEquals("mann-whitney-u", c.test());
            assertEquals(0.5, c.superiority(), 1e-9, "identical samples: either side is larger half the time");
            assertTrue(c.baselineN() > 1000, "the samples of rawDataHistogram, not iterations: " + c.baselineN());
        }
        assertTrue(r.comparisons().stream().anyMatch(c -> "thrpt".equals(c.mode()) && c.test().equals("welch-t")));
    }

    @Test
    void twoMachinesDifferAndTimeIsLowerIsBetter() {
        ComparisonReport r = new JmhComparison().compare(List.of(corpus("scala-blake3__jmh-result.intel.json"),
                corpus("scala-blake3__jmh-result.m1.json")));
        assertEquals(24, r.comparisons().size());
        for (BenchmarkComparison c : r.comparisons()) {
            assertEquals("us/op", c.unit());
            assertEquals(Boolean.FALSE, c.higherIsBetter(), "avgt: lower is better");
            if (c.relativeChange() != null) {
                assertEquals(-c.relativeChange(), c.improvement(), 1e-12, "a slower time is a negative improvement");
            }
            if (c.verdict() == Verdict.REGRESSION) {
                assertTrue(c.candidateScore() > c.baselineScore() * 1.05, c.id());
                assertTrue(c.pValue() < 0.05 && c.ciLow() > 0, "significantly slower: the interval is above 0");
            }
            if (c.verdict() == Verdict.IMPROVEMENT) {
                assertTrue(c.candidateScore() < c.baselineScore() * 0.95 && c.ciHigh() < 0, c.id());
            }
        }
        int decided = r.with(Verdict.REGRESSION).size() + r.with(Verdict.IMPROVEMENT).size();
        assertTrue(decided >= 12, "two different machines: most benchmarks differ significantly, " + decided);
        // reversing the files turns each regression into an improvement
        ComparisonReport back = new JmhComparison().compare(List.of(corpus("scala-blake3__jmh-result.m1.json"),
                corpus("scala-blake3__jmh-result.intel.json")));
        assertEquals(r.with(Verdict.REGRESSION).size(), back.with(Verdict.IMPROVEMENT).size());
        assertEquals(r.with(Verdict.IMPROVEMENT).size(), back.with(Verdict.REGRESSION).size());
    }

    @Test
    void throughputHigherIsBetterAndMissingBenchmarksAreListed() {
        ComparisonReport r = new JmhComparison().compare(List.of(corpus("jmh-template__11-2.12.7.json"),
                corpus("jmh-template__graalvm-ce-1.0.0-rc9-2.12.7.json")));
        assertTrue(r.comparisons().stream().filter(c -> c.relativeChange() != null)
                .allMatch(c -> c.higherIsBetter() && c.improvement().equals(c.relativeChange())));
        long compared = r.comparisons().stream().filter(c -> c.verdict() != Verdict.MISSING).count();
        assertTrue(compared > 10, "the same suite on two JVMs: " + compared);
    }

    @Test
    void singleIterationFilesAreUntestedNotGated() {
        Path f = corpus("3d-bin-container-packing__jmh-result.json");
        ComparisonReport r = new JmhComparison().compare(List.of(f, f));
        assertFalse(r.comparisons().isEmpty());
        assertTrue(r.comparisons().stream().allMatch(c -> c.verdict() == Verdict.UNTESTED), r.comparisons().toString());
    }

    @Test
    void unitsConvertAndMismatchesAreIncomparable() {
        assertEquals(1e-3, Units.scale("ns/op", "us/op"), 1e-15);
        assertEquals(1000.0, Units.scale("ops/ms", "ops/s"), 1e-9);
        assertNull(Units.scale("ops/s", "us/op"));
        assertNull(Units.scale("B/op", "ns/op"));
    }

    @Test
    void badInputIsAnIssueAndJsonIsWellFormed(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "[{\"benchmark\": ");
        Path good = corpus("crane4j__jmh-result.json");
        ComparisonReport r = new JmhComparison().compare(List.of(good, bad, tmp.resolve("absent.json")));
        assertFalse(r.issues().isEmpty());
        assertTrue(r.issues().stream().anyMatch(i -> i.source().endsWith("absent.json")));
        assertTrue(r.comparisons().stream().allMatch(c -> c.verdict() == Verdict.MISSING));
        JsonNode json = new ObjectMapper().readTree(ComparisonRender.json(r));
        assertEquals(1, json.get("schema").asInt());
        assertEquals(r.comparisons().size(), json.get("comparisons").size());
        assertNotNull(ComparisonRender.markdown(r));
        assertThrows(IllegalArgumentException.class, () -> new JmhComparison().compare(List.of(good)));
        assertThrows(IllegalArgumentException.class, () -> new JmhComparison(0.05, 1.5));
    }

    @Test
    void nullScoresWithoutRawDataAreComparedWithoutThrowing(@TempDir Path tmp) throws Exception {
        Path good = corpus("crane4j__jmh-result.json");
        ObjectMapper m = new ObjectMapper();
        JsonNode runs = m.readTree(good.toFile());
        for (JsonNode run : runs) {
            com.fasterxml.jackson.databind.node.ObjectNode primary =
                    (com.fasterxml.jackson.databind.node.ObjectNode) run.get("primaryMetric");
            primary.putNull("score");
            primary.remove("rawData");
        }
        Path nulls = tmp.resolve("null-scores.json");
        m.writeValue(nulls.toFile(), runs);
        for (List<Path> order : List.of(List.of(good, nulls), List.of(nulls, good), List.of(nulls, nulls))) {
            ComparisonReport r = new JmhComparison().compare(order);
            assertEquals(runs.size(), r.comparisons().size());
            for (BenchmarkComparison c : r.comparisons()) {
                assertEquals(Verdict.UNTESTED, c.verdict(), c.id());
                assertNull(c.relativeChange(), c.id());
            }
            assertNotNull(ComparisonRender.markdown(r));
            m.readTree(ComparisonRender.json(r));
        }
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
