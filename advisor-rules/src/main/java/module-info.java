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
            io.github.jvmadvisor.rules.shenandoah.ShenandoahDegenerated;
}
