package io.github.jvmadvisor.runtime;

import java.time.Instant;

/**
 * One entry of the runtime adjustment audit trail.
 *
 * @param at when
 * @param kind what happened
 * @param flag the flag
 * @param from its value before ({@code null} for a refusal)
 * @param to its value after ({@code null} for a refusal)
 * @param reason why, with the numbers
 */
public record Adjustment(Instant at, Kind kind, String flag, String from, String to, String reason) {

    /** What happened to a flag. */
    public enum Kind {
        /** Set to a new value. */
        SET,
        /** The last change was kept: the guarded metrics did not get worse. */
        KEPT,
        /** The last change was undone: the guarded metrics got worse. */
        ROLLED_BACK,
        /** Not changed: the flag is not manageable on the running JDK, or setting it failed. */
        REFUSED
    }

    @Override
    public String toString() {
        return at + " " + kind + " " + flag + (from != null ? " " + from + " -> " + to : "") + ": " + reason;
    }
}
