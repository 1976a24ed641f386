package io.github.jvmadvisor.core.model;

/**
 * A collection cycle that runs mostly concurrently with the application: a G1 concurrent mark
 * cycle, a ZGC collection, a Shenandoah cycle, a CMS cycle. Its pauses are separate {@link Pause}
 * events with the same GC id.
 *
 * @param at when the cycle ended
 * @param gcId the GC id, or -1
 * @param name the cycle as the log names it, e.g. {@code "Concurrent Mark Cycle"},
 *     {@code "Major Collection"}, {@code "Shenandoah Cycle"}
 * @param generation the generation for generational ZGC and Shenandoah, else {@code null}
 * @param cause why it ran, or {@code null}
 * @param durationNanos wall time from start to end, or -1 when the log does not allow it
 * @param heap heap occupancy from cycle start to cycle end (ZGC, Shenandoah), or {@code null}
 * @param liveBytes live bytes found by marking the whole heap (ZGC), or -1
 * @param promotedBytes bytes promoted to the old generation (generational ZGC), or -1
 * @param aborted whether the cycle was abandoned (JVM exit, full GC)
 * @param allocatedBytes bytes the application allocated from the end of the previous collection to
 *     the end of this cycle, or -1 when not known; for G1 and CMS the pauses carry the allocation
 */
public record ConcurrentCycle(Stamp at, long gcId, String name, Generation generation, String cause,
        long durationNanos, HeapChange heap, long liveBytes, long promotedBytes, boolean aborted,
        long allocatedBytes) implements GcEvent {

    public ConcurrentCycle {
        if (at == null || name == null) {
            throw new IllegalArgumentException("at and name are required");
        }
    }
}
