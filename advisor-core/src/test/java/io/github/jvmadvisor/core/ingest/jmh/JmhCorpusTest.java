package io.github.jvmadvisor.core.ingest.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputDetector;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.SampleCounts;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JMH result of the shared corpus ({@code corpus/jmh}): JMH 1.12 to 1.37, all four modes,
 * HotSpot, OpenJ9 and GraalVM, with and without {@code -prof gc}. The expected values were read from
 * the files.
 */
class JmhCorpusTest {

    private static Path file(String name) {
        return SharedCorpus.require().resolve("jmh").resolve(name);
    }

    private static JmhResult read(String name) {
        return JmhResultReader.read(InputSource.of(file(name)));
    }

    /** File, runs in it (count of "benchmark" keys), first run's benchmark, score and unit. */
    static Stream<Object[]> files() {
        return Stream.of(
                new Object[] {"3d-bin-container-packing__jmh-result.json", 6,
                    "com.github.skjolber.jmh.PackagerBenchmark.packagerDeadline", 28.730127889402016, "ops/s"},
                new Object[] {"benchmark-arraycopy__jmh-result.json", 196, "net.greypanther.BenchmarkAlignment.arraycopy",
                    17.01423110346235, "ns/op"},
                new Object[] {"crane4j__jmh-result.json", 8,
                    "cn.crane4j.core.benchmark.PropertyOperatorBenchmarkTest.directGet", 2.7797302031366877, "ns/op"},
                new Object[] {"fs2-benchmark__jmh-result.json", 9, "fs2.benchmarks.Benchmarks.listParJoin2",
                    61.13783674481722, "ops/s"},
                new Object[] {"github-action-benchmark__jmh_output.json", 1,
                    "org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere", 3376238873.1228185, "ops/s"},
                new Object[] {"github-action-benchmark__jmh_output_2.json", 1,
                    "org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere", 3376238873.1228185, "ops/s"},
                new Object[] {"hollow__jmh-result.json", 20,
                    "com.netflix.hollow.core.read.engine.object.HollowObjectTypeReadStateReshardingBenchmark"
                            + ".testReadString", 46.902503593590836, "ops/ms"},
                new Object[] {"java-benchmarks__17.0.6-Eclipse_OpenJ9_VM.json", 12, "com.mascix.IntegerListFilter.ecMutableList",
                    15136445.0, "ns/op"},
                new Object[] {"java-benchmarks__17.0.6-OpenJDK_64-Bit_Server_VM-Azul.json", 12,
                    "com.mascix.IntegerListFilter.ecMutableList", 8257960.0, "ns/op"},
                new Object[] {"java-benchmarks__jmh-result-1.8.0_362.json", 12, "com.mascix.IntegerListFilter.ecMutableList",
                    7929240.5, "ns/op"},
                new Object[] {"jcasbin__jmh-result.json", 37, "org.casbin.jcasbin.main.benchmark.BenchmarkEnforce.enforce",
                    20.33940552161268, "ops/ms"},
                new Object[] {"jmh-template__11-2.12.7.json", 54, "bench.ArrayAccumulateBench.foldLeftAcc",
                    7345844.120055644, "ops/s"},
                new Object[] {"jmh-template__graalvm-ce-1.0.0-rc9-2.12.7.json", 54, "bench.ArrayAccumulateBench.foldLeftAcc",
                    18557543.048491694, "ops/s"},
                new Object[] {"json-bench__jmh-result.json", 90, "bench.Case1.decodeArgonaut", 11015.224320213, "ops/s"},
                new Object[] {"jvm-collection-lib-benchmarks__mac__jmh-result.json", 570,
                    "org.jetbrains.benchmark.collection.AndroidxIntToIntBenchmark.get", 0.00513955, "ms/op"},
                new Object[] {"ojAlgo-linear-algebra-benchmark__jmh-result.json", 28,
                    "org.ojalgo.benchmark.lab.FillByMultiplying.execute", 52172.68517440864, "ops/min"},
                new Object[] {"openjdk-jmh__output-golden.json", 5, "benchmark_0", 528.8571428571429, "ops/ms"},
                new Object[] {"scala-blake3__jmh-result.intel.json", 24, "pt.kcry.blake3.benchmark.Blake3Benchmark.newHasher",
                    32.97817770047972, "us/op"},
                new Object[] {"scala-blake3__jmh-result.m1.json", 24, "pt.kcry.blake3.benchmark.Blake3Benchmark.newHasher",
                    26.2892641121611, "us/op"},
                new Object[] {"validation-benchmark__jmh-result.json", 32,
                    "com.cleverchuk.benchmark.ValidationBenchmark.recursiveValidation", 979.5182906326872, "ns/op"});
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFile(String name, int runs, String firstBenchmark, double firstScore, String firstUnit) throws Exception {
        InputSource src = InputSource.of(file(name));
        assertEquals(InputKind.JMH_RESULT, InputDetector.detect(src).kind());
        JmhResult r = JmhResultReader.read(src);
        assertTrue(r.summary().issues().isEmpty(), r.summary().issues().toString());
        assertEquals(runs, r.runs().size());
        BenchmarkRun first = r.runs().get(0);
        assertEquals(firstBenchmark, first.benchmark());
        assertEquals(firstScore, first.primary().score());
        assertEquals(firstUnit, first.primary().unit());
        assertEquals(2, first.line()); // "[" then "    {"
        assertEquals(Files.readAllLines(file(name)).size(), r.summary().lines());
        for (BenchmarkRun run : r.runs()) {
            assertTrue(run.isHigherBetter() != null, run.id());
            assertEquals(run.mode().equals("thrpt"), run.isHigherBetter(), run.id());
        }
        assertEquals(r.runs(), r.results().runs());
    }

    @Test
    void singleIterationHasNoError() {
        BenchmarkRun run = read("3d-bin-container-packing__jmh-result.json").runs().get(0);
        // "scoreError" : "NaN", "scoreConfidence" : ["NaN", "NaN"]
        assertNull(run.primary().scoreError());
        assertNull(run.primary().scoreConfidenceLow());
        assertNull(run.primary().scoreConfidenceHigh());
        assertEquals(List.of(List.of(28.730127889402016)), run.primary().rawData());
        assertEquals("1.23", run.jmhVersion());
        assertEquals("25.242-b08", run.vmVersion());
        assertEquals(Duration.ofSeconds(10), run.warmupDuration());
        assertEquals(1, run.measurementIterations());
        assertTrue(run.params().isEmpty());
        assertTrue(run.jvmArgs().isEmpty());
    }

    @Test
    void legacyPrefixedGcProfilerMetrics() {
        BenchmarkRun run = read("scala-blake3__jmh-result.intel.json").runs().get(0);
        assertTrue(run.gcProfiled());
        // "·gc.alloc.rate" : { "score" : 137.81938937275152 ...
        assertEquals(137.81938937275152, run.gcAllocRateMbPerSec());
        assertEquals(5008.001365491836, run.gcAllocRateBytesPerOp());
        assertEquals(1120L, run.gcCount());
        assertEquals(269.0, run.gcTimeMillis());
        BenchmarkMetric norm = run.secondary("·gc.alloc.rate.norm").orElseThrow();
        assertEquals("gc.alloc.rate.norm", norm.name());
        assertEquals("\u00b7gc.alloc.rate.norm", norm.originalName());
        assertEquals(Boolean.FALSE, norm.higherIsBetter()); // B/op
        assertEquals(131.4331465519209, run.secondary("gc.churn.G1_Eden_Space").orElseThrow().score());
        // gc.count is summed: no error, a point interval
        BenchmarkMetric count = run.secondary("gc.count").orElseThrow();
        assertNull(count.scoreError());
        assertEquals(Map.of("dataLen", "16384", "hashLen", "256"), run.params());
    }

    @Test
    void gcProfilerWithoutCollectionsMeansZeroTime() {
        JmhResult r = read("jmh-template__11-2.12.7.json");
        BenchmarkRun first = r.runs().get(0);
        // ·gc.count 0.0 and no ·gc.time: the profiler ran and saw no collection
        assertEquals(0L, first.gcCount());
        assertFalse(first.secondary().containsKey("gc.time"));
        assertEquals(0.0, first.gcTimeMillis());
        long withTime = r.runs().stream().filter(x -> x.secondary().containsKey("gc.time")).count();
        assertEquals(39, withTime); // "·gc.time" appears 39 times in the file
        assertTrue(first.jvmArgs().contains("-XX:+UseG1GC"));
        assertEquals("11.0.1", first.jdkVersion());
    }

    @Test
    void noGcProfilerMeansUnknownNotZero() {
        BenchmarkRun run = read("fs2-benchmark__jmh-result.json").runs().get(0);
        assertFalse(run.gcProfiled());
        assertNull(run.gcAllocRateMbPerSec());
        assertNull(run.gcAllocRateBytesPerOp());
        assertNull(run.gcCount());
        assertNull(run.gcTimeMillis());
        assertEquals("1.37", run.jmhVersion());
        assertEquals(5, run.forks());
    }

    @Test
    void sampleModeWithHistogramsAndDerivedPercentiles() {
        JmhResult r = read("hollow__jmh-result.json");
        assertEquals(Map.of("thrpt", 5L, "avgt", 5L, "sample", 5L, "ss", 5L), r.runs().stream()
                .collect(java.util.stream.Collectors.groupingBy(BenchmarkRun::mode, java.util.stream.Collectors.counting())));
        BenchmarkRun sample = r.runs().stream().filter(x -> x.mode().equals("sample")).findFirst().orElseThrow();
        assertEquals(572, sample.line()); // its "{"
        BenchmarkMetric p = sample.primary();
        assertEquals(0.019925037415817724, p.score());
        assertEquals("ms/op", p.unit());
        assertEquals(0.031744, p.percentiles().get(99.0));
        assertEquals(1.046528, p.percentiles().get(100.0));
        assertTrue(p.rawData().isEmpty());
        assertEquals(1, p.rawDataHistogram().size()); // one fork
        assertEquals(3, p.rawDataHistogram().get(0).size()); // three iterations
        SampleCounts it0 = p.rawDataHistogram().get(0).get(0);
        assertEquals(0.017856, it0.value(0));
        assertEquals(5, it0.count(0));
        assertEquals(534, it0.size());
        assertEquals(75877, p.sampleCount());
        // "testReadString·p0.99" is "p0.99" once normalised
        assertEquals(0.031744, sample.secondary("p0.99").orElseThrow().score());
        assertEquals("testReadString\u00b7p0.99", sample.secondary("p0.99").orElseThrow().originalName());
        assertEquals(8, sample.secondary().size());
        assertEquals(Boolean.FALSE, sample.isHigherBetter());
    }

    @Test
    void windowsPathsAndNegativeConfidenceBounds() {
        JmhResult r = read("jcasbin__jmh-result.json");
        BenchmarkRun first = r.runs().get(0);
        assertEquals("D:\\Codinglibrary\\Java\\jdk17\\bin\\java.exe", first.jvm());
        assertEquals(-55.474909601397954, first.primary().scoreConfidenceLow());
        assertEquals(96.1537206446233, first.primary().scoreConfidenceHigh());
        assertEquals(7, r.runs().stream().filter(x -> x.mode().equals("ss")).count());
    }

    @Test
    void preBatchSizeSchema() {
        BenchmarkRun run = read("benchmark-arraycopy__jmh-result.json").runs().get(0);
        assertNull(run.jmhVersion());
        assertNull(run.jdkVersion());
        assertNull(run.vmName());
        assertNull(run.jvm());
        assertNull(run.warmupBatchSize());
        assertEquals(0, run.forks());
        assertEquals("net.greypanther.BenchmarkAlignment.arraycopy avgt {destinationOffset=0, size=1024, sourceOffset=0}",
                run.id());
    }

    @Test
    void singleShotAndJmhsOwnGoldenFile() {
        BenchmarkRun ss = read("jvm-collection-lib-benchmarks__mac__jmh-result.json").runs().get(0);
        assertEquals("single-shot", ss.warmupTime());
        assertNull(ss.warmupDuration());
        JmhResult golden = read("openjdk-jmh__output-golden.json");
        BenchmarkRun g = golden.runs().get(0);
        assertEquals("[value1]", g.params().get("param1"));
        assertEquals("{value2}", g.params().get("param2"));
        assertEquals("\"value4\"", g.params().get("param4"));
        assertEquals(List.of("secondary1", "secondary2", "secondary3"), List.copyOf(g.secondary().keySet()));
        assertEquals(7, g.primary().rawData().size()); // forks with uneven iterations
        assertEquals(3, g.primary().rawData().get(5).size());
    }

    @Test
    void openJ9AndGraalVmNames() {
        assertEquals("Eclipse OpenJ9 VM", read("java-benchmarks__17.0.6-Eclipse_OpenJ9_VM.json").runs().get(0).vmName());
        assertEquals("GraalVM 1.0.0-rc9",
                read("jmh-template__graalvm-ce-1.0.0-rc9-2.12.7.json").runs().get(0).vmName());
        assertEquals("11", read("json-bench__jmh-result.json").runs().get(0).jdkVersion());
    }
}
