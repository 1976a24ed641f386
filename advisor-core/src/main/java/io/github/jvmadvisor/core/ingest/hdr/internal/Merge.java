package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.model.LatencySummary;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;

/**
 * Histograms added together, exactly: one auto-resizing histogram shaped like the first one added.
 * The minimum and maximum are tracked beside it from each added histogram, so they equal what
 * HdrHistogram reports for the histograms themselves even when their precisions differ.
 *
 * <p>Integer and double histograms cannot be added to each other: {@link #add} refuses the kind it
 * did not start with. Not thread-safe.
 */
public final class Merge {

    private AbstractHistogram ints;
    private DoubleHistogram doubles;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /**
     * Adds a histogram.
     *
     * @return false when it is of the other kind (integer versus double) and was not added
     */
    public boolean add(EncodableHistogram h) {
        if (h instanceof AbstractHistogram a) {
            if (doubles != null) {
                return false;
            }
            if (ints == null) {
                ints = new Histogram(a.getLowestDiscernibleValue(), a.getHighestTrackableValue(),
                        a.getNumberOfSignificantValueDigits());
                ints.setAutoResize(true);
            }
            ints.add(a);
            if (a.getTotalCount() > 0) {
                min = Math.min(min, a.getMinValue());
                max = Math.max(max, a.getMaxValue());
            }
            return true;
        }
        DoubleHistogram d = (DoubleHistogram) h;
        if (ints != null) {
            return false;
        }
        if (doubles == null) {
            doubles = new DoubleHistogram(d.getNumberOfSignificantValueDigits());
            doubles.setAutoResize(true);
        }
        doubles.add(d);
        if (d.getTotalCount() > 0) {
            min = Math.min(min, d.getMinValue());
            max = Math.max(max, d.getMaxValue());
        }
        return true;
    }

    /** Values added so far. */
    public long count() {
        return ints != null ? ints.getTotalCount() : doubles != null ? doubles.getTotalCount() : 0;
    }

    /** Precision of the merged histogram in significant digits, or {@code null} before the first add. */
    public Integer significantDigits() {
        return ints != null ? Integer.valueOf(ints.getNumberOfSignificantValueDigits())
                : doubles != null ? Integer.valueOf(doubles.getNumberOfSignificantValueDigits()) : null;
    }

    /** The summary of everything added. */
    public LatencySummary summary() {
        if (count() == 0) {
            return LatencySummary.empty();
        }
        LatencySummary s = ints != null ? Summaries.of(ints) : Summaries.of(doubles);
        return Summaries.withExtremes(s, min, max);
    }
}
