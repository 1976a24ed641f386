package io.github.jvmadvisor.core.model;

/**
 * A thread that waited for the collector: ZGC's {@code Allocation Stall} (an application thread
 * could not allocate until the cycle freed memory) or {@code Relocation Stall}.
 *
 * @param at when the stall ended
 * @param gcId the GC id when the log gives one, else -1
 * @param kind allocation or relocation
 * @param thread the stalled thread's name as logged
 * @param durationNanos how long the thread waited
 */
public record Stall(Stamp at, long gcId, Kind kind, String thread, long durationNanos) implements GcEvent {

    /** What the thread waited for. */
    public enum Kind {
        ALLOCATION,
        RELOCATION
    }

    public Stall {
        if (at == null || kind == null) {
            throw new IllegalArgumentException("at and kind are required");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("stall duration must be >= 0: " + durationNanos);
        }
    }
}
