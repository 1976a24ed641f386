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
 */
public record Evidence(List<InputSummary> inputs, Optional<GcAnalysis> gcAnalysis, Optional<JvmConfig> jvm,
        Optional<Resources> resources, List<SourceAgreement> agreements, List<LatencyLog> latency,
        List<BenchmarkResults> benchmarks) {

    public Evidence {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        gcAnalysis = gcAnalysis == null ? Optional.empty() : gcAnalysis;
        jvm = jvm == null ? Optional.empty() : jvm;
        resources = resources == null ? Optional.empty() : resources;
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        latency = latency == null ? List.of() : List.copyOf(latency);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
    }

    /** Evidence with inputs and GC figures only. */
    public Evidence(List<InputSummary> inputs, Optional<GcAnalysis> gcAnalysis) {
        this(inputs, gcAnalysis, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /** GC figures, if any. */
    public Optional<GcAnalysis> gc() {
        return gcAnalysis;
    }

    /** All input issues, in input order. */
    public List<InputIssue> issues() {
        return inputs.stream().flatMap(i -> i.issues().stream()).toList();
    }
}
