/**
 * jvm-advisor rules: the rule packs of rules.md, provided to the engine as
 * {@link io.github.jvmadvisor.core.rule.Rule} services.
 */
module io.github.jvmadvisor.rules {
    requires io.github.jvmadvisor.core;

    exports io.github.jvmadvisor.rules;

    provides io.github.jvmadvisor.core.rule.Rule with
            io.github.jvmadvisor.rules.lint.RemovedFlags,
            io.github.jvmadvisor.rules.explicitgc.SystemGcFullPauses,
            // packs jit, inlining, escape-analysis, startup-aot
            io.github.jvmadvisor.rules.jit.CodeCacheFull,
            io.github.jvmadvisor.rules.jit.CrippledJit,
            io.github.jvmadvisor.rules.jit.IgnoredJitFlags,
            io.github.jvmadvisor.rules.inlining.StaleMaxInlineLevel,
            io.github.jvmadvisor.rules.inlining.InliningTooDeep,
            io.github.jvmadvisor.rules.inlining.HotMethodTooBig,
            io.github.jvmadvisor.rules.inlining.AlreadyCompiledBig,
            io.github.jvmadvisor.rules.inlining.Megamorphic,
            io.github.jvmadvisor.rules.inlining.ColdSiteTooBig,
            io.github.jvmadvisor.rules.escapeanalysis.EscapeAnalysisDisabled,
            io.github.jvmadvisor.rules.escapeanalysis.EscapeBlockedByInlining,
            io.github.jvmadvisor.rules.escapeanalysis.OutsideTlabAllocation,
            io.github.jvmadvisor.rules.escapeanalysis.Autoboxing,
            io.github.jvmadvisor.rules.startupaot.CdsDisabled,
            io.github.jvmadvisor.rules.startupaot.WarmupTail;
}
