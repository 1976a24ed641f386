package io.github.jvmadvisor.rules.jit;

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
 * JIT-05: JIT flags from old tuning advice that do nothing or break: {@code CompileThreshold} is ignored
 * with tiered compilation (accepted, no effect); {@code MinInliningThreshold} is accepted on 17 but
 * unrecognised on 25 (the JVM does not start); {@code -XX:-UseInlineCaches} still exists and slows every
 * virtual call. All three were in Kruize's old search space. Remove.
 */
public final class IgnoredJitFlags implements Rule {

    @Override
    public String id() {
        return "JIT-05";
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "JIT flags that are ignored, removed or harmful";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.asked("CompileThreshold") && !Boolean.FALSE.equals(ctx.flagBoolean("TieredCompilation"))) {
            out.add(finding(Finding.of(this, 35), "-XX:CompileThreshold=" + ctx.flag("CompileThreshold"),
                    "is ignored with tiered compilation (on by default)", "CompileThreshold",
                    Metric.OBSERVABILITY, "a flag that does nothing is gone"));
        }
        if (ctx.asked("MinInliningThreshold")) {
            boolean gone = ctx.flagInfo("MinInliningThreshold").isEmpty();
            out.add(finding(gone ? Finding.error(this) : Finding.of(this, 45),
                    "-XX:MinInliningThreshold=" + ctx.flag("MinInliningThreshold"),
                    gone ? "is not a flag of JDK " + ctx.targetJdk() + ": the JVM does not start"
                            : "is gone from later JDKs (unrecognised on 25, the JVM does not start)",
                    "MinInliningThreshold", Metric.RELIABILITY, "the JVM starts on every JDK from 17 on"));
        }
        if (Boolean.FALSE.equals(ctx.flagBoolean("UseInlineCaches")) && ctx.asked("UseInlineCaches")) {
            out.add(finding(Finding.of(this, 60), "-XX:-UseInlineCaches",
                    "makes every virtual call go through the vtable lookup", "UseInlineCaches", Metric.THROUGHPUT,
                    "virtual calls use inline caches again"));
        }
        return out;
    }

    private Finding finding(Finding.Builder b, String option, String what, String flag, Metric metric, String effect) {
        return b.summary(option + " " + what)
                .explanation(option + " " + what + ". It came from old tuning advice; remove it.")
                .figure(Figure.text("option", option))
                .recommend(Recommendation.flags("Remove " + option, FlagChange.remove(flag))
                        .effect(metric, "JVM options", Effect.Direction.ELIMINATE, null, effect)
                        .confidence(0.9).references("rules.md JIT-05", "joa info.compile.threshold.ignored", "Kruize")
                        .build())
                .build();
    }
}
