package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.model.GcMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures a prediction can be checked against in the GC log of a re-run, typed: an {@link Effect}'s
 * {@code check} names the figure in words ({@code "GC CPU share"}, {@code "full GC count"}), and
 * {@link #of(String)} maps those words to the figure so that a re-run can measure what the prediction said.
 * Counts that come from allocation (collections, full collections, stalls, humongous collections) are per GB
 * allocated, so that a re-run that does more work, and so allocates more, is not read as collecting more often
 * (a larger heap gave +66 % work done and +60 % collections per minute); counts that come from a clock or from
 * class loading are per minute of run. Without an allocation rate, per minute.
 */
public enum Check {
    /** GC CPU time over the CPU time available. */
    GC_CPU_SHARE("GC CPU share", "%", m -> m.gcCpuFraction() == null ? null : m.gcCpuFraction() * 100),
    /** Stop-the-world time over the run's time. */
    PAUSE_SHARE("pause share", "%", m -> m.stwFraction() == null ? null : m.stwFraction() * 100),
    /** The longest pause. */
    PAUSE_MAX("max GC pause", "ms", m -> m.pauses() == null ? null : m.pauses().maxMillis()),
    /** The 99th percentile pause. */
    PAUSE_P99("p99 GC pause", "ms", m -> m.pauses() == null ? null : m.pauses().p99Millis()),
    /** Full collections per GB allocated. */
    FULL_GCS("full GCs per GB allocated", "/GB", m -> m.fullGcs() == null ? null : perGb(m, m.fullGcs().count())),
    /** Pauses per GB allocated. */
    GC_COUNT("GC pauses per GB allocated", "/GB", m -> m.pauses() == null ? null : perGb(m, m.pauses().count())),
    /** Allocation stalls per GB allocated (ZGC, Shenandoah). */
    STALLS("allocation stalls per GB allocated", "/GB",
            m -> m.allocationStalls() == null ? null : perGb(m, m.allocationStalls().count())),
    /**
     * Full collections {@code System.gc()} made, per minute: the calls come from a clock, and a concurrent cycle
     * ({@code ExplicitGCInvokesConcurrent}) keeps the cause but is not a full collection.
     */
    EXPLICIT_GCS("System.gc() full GCs per minute", "/min",
            m -> m.fullGcs() == null ? null : perMinute(m, m.fullGcs().byCause().getOrDefault("System.gc()", 0L))),
    /** Metadata-threshold collections per minute. */
    METADATA_GCS("Metadata GC Threshold collections per minute", "/min", m -> byCause(m, "Metadata GC Threshold")),
    /** Humongous-allocation collections per GB allocated (G1). */
    HUMONGOUS_GCS("G1 Humongous Allocation collections per GB allocated", "/GB",
            m -> m.collectionsByCause() == null ? null
                    : perGb(m, m.collectionsByCause().getOrDefault("G1 Humongous Allocation", 0L))),
    /** The peak committed heap. */
    COMMITTED_HEAP("peak committed heap", "MB",
            m -> m.heap() == null || m.heap().peakCommittedBytes() == null ? null : m.heap().peakCommittedBytes() / 1048576.0);

    private final String label;
    private final String unit;
    private final Function<GcMetrics, Double> read;

    Check(String label, String unit, Function<GcMetrics, Double> read) {
        this.label = label;
        this.unit = unit;
        this.read = read;
    }

    /** What it is, for a table. */
    public String label() {
        return label;
    }

    /** Its unit. */
    public String unit() {
        return unit;
    }

    /** The figure in a run's GC metrics, or {@code null} when the log does not give it. */
    public Double read(GcMetrics m) {
        return m == null ? null : read.apply(m);
    }

    /**
     * The figure an effect's words name, if a GC log measures it: {@code "GC CPU share"}, {@code "full GC count"},
     * {@code "max GC pause"}, {@code "System.gc() full GC count"}, ... Words no GC log measures (start-up time,
     * inlining decisions) give empty.
     */
    public static Optional<Check> of(String check) {
        String c = check.toLowerCase(Locale.ROOT);
        if (c.contains("metadata gc threshold")) {
            return Optional.of(METADATA_GCS);
        }
        if (c.contains("system.gc()")) {
            return Optional.of(EXPLICIT_GCS);
        }
        if (c.contains("humongous")) {
            return Optional.of(HUMONGOUS_GCS);
        }
        if (c.contains("full gc")) {
            return Optional.of(FULL_GCS);
        }
        if (c.contains("stall")) {
            return Optional.of(STALLS);
        }
        if (c.contains("gc cpu")) {
            return Optional.of(GC_CPU_SHARE);
        }
        if (c.contains("pause share") || c.contains("stop-the-world share")) {
            return Optional.of(PAUSE_SHARE);
        }
        if (c.contains("max gc pause") || c.contains("longest pause") || c.contains("pause max")) {
            return Optional.of(PAUSE_MAX);
        }
        if (c.contains("p99") && c.contains("pause")) {
            return Optional.of(PAUSE_P99);
        }
        if (c.contains("gc count")) {
            return Optional.of(GC_COUNT);
        }
        if (c.contains("committed heap")) {
            return Optional.of(COMMITTED_HEAP);
        }
        return Optional.empty();
    }

    private static Double perMinute(GcMetrics m, long count) {
        Double s = m.durationSeconds();
        return s == null || s <= 0 ? null : count * 60 / s;
    }

    /** Per GB allocated, else per minute when the allocation rate is unknown. */
    private static Double perGb(GcMetrics m, long count) {
        Double rate = m.allocationRateBytesPerSec();
        Double s = m.durationSeconds();
        if (rate == null || rate <= 0 || s == null || s <= 0) {
            return perMinute(m, count);
        }
        return count / (rate * s / 1e9);
    }

    private static Double byCause(GcMetrics m, String cause) {
        Map<String, Long> by = m.collectionsByCause();
        return by == null ? null : perMinute(m, by.getOrDefault(cause, 0L));
    }
}
