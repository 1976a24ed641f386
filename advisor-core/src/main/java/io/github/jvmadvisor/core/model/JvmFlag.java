package io.github.jvmadvisor.core.model;

/**
 * One {@code -XX} flag's final value in a JVM and where it came from.
 *
 * @param name the flag name without {@code -XX:}, e.g. {@code "MaxHeapSize"}
 * @param value the value as HotSpot prints it ({@code "true"}, {@code "134217728"}, {@code "0.0"})
 * @param origin where the value came from
 */
public record JvmFlag(String name, String value, FlagOrigin origin) {

    public JvmFlag {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("flag name and value are required");
        }
        origin = origin == null ? FlagOrigin.UNKNOWN : origin;
    }

    /** The value as a long, or {@code null} when it is not an integer. */
    public Long longValue() {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                // unsigned 64-bit values above Long.MAX_VALUE (e.g. MaxRAM defaults) do not fit
                return new java.math.BigInteger(value).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** The value as a boolean, or {@code null} when it is not {@code true}/{@code false}. */
    public Boolean booleanValue() {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }
}
