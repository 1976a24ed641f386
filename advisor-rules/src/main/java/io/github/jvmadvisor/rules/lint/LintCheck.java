package io.github.jvmadvisor.rules.lint;

import io.github.jvmadvisor.core.flags.CheckResult;
import io.github.jvmadvisor.core.flags.CommandLineCheck;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/** The command-line check of the lint rules: {@link CommandLineCheck} on the given options, filtered by code. */
final class LintCheck {

    private LintCheck() {
    }

    /** The check's findings with one of {@code codes}, in option order; empty without options. */
    static List<OptionFinding> findings(RuleContext ctx, String... codes) {
        if (ctx.options().options().isEmpty()) {
            return List.of();
        }
        Set<String> wanted = Set.of(codes);
        // a loop, not a stream: this runs in atStartup, where each lambda and stream class costs start-up time
        List<OptionFinding> out = new java.util.ArrayList<>();
        for (OptionFinding f : check(ctx).findings()) {
            if (wanted.contains(f.code())) {
                out.add(f);
            }
        }
        return out;
    }

    static CheckResult check(RuleContext ctx) {
        return CommandLineCheck.check(ctx.options(), ctx.catalogue());
    }

    /** The flag name of an option as written ({@code "-XX:+Foo"} gives {@code "Foo"}), or {@code null}. */
    static String flagName(String option) {
        List<JavaOptions.Option> o = JavaOptions.parse(List.of(option)).options();
        return o.size() == 1 && o.get(0).isFlag() ? o.get(0).name() : null;
    }
}
