package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.model.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing to do: flag changes, or a code-level action when no flag fits, with the effect it should
 * have.
 *
 * @param summary one sentence: what to do
 * @param changes the flag changes, in the order they go on the command line; empty for a code-level action
 * @param action what to do in the code or the environment when no flag fits, else {@code null}
 * @param effect what it should change
 * @param confidence how sure the rule is that the change helps, 0 to 1, before the engine weighs in how
 *     complete the evidence was
 * @param risk what may go wrong, or {@code null}
 * @param collector the collector the advice is for ({@code null}: any); dropped when another
 *     recommendation switches collector
 * @param conflictKey recommendations with the same key before {@code '='} and different values after it
 *     exclude each other ({@code "heap-elasticity=fixed"} against {@code "heap-elasticity=elastic"}); {@code null}: none
 * @param jdks the JDK feature releases the advice is written for, empty for every supported one
 * @param references where the numbers and the advice come from
 * @param role whether it moves the goal ({@link Role#CHANGE}) or is a safety net or observability, listed apart
 * @param intents what the changes mean for the rest of the plan ({@link Intent.FixedHeap}: the initial heap
 *     follows whatever maximum the plan ends with); empty when the changes stand on their own
 */
public record Recommendation(String summary, List<FlagChange> changes, String action, Effect effect, double confidence,
        String risk, Collector collector, String conflictKey, List<Integer> jdks, List<String> references, Role role,
        List<Intent> intents) {

    public Recommendation {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(effect, "effect");
        changes = List.copyOf(changes);
        jdks = List.copyOf(jdks);
        references = List.copyOf(references);
        intents = List.copyOf(intents);
        Objects.requireNonNull(role, "role");
        if (changes.isEmpty() && action == null) {
            throw new IllegalArgumentException("a recommendation needs flag changes or an action: " + summary);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence is from 0 to 1: " + confidence);
        }
        if (conflictKey != null && conflictKey.indexOf('=') <= 0) {
            throw new IllegalArgumentException("a conflict key is name=value: " + conflictKey);
        }
    }

    /** Whether this is a change that moves the goal, as opposed to a safety net or observability. */
    public boolean movesGoal() {
        return role == Role.CHANGE;
    }

    /** A recommendation that changes flags. */
    public static Builder flags(String summary, FlagChange... changes) {
        return new Builder(summary).changes(List.of(changes));
    }

    /** A recommendation with no flag: something to do in the code or the environment. */
    public static Builder action(String summary, String action) {
        return new Builder(summary).action(action);
    }

    /** Whether this changes flags. */
    public boolean hasFlags() {
        return !changes.isEmpty();
    }

    /** Builds a {@link Recommendation}. */
    public static final class Builder {
        private final String summary;
        private final List<FlagChange> changes = new ArrayList<>();
        private String action;
        private Effect effect;
        private double confidence = 0.7;
        private String risk;
        private Collector collector;
        private String conflictKey;
        private final List<Integer> jdks = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private Role role;
        private final List<Intent> intents = new ArrayList<>();

        private Builder(String summary) {
            this.summary = summary;
        }

        public Builder changes(List<FlagChange> c) {
            changes.addAll(c);
            return this;
        }

        public Builder action(String a) {
            action = a;
            return this;
        }

        public Builder effect(Metric metric, String check, Effect.Direction direction, Double predictedChange,
                String description) {
            effect = new Effect(metric, check, direction, predictedChange, description);
            return this;
        }

        public Builder confidence(double c) {
            confidence = c;
            return this;
        }

        public Builder risk(String r) {
            risk = r;
            return this;
        }

        public Builder forCollector(Collector c) {
            collector = c;
            return this;
        }

        public Builder conflictKey(String k) {
            conflictKey = k;
            return this;
        }

        public Builder jdks(Integer... j) {
            jdks.addAll(List.of(j));
            return this;
        }

        public Builder references(String... r) {
            references.addAll(List.of(r));
            return this;
        }

        /**
         * Marks a safety net: a change that moves no performance figure while the JVM is healthy (exit or dump
         * on an OutOfMemoryError). It is listed apart and never outranks a change that moves the goal.
         */
        public Builder safetyNet() {
            role = Role.SAFETY_NET;
            return this;
        }

        /** Sets the role; by default {@link Role#OBSERVABILITY} for the observability metric, else {@link Role#CHANGE}. */
        public Builder role(Role r) {
            role = r;
            return this;
        }

        /** Adds what the changes mean for the rest of the plan. */
        public Builder intent(Intent i) {
            intents.add(i);
            return this;
        }

        public Recommendation build() {
            if (effect == null) {
                throw new IllegalStateException("a recommendation states its expected effect: " + summary);
            }
            return new Recommendation(summary, changes, action, effect, confidence, risk, collector, conflictKey, jdks,
                    references, role != null ? role : Role.of(effect.metric()), intents);
        }
    }
}
