package io.github.jvmadvisor.jmh.compare;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark (with one combination of parameters, in one mode) compared between the baseline and a
 * candidate file. Differences are {@code candidate - baseline} in the baseline's unit.
 *
 * @param benchmark the benchmark method
 * @param mode {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}, or {@code null}
 * @param params the {@code @Param} values
 * @param candidate the candidate file's name
 * @param verdict what the comparison concluded
 * @param unit the baseline's score unit; candidate values are converted into it
 * @param higherIsBetter the direction, or {@code null} when unknown
 * @param test {@code "welch-t"}, {@code "mann-whitney-u"} or {@code "none"}
 * @param baselineScore the baseline's mean measurement (JMH's score), or {@code null}
 * @param candidateScore the candidate's, in the baseline's unit, or {@code null}
 * @param relativeChange {@code (candidate - baseline) / baseline}, or {@code null}
 * @param improvement the relative change signed so that positive is better, or {@code null}
 * @param pValue two-sided p-value of the test, or {@code null} when untested
 * @param ciLow lower bound of the difference of means at {@code 1 - alpha}, or {@code null}
 * @param ciHigh upper bound, or {@code null}
 * @param cohensD standardised difference of means, or {@code null}
 * @param hodgesLehmann median of pairwise differences, or {@code null} (too many distinct values)
 * @param superiority probability that a candidate measurement exceeds a baseline one (ties count
 *     half), or {@code null}; computed for sample mode
 * @param baselineN measurements on the baseline side (iterations, or samples in sample mode)
 * @param candidateN measurements on the candidate side
 * @param note why a comparison was not made, or a caveat; {@code null} when none
 */
public record BenchmarkComparison(String benchmark, String mode, SortedMap<String, String> params, String candidate,
        Verdict verdict, String unit, Boolean higherIsBetter, String test, Double baselineScore, Double candidateScore,
        Double relativeChange, Double improvement, Double pValue, Double ciLow, Double ciHigh, Double cohensD,
        Double hodgesLehmann, Double superiority, long baselineN, long candidateN, String note) {

    public BenchmarkComparison {
        if (benchmark == null || verdict == null || candidate == null) {
            throw new IllegalArgumentException("benchmark, candidate and verdict are required");
        }
        params = params == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** Benchmark, mode and parameters, e.g. {@code "a.B.m thrpt {size=10}"}. */
    public String id() {
        return benchmark + (mode == null ? "" : " " + mode) + (params.isEmpty() ? "" : " " + params);
    }
}
