package io.github.jvmadvisor.core.metrics;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import java.util.Locale;

/**
 * Follows the committed heap across {@code System.gc()} full collections and counts the young collections of the
 * regrowth windows that follow them ({@link GcMetrics.ExplicitGcShrinks} has the definitions). Constant memory.
 * Not thread-safe.
 */
final class ExplicitGcShrinkTracker {

    private long explicitFulls;
    private long shrinks;
    private long beforeSum;
    private long afterSum;
    private long youngPauses;
    private long youngNanos;
    private double attributedPauses;
    private double attributedNanos;
    /** Committed heap after the last collection of this run that printed one, -1 before the first. */
    private long committed = -1;
    /** Committed heap before the shrink that opened the regrowth window, -1 when none is open. */
    private long level = -1;

    /** Takes one pause, in log order. */
    void pause(Pause p) {
        long capacity = p.heap() == null ? -1 : p.heap().capacityBytes();
        if (capacity < 0) {
            return;
        }
        boolean explicit = p.cause() != null && p.cause().toLowerCase(Locale.ROOT).contains("system.gc");
        if (explicit && p.kind() == PauseKind.FULL) {
            if (committed > 0) {
                explicitFulls++;
                if (capacity < GcMetrics.ExplicitGcShrinks.SHRUNK * committed) {
                    shrinks++;
                    beforeSum += committed;
                    afterSum += capacity;
                    level = Math.max(level, committed);
                }
            }
        } else if (!explicit && level > 0 && (p.kind() == PauseKind.YOUNG || p.kind() == PauseKind.MIXED)) {
            youngPauses++;
            youngNanos += p.durationNanos();
            double share = Math.max(0, 1 - committed / (double) level);
            attributedPauses += share;
            attributedNanos += share * p.durationNanos();
        }
        committed = capacity;
        if (level > 0 && capacity >= GcMetrics.ExplicitGcShrinks.SHRUNK * level) {
            level = -1;
        }
    }

    /** A new JVM run in the same input: its heap starts afresh. */
    void runStart() {
        committed = -1;
        level = -1;
    }

    /** The figures, or {@code null} when no explicit full collection printed its committed heap. */
    GcMetrics.ExplicitGcShrinks result() {
        if (explicitFulls == 0) {
            return null;
        }
        return new GcMetrics.ExplicitGcShrinks(explicitFulls, shrinks, shrinks == 0 ? null : beforeSum / shrinks,
                shrinks == 0 ? null : afterSum / shrinks, youngPauses, youngNanos / 1e6,
                Math.round(attributedPauses * 10) / 10.0, Math.round(attributedNanos / 1e3) / 1e3);
    }
}
