package io.github.jvmadvisor.runtime;

/**
 * Settings of the opt-in runtime adjustment a {@link JvmAdvisor.Watch} makes ({@link
 * WatchOptions.Builder#control}). Immutable.
 *
 * <p>The controller changes only flags the running JDK reports as writeable ({@code
 * HotSpotDiagnosticMXBean.getVMOption(..).isWriteable()}), at most one change per evaluated window, each
 * by at most {@link #maxStep()} of the current value, within bounds; after each change it watches one
 * window and rolls the change back when the guarded metrics got worse.
 *
 * @param headroom share of the container limit kept free for what the JVM does not count (default 0.10,
 *     as automemlimit)
 * @param maxStep largest change of {@code SoftMaxHeapSize} in one step, as a share of its value (default 0.5)
 * @param stallWorseMillis allocation-stall time per window that, above twice what it was before, rolls back
 *     (default 50 ms)
 * @param gcCpuWorse rise in GC CPU share (0..1) that, with a doubling, rolls back (default 0.10); for ZGC and
 *     Shenandoah, whose GC CPU JFR does not give, the share of the window concurrent cycles ran is judged so
 * @param pauseP99WorseMillis rise in pause p99 that, with a doubling, rolls back (default 10 ms)
 */
public record ControllerOptions(double headroom, double maxStep, double stallWorseMillis, double gcCpuWorse,
        double pauseP99WorseMillis) {

    public ControllerOptions {
        if (!(headroom >= 0 && headroom < 0.9)) {
            throw new IllegalArgumentException("headroom must be in [0, 0.9): " + headroom);
        }
        if (!(maxStep > 0 && maxStep <= 1)) {
            throw new IllegalArgumentException("maxStep must be in (0, 1]: " + maxStep);
        }
        if (stallWorseMillis < 0 || gcCpuWorse < 0 || pauseP99WorseMillis < 0) {
            throw new IllegalArgumentException("guard thresholds must not be negative");
        }
    }

    /** The defaults. */
    public static ControllerOptions defaults() {
        return new ControllerOptions(0.10, 0.5, 50, 0.10, 10);
    }
}
