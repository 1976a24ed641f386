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
            // heap, gc-choice, native-memory packs
            io.github.jvmadvisor.rules.heap.DefaultHeapInContainer,
            io.github.jvmadvisor.rules.heap.ContainerBudget,
            io.github.jvmadvisor.rules.heap.HeapAtContainerLimit,
            io.github.jvmadvisor.rules.heap.LiveSetSizing,
            io.github.jvmadvisor.rules.heap.SmallContainerHeap,
            io.github.jvmadvisor.rules.heap.ThrashGuard,
            io.github.jvmadvisor.rules.gcchoice.ErgonomicSerial,
            io.github.jvmadvisor.rules.gcchoice.ThroughputCollector,
            io.github.jvmadvisor.rules.gcchoice.ZGenerationalGate,
            io.github.jvmadvisor.rules.gcchoice.ImplicitCollector,
            io.github.jvmadvisor.rules.nativememory.UnboundedDirectMemory,
            io.github.jvmadvisor.rules.nativememory.MetaspaceGcs,
            // rules-gc: g1, parallel, zgc, shenandoah, safepoints
            io.github.jvmadvisor.rules.g1.G1FullGcs,
            io.github.jvmadvisor.rules.g1.G1EvacuationFailure,
            io.github.jvmadvisor.rules.g1.G1Humongous,
            io.github.jvmadvisor.rules.g1.G1FixedYoungGen,
            io.github.jvmadvisor.rules.g1.G1SoftMaxHeap,
            io.github.jvmadvisor.rules.parallel.ParallelFullGcs,
            io.github.jvmadvisor.rules.parallel.ParallelAdaptiveOff,
            io.github.jvmadvisor.rules.zgc.ZgcAllocationStalls,
            io.github.jvmadvisor.rules.zgc.ZgcRelocationStalls,
            io.github.jvmadvisor.rules.shenandoah.ShenandoahDegenerated,
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
            io.github.jvmadvisor.rules.observability.ThinEvidence,
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
            io.github.jvmadvisor.rules.startupaot.WarmupTail,
            // rules-sel2
            io.github.jvmadvisor.rules.gcchoice.SingleCpu,
            io.github.jvmadvisor.rules.gcchoice.PauseDominatedTail,
            io.github.jvmadvisor.rules.gcchoice.TinyLiveSet,
            io.github.jvmadvisor.rules.gcchoice.ZgcSmallHeap,
            io.github.jvmadvisor.rules.gcchoice.ShenandoahAvailability,
            io.github.jvmadvisor.rules.gcchoice.LegacyCollectors,
            io.github.jvmadvisor.rules.safepoints.NonGcSafepoints,
            io.github.jvmadvisor.rules.safepoints.NoSafepointData,
            io.github.jvmadvisor.rules.safepoints.LongVmOperations,
            io.github.jvmadvisor.rules.escapeanalysis.AllocationBoundGc;
}
