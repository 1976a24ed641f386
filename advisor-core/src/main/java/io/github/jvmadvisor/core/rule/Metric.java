package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/**
 * What a recommendation should change, grouped by what a user cares about. The ranking weighs
 * recommendations by how their metric serves the user's {@link Goal}.
 */
public enum Metric {
    /** Pause times, latency percentiles, stalls. */
    LATENCY(Kind.LATENCY),
    /** Work done per second, GC CPU. */
    THROUGHPUT(Kind.THROUGHPUT),
    /** Resident memory, committed heap. */
    FOOTPRINT(Kind.FOOTPRINT),
    /** Full GCs, out-of-memory errors, container kills: the run fails or degrades badly. */
    RELIABILITY(Kind.RELIABILITY),
    /** Time to first result, warm-up. */
    STARTUP(Kind.LATENCY),
    /** The evidence the next analysis will have. */
    OBSERVABILITY(Kind.RELIABILITY);

    enum Kind { LATENCY, THROUGHPUT, FOOTPRINT, RELIABILITY }

    private final Kind kind;

    Metric(Kind kind) {
        this.kind = kind;
    }

    /** How much a goal cares about this metric, from 0.6 to 1.4; 1 for {@code BALANCED}. */
    public double weight(Goal goal) {
        if (goal == Goal.BALANCED || kind == Kind.RELIABILITY) {
            return 1.0;
        }
        Kind wanted = switch (goal) {
            case LATENCY -> Kind.LATENCY;
            case THROUGHPUT -> Kind.THROUGHPUT;
            case FOOTPRINT -> Kind.FOOTPRINT;
            default -> throw new IllegalStateException();
        };
        if (kind == wanted) {
            return 1.4;
        }
        // what one goal wants, another pays for: footprint against the others most of all
        return kind == Kind.FOOTPRINT || wanted == Kind.FOOTPRINT ? 0.6 : 0.8;
    }

    /** Lower-case name, as it appears in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
