package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.JavaOptions;
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
 * LINT-05: a flag set more than once (the last setting wins, which is rarely what the reader of the first
 * one assumes), and options that contradict each other: two collectors, the default collector switched
 * off, an initial heap above the maximum, a young generation not smaller than the heap, a soft maximum
 * above the maximum. Contradictions the JVM refuses are errors. {@code -XX:+DisableExplicitGC} with
 * {@code -XX:+ExplicitGCInvokesConcurrent} is left to EXP-02.
 */
public final class DuplicateFlags implements Rule {

    private static final List<String> SELECTORS = List.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC",
            "UseShenandoahGC", "UseEpsilonGC");

    @Override
    public String id() {
        return "LINT-05";
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "Flags set twice, and options that contradict each other";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (OptionFinding f : LintCheck.findings(ctx, OptionFinding.DUPLICATE, OptionFinding.CONTRADICTION)) {
            if (f.code().equals(OptionFinding.DUPLICATE)) {
                out.add(duplicate(ctx, f));
            } else if (!f.message().contains("ExplicitGCInvokesConcurrent")) {
                out.add(contradiction(ctx, f));
            }
        }
        return out;
    }

    private Finding duplicate(RuleContext ctx, OptionFinding f) {
        String name = LintCheck.flagName(f.option());
        List<JavaOptions.Setting> all = ctx.options().settings().stream().filter(s -> s.flag().equals(name)).toList();
        boolean same = f.severity() == OptionFinding.Severity.INFO;
        return Finding.of(this, same ? 30 : 60)
                .summary(name + " is set " + all.size() + " times" + (same ? " to the same value" : "; " + f.option()
                        + " wins"))
                .explanation(f.message())
                .figure(Figure.count("settings", all.size()))
                .figure(Figure.text("effective", f.option()))
                .recommend(Recommendation.flags("Keep only " + f.option(), FlagChange.remove(name),
                        FlagChange.option(f.option()))
                        .effect(Metric.RELIABILITY, "duplicate options", Effect.Direction.ELIMINATE, null,
                                "one setting of " + name + ", the one in force")
                        .confidence(0.9)
                        .references("rules.md LINT-05", "joa warn.dups").build())
                .build();
    }

    private Finding contradiction(RuleContext ctx, OptionFinding f) {
        String msg = f.message();
        List<FlagChange> changes = new ArrayList<>();
        String summary;
        if (msg.startsWith("Multiple garbage collectors")) {
            String keep = LintCheck.flagName(f.option());
            for (String s : SELECTORS) {
                if (!s.equals(keep) && ctx.options().isTrue(s)) {
                    changes.add(FlagChange.remove(s));
                }
            }
            summary = "Keep one collector: " + f.option();
        } else if (msg.startsWith("Initial heap size")) {
            JavaOptions.Setting max = ctx.options().lastSetting("MaxHeapSize");
            changes.add(max.option().form() == JavaOptions.Form.SHORTHAND
                    ? FlagChange.option("-Xms" + max.option().value()) : FlagChange.set("InitialHeapSize", max.value()));
            summary = "Make the initial heap at most the maximum";
        } else {
            String name = LintCheck.flagName(f.option());
            changes.add(FlagChange.remove(name == null ? f.option() : name));
            summary = "Remove " + f.option();
        }
        Finding.Builder fb = f.severity() == OptionFinding.Severity.ERROR ? Finding.error(this) : Finding.of(this, 60);
        return fb.summary(f.option() + ": " + msg)
                .explanation(msg + (f.advice() == null ? "" : "; " + f.advice()) + ".")
                .figure(Figure.text("option", f.option()))
                .recommend(Recommendation.flags(summary, changes.toArray(FlagChange[]::new))
                        .effect(Metric.RELIABILITY, f.severity() == OptionFinding.Severity.ERROR ? "JVM start"
                                : "contradicting options", Effect.Direction.ELIMINATE, null,
                                f.severity() == OptionFinding.Severity.ERROR ? "the JVM starts"
                                        : "the options say one thing")
                        .confidence(0.8)
                        .references("rules.md LINT-05", "joa warn.dups").build())
                .build();
    }
}
