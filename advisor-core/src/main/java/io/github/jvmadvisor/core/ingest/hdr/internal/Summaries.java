package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.model.LatencySummary;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramIterationValue;

/** Summaries of decoded histograms. */
public final class Summaries {

    private Summaries() {
    }

    /** The summary of an integer or double histogram. */
    public static LatencySummary of(EncodableHistogram h) {
        if (h instanceof AbstractHistogram a) {
            return of(a);
        }
        return of((DoubleHistogram) h);
    }

    /** Percentiles in a summary, in increasing order. */
    private static final double[] LEVELS = {50, 90, 99, 99.9, 99.99};

    /**
     * The summary of an integer histogram, with the values HdrHistogram's own getters give, in one
     * pass over the recorded values instead of one per figure: the percentile rule and the mean's
     * order of summation are HdrHistogram's.
     */
    public static LatencySummary of(AbstractHistogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return LatencySummary.empty();
        }
        long[] targets = new long[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            targets[i] = countAtPercentile(LEVELS[i], n);
        }
        double[] values = new double[LEVELS.length];
        int next = 0;
        double total = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long upTo = v.getTotalCountToThisValue();
            while (next < LEVELS.length && upTo >= targets[next]) {
                values[next++] = v.getValueIteratedTo();
            }
            total += h.medianEquivalentValue(v.getValueIteratedTo()) * (double) v.getCountAtValueIteratedTo();
        }
        return new LatencySummary(n, (double) h.getMinValue(), total / n, values[0], values[1], values[2], values[3],
                values[4], (double) h.getMaxValue());
    }

    /**
     * How many values must lie at or below a percentile's value, as HdrHistogram counts it: the
     * percentile less one ulp (so that a round-off does not reach into the next bucket), times the
     * count, rounded up, at least 1.
     */
    public static long countAtPercentile(double percentile, long total) {
        double p = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.max(1, (long) Math.ceil(p * total / 100.0));
    }

    /** The summary of a double histogram. */
    public static LatencySummary of(DoubleHistogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return LatencySummary.empty();
        }
        return new LatencySummary(n, h.getMinValue(), h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getValueAtPercentile(99.99), h.getMaxValue());
    }

    /** The same summary with a different minimum and maximum (exact extremes tracked beside a merge). */
    public static LatencySummary withExtremes(LatencySummary s, Double min, Double max) {
        if (s.count() == 0) {
            return s;
        }
        return new LatencySummary(s.count(), min, s.mean(), s.p50(), s.p90(), s.p99(), s.p999(), s.p9999(), max);
    }
}
