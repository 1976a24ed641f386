package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.flags.FlagInfo;
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
import io.github.jvmadvisor.core.rule.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OBS-05: {@code -XX:+UnlockDiagnosticVMOptions} or {@code -XX:+UnlockExperimentalVMOptions} in a production
 * line. An unlock that no flag on the line needs is a leftover that invites untested flags: remove it. One
 * that is in use is kept, and the finding names the experimental or diagnostic flags it carries, as a risk.
 */
public final class UnlockFlagsInProduction implements Rule {

    private static final List<String> UNLOCKS = List.of("UnlockExperimentalVMOptions", "UnlockDiagnosticVMOptions");

    @Override
    public String id() {
        return "OBS-05";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "Unlocked experimental or diagnostic flags";
    }

    /** Production operation: in a test JVM or a JMH fork the harness chose the logging and recording. */
    @Override
    public Set<RunContext> runContexts() {
        return Set.of(RunContext.SERVICE, RunContext.STARTUP_CHECK);
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String unlock : UNLOCKS) {
            if (!ctx.options().isTrue(unlock)) {
                continue;
            }
            List<String> using = new ArrayList<>();
            for (JavaOptions.Option o : ctx.options().options()) {
                if (o.isFlag() && !o.name().startsWith("Unlock")
                        && unlock.equals(ctx.flagInfo(o.name()).map(FlagInfo::unlockFlag).orElse(null))) {
                    using.add(o.text());
                }
            }
            String kind = unlock.contains("Experimental") ? "experimental" : "diagnostic";
            if (using.isEmpty()) {
                out.add(Finding.of(this, 35)
                        .summary("-XX:+" + unlock + " is on, but no " + kind + " flag on the line needs it")
                        .explanation("The unlock does nothing now; left in, it lets untested " + kind
                                + " flags slip into production unnoticed.")
                        .figure(Figure.text("unlock", "-XX:+" + unlock))
                        .figure(Figure.count(kind + " flags in use", 0))
                        .recommend(Recommendation.flags("Remove -XX:+" + unlock, FlagChange.remove(unlock))
                                .effect(Metric.RELIABILITY, kind + " flags", Effect.Direction.ELIMINATE, null,
                                        "no " + kind + " flag can be added by accident")
                                .confidence(0.8)
                                .references("rules.md OBS-05", unlock.contains("Experimental")
                                        ? "joa warn.experimental.vm.options.enabled"
                                        : "joa info.diagnostic.vm.options.enabled").build())
                        .build());
            } else {
                Finding.Builder fb = Finding.of(this, 25)
                        .summary(using.size() + " " + kind + " flag" + (using.size() == 1 ? "" : "s") + " in use: "
                                + String.join(" ", using))
                        .explanation(kind.substring(0, 1).toUpperCase() + kind.substring(1) + " flags are not supported "
                                + "for production use and may change or go in any update; keep them only while they "
                                + "are needed, and re-check them on every JDK update.")
                        .figure(Figure.count(kind + " flags in use", using.size()));
                for (String u : using) {
                    fb.figure(Figure.text(kind + " flag", u));
                }
                out.add(fb.build());
            }
        }
        return out;
    }
}
