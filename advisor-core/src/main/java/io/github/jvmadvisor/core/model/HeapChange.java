package io.github.jvmadvisor.core.model;

/**
 * Heap occupancy around a collection, as a GC log prints it ({@code 430M->236M(525M)}).
 *
 * <p>Byte values are exact multiples of the unit the log used (K, M, G), so they carry that
 * rounding. {@code capacityBytes} is -1 when the line gives no capacity (ZGC prints a percentage of
 * the maximum instead).
 *
 * @param beforeBytes heap used before the collection
 * @param afterBytes heap used after the collection
 * @param capacityBytes committed heap after the collection, or -1 when not printed
 */
public record HeapChange(long beforeBytes, long afterBytes, long capacityBytes) {

    public HeapChange {
        if (beforeBytes < 0 || afterBytes < 0) {
            throw new IllegalArgumentException("heap sizes must be >= 0: " + beforeBytes + "->" + afterBytes);
        }
        if (capacityBytes < -1) {
            throw new IllegalArgumentException("capacity must be >= 0 or -1: " + capacityBytes);
        }
    }

    /** Bytes the collection freed; negative when the heap grew while it ran (concurrent collectors). */
    public long reclaimedBytes() {
        return beforeBytes - afterBytes;
    }
}
