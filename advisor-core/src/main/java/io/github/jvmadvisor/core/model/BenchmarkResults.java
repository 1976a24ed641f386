package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * The JMH runs read from one result file.
 *
 * @param source the input they were read from
 * @param runs the runs, in file order
 */
public record BenchmarkResults(String source, List<BenchmarkRun> runs) {

    public BenchmarkResults {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        runs = runs == null ? List.of() : List.copyOf(runs);
    }
}
