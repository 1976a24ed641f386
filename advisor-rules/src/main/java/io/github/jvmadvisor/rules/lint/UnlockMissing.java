package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.FlagInfo;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LINT-02: an experimental or diagnostic flag (or flag value) without its unlock flag before it. HotSpot
 * refuses to start ("VM option 'G1NewSizePercent' is experimental and must be enabled via
 * -XX:+UnlockExperimentalVMOptions"), and an unlock option that comes after the flag does not count. The
 * finding is an error where the target JDK's catalogue is sure; the fix is the unlock option, placed first.
 */
public final class UnlockMissing implements Rule {

    /** Compiled when first needed, not as the rules load in atStartup. */
    private static final class Unlock {
        static final Pattern UNLOCK = Pattern.compile("-XX:\\+(Unlock\\w+VMOptions)");
    }

    @Override
    public String id() {
        return "LINT-02";
    }

    @Override
    public String pack() {
        return "lint";
    }

    @Override
    public String title() {
        return "Experimental or diagnostic flags without their unlock flag";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (OptionFinding f : LintCheck.findings(ctx, OptionFinding.NEEDS_UNLOCK)) {
            String unlock = unlockFor(f, ctx);
            if (unlock == null) {
                continue; // JVMCI flags need -XX:+EnableJVMCI, not an unlock option
            }
            Finding.Builder fb = f.severity() == OptionFinding.Severity.ERROR ? Finding.error(this) : Finding.of(this, 80);
            out.add(fb.summary(f.option() + " needs -XX:+" + unlock + " before it")
                    .explanation(f.message() + (f.advice() == null ? "" : " Fix: " + f.advice() + "."))
                    .figure(Figure.text("option", f.option()))
                    .figure(Figure.text("unlock flag", "-XX:+" + unlock))
                    .recommend(Recommendation.flags("Add -XX:+" + unlock + " before " + f.option(),
                            FlagChange.enable(unlock))
                            .effect(Metric.RELIABILITY, "JVM start", Effect.Direction.ELIMINATE, null,
                                    "the JVM starts instead of refusing " + f.option())
                            .confidence(1.0)
                            .risk(unlock.contains("Experimental") ? "experimental flags are not supported for "
                                    + "production use and may change or go without deprecation"
                                    : "diagnostic flags are meant for troubleshooting and may change between updates")
                            .references("rules.md LINT-02", "java(1) of JDK " + ctx.targetJdk()).build())
                    .build());
        }
        return out;
    }

    private static String unlockFor(OptionFinding f, RuleContext ctx) {
        Matcher m = Unlock.UNLOCK.matcher(f.message());
        if (m.find()) {
            return m.group(1);
        }
        String name = LintCheck.flagName(f.option());
        return name == null ? null : ctx.flagInfo(name).map(FlagInfo::unlockFlag).orElse(null);
    }
}
