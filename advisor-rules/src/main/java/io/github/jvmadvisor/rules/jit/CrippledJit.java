package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.flags.JavaOptions;
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
 * JIT-03: options that cripple the JIT: {@code -Xint} (no compilation at all), {@code -Xcomp}
 * (compile everything on first call, without profiles), {@code -Xbatch} or
 * {@code -XX:-BackgroundCompilation} (threads wait for each compilation), {@code -XX:-TieredCompilation}
 * (slow warm-up; sometimes chosen for footprint). Debugging settings that leak into production. Remove.
 */
public final class CrippledJit implements Rule {

    @Override
    public String id() {
        return "JIT-03";
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "JIT crippled by -Xint, -Xcomp, -Xbatch or no tiered compilation";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (JavaOptions.Option o : ctx.options().options()) {
            if (o.kind() != JavaOptions.Kind.X_OPTION) {
                continue;
            }
            switch (o.text()) {
                case "-Xint" -> out.add(finding(95, "-Xint", "interprets every method: no JIT at all, typically 10 to 100 "
                        + "times slower", FlagChange.remove("-Xint")));
                case "-Xcomp" -> out.add(finding(80, "-Xcomp", "compiles every method on first call without profiles: "
                        + "slow start, worse code, many deoptimizations", FlagChange.remove("-Xcomp")));
                case "-Xbatch" -> out.add(finding(60, "-Xbatch", "makes threads wait for each compilation",
                        FlagChange.remove("-Xbatch")));
                default -> {
                }
            }
        }
        if (Boolean.FALSE.equals(ctx.flagBoolean("BackgroundCompilation")) && ctx.asked("BackgroundCompilation")) {
            out.add(finding(60, "-XX:-BackgroundCompilation", "makes threads wait for each compilation",
                    FlagChange.remove("BackgroundCompilation")));
        }
        if (Boolean.FALSE.equals(ctx.flagBoolean("TieredCompilation")) && ctx.asked("TieredCompilation")) {
            out.add(finding(40, "-XX:-TieredCompilation", "runs interpreted until C2 compiles: slower warm-up (keep only "
                    + "for a measured footprint reason)", FlagChange.remove("TieredCompilation")));
        }
        return out;
    }

    private Finding finding(double score, String option, String what, FlagChange remove) {
        return Finding.of(this, score)
                .summary(option + " " + what.substring(0, what.indexOf(':') < 0 ? what.length() : what.indexOf(':')))
                .explanation(option + " " + what + ".")
                .figure(Figure.text("option", option))
                .recommend(Recommendation.flags("Remove " + option, remove)
                        .effect(Metric.THROUGHPUT, "throughput and warm-up time", Effect.Direction.INCREASE, null,
                                "normal tiered compilation in the background")
                        .confidence(0.9).references("rules.md JIT-03", "joa warn.bytecode.*").build())
                .build();
    }
}
