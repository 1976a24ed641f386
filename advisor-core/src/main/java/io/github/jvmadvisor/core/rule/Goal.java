package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/**
 * What the user wants most; it shapes the ranking (not what rules find). {@code BALANCED} by default.
 */
public enum Goal {
    /** No preference. */
    BALANCED,
    /** Short pauses and a short latency tail. */
    LATENCY,
    /** Work done per second; pauses matter only through their total. */
    THROUGHPUT,
    /** Little memory. */
    FOOTPRINT;

    /** Lower-case name, as it appears in reports and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The goal named {@code text}, case-insensitive. */
    public static Goal of(String text) {
        for (Goal g : values()) {
            if (g.id().equalsIgnoreCase(text.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown goal '" + text + "' (latency, throughput, footprint, balanced)");
    }
}
