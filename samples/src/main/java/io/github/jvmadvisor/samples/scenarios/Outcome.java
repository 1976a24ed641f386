package io.github.jvmadvisor.samples.scenarios;

import java.util.List;

/**
 * What one scenario on one JDK came to.
 *
 * @param scenario the scenario's id
 * @param number its number in the suite
 * @param title its title
 * @param jdk the JDK feature release
 * @param goal the goal the advice was asked for
 * @param badOptions the misconfiguring options
 * @param topRecommendation the rank-1 recommendation: rule, summary and flags; {@code null} when none
 * @param applied the ranks of the recommendations the re-run applied (every warning-level one)
 * @param added options the re-run added
 * @param removed options the re-run removed
 * @param metric the target metric, before and after
 * @param alsoShown further figures, before and after
 * @param verdict the verdict on the target metric
 * @param notes what else happened (training runs, fallbacks, why skipped)
 * @param predictions each applied recommendation's prediction beside what the re-run measured, where the GC log
 *     measures the figure it names
 */
public record Outcome(String scenario, int number, String title, int jdk, String goal, List<String> badOptions,
        String topRecommendation, List<Integer> applied, List<String> added, List<String> removed, Figures metric,
        List<Figures> alsoShown, Verdict verdict, List<String> notes, List<Prediction> predictions) {

    public Outcome {
        badOptions = List.copyOf(badOptions);
        applied = List.copyOf(applied);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        alsoShown = List.copyOf(alsoShown);
        notes = List.copyOf(notes);
        predictions = List.copyOf(predictions);
    }

    /** An outcome with no prediction checked (nothing applied, or nothing re-run). */
    public Outcome(String scenario, int number, String title, int jdk, String goal, List<String> badOptions,
            String topRecommendation, List<Integer> applied, List<String> added, List<String> removed, Figures metric,
            List<Figures> alsoShown, Verdict verdict, List<String> notes) {
        this(scenario, number, title, jdk, goal, badOptions, topRecommendation, applied, added, removed, metric, alsoShown,
                verdict, notes, List.of());
    }

    /**
     * One applied recommendation's prediction and what the re-run measured.
     *
     * @param ruleId the rule that made it
     * @param check the figure, as {@link io.github.jvmadvisor.core.rule.Check#label()} names it
     * @param unit its unit
     * @param direction which way the recommendation said it would move ({@code decrease}, {@code eliminate}, ...)
     * @param predicted the predicted relative change ({@code -0.5}: halved), or {@code null} when the rule gave the
     *     direction only
     * @param before the median over the misconfigured runs
     * @param after the median over the advised runs
     */
    public record Prediction(String ruleId, String check, String unit, String direction, Double predicted, double before,
            double after) {

        /** The measured relative change, or {@code null} when the figure was 0 before. */
        public Double measured() {
            return before == 0 ? (after == 0 ? 0.0 : null) : after / before - 1;
        }

        /** Whether the figure moved the way the recommendation said (a 5 % dead band counts as no move). */
        public boolean directionRight() {
            double change = before == 0 ? (after > 0 ? 1 : 0) : after / before - 1;
            return switch (direction) {
                case "decrease", "eliminate" -> change < -0.05;
                case "increase" -> change > 0.05;
                default -> Math.abs(change) <= 0.05;
            };
        }

        /** Measured over predicted change, or {@code null} when either is missing or the prediction is 0. */
        public Double ratio() {
            Double m = measured();
            return predicted == null || predicted == 0 || m == null ? null : m / predicted;
        }
    }

    /** How a scenario ended. */
    public enum Verdict {
        /** The target metric got better by at least the threshold. */
        IMPROVED(true),
        /** The control got no warning-level recommendation. */
        QUIET(true),
        /** Not run here (no cgroup, collector missing): not a failure of the advice. */
        SKIPPED(true),
        /** The target metric did not get better. */
        NOT_IMPROVED(false),
        /** The control got a warning-level recommendation. */
        NOT_QUIET(false),
        /** The advisor recommended nothing to apply. */
        NO_ADVICE(false),
        /** The misconfigured run did not show the pathology, so there was nothing to fix. */
        NOT_REPRODUCED(false),
        /** A run failed. */
        FAILED(false);

        private final boolean pass;

        Verdict(boolean pass) {
            this.pass = pass;
        }

        /** Whether the suite passes with this verdict. */
        public boolean pass() {
            return pass;
        }
    }

    /**
     * One figure over the runs of each side.
     *
     * @param name what it is
     * @param unit its unit
     * @param higherIsBetter its direction
     * @param before the values of the misconfigured runs
     * @param after the values of the advised runs
     */
    public record Figures(String name, String unit, boolean higherIsBetter, List<Double> before, List<Double> after) {

        public Figures {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        /** Median of the misconfigured runs, or {@code null}. */
        public Double beforeMedian() {
            return Stats.median(before);
        }

        /** Median of the advised runs, or {@code null}. */
        public Double afterMedian() {
            return Stats.median(after);
        }

        /**
         * The relative change of the medians (after / before - 1), or {@code null} when either is missing
         * or the before median is zero.
         */
        public Double change() {
            Double b = beforeMedian();
            Double a = afterMedian();
            return b == null || a == null || b == 0 ? null : a / b - 1;
        }

        /** Whether the ranges of the two sides do not overlap, the after side on the better side. */
        public boolean separated() {
            if (before.isEmpty() || after.isEmpty()) {
                return false;
            }
            double bMin = before.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double bMax = before.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double aMin = after.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double aMax = after.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            return higherIsBetter ? aMin > bMax : aMax < bMin;
        }
    }
}
