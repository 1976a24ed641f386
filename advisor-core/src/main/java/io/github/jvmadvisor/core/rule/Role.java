package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/**
 * What a recommendation is for. Only a {@link #CHANGE} moves a figure the user's goal is judged on; the
 * others are listed apart in every report format and never outrank a change, however alarming the finding
 * behind them.
 */
public enum Role {
    /** Moves the goal's figures: pause time, GC CPU, memory, failures the JVM's settings cause. */
    CHANGE,
    /**
     * Changes nothing while the JVM is healthy and limits the damage when it is not: exit or dump on an
     * OutOfMemoryError, crash files, a restart instead of a stall.
     */
    SAFETY_NET,
    /** Gives the next analysis more evidence (GC logging, JFR, safepoint and JIT logging). */
    OBSERVABILITY;

    /** Lower-case name with a hyphen, as it appears in reports ({@code "safety-net"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role a recommendation has when its rule does not say: observability for the evidence metric. */
    static Role of(Metric metric) {
        return metric == Metric.OBSERVABILITY ? OBSERVABILITY : CHANGE;
    }
}
