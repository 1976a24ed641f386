package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * A stop-the-world pause: every application thread was stopped for {@code durationNanos}.
 *
 * @param at when the pause ended
 * @param gcId the collector's GC id ({@code GC(12)}), or -1
 * @param kind what the pause did
 * @param generation the generation, for collectors that say (generational ZGC), else {@code null}
 * @param name the pause as the log names it without sizes or time, e.g.
 *     {@code "Pause Young (Normal) (G1 Evacuation Pause)"}
 * @param phase the collector's sub-type, e.g. G1's {@code "Concurrent Start"} or Shenandoah's
 *     degeneration point {@code "Mark"}, or {@code null}
 * @param cause why the collection ran, e.g. {@code "G1 Humongous Allocation"}; for pauses inside a
 *     concurrent cycle the cause of that cycle; {@code null} when the log gives none
 * @param durationNanos how long the application was stopped, in nanoseconds
 * @param heap heap occupancy around the pause, or {@code null} when the line has no sizes
 * @param spaces per-space occupancy ({@code gc+heap} lines), possibly empty
 * @param evacuationFailure whether G1 failed to evacuate some objects (to-space exhausted)
 * @param allocatedBytes bytes the application allocated since the previous collection ended (heap
 *     before this pause minus heap after the previous one), or -1 when there is no previous one
 * @param promotedBytes bytes this young pause promoted into the old generation (growth of the old
 *     space across the pause; G1 counts whole regions), or -1 when not known or not a young pause
 */
public record Pause(Stamp at, long gcId, PauseKind kind, Generation generation, String name, String phase,
        String cause, long durationNanos, HeapChange heap, List<SpaceChange> spaces,
        boolean evacuationFailure, long allocatedBytes, long promotedBytes) implements GcEvent {

    public Pause {
        if (at == null || kind == null || name == null) {
            throw new IllegalArgumentException("at, kind and name are required");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("pause duration must be >= 0: " + durationNanos);
        }
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
    }

    /** The space change for {@code space}, or {@code null} when the log did not report it. */
    public SpaceChange space(Space space) {
        for (SpaceChange s : spaces) {
            if (s.space() == space) {
                return s;
            }
        }
        return null;
    }
}
