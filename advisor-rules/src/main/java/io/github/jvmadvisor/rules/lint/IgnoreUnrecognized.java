package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LINT-04: {@code -XX:+IgnoreUnrecognizedVMOptions} makes the JVM silently skip unknown and removed flags,
 * so typos and flags a JDK upgrade dropped go unnoticed and their settings quietly stop applying. The
 * finding names the flags it is masking now; the fix removes the option together with them, so the line
 * still starts without it.
 */
public final class IgnoreUnrecognized implements Rule {

    @Override
    public String id() {
        return "LINT-04";
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "IgnoreUnrecognizedVMOptions hides typos and removed flags";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<OptionFinding> found = LintCheck.findings(ctx, OptionFinding.IGNORE_UNRECOGNIZED,
                OptionFinding.UNKNOWN_FLAG, OptionFinding.REMOVED_FLAG);
        boolean ignoring = false;
        for (OptionFinding f : found) {
            ignoring |= f.code().equals(OptionFinding.IGNORE_UNRECOGNIZED);
        }
        if (!ignoring) {
            return List.of();
        }
        List<String> masked = new ArrayList<>();
        List<FlagChange> changes = new ArrayList<>();
        changes.add(FlagChange.remove("IgnoreUnrecognizedVMOptions"));
        for (OptionFinding f : found) {
            if (!f.code().equals(OptionFinding.IGNORE_UNRECOGNIZED) && !masked.contains(f.option())) {
                masked.add(f.option());
                String name = LintCheck.flagName(f.option());
                changes.add(FlagChange.remove(name == null ? f.option() : name));
            }
        }
        Finding.Builder fb = Finding.of(this, masked.isEmpty() ? 60 : 85)
                .summary(masked.isEmpty() ? "-XX:+IgnoreUnrecognizedVMOptions would hide typos and removed flags"
                        : "-XX:+IgnoreUnrecognizedVMOptions hides " + masked.size() + " flag"
                                + (masked.size() == 1 ? "" : "s") + " JDK " + ctx.targetJdk() + " does not know: "
                                + String.join(", ", masked))
                .explanation("With it the JVM starts even when a flag is misspelt or was removed, and the setting "
                        + "silently does nothing." + (masked.isEmpty() ? "" : " Ignored now: " + String.join(", ", masked)
                        + "."))
                .figure(Figure.count("masked flags", masked.size()));
        for (String m : masked) {
            fb.figure(Figure.text("masked flag", m));
        }
        return List.of(fb.recommend(Recommendation.flags(masked.isEmpty() ? "Remove -XX:+IgnoreUnrecognizedVMOptions"
                        : "Remove -XX:+IgnoreUnrecognizedVMOptions and the flags it hides",
                        changes.toArray(new FlagChange[0]))
                        .effect(Metric.RELIABILITY, "ignored options", Effect.Direction.ELIMINATE, null,
                                "an unknown flag stops the JVM at once instead of being dropped in silence")
                        .confidence(0.9)
                        .references("rules.md LINT-04", "joa info.ignore.unrecognized.vm.options").build())
                .build());
    }
}
