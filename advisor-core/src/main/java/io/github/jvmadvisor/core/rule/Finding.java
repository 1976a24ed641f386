package io.github.jvmadvisor.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found: how much it matters, why (the figures), and what to do about it.
 *
 * @param ruleId the rule's id
 * @param pack the rule's pack
 * @param severity from the score, or {@link Severity#ERROR} for a configuration that fails
 * @param score 0 to 100: 25 at the rule's info threshold, 75 at its warning threshold
 * @param summary one sentence
 * @param explanation why, with the numbers
 * @param figures the numbers that triggered it
 * @param recommendations what to do, best first; may be empty for a finding that is information only
 * @param causedBy the rules whose findings explain this one (a young-collection storm that explicit collections
 *     cause names EXP-01): its changes rank after theirs, so that the cause is treated first
 */
public record Finding(String ruleId, String pack, Severity severity, double score, String summary, String explanation,
        List<Figure> figures, List<Recommendation> recommendations, List<String> causedBy) {

    /** A finding that no other explains. */
    public Finding(String ruleId, String pack, Severity severity, double score, String summary, String explanation,
            List<Figure> figures, List<Recommendation> recommendations) {
        this(ruleId, pack, severity, score, summary, explanation, figures, recommendations, List.of());
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(explanation, "explanation");
        figures = List.copyOf(figures);
        recommendations = List.copyOf(recommendations);
        causedBy = List.copyOf(causedBy);
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException(ruleId + ": score is from 0 to 100: " + score);
        }
    }

    /** Starts a finding of {@code rule} with a score; the severity follows from it. */
    public static Builder of(Rule rule, double score) {
        return new Builder(rule, Math.max(0, Math.min(100, score)), null);
    }

    /** Starts a finding of a configuration that fails: severity {@code ERROR}, score 100. */
    public static Builder error(Rule rule) {
        return new Builder(rule, 100, Severity.ERROR);
    }

    /** Builds a {@link Finding}. */
    public static final class Builder {
        private final Rule rule;
        private final double score;
        private final Severity severity;
        private String summary;
        private String explanation = "";
        private final List<Figure> figures = new ArrayList<>();
        private final List<Recommendation> recommendations = new ArrayList<>();
        private final List<String> causedBy = new ArrayList<>();

        private Builder(Rule rule, double score, Severity severity) {
            this.rule = rule;
            this.score = score;
            this.severity = severity;
        }

        public Builder summary(String s) {
            summary = s;
            return this;
        }

        public Builder explanation(String e) {
            explanation = e;
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder recommend(Recommendation r) {
            recommendations.add(r);
            return this;
        }

        /**
         * Says that another rule's finding explains this one: this finding's changes then rank after the best of
         * that rule's, whatever their scores. {@code null} is ignored, so a rule can pass a cause it found or not.
         */
        public Builder causedBy(String ruleId) {
            if (ruleId != null && !causedBy.contains(ruleId)) {
                causedBy.add(ruleId);
            }
            return this;
        }

        public Finding build() {
            if (summary == null) {
                throw new IllegalStateException(rule.id() + ": a finding needs a summary");
            }
            return new Finding(rule.id(), rule.pack(), severity != null ? severity : Severity.ofScore(score), score,
                    summary, explanation, figures, recommendations, causedBy);
        }
    }
}
