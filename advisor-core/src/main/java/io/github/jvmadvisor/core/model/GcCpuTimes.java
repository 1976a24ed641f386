package io.github.jvmadvisor.core.model;

/**
 * CPU time the GC threads used during one collection ({@code gc,cpu}: {@code User=0.01s Sys=0.00s
 * Real=0.00s}). The log prints hundredths of a second, so short pauses show zero.
 *
 * @param at when the line was written (just after the pause)
 * @param gcId the GC id
 * @param userNanos user CPU time of the GC threads
 * @param sysNanos system CPU time of the GC threads
 * @param realNanos wall time of the collection
 */
public record GcCpuTimes(Stamp at, long gcId, long userNanos, long sysNanos, long realNanos) implements GcEvent {

    public GcCpuTimes {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (userNanos < 0 || sysNanos < 0 || realNanos < 0) {
            throw new IllegalArgumentException("CPU times must be >= 0");
        }
    }
}
