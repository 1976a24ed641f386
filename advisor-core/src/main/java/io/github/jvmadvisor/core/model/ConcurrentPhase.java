package io.github.jvmadvisor.core.model;

/**
 * One concurrent phase of a cycle ({@code Concurrent Mark From Roots 59.707ms}), running beside
 * the application.
 *
 * @param at when the phase ended
 * @param gcId the GC id, or -1
 * @param name the phase as the log names it
 * @param generation the generation for generational collectors that say, else {@code null}
 * @param durationNanos how long the phase ran
 * @param heap heap occupancy around the phase when the log prints it (Shenandoah cleanup), or
 *     {@code null}
 */
public record ConcurrentPhase(Stamp at, long gcId, String name, Generation generation, long durationNanos,
        HeapChange heap) implements GcEvent {

    public ConcurrentPhase {
        if (at == null || name == null) {
            throw new IllegalArgumentException("at and name are required");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("phase duration must be >= 0: " + durationNanos);
        }
    }
}
