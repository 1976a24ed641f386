package io.github.jvmadvisor.core.model;

/**
 * Metaspace occupancy around a collection ({@code Metaspace: 260K(448K)->260K(448K)}).
 *
 * @param at when the line was written
 * @param gcId the GC id, or -1
 * @param usedBeforeBytes used before, or -1 when the log prints only one value
 * @param usedAfterBytes used after
 * @param committedAfterBytes committed after, or -1
 * @param reservedBytes reserved, or -1
 */
public record MetaspaceChange(Stamp at, long gcId, long usedBeforeBytes, long usedAfterBytes,
        long committedAfterBytes, long reservedBytes) implements GcEvent {

    public MetaspaceChange {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }

    /** The larger of the used values. */
    public long peakUsedBytes() {
        return Math.max(usedBeforeBytes, usedAfterBytes);
    }
}
