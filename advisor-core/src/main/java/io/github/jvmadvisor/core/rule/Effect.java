package io.github.jvmadvisor.core.rule;

import java.util.Objects;

/**
 * What a recommendation should do, so that it can be checked: the metric, which way it should move,
 * and by how much where the model gives a number.
 *
 * @param metric what changes
 * @param check the figure to watch, as it appears in the evidence ({@code "full GC count"},
 *     {@code "GC CPU share"}, {@code "p99 latency"})
 * @param direction which way it should move
 * @param predictedChange the predicted relative change ({@code -0.5} = halved), or {@code null} when
 *     the model gives no number
 * @param description one sentence, with the numbers
 */
public record Effect(Metric metric, String check, Direction direction, Double predictedChange, String description) {

    /** Which way the checked figure should move. */
    public enum Direction {
        /** Down (pause time, GC CPU, memory). */
        DECREASE,
        /** Up (throughput). */
        INCREASE,
        /** Down to zero (full GCs, stalls, startup failures). */
        ELIMINATE,
        /** Present next time (evidence). */
        APPEAR;

        /** Lower-case name, as it appears in reports. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Effect {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(description, "description");
        if (predictedChange != null && !Double.isFinite(predictedChange)) {
            throw new IllegalArgumentException("predictedChange must be finite: " + predictedChange);
        }
    }

    /**
     * Whether the predicted change's sign says the opposite of the direction (a rise labelled "decrease"): a
     * defect in the rule that made it. The engine leaves such a recommendation out, with the reason.
     */
    public boolean contradictsDirection() {
        if (predictedChange == null || predictedChange == 0) {
            return false;
        }
        return switch (direction) {
            case DECREASE, ELIMINATE -> predictedChange > 0;
            case INCREASE -> predictedChange < 0;
            case APPEAR -> false;
        };
    }
}
