package io.github.jvmadvisor.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything known about one JVM run, gathered from the inputs a user gave.
 *
 * <p>Each part is empty when no input supplied it; {@link #inputs()} says what was read and what
 * went wrong. Instances are immutable and safe to share between threads.
 *
 * @param inputs one summary per input, in the order given
 * @param gcAnalysis GC figures: from the GC log(s) when given, else from a recording
 * @param jvm the JVM's configuration, combined from every source that described it
 * @param resources non-heap memory, container accounting and old-object samples (recordings)
 * @param agreements how a GC log and a recording of the same run agree
 * @param latency latency histograms (HdrHistogram logs and percentile files), one per input
 * @param benchmarks JMH results, one per input
 * @param allocation where the application allocates (a recording's allocation samples)
 * @param jit what the JIT compilers did: compilations, inlining per call site, deoptimizations, code cache
 * @param cpu hot methods, CPU load, lock contention (a recording's execution samples and lock events)
 */
public record Evidence(List<InputSummary> inputs, Optional<GcAnalysis> gcAnalysis, Optional<JvmConfig> jvm,
        Optional<Resources> resources, List<SourceAgreement> agreements, List<LatencyLog> latency,
        List<BenchmarkResults> benchmarks, Optional<AllocationProfile> allocation, Optional<JitProfile> jit,
        Optional<CpuProfile> cpu) {

    public Evidence {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        gcAnalysis = gcAnalysis == null ? Optional.empty() : gcAnalysis;
        jvm = jvm == null ? Optional.empty() : jvm;
        resources = resources == null ? Optional.empty() : resources;
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        latency = latency == null ? List.of() : List.copyOf(latency);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        allocation = allocation == null ? Optional.empty() : allocation;
        jit = jit == null ? Optional.empty() : jit;
        cpu = cpu == null ? Optional.empty() : cpu;
    }

    /** Evidence with inputs and GC figures only. */
    public Evidence(List<InputSummary> inputs, Optional<GcAnalysis> gcAnalysis) {
        this(inputs, gcAnalysis, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** GC figures, if any. */
    public Optional<GcAnalysis> gc() {
        return gcAnalysis;
    }

    /**
     * This evidence with {@code unit} as the unit of the latency series whose unit the reader could not tell:
     * HdrHistogram logs do not record it, so only jHiccup's and YCSB's are recognised. Rules that compare
     * latencies with milliseconds (pauses, objectives) need it.
     */
    public Evidence withLatencyUnit(LatencyUnit unit) {
        if (unit == null || !unit.known() || latency.isEmpty()) {
            return this;
        }
        return new Evidence(inputs, gcAnalysis, jvm, resources, agreements,
                latency.stream().map(l -> l.withUnitIfUnknown(unit)).toList(), benchmarks, allocation, jit, cpu);
    }

    /** All input issues, in input order. */
    public List<InputIssue> issues() {
        return inputs.stream().flatMap(i -> i.issues().stream()).toList();
    }
}
