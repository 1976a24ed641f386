package io.github.jvmadvisor.core.flags;

import java.math.BigDecimal;

/**
 * The allowed range of a numeric flag, as {@code -XX:+PrintFlagsRanges} prints it. Bounds are kept as
 * text because unsigned 64-bit bounds do not fit a {@code long}. Immutable.
 *
 * @param min the smallest allowed value, e.g. {@code "0"} or {@code "0.000"}
 * @param max the largest allowed value, e.g. {@code "18446744073709551615"}
 */
public record FlagRange(String min, String max) {

    public FlagRange {
        if (min == null || max == null || decimal(min) == null || decimal(max) == null) {
            throw new IllegalArgumentException("a range needs two numeric bounds: [" + min + " ... " + max + "]");
        }
    }

    /** Whether {@code value} lies within the range, bounds included. */
    public boolean contains(BigDecimal value) {
        return value.compareTo(decimal(min)) >= 0 && value.compareTo(decimal(max)) <= 0;
    }

    /** The range as HotSpot prints it, e.g. {@code "[ 0 ... 100 ]"}. */
    @Override
    public String toString() {
        return "[ " + min + " ... " + max + " ]";
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
