package io.github.jvmadvisor.jmh.compare;

import java.util.Locale;

/** What a comparison of one benchmark concluded. */
public enum Verdict {
    /** Significantly worse, by more than the threshold: fails the gate. */
    REGRESSION,
    /** Significantly better, by more than the threshold. */
    IMPROVEMENT,
    /** Significantly different, but by no more than the threshold. */
    WITHIN_THRESHOLD,
    /** No significant difference at the chosen alpha. */
    NOT_SIGNIFICANT,
    /** Too few measurements to test (fewer than two on a side, or no raw data in the file). */
    UNTESTED,
    /** Units that cannot be converted into each other, or a metric with no direction. */
    INCOMPARABLE,
    /** The benchmark is only in the baseline, or only in the candidate. */
    MISSING;

    /** Lower-case, hyphenated, as in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
