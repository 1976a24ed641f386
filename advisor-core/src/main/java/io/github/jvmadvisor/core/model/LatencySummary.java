package io.github.jvmadvisor.core.model;

/**
 * The distribution of a set of recorded latencies: count, extremes, mean and percentiles.
 *
 * <p>Values are in the unit of the series they belong to (see {@link LatencySeries#unit()}). Every
 * value is {@code null} when {@code count} is 0, or when the source does not give it (a percentile
 * file without a footer has no mean). Percentiles from an HdrHistogram are the upper end of the
 * bucket holding the percentile (at most one part in 10<sup>digits</sup> high), as HdrHistogram
 * itself reports them.
 *
 * @param count values recorded
 * @param min smallest value
 * @param mean mean value
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param p9999 99.99th percentile
 * @param max largest value
 */
public record LatencySummary(long count, Double min, Double mean, Double p50, Double p90, Double p99, Double p999,
        Double p9999, Double max) {

    private static final LatencySummary EMPTY = new LatencySummary(0, null, null, null, null, null, null, null, null);

    public LatencySummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        check("min", min);
        check("mean", mean);
        check("p50", p50);
        check("p90", p90);
        check("p99", p99);
        check("p999", p999);
        check("p9999", p9999);
        check("max", max);
    }

    /** The summary of nothing: count 0, every value {@code null}. */
    public static LatencySummary empty() {
        return EMPTY;
    }

    private static void check(String name, Double v) {
        if (v != null && (v.isNaN() || v.isInfinite())) {
            throw new IllegalArgumentException(name + " must be finite: " + v);
        }
    }
}
