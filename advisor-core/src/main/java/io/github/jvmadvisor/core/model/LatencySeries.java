package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * The intervals of a latency log that share a tag, with their overall distribution.
 *
 * <p>An untagged log has one series with a {@code null} tag. A log written by several recorders
 * ({@code Tag=read,}, {@code Tag=write,}) has one series per tag; their values are never mixed.
 *
 * @param tag the tag, or {@code null} for untagged intervals
 * @param unit the unit of every value in the series; {@link LatencyUnit#UNKNOWN} unless the producer
 *     is recognised (see {@link LatencyLog#unitBasis()})
 * @param significantDigits the histograms' precision in significant decimal digits, or {@code null}
 *     when not known (percentile files)
 * @param intervals the intervals, in the order read
 * @param overall all the series' values together (the intervals' histograms added up)
 * @param windowSeconds width of {@code windows}, or {@code null} when windows were not asked for
 * @param windows the series re-aggregated over windows of {@code windowSeconds}, in time order; empty
 *     when not asked for
 */
public record LatencySeries(String tag, LatencyUnit unit, Integer significantDigits, List<LatencyInterval> intervals,
        LatencySummary overall, Double windowSeconds, List<LatencyWindow> windows) {

    public LatencySeries {
        if (unit == null || overall == null) {
            throw new IllegalArgumentException("unit and overall are required");
        }
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /**
     * This series in {@code given} when its own unit is unknown (the values are not changed, only what they are
     * said to be in); this series when it already has a unit.
     */
    public LatencySeries withUnitIfUnknown(LatencyUnit given) {
        if (unit.known() || given == null || !given.known()) {
            return this;
        }
        return new LatencySeries(tag, given, significantDigits, intervals, overall, windowSeconds, windows);
    }

    /** The largest value of the series in milliseconds, or {@code null} when the unit is unknown. */
    public Double overallMaxMillis() {
        return unit.toMillis(overall.max());
    }
}
