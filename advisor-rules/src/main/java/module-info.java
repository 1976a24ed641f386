/**
 * jvm-advisor rules: the rule packs of rules.md, provided to the engine as
 * {@link io.github.jvmadvisor.core.rule.Rule} services.
 */
module io.github.jvmadvisor.rules {
    requires io.github.jvmadvisor.core;

    exports io.github.jvmadvisor.rules;

    provides io.github.jvmadvisor.core.rule.Rule with
            io.github.jvmadvisor.rules.lint.RemovedFlags,
            io.github.jvmadvisor.rules.explicitgc.SystemGcFullPauses;
}
