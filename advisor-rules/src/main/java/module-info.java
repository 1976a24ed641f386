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
            // rules-cfg: lint, cpu, explicit-gc, observability
            io.github.jvmadvisor.rules.lint.UnlockMissing,
            io.github.jvmadvisor.rules.lint.IneffectiveForCollector,
            io.github.jvmadvisor.rules.lint.IgnoreUnrecognized,
            io.github.jvmadvisor.rules.lint.DuplicateFlags,
            io.github.jvmadvisor.rules.lint.RamPercentage,
            io.github.jvmadvisor.rules.cpu.RequestsOnlyPod,
            io.github.jvmadvisor.rules.cpu.CpuThrottling,
            io.github.jvmadvisor.rules.cpu.SubCoreQuota,
            io.github.jvmadvisor.rules.cpu.HandSetThreads,
            io.github.jvmadvisor.rules.cpu.ContainerSupportDisabled,
            io.github.jvmadvisor.rules.cpu.ThreadStackBudget,
            io.github.jvmadvisor.rules.explicitgc.ContradictoryExplicitGcFlags,
            io.github.jvmadvisor.rules.explicitgc.RmiDgcInterval,
            io.github.jvmadvisor.rules.explicitgc.ToolingInducedGcs,
            io.github.jvmadvisor.rules.explicitgc.GcLockerGcs,
            io.github.jvmadvisor.rules.observability.NoGcLog,
            io.github.jvmadvisor.rules.observability.NoContinuousJfr,
            io.github.jvmadvisor.rules.observability.OomDiagnostics,
            io.github.jvmadvisor.rules.observability.PerfDataInContainer,
            io.github.jvmadvisor.rules.observability.UnlockFlagsInProduction,
            io.github.jvmadvisor.rules.observability.HeavyDiagnostics,
            io.github.jvmadvisor.rules.observability.GcLogHygiene,
            io.github.jvmadvisor.rules.observability.ThinEvidence;
}
