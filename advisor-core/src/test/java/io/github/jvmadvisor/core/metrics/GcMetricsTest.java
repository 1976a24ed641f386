package io.github.jvmadvisor.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.ingest.gclog.GcLogResult;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.report.AnalysisJson;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Derived figures checked against an independent computation from the same events. */
class GcMetricsTest {

    private static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated").resolve(name);
    }

    private static List<Pause> pausesOf(Path log) {
        List<Pause> out = new ArrayList<>();
        GcLogReader.read(List.of(InputSource.of(log)), e -> {
            if (e instanceof Pause) {
                out.add((Pause) e);
            }
        });
        return out;
    }

    /** Nearest-rank percentile in microseconds, rounded up as the histogram records them. */
    private static double percentileMillis(List<Pause> pauses, double p) {
        long[] us = pauses.stream().mapToLong(x -> (x.durationNanos() + 999) / 1000).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * us.length);
        return us[Math.max(0, rank - 1)] / 1000.0;
    }

    @Test
    void percentilesAndTotalsMatchTheEvents() {
        for (String f : List.of("jdk17-g1-full.log.gz", "jdk25-zgc-default.log.gz", "jdk17-shenandoah-default.log.gz")) {
            Path log = corpus(f);
            List<Pause> pauses = pausesOf(log);
            GcMetrics m = GcLogReader.read(log).analysis().metrics();
            GcMetrics.PauseStats s = m.pauses();
            assertEquals(pauses.size(), s.count(), f);
            assertEquals(pauses.stream().mapToLong(Pause::durationNanos).sum() / 1e6, s.totalMillis(), 1e-6, f);
            assertEquals(pauses.stream().mapToLong(Pause::durationNanos).max().orElse(0) / 1e6, s.maxMillis(), 1e-6);
            for (double p : new double[] {50, 90, 99, 99.9}) {
                double exact = percentileMillis(pauses, p);
                double got = p == 50 ? s.p50Millis() : p == 90 ? s.p90Millis() : p == 99 ? s.p99Millis() : s.p999Millis();
                // exact below 2.048 ms; within the histogram's 3 significant digits above
                assertEquals(exact, got, Math.max(0.0005, exact * 0.001), f + " p" + p);
            }
            Map<String, Long> byKind = new TreeMap<>();
            pauses.forEach(x -> byKind.merge(x.kind().id(), 1L, Long::sum));
            Map<String, Long> reported = new TreeMap<>();
            m.pausesByKind().forEach((k, v) -> reported.put(k, v.count()));
            assertEquals(byKind, reported, f);
            assertEquals(s.count(), m.pausesByCause().values().stream().mapToLong(GcMetrics.PauseStats::count).sum());
        }
    }

    @Test
    void windowsAddUpToTheTotals() {
        GcMetrics m = GcLogReader.read(corpus("jdk25-g1-default.log.gz")).analysis().metrics();
        assertTrue(m.windows().size() >= 8 && m.windows().size() <= 500, "windows: " + m.windows().size());
        assertEquals(m.pauses().count(), m.windows().stream().mapToLong(GcMetrics.Window::pauseCount).sum());
        assertEquals(m.pauses().totalMillis(), m.windows().stream().mapToDouble(GcMetrics.Window::pauseMillis).sum(), 0.01);
        double widest = m.windows().stream().mapToDouble(GcMetrics.Window::stwFraction).max().orElse(0);
        assertEquals(widest, m.stwFractionMaxWindow(), 1e-6);
        assertTrue(m.stwFractionMaxWindow() >= m.stwFraction());
        assertEquals(m.pauses().totalMillis() / 1000 / m.durationSeconds(), m.stwFraction(), 1e-5);
    }

    @Test
    void liveSetAgreesAcrossCollectorsRunningTheSameWorkload() {
        // the corpus ran one workload (about 300 MB retained) under every collector; collections that mark
        // the whole heap (full GCs, ZGC's and Shenandoah's marking) must see the same live set
        List<Double> mib = new ArrayList<>();
        for (String f : List.of("jdk17-serial-default", "jdk17-parallel-full", "jdk17-zgc-default",
                "jdk17-shenandoah-default", "jdk25-serial-full", "jdk25-parallel-default", "jdk25-zgc-full",
                "jdk25-shenandoah-full")) {
            GcMetrics m = GcLogReader.read(corpus(f + ".log.gz")).analysis().metrics();
            assertNotNull(m.liveSet().bytes(), f);
            assertFalse(m.liveSet().source().endsWith("upper-bound"), f + ": " + m.liveSet().source());
            assertFalse(m.liveSet().leakSuspect(), f + ": a bounded LRU does not leak");
            mib.add(m.liveSet().bytes() / 1048576.0);
        }
        double min = mib.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = mib.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        assertTrue(max / min < 1.12, "live set estimates " + mib);
        assertTrue(min > 300 && max < 420, "live set estimates " + mib);
    }

    @Test
    void sameInputSameBytes() {
        Path log = corpus("jdk25-shenandoah-full.log.gz");
        String a = AnalysisJson.toJson(Analyzer.analyze(List.of(log)));
        String b = AnalysisJson.toJson(Analyzer.analyze(List.of(log)));
        assertEquals(a, b);
    }
}
