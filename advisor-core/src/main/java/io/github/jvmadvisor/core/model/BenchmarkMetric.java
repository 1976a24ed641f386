package io.github.jvmadvisor.core.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One result of a JMH benchmark run: its primary metric, or a secondary one such as a profiler's
 * {@code gc.alloc.rate.norm}.
 *
 * <p>JMH writes a value it could not compute as {@code "NaN"}: such scalars are {@code null} here,
 * like absent ones; infinities ({@code "+INF"}, {@code "-INF"}) are kept. In {@code rawData} a
 * {@code NaN} stays {@code NaN}, so positions keep their fork and iteration.
 *
 * @param name the name with JMH's version-dependent prefixes removed: {@code gc.alloc.rate} for both
 *     {@code ·gc.alloc.rate} (JMH up to 1.36) and {@code gc.alloc.rate} (1.37), {@code p0.99} for
 *     {@code method·p0.99}; {@code "primary"} for the primary metric
 * @param originalName the name as written in the file ({@code "primary"} for the primary metric)
 * @param score the score (mean, sum, min or max depending on the metric's aggregation), or {@code null}
 * @param scoreError half-width of JMH's 99.9 % confidence interval, or {@code null} (too few iterations,
 *     or a metric that is summed)
 * @param scoreConfidenceLow lower bound of the confidence interval, or {@code null}
 * @param scoreConfidenceHigh upper bound of the confidence interval, or {@code null}
 * @param unit the score's unit as written, e.g. {@code "ops/s"}, {@code "ns/op"}, {@code "B/op"}, or {@code null}
 * @param percentiles score percentiles by level (0.0 to 100.0), over iterations or, in sample mode, samples
 * @param rawData per fork, per iteration scores; empty in sample mode and when JMH was told not to write them
 * @param rawDataHistogram sample mode's primary metric: per fork, per iteration samples; otherwise empty
 */
public record BenchmarkMetric(String name, String originalName, Double score, Double scoreError,
        Double scoreConfidenceLow, Double scoreConfidenceHigh, String unit, SortedMap<Double, Double> percentiles,
        List<List<Double>> rawData, List<List<SampleCounts>> rawDataHistogram) {

    /** Name of the primary metric. */
    public static final String PRIMARY = "primary";

    public BenchmarkMetric {
        if (name == null || originalName == null) {
            throw new IllegalArgumentException("name and originalName are required");
        }
        score = finiteOrInfinite(score);
        scoreError = finiteOrInfinite(scoreError);
        scoreConfidenceLow = finiteOrInfinite(scoreConfidenceLow);
        scoreConfidenceHigh = finiteOrInfinite(scoreConfidenceHigh);
        percentiles = percentiles == null || percentiles.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
        rawData = rawData == null || rawData.isEmpty() ? List.of() : rawData.stream().map(List::copyOf).toList();
        rawDataHistogram = rawDataHistogram == null || rawDataHistogram.isEmpty() ? List.of()
                : rawDataHistogram.stream().map(List::copyOf).toList();
    }

    private static Double finiteOrInfinite(Double v) {
        return v == null || v.isNaN() ? null : v;
    }

    /**
     * The name JMH's later versions use for a metric name of any version: the part after the last
     * middle dot ({@code U+00B7}), which JMH up to 1.36 put before profiler metrics and between a method
     * and its derived percentiles. A replacement character ({@code U+FFFD}, a middle dot read with the
     * wrong encoding) counts as a middle dot.
     */
    public static String normalizeName(String name) {
        int cut = Math.max(name.lastIndexOf('\u00b7'), name.lastIndexOf('\ufffd'));
        return cut < 0 ? name : name.substring(cut + 1);
    }

    /**
     * Whether a bigger score is better, from the unit: {@code ops/...} (throughput) yes, {@code .../op}
     * (time or bytes per operation) no.
     *
     * @return the direction, or {@code null} when the unit does not tell (rates such as {@code MB/sec},
     *     counts)
     */
    public Boolean higherIsBetter() {
        if (unit == null) {
            return null;
        }
        if (unit.startsWith("ops/")) {
            return Boolean.TRUE;
        }
        if (unit.endsWith("/op")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Samples in {@code rawDataHistogram}, over all forks and iterations (0 when there is none). */
    public long sampleCount() {
        long n = 0;
        for (List<SampleCounts> fork : rawDataHistogram) {
            for (SampleCounts it : fork) {
                n += it.totalCount();
            }
        }
        return n;
    }
}
