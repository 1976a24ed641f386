package io.github.jvmadvisor.core.model;

/**
 * The unit of the values recorded in a latency histogram.
 *
 * <p>HdrHistogram logs and percentile files do not say what unit their values are in. A reader
 * names a unit only when it recognises the producer (jHiccup records nanoseconds, YCSB
 * microseconds); otherwise the unit is {@link #UNKNOWN} and values are reported as recorded.
 */
public enum LatencyUnit {
    /** Nanoseconds. */
    NANOSECONDS("ns", 1e-6),
    /** Microseconds. */
    MICROSECONDS("us", 1e-3),
    /** Milliseconds. */
    MILLISECONDS("ms", 1.0),
    /** Seconds. */
    SECONDS("s", 1e3),
    /** Not known: values are in whatever unit the producer recorded. */
    UNKNOWN(null, Double.NaN);

    private final String id;
    private final double millisPerUnit;

    LatencyUnit(String id, double millisPerUnit) {
        this.id = id;
        this.millisPerUnit = millisPerUnit;
    }

    /** Short name for reports ({@code "ns"}, {@code "us"}, {@code "ms"}, {@code "s"}), or {@code null} when unknown. */
    public String id() {
        return id;
    }

    /**
     * The unit named {@code ns}, {@code us} (or {@code µs}), {@code ms} or {@code s}, in any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static LatencyUnit parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("\u00b5s")) {
            n = "us";
        }
        for (LatencyUnit u : values()) {
            if (u.known() && u.id.equals(n)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown latency unit '" + name + "': use ns, us, ms or s");
    }

    /** Whether the unit is known. */
    public boolean known() {
        return this != UNKNOWN;
    }

    /**
     * A value of this unit in milliseconds.
     *
     * @return the value in milliseconds, or {@code null} when the unit is unknown or {@code value} is {@code null}
     */
    public Double toMillis(Double value) {
        return value == null || this == UNKNOWN ? null : value * millisPerUnit;
    }
}
