package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencySummary;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.LatencyWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;

/**
 * Builds one series of a latency log as its intervals are read: a summary per interval, one merged
 * histogram for the whole series and, when windows are asked for, merged histograms for the windows
 * still open. Interval histograms are not kept, so memory grows with the number of intervals (a small
 * summary each), not with their histograms.
 *
 * <p>Windows close once an interval two windows later arrives; an interval that arrives for a window
 * already closed (written far out of order) is counted in the series but not in a window, and
 * {@link #add} says so. Not thread-safe.
 */
public final class SeriesBuilder {

    /** What {@link #add} did with an interval. */
    public enum Added {
        /** Counted everywhere. */
        OK,
        /** Counted in the series, but its window had closed. */
        WINDOW_CLOSED,
        /** Not counted: integer and double histograms mixed in one series. */
        KIND_MISMATCH,
        /** Not counted: the series' count would pass {@code Long.MAX_VALUE}. */
        COUNT_OVERFLOW
    }

    private final String tag;
    private final Double windowSeconds;
    private final List<LatencyInterval> intervals = new ArrayList<>();
    private final Merge overall = new Merge();
    private final TreeMap<Long, Window> open = new TreeMap<>();
    private final List<LatencyWindow> closed = new ArrayList<>();
    private long lastClosedIndex = Long.MIN_VALUE;
    private Long originEpochMillis;

    /**
     * A builder.
     *
     * @param tag the series' tag, or {@code null}
     * @param windowSeconds window width, or {@code null} for no windows
     */
    public SeriesBuilder(String tag, Double windowSeconds) {
        this.tag = tag;
        this.windowSeconds = windowSeconds;
    }

    /**
     * Adds an interval.
     *
     * @param line the line it was read from
     * @param startSeconds start after the log's start
     * @param startEpochMillis absolute start, or {@code null}
     * @param originEpochMillis the log's start in epoch milliseconds, or {@code null}; windows start from it
     * @param lengthSeconds length, or {@code null}
     * @param h its histogram; not kept
     */
    public Added add(long line, double startSeconds, Long startEpochMillis, Long originEpochMillis,
            Double lengthSeconds, EncodableHistogram h) {
        long n = h instanceof AbstractHistogram a ? a.getTotalCount() : ((DoubleHistogram) h).getTotalCount();
        if (n < 0 || overall.count() > Long.MAX_VALUE - n) {
            return Added.COUNT_OVERFLOW;
        }
        if (!overall.add(h)) {
            return Added.KIND_MISMATCH;
        }
        this.originEpochMillis = originEpochMillis;
        intervals.add(new LatencyInterval(line, startSeconds, startEpochMillis, lengthSeconds, Summaries.of(h)));
        if (windowSeconds == null) {
            return Added.OK;
        }
        long index = (long) Math.floor(startSeconds / windowSeconds);
        if (index <= lastClosedIndex && !open.containsKey(index)) {
            return Added.WINDOW_CLOSED;
        }
        Window w = open.computeIfAbsent(index, k -> new Window());
        w.merge.add(h);
        w.intervals++;
        // keep the previous window open too, for intervals a little out of order
        while (!open.isEmpty() && open.firstKey() < index - 1) {
            close(open.pollFirstEntry());
        }
        return Added.OK;
    }

    private void close(Map.Entry<Long, Window> e) {
        long index = e.getKey();
        double start = index * windowSeconds;
        Long startMs = originEpochMillis == null ? null : originEpochMillis + Math.round(start * 1000);
        closed.add(new LatencyWindow(round(start), windowSeconds, startMs, e.getValue().intervals,
                e.getValue().merge.summary()));
        lastClosedIndex = Math.max(lastClosedIndex, index);
    }

    /** The series' tag, or {@code null}. */
    public String tag() {
        return tag;
    }

    /** Values in the series so far. */
    public long count() {
        return overall.count();
    }

    /** The series, closing any open windows. */
    public LatencySeries build(LatencyUnit unit) {
        while (!open.isEmpty()) {
            close(open.pollFirstEntry());
        }
        List<LatencyWindow> windows = new ArrayList<>(closed);
        windows.sort((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
        LatencySummary all = overall.summary();
        return new LatencySeries(tag, unit, overall.significantDigits(), intervals, all, windowSeconds, windows);
    }

    /** Rounds seconds to the microsecond, so sums of decimal timestamps print cleanly. */
    static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    private static final class Window {
        final Merge merge = new Merge();
        int intervals;
    }
}
