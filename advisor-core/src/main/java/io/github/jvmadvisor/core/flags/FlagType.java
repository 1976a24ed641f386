package io.github.jvmadvisor.core.flags;

import java.math.BigInteger;

/** The value type of a HotSpot flag, as {@code -XX:+PrintFlagsFinal} names it. */
public enum FlagType {
    BOOL("bool", null, null),
    INT("int", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)),
    UINT("uint", BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)),
    INTX("intx", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)),
    UINTX("uintx", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    UINT64_T("uint64_t", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    SIZE_T("size_t", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
    DOUBLE("double", null, null),
    CCSTR("ccstr", null, null),
    /** A string flag that accumulates when given more than once ({@code CompileCommand}). */
    CCSTRLIST("ccstrlist", null, null);

    private final String hotspotName;
    private final BigInteger min;
    private final BigInteger max;

    FlagType(String hotspotName, BigInteger min, BigInteger max) {
        this.hotspotName = hotspotName;
        this.min = min;
        this.max = max;
    }

    /** The name HotSpot prints, e.g. {@code "size_t"}. */
    public String hotspotName() {
        return hotspotName;
    }

    /** Whether values are whole numbers (all but bool, double and the string types). */
    public boolean isInteger() {
        return min != null;
    }

    /** Whether values are strings ({@code ccstr}, {@code ccstrlist}). */
    public boolean isString() {
        return this == CCSTR || this == CCSTRLIST;
    }

    /** The smallest value the type holds (64-bit platforms), or {@code null} for non-integer types. */
    public BigInteger minValue() {
        return min;
    }

    /** The largest value the type holds (64-bit platforms), or {@code null} for non-integer types. */
    public BigInteger maxValue() {
        return max;
    }

    /** The type HotSpot names {@code name}, or {@code null} when the name is not a known type. */
    public static FlagType of(String name) {
        for (FlagType t : values()) {
            if (t.hotspotName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return hotspotName;
    }
}
