package io.github.jvmadvisor.core.model;

/**
 * Occupancy of one heap space around a collection ({@code Tenured: 253951K(258048K)->233476K(389132K)}
 * or G1's {@code Old regions: 0->2}).
 *
 * <p>G1 reports regions, not bytes: the region counts are then set and the byte values are the
 * counts times the region size, or -1 when the log gave no region size. For other collectors the
 * region counts are -1.
 *
 * @param space which space
 * @param beforeBytes used before, or -1
 * @param afterBytes used after, or -1
 * @param capacityBytes capacity (or G1's target for eden and survivor) after, or -1
 * @param regionsBefore G1 regions before, or -1
 * @param regionsAfter G1 regions after, or -1
 */
public record SpaceChange(Space space, long beforeBytes, long afterBytes, long capacityBytes,
        int regionsBefore, int regionsAfter) {

    public SpaceChange {
        if (space == null) {
            throw new IllegalArgumentException("space must not be null");
        }
    }

    /** Growth of the space across the collection in bytes, or 0 when not known. */
    public long growthBytes() {
        return beforeBytes < 0 || afterBytes < 0 ? 0 : afterBytes - beforeBytes;
    }
}
