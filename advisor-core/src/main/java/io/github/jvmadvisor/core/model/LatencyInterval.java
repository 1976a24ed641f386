package io.github.jvmadvisor.core.model;

/**
 * One interval of a latency log: when it started, how long it lasted and the distribution of the
 * values recorded in it.
 *
 * <p>Values are in the unit of the series the interval belongs to ({@link LatencySeries#unit()};
 * HdrHistogram logs do not record units).
 *
 * @param line the line of the input the interval was read from (1-based), or 0 when it is not one line
 *     (a percentile file's table)
 * @param startSeconds start, in seconds after the log's start ({@link LatencyLog#startTimeEpochMillis()},
 *     or the producer's own zero when the log has no absolute time); negative for an interval written
 *     out of order before the first one
 * @param startEpochMillis start in milliseconds since the epoch, or {@code null} when the log does not
 *     give absolute time
 * @param lengthSeconds length in seconds, or {@code null} when not known
 * @param summary the values recorded in the interval
 */
public record LatencyInterval(long line, double startSeconds, Long startEpochMillis, Double lengthSeconds,
        LatencySummary summary) {

    public LatencyInterval {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        if (Double.isNaN(startSeconds) || Double.isInfinite(startSeconds)) {
            throw new IllegalArgumentException("startSeconds must be finite: " + startSeconds);
        }
        if (lengthSeconds != null && !(lengthSeconds >= 0 && lengthSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lengthSeconds must be finite and >= 0: " + lengthSeconds);
        }
        if (summary == null) {
            throw new IllegalArgumentException("summary is required");
        }
    }

    /**
     * The interval's start on the time line of a JVM, in seconds since that JVM started: what GC logs
     * call uptime. Use it to put latency next to GC pauses.
     *
     * @param jvmStartEpochMillis when the JVM started, in milliseconds since the epoch
     * @return seconds since the JVM start (negative when the interval began before it), or {@code null}
     *     when the log does not give absolute time
     */
    public Double uptimeSeconds(long jvmStartEpochMillis) {
        return startEpochMillis == null ? null : (startEpochMillis - jvmStartEpochMillis) / 1000.0;
    }

    /** End, in seconds after the log's start, or {@code null} when the length is not known. */
    public Double endSeconds() {
        return lengthSeconds == null ? null : startSeconds + lengthSeconds;
    }
}
