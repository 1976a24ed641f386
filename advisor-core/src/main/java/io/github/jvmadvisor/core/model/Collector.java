package io.github.jvmadvisor.core.model;

import java.util.Locale;
import java.util.Map;

/** The garbage collectors of HotSpot, as named in reports. */
public enum Collector {
    SERIAL("Serial", "UseSerialGC"),
    PARALLEL("Parallel", "UseParallelGC"),
    G1("G1", "UseG1GC"),
    ZGC("ZGC", "UseZGC"),
    SHENANDOAH("Shenandoah", "UseShenandoahGC"),
    /** Concurrent Mark Sweep, removed in JDK 14; only seen in older logs. */
    CMS("CMS", "UseConcMarkSweepGC"),
    EPSILON("Epsilon", "UseEpsilonGC");

    private final String displayName;
    private final String selectionFlag;

    Collector(String displayName, String selectionFlag) {
        this.displayName = displayName;
        this.selectionFlag = selectionFlag;
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

    /**
     * The collector whose {@code Use...GC} flag is {@code true} among {@code flags} (by name, without
     * {@code -XX:}), or {@code null} when none is.
     */
    public static Collector selectedBy(Map<String, JvmFlag> flags) {
        for (Collector c : values()) {
            JvmFlag f = flags.get(c.selectionFlag);
            if (f != null && "true".equals(f.value())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return displayName.toLowerCase(Locale.ROOT);
    }
}
