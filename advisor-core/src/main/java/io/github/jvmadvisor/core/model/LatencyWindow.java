package io.github.jvmadvisor.core.model;

/**
 * The intervals of a latency series that start within one window of time, re-aggregated exactly:
 * their histograms are added, not their percentiles averaged.
 *
 * <p>An interval belongs to the window its start falls in, whole; a window therefore covers the
 * values of the intervals that started in it, which may run a little past its end.
 *
 * @param startSeconds start of the window, in seconds after the log's start (a multiple of the width)
 * @param lengthSeconds width of the window
 * @param startEpochMillis start in milliseconds since the epoch, or {@code null} when the log does
 *     not give absolute time
 * @param intervals number of intervals in the window
 * @param summary the values of those intervals
 */
public record LatencyWindow(double startSeconds, double lengthSeconds, Long startEpochMillis, int intervals,
        LatencySummary summary) {

    public LatencyWindow {
        if (!(lengthSeconds > 0) || Double.isInfinite(lengthSeconds)) {
            throw new IllegalArgumentException("lengthSeconds must be > 0: " + lengthSeconds);
        }
        if (intervals < 0 || summary == null) {
            throw new IllegalArgumentException("intervals must be >= 0 and summary given");
        }
    }

    /**
     * The window's start in seconds since a JVM started (its uptime).
     *
     * @param jvmStartEpochMillis when the JVM started, in milliseconds since the epoch
     * @return the uptime at the window's start, or {@code null} when the log does not give absolute time
     */
    public Double uptimeSeconds(long jvmStartEpochMillis) {
        return startEpochMillis == null ? null : (startEpochMillis - jvmStartEpochMillis) / 1000.0;
    }
}
