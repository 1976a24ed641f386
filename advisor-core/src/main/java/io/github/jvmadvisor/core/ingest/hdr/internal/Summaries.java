package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.model.LatencySummary;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;

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

    /** The summary of an integer histogram; values exactly as HdrHistogram reports them. */
    public static LatencySummary of(AbstractHistogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return LatencySummary.empty();
        }
        return new LatencySummary(n, (double) h.getMinValue(), h.getMean(), (double) h.getValueAtPercentile(50),
                (double) h.getValueAtPercentile(90), (double) h.getValueAtPercentile(99),
                (double) h.getValueAtPercentile(99.9), (double) h.getValueAtPercentile(99.99),
                (double) h.getMaxValue());
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
