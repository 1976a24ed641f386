package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * Everything read from a GC log: what it says about the JVM, the derived figures, and the longest
 * pauses in full detail.
 *
 * @param setup collector, JDK, CPUs and heap settings from the log
 * @param metrics derived figures
 * @param longestPauses the longest pauses, longest first (at most 20)
 */
public record GcAnalysis(GcSetup setup, GcMetrics metrics, List<Pause> longestPauses) {

    public GcAnalysis {
        if (setup == null || metrics == null) {
            throw new IllegalArgumentException("setup and metrics are required");
        }
        longestPauses = longestPauses == null ? List.of() : List.copyOf(longestPauses);
    }
}
