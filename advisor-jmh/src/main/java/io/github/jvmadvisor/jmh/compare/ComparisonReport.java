package io.github.jvmadvisor.jmh.compare;

import io.github.jvmadvisor.core.model.InputIssue;
import java.util.List;

/**
 * The result of comparing JMH result files against a baseline. Immutable.
 *
 * @param baseline the baseline file
 * @param candidates the other files, in the order given
 * @param threshold the relative change (0.05 = 5 %) a significant difference must exceed to count as a
 *     regression or an improvement
 * @param alpha the significance level of the tests; intervals are at {@code 1 - alpha}
 * @param comparisons one per benchmark and candidate, in the baseline's order, then benchmarks only in
 *     a candidate
 * @param issues problems with the inputs (unreadable files, bad lines)
 */
public record ComparisonReport(String baseline, List<String> candidates, double threshold, double alpha,
        List<BenchmarkComparison> comparisons, List<InputIssue> issues) {

    /** Version of the JSON form. */
    public static final int SCHEMA = 1;

    public ComparisonReport {
        candidates = List.copyOf(candidates);
        comparisons = List.copyOf(comparisons);
        issues = List.copyOf(issues);
    }

    /** The comparisons with a given verdict. */
    public List<BenchmarkComparison> with(Verdict v) {
        return comparisons.stream().filter(c -> c.verdict() == v).toList();
    }

    /** Whether any benchmark regressed significantly by more than the threshold. */
    public boolean regressed() {
        return !with(Verdict.REGRESSION).isEmpty();
    }
}
