package io.github.jvmadvisor.core.model;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH run result: a benchmark method in one mode with one combination of parameters, as JMH's
 * JSON result format ({@code -rf json}) writes it.
 *
 * <p>Fields a JMH version did not write (before 1.19 no {@code jmhVersion}, {@code jvm},
 * {@code jdkVersion}; before 1.21 no {@code vmName}) are {@code null}. Secondary metrics are keyed by
 * their normalised name ({@link BenchmarkMetric#normalizeName}), so {@code gc.alloc.rate} finds the
 * allocation rate whatever the JMH version.
 *
 * @param line the line of the input where the run's object starts (1-based), or 0
 * @param benchmark the benchmark: fully qualified class name and method (or {@code @Group} name)
 * @param mode {@code thrpt}, {@code avgt}, {@code sample} or {@code ss} as written, or {@code null}
 * @param threads worker threads, or {@code null}
 * @param forks measurement forks ({@code 0}: run in the JMH process), or {@code null}
 * @param jvm the forked JVM's executable, or {@code null}
 * @param jvmArgs the forks' JVM arguments, in order
 * @param jdkVersion the forks' {@code java.version}, e.g. {@code "17.0.8"}, {@code "1.8.0_322"}, or {@code null}
 * @param vmName the forks' {@code java.vm.name}, or {@code null}
 * @param vmVersion the forks' {@code java.vm.version}, or {@code null}
 * @param jmhVersion the JMH version, or {@code null}
 * @param warmupIterations warm-up iterations, or {@code null}
 * @param warmupTime warm-up iteration time as JMH writes it ({@code "10 s"}, {@code "single-shot"}), or {@code null}
 * @param warmupBatchSize warm-up batch size, or {@code null}
 * @param measurementIterations measurement iterations, or {@code null}
 * @param measurementTime measurement iteration time as written, or {@code null}
 * @param measurementBatchSize measurement batch size, or {@code null}
 * @param params the {@code @Param} values by name (empty when the benchmark has none)
 * @param primary the primary metric
 * @param secondary the secondary metrics by normalised name
 */
public record BenchmarkRun(long line, String benchmark, String mode, Integer threads, Integer forks, String jvm,
        List<String> jvmArgs, String jdkVersion, String vmName, String vmVersion, String jmhVersion,
        Integer warmupIterations, String warmupTime, Integer warmupBatchSize, Integer measurementIterations,
        String measurementTime, Integer measurementBatchSize, SortedMap<String, String> params,
        BenchmarkMetric primary, SortedMap<String, BenchmarkMetric> secondary) {

    /** Secondary metric names of JMH's {@code -prof gc}, normalised. */
    public static final String GC_ALLOC_RATE = "gc.alloc.rate";
    /** Allocation per operation, bytes. */
    public static final String GC_ALLOC_RATE_NORM = "gc.alloc.rate.norm";
    /** Collections during measurement. */
    public static final String GC_COUNT = "gc.count";
    /** Time in collections during measurement, milliseconds. */
    public static final String GC_TIME = "gc.time";

    public BenchmarkRun {
        if (line < 0 || benchmark == null || primary == null) {
            throw new IllegalArgumentException("line >= 0, benchmark and primary are required");
        }
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        // no copy of an empty map: a file of many runs holds one per run
        params = params == null || params.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(params));
        secondary = secondary == null || secondary.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(secondary));
    }

    /**
     * Whether a bigger primary score is better: throughput ({@code thrpt}) yes; average time, sample
     * time and single shot ({@code avgt}, {@code sample}, {@code ss}) no; other modes by the unit.
     *
     * @return the direction, or {@code null} when neither mode nor unit tells
     */
    public Boolean isHigherBetter() {
        if (mode != null) {
            switch (mode) {
                case "thrpt":
                    return Boolean.TRUE;
                case "avgt":
                case "sample":
                case "ss":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        return primary.higherIsBetter();
    }

    /** A secondary metric by name in any JMH version's spelling ({@code ·gc.count} or {@code gc.count}). */
    public Optional<BenchmarkMetric> secondary(String name) {
        return Optional.ofNullable(secondary.get(BenchmarkMetric.normalizeName(name)));
    }

    /** Whether the run had JMH's GC profiler ({@code -prof gc}): one of its always-written metrics is present. */
    public boolean gcProfiled() {
        return secondary.containsKey(GC_ALLOC_RATE) || secondary.containsKey(GC_COUNT);
    }

    /** Allocation rate in MB/s from {@code -prof gc}, or {@code null} without the profiler or when JMH could not measure it. */
    public Double gcAllocRateMbPerSec() {
        return score(GC_ALLOC_RATE);
    }

    /**
     * Bytes allocated per operation from {@code -prof gc}; 0 when the profiler ran but wrote no value
     * (JMH leaves it out when nothing was allocated); {@code null} without the profiler.
     */
    public Double gcAllocRateBytesPerOp() {
        return scoreOrZero(GC_ALLOC_RATE_NORM);
    }

    /** Collections counted by {@code -prof gc} over all measurement iterations, or {@code null} without it. */
    public Long gcCount() {
        Double v = score(GC_COUNT);
        return v == null || v.isInfinite() ? null : Math.round(v);
    }

    /**
     * Milliseconds in collections from {@code -prof gc}; 0 when the profiler ran and wrote no value
     * (JMH writes it only when a collection happened); {@code null} without the profiler.
     */
    public Double gcTimeMillis() {
        return scoreOrZero(GC_TIME);
    }

    private Double score(String name) {
        BenchmarkMetric m = secondary.get(name);
        return m == null ? null : m.score();
    }

    private Double scoreOrZero(String name) {
        BenchmarkMetric m = secondary.get(name);
        if (m != null) {
            return m.score();
        }
        return gcProfiled() ? 0.0 : null;
    }

    /** The warm-up iteration time, or {@code null} when not written or single-shot. */
    public Duration warmupDuration() {
        return parseTime(warmupTime);
    }

    /** The measurement iteration time, or {@code null} when not written or single-shot. */
    public Duration measurementDuration() {
        return parseTime(measurementTime);
    }

    /**
     * A JMH time value as written in results: an integer and a unit ({@code ns}, {@code us},
     * {@code ms}, {@code s}, {@code min}, {@code hr}, {@code day}), e.g. {@code "500 ms"}.
     *
     * @return the duration, or {@code null} for anything else ({@code "single-shot"}, garbage)
     */
    public static Duration parseTime(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("\\d{1,12}")) {
            return null;
        }
        long n = Long.parseLong(parts[0]);
        switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "ns":
                return Duration.ofNanos(n);
            case "us":
                return Duration.ofNanos(n * 1000);
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "min":
                return Duration.ofMinutes(n);
            case "hr":
                return Duration.ofHours(n);
            case "day":
                return Duration.ofDays(n);
            default:
                return null;
        }
    }

    /** A short identity: benchmark, mode and parameters, e.g. {@code "a.B.m avgt {size=10}"}. */
    public String id() {
        return benchmark + (mode == null ? "" : " " + mode) + (params.isEmpty() ? "" : " " + params);
    }
}
