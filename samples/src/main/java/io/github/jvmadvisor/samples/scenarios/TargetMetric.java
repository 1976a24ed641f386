package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.model.GcMetrics;
import java.util.function.Function;

/**
 * What a scenario's user cares about, and how to read it from one run: a figure the workload printed
 * ({@code RESULT <name> <value>}) or a count from the run's GC log.
 *
 * @param name what it is, for the table
 * @param unit its unit ("ops/s", "ms", "" for counts)
 * @param higherIsBetter the direction of an improvement
 * @param read reads it from a run; {@code null} when the run lacks it
 */
public record TargetMetric(String name, String unit, boolean higherIsBetter, Function<Run, Double> read) {

    /** A figure the workload printed. */
    public static TargetMetric printed(String key, String name, String unit, boolean higherIsBetter) {
        return new TargetMetric(name, unit, higherIsBetter, r -> r.printed().get(key));
    }

    /** A figure of the run's GC log, lower is better. */
    public static TargetMetric fromGcLog(String name, String unit, Function<GcMetrics, Double> read) {
        return new TargetMetric(name, unit, false, r -> r.gc() == null ? null : read.apply(r.gc()));
    }

    /** Collections of the GC log whose cause is {@code cause} (a G1 cycle once, not once per pause). */
    public static TargetMetric collectionsByCause(String name, String cause) {
        return fromGcLog(name, "", m -> (double) m.collectionsByCause().getOrDefault(cause, 0L));
    }
}
