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
 * LINT-06: RAM percentages that cannot work. {@code MaxRAMPercentage >= 100} (or {@code MinRAMPercentage >=
 * 100}, the heap share on small machines) lets the heap take all the memory, so the process is killed
 * before the heap fills: an error in a container. {@code InitialRAMPercentage} above the maximum is capped,
 * and {@code MaxRAMPercentage} next to {@code -Xmx} is ignored; both mislead.
 */
public final class RamPercentage implements Rule {

    @Override
    public String id() {
        return "LINT-06";
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "RAM percentages that leave no room or are ignored";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (OptionFinding f : LintCheck.findings(ctx, OptionFinding.RAM_PERCENTAGE)) {
            String name = LintCheck.flagName(f.option());
            Double value = number(ctx.options().value(name));
            Finding.Builder fb;
            Recommendation.Builder rec;
            if (("MaxRAMPercentage".equals(name) || "MinRAMPercentage".equals(name)) && value != null && value >= 100
                    && f.severity() != OptionFinding.Severity.INFO) {
                fb = Finding.error(this);
                rec = "MaxRAMPercentage".equals(name)
                        ? Recommendation.flags("Leave a quarter of the memory outside the heap",
                                FlagChange.set("MaxRAMPercentage", 75))
                        : Recommendation.flags("Leave MinRAMPercentage at its default (50)", FlagChange.remove(name));
                rec.effect(Metric.RELIABILITY, "container memory kills", Effect.Direction.ELIMINATE, null,
                        "room outside the heap for metaspace, code, threads and direct buffers");
            } else if ("InitialRAMPercentage".equals(name)) {
                fb = Finding.of(this, 50);
                rec = Recommendation.flags("Make InitialRAMPercentage at most MaxRAMPercentage",
                        FlagChange.set(name, ctx.options().value("MaxRAMPercentage")))
                        .effect(Metric.RELIABILITY, "capped settings", Effect.Direction.ELIMINATE, null,
                                "the initial heap is what the option says");
            } else {
                // MaxRAMPercentage next to -Xmx: ignored
                fb = Finding.of(this, 30);
                rec = Recommendation.flags("Remove " + f.option() + ": -Xmx decides", FlagChange.remove(name))
                        .effect(Metric.RELIABILITY, "ignored options", Effect.Direction.ELIMINATE, null,
                                "one heap setting, the one in force");
            }
            out.add(fb.summary(f.option() + ": " + f.message())
                    .explanation(f.message() + (f.advice() == null ? "" : "; " + f.advice()) + ".")
                    .figure(Figure.text("option", f.option()))
                    .figure(value == null ? Figure.text("percentage", "?") : Figure.of("percentage", value, "%"))
                    .recommend(rec.confidence(0.9).references("rules.md LINT-06", "joa error.ram.pct.*").build())
                    .build());
        }
        return out;
    }

    private static Double number(String v) {
        try {
            return v == null ? null : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
