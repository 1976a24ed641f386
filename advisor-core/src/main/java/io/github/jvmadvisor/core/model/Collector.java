package io.github.jvmadvisor.core.model;

import java.util.Locale;

/** The garbage collectors of HotSpot, as named in reports. */
public enum Collector {
    SERIAL("Serial"),
    PARALLEL("Parallel"),
    G1("G1"),
    ZGC("ZGC"),
    SHENANDOAH("Shenandoah"),
    /** Concurrent Mark Sweep, removed in JDK 14; only seen in older logs. */
    CMS("CMS"),
    EPSILON("Epsilon");

    private final String displayName;

    Collector(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in reports and in the JSON contract, e.g. {@code "G1"}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Finds a collector by its report name or enum name, ignoring case.
     *
     * @throws IllegalArgumentException if the name matches no collector
     */
    public static Collector of(String name) {
        for (Collector c : values()) {
            if (c.displayName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown collector: " + name
                + " (expected one of Serial, Parallel, G1, ZGC, Shenandoah, CMS, Epsilon)");
    }

    @Override
    public String toString() {
        return displayName.toLowerCase(Locale.ROOT);
    }
}
