package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/**
 * A kind of evidence a rule may need. When a rule's evidence is missing the engine reports it as not
 * applicable and says what to collect next time ({@link #collect()}).
 */
public enum EvidenceKind {
    /** GC events and metrics, from a GC log or a recording. */
    GC("a GC log: -Xlog:gc*,safepoint:file=gc-%p-%t.log:time,uptime,level,tags:filecount=5,filesize=20M"),
    /** The JVM's configuration: JDK, collector, flags (from a recording, a log's init lines, a command line or the live JVM). */
    CONFIG("the JVM's configuration: pass --jvm-args \"...\", or give a GC log with gc,init lines or a JFR recording"),
    /** Every flag with its origin (a recording or the live JVM; a command line gives only what was asked). */
    FLAG_ORIGINS("flag origins: a JFR recording (-XX:StartFlightRecording) or the live JVM"),
    /** The container's memory limit (or where the JVM will run: --container-memory). */
    CONTAINER_MEMORY("the container memory limit: --container-memory SIZE, or a recording made in the container"),
    /** The CPUs the JVM may use: quota, affinity, or hardware threads. */
    CPUS("the CPU count: --cpus N, or a GC log with gc,init lines, or a JFR recording"),
    /** Non-heap memory: metaspace, direct buffers, threads, resident set, NMT. */
    NATIVE_MEMORY("non-heap memory: a JFR recording (jdk.MetaspaceSummary, jdk.DirectBufferStatistics, jdk.ResidentSetSize)"),
    /** Container usage: memory failures and CPU throttling. */
    CONTAINER_USAGE("container usage: a JFR recording made in a container (jdk.ContainerMemoryUsage, jdk.ContainerCPUThrottling)"),
    /** Safepoints with their operations. */
    SAFEPOINTS("safepoints: -Xlog:safepoint in the GC log, or a recording with jdk.SafepointBegin#threshold=0ms"),
    /** GC CPU time. */
    GC_CPU("GC CPU time: gc,cpu lines (-Xlog:gc*) for Serial, Parallel, G1, or jdk.GCCPUTime in a recording"),
    /** Allocation by site and class. */
    ALLOCATION("allocation sites: a JFR recording with jdk.ObjectAllocationSample (on in default and profile settings)"),
    /** A class histogram of the heap (object counts and sizes per class). */
    OBJECT_HISTOGRAM("a class histogram: a short recording with +jdk.ObjectCountAfterGC#enabled=true (it walks the heap at "
            + "every GC: record briefly)"),
    /** Virtual threads pinned to their carrier. */
    VIRTUAL_THREAD_PINNING("virtual-thread pinning: a recording of JDK 21 or later with jdk.VirtualThreadPinned (on in the "
            + "default and profile settings)"),
    /** Inlining decisions per call site. */
    INLINING("inlining decisions: a short recording with +jdk.CompilerInlining#enabled=true"),
    /** JIT compilations, deoptimizations, code cache. */
    JIT("JIT activity: a JFR recording (jdk.Compilation, jdk.Deoptimization, jdk.CodeCacheStatistics)"),
    /** Execution samples: where CPU goes. */
    CPU_PROFILE("CPU samples: a JFR recording with jdk.ExecutionSample (settings=profile samples every 10 ms)"),
    /** Request latency histograms. */
    LATENCY("request latency: an HdrHistogram interval log (.hlog) of the service's requests"),
    /** JMH benchmark results. */
    BENCHMARKS("benchmark results: JMH JSON output (-rf json)");

    private final String collect;

    EvidenceKind(String collect) {
        this.collect = collect;
    }

    /** What to record next time to have this evidence. */
    public String collect() {
        return collect;
    }

    /**
     * The kinds of evidence present in {@code e}. (Plain tests, no lambdas: this runs on the path of
     * {@code JvmAdvisor.atStartup}, where each lambda is a class spun on first use.)
     */
    public static java.util.Set<EvidenceKind> present(io.github.jvmadvisor.core.model.Evidence e) {
        java.util.Set<EvidenceKind> out = java.util.EnumSet.noneOf(EvidenceKind.class);
        var gc = e.gc().orElse(null);
        var metrics = gc == null ? null : gc.metrics();
        var setup = gc == null ? null : gc.setup();
        if (metrics != null) {
            out.add(GC);
            if (metrics.gcCpuFraction() != null) {
                out.add(GC_CPU);
            }
            if (metrics.safepoints() != null && metrics.safepoints().count() > 0) {
                out.add(SAFEPOINTS);
            }
        }
        var j = e.jvm().orElse(null);
        if (j != null) {
            if (j.jdkFeature() != null || j.collector() != null || !j.flags().isEmpty() || !j.jvmArguments().isEmpty()) {
                out.add(CONFIG);
            }
            for (var f : j.flags().values()) {
                if (f.origin() == io.github.jvmadvisor.core.model.FlagOrigin.DEFAULT
                        || f.origin() == io.github.jvmadvisor.core.model.FlagOrigin.ERGONOMIC) {
                    out.add(FLAG_ORIGINS);
                    break;
                }
            }
            if (j.container() != null && j.container().memoryLimitBytes() != null) {
                out.add(CONTAINER_MEMORY);
            }
            if ((j.container() != null && j.container().effectiveCpus() != null) || j.machine().hwThreads() != null
                    || j.machine().allowedCpus() != null || j.flag("ActiveProcessorCount") != null) {
                out.add(CPUS);
            }
        }
        if (setup != null) {
            if (setup.collector() != null || setup.jdkVersion() != null) {
                out.add(CONFIG);
            }
            if (setup.cpusAvailable() != null) {
                out.add(CPUS);
            }
        }
        var r = e.resources().orElse(null);
        if (r != null) {
            if (r.memory() != null) {
                out.add(NATIVE_MEMORY);
            }
            if (r.container() != null) {
                out.add(CONTAINER_USAGE);
            }
        }
        var a = e.allocation().orElse(null);
        if (a != null && (a.samples() > 0 || a.tlab() != null || a.exact() != null)) {
            out.add(ALLOCATION);
        }
        var jit = e.jit().orElse(null);
        if (jit != null) {
            out.add(JIT);
            if (jit.inlining() != null && jit.inlining().recorded()) {
                out.add(INLINING);
            }
        }
        var cpu = e.cpu().orElse(null);
        if (cpu != null && cpu.samples() > 0) {
            out.add(CPU_PROFILE);
        }
        if (cpu != null && cpu.pinned() != null) {
            out.add(VIRTUAL_THREAD_PINNING);
        }
        if (a != null && a.histogram() != null) {
            out.add(OBJECT_HISTOGRAM);
        }
        if (!e.latency().isEmpty()) {
            out.add(LATENCY);
        }
        if (!e.benchmarks().isEmpty()) {
            out.add(BENCHMARKS);
        }
        return out;
    }

    /** Lower-case, hyphenated name, as it appears in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
