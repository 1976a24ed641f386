package io.github.jvmadvisor.core.model;

/**
 * When an event happened, as far as the input says.
 *
 * <p>Every field is optional and uses {@code -1} for "not known": a GC log written without time
 * decorations has none of them. {@code timelineNanos} places the event on one time axis for the
 * whole input, even when the input spans several JVM runs (rotated files with restarts): runs are
 * laid end to end, or by wall clock when the log has one. {@code uptimeNanos} is the JVM's own
 * uptime within its run, which is what lines up with a JFR recording of the same JVM.
 *
 * @param timelineNanos position on the input's time axis, nanoseconds from its first time stamp, or -1
 * @param uptimeNanos JVM uptime in nanoseconds, or -1 when the input has no uptime
 * @param epochMillis wall-clock time in milliseconds since the epoch, or -1 when not known
 * @param run index of the JVM run within the input, 0 for the first
 */
public record Stamp(long timelineNanos, long uptimeNanos, long epochMillis, int run) {

    /** A stamp that knows nothing. */
    public static final Stamp UNKNOWN = new Stamp(-1, -1, -1, 0);

    public Stamp {
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0: " + run);
        }
    }

    /** Whether the event has a place on the time axis. */
    public boolean hasTime() {
        return timelineNanos >= 0;
    }

    /** Position on the time axis in seconds, or {@code NaN} when not known. */
    public double timelineSeconds() {
        return timelineNanos < 0 ? Double.NaN : timelineNanos / 1e9;
    }
}
