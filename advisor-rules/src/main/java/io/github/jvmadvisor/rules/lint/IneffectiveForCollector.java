package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.CheckResult;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LINT-03: a flag that does nothing with the collector that runs ({@code MaxGCPauseMillis} with Serial,
 * ZGC or Shenandoah; {@code ParallelGCThreads} with Serial; {@code SoftMaxHeapSize} with G1...). It
 * misleads whoever reads the command line into thinking a goal is set. The flag catalogue says which
 * collectors use a flag; the collector is the one the evidence shows ran (an ergonomic Serial in a small
 * container, say), else the one the options select.
 */
public final class IneffectiveForCollector implements Rule {

    @Override
    public String id() {
        return "LINT-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "Flags that have no effect with the collector in use";
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
        CheckResult check = LintCheck.check(ctx);
        Collector ran = ctx.collector();
        List<Finding> out = new ArrayList<>();
        if (ran == null || ran == check.collector()) {
            for (OptionFinding f : check.findings()) {
                if (f.code().equals(OptionFinding.INEFFECTIVE_FOR_COLLECTOR)) {
                    out.add(finding(ctx, f.option(), LintCheck.flagName(f.option()), check.collector(), f.message()));
                }
            }
            return out;
        }
        // the evidence shows another collector than the options alone imply (ergonomics in a small container)
        for (JavaOptions.Option o : ctx.options().options()) {
            if (!o.isFlag() || o.form() == JavaOptions.Form.MINUS) {
                continue;
            }
            FlagInfo f = ctx.flagInfo(o.name()).orElse(null);
            if (f == null || f.appliesTo(ran)) {
                continue;
            }
            String users = f.collectors().stream().map(Collector::displayName).collect(Collectors.joining(", "));
            out.add(finding(ctx, o.text(), o.name(), ran, o.name() + " has no effect with " + ran.displayName()
                    + " (the collector that ran); on JDK " + ctx.targetJdk() + " only " + users + " use it"));
        }
        return out;
    }

    private Finding finding(RuleContext ctx, String option, String name, Collector collector, String message) {
        return Finding.of(this, 50)
                .summary(option + " has no effect with " + (collector == null ? "this collector" : collector.displayName()))
                .explanation(message + ". It does nothing but suggest a setting that is not in force.")
                .figure(Figure.text("option", option))
                .figure(Figure.text("collector", collector == null ? "unknown" : collector.displayName()))
                .recommend(Recommendation.flags("Remove " + option, FlagChange.remove(name == null ? option : name))
                        .effect(Metric.RELIABILITY, "ineffective options", Effect.Direction.ELIMINATE, null,
                                "the command line says only what is in force")
                        .confidence(0.9)
                        .references("rules.md LINT-03", "JDK-8366157", "joa error.max.gc.pause.millis").build())
                .build();
    }
}
