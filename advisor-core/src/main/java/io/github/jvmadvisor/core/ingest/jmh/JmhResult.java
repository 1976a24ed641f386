package io.github.jvmadvisor.core.ingest.jmh;

import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.InputSummary;
import java.util.List;

/**
 * What reading one JMH JSON result file gave.
 *
 * @param summary what was read and the issues found
 * @param runs the runs that could be read, in file order
 */
public record JmhResult(InputSummary summary, List<BenchmarkRun> runs) {

    public JmhResult {
        if (summary == null) {
            throw new IllegalArgumentException("summary is required");
        }
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** The runs with the input they came from, as the evidence model holds them. */
    public BenchmarkResults results() {
        return new BenchmarkResults(summary.path(), runs);
    }
}
