package io.github.jvmadvisor.core.model;

/**
 * Something a garbage collector did or suffered, read from a GC log (and, later, a JFR recording).
 *
 * <p>Events are immutable. Their time is the end of what they describe: a GC log prints a pause
 * when it is over, so {@link #at()} is the time of that line and the pause began
 * {@code durationNanos} earlier. Fields that the input did not give are -1 (numbers) or
 * {@code null} (objects), as documented on each record.
 */
public sealed interface GcEvent permits Pause, ConcurrentCycle, ConcurrentPhase, Stall, Safepoint,
        GcCpuTimes, MetaspaceChange, RunStart {

    /** When the event ended. */
    Stamp at();
}
