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
 * @param gcAnalysis what the GC log(s) said, if any
 */
public record Evidence(List<InputSummary> inputs, Optional<GcAnalysis> gcAnalysis) {

    public Evidence {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        gcAnalysis = gcAnalysis == null ? Optional.empty() : gcAnalysis;
    }

    /** What the GC log(s) said, if any. */
    public Optional<GcAnalysis> gc() {
        return gcAnalysis;
    }

    /** All input issues, in input order. */
    public List<InputIssue> issues() {
        return inputs.stream().flatMap(i -> i.issues().stream()).toList();
    }
}
