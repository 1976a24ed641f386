package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.CheckResult;
import io.github.jvmadvisor.core.flags.CommandLineCheck;
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
 * LINT-01: the command line names a flag the target JDK does not have, has removed, ignores, or has
 * deprecated. An unknown or removed flag stops the JVM from starting (an error); an obsolete one is
 * ignored with a warning; a deprecated one still works but will go. Where a modern equivalent exists
 * ({@code MaxRAMFraction=4} to {@code MaxRAMPercentage=25}) it is recommended in its place.
 */
public final class RemovedFlags implements Rule {

    @Override
    public String id() {
        return "LINT-01";
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "Flags the target JDK removed, ignores or deprecated";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.options().options().isEmpty()) {
            return List.of();
        }
        CheckResult check = CommandLineCheck.check(ctx.options(), ctx.catalogue());
        List<Finding> out = new ArrayList<>();
        for (OptionFinding f : check.findings()) {
            boolean fatal = f.code().equals(OptionFinding.UNKNOWN_FLAG) || f.code().equals(OptionFinding.REMOVED_FLAG);
            boolean soft = f.code().equals(OptionFinding.OBSOLETE_IGNORED) || f.code().equals(OptionFinding.DEPRECATED);
            if (!fatal && !soft) {
                continue;
            }
            String name = flagName(f.option());
            FlagChange replacement = replacement(f.option(), ctx);
            List<FlagChange> changes = new ArrayList<>();
            changes.add(FlagChange.remove(name == null ? f.option() : name));
            if (replacement != null) {
                changes.add(replacement);
            }
            Recommendation.Builder rec = Recommendation.flags(replacement == null ? "Remove " + f.option()
                    : "Replace " + f.option() + " with " + replacement.option(), changes.toArray(FlagChange[]::new))
                    .confidence(1.0)
                    .references("java(1) of JDK " + ctx.targetJdk(), "rules.md LINT-01");
            if (fatal) {
                rec.effect(Metric.RELIABILITY, "JVM start", Effect.Direction.ELIMINATE, null,
                        "the JVM starts on JDK " + ctx.targetJdk() + " instead of failing with '" + f.message() + "'");
            } else {
                rec.effect(Metric.RELIABILITY, "startup warnings", Effect.Direction.ELIMINATE, null,
                        "no warning at startup, and no failure when a later JDK removes the flag");
            }
            Finding.Builder fb = fatal ? Finding.error(this) : Finding.of(this, f.code().equals(OptionFinding.DEPRECATED) ? 40 : 60);
            out.add(fb.summary(f.option() + ": " + f.message())
                    .explanation(f.advice() == null ? f.message() : f.message() + ". " + f.advice())
                    .figure(Figure.text("option", f.option()))
                    .figure(Figure.text("JDK", Integer.toString(ctx.targetJdk())))
                    .recommend(rec.build())
                    .build());
        }
        return out;
    }

    private static String flagName(String option) {
        List<io.github.jvmadvisor.core.flags.JavaOptions.Option> o =
                io.github.jvmadvisor.core.flags.JavaOptions.parse(List.of(option)).options();
        return o.size() == 1 && o.get(0).isFlag() ? o.get(0).name() : null;
    }

    /** The modern equivalent of a removed or deprecated option, or {@code null}. */
    static FlagChange replacement(String option, RuleContext ctx) {
        String name = flagName(option);
        if (name == null) {
            return null;
        }
        String value = ctx.options().lastSetting(name) == null ? null : ctx.options().lastSetting(name).value();
        switch (name) {
            case "MaxRAMFraction":
            case "MinRAMFraction":
            case "InitialRAMFraction":
                if (value != null && value.matches("\\d+") && Long.parseLong(value) > 0
                        && ctx.flagInfo(name.replace("Fraction", "Percentage")).isPresent()) {
                    return FlagChange.set(name.replace("Fraction", "Percentage"),
                            io.github.jvmadvisor.core.rule.Units.number(100.0 / Long.parseLong(value)));
                }
                return null;
            case "UseParallelOldGC":
                return "true".equals(value) ? FlagChange.enable("UseParallelGC") : null;
            case "UseConcMarkSweepGC":
                return "true".equals(value) ? FlagChange.enable("UseG1GC") : null;
            default:
                return null;
        }
    }
}
