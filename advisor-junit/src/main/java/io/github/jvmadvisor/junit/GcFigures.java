package io.github.jvmadvisor.junit;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The GC figures of one window that budgets are judged on, read from the window's evidence.
 *
 * @param collector the collector's name, or {@code null} when no GC was configured in the window's events
 * @param durationSeconds the window's length, or {@code null}
 * @param pauses stop-the-world GC pauses
 * @param maxPauseMillis the longest, or {@code null} without pauses
 * @param totalPauseMillis their sum
 * @param stwFraction pause time over the window, or {@code null}
 * @param gcCount collections: young, mixed, full and degenerated pauses; concurrent cycles for ZGC and
 *     Shenandoah
 * @param fullGcs full collections
 * @param fullGcsByCause full collections by cause ({@code "System.gc()" -> 1})
 * @param allocationRateBytesPerSec the allocation rate, or {@code null} when the window cannot give one
 */
record GcFigures(String collector, Double durationSeconds, long pauses, Double maxPauseMillis,
        double totalPauseMillis, Double stwFraction, long gcCount, long fullGcs, Map<String, Long> fullGcsByCause,
        Double allocationRateBytesPerSec) {

    private static final Set<String> COLLECTING = Set.of("young", "mixed", "full", "degenerated");

    static final GcFigures EMPTY = new GcFigures(null, null, 0, null, 0, null, 0, 0, Map.of(), null);

    GcFigures {
        fullGcsByCause = Map.copyOf(fullGcsByCause);
    }

    /**
     * The figures of a window.
     *
     * @param fallbackAllocationRate used when the evidence has no allocation rate (too few collections)
     */
    static GcFigures of(Evidence e, Double fallbackAllocationRate) {
        if (e == null || e.gc().isEmpty()) {
            return new GcFigures(null, null, 0, null, 0, null, 0, 0, Map.of(), fallbackAllocationRate);
        }
        GcAnalysis a = e.gc().get();
        GcMetrics m = a.metrics();
        Collector c = a.setup().collector();
        long pauses = m.pauses() == null ? 0 : m.pauses().count();
        Double max = m.pauses() == null || m.pauses().count() == 0 ? null : m.pauses().maxMillis();
        double total = m.pauses() == null ? 0 : m.pauses().totalMillis();
        long collections = 0;
        for (Map.Entry<String, GcMetrics.PauseStats> k : m.pausesByKind().entrySet()) {
            if (COLLECTING.contains(k.getKey())) {
                collections += k.getValue().count();
            }
        }
        if ((c == Collector.ZGC || c == Collector.SHENANDOAH) && m.concurrentCycles() != null) {
            collections = Math.max(collections, m.concurrentCycles().count());
        }
        long full = m.fullGcs() == null ? 0 : m.fullGcs().count();
        Map<String, Long> byCause = m.fullGcs() == null ? Map.of() : new TreeMap<>(m.fullGcs().byCause());
        Double rate = m.allocationRateBytesPerSec() != null ? m.allocationRateBytesPerSec() : fallbackAllocationRate;
        return new GcFigures(c == null ? null : c.displayName(), m.durationSeconds(), pauses, max, total,
                m.stwFraction(), collections, full, byCause, rate);
    }

    /** The figures as report entry values, keys prefixed {@code jvmadvisor.}. */
    Map<String, String> entries(String prefix) {
        Map<String, String> m = new TreeMap<>();
        if (collector != null) {
            m.put(prefix + "collector", collector);
        }
        if (durationSeconds != null) {
            m.put(prefix + "windowSeconds", Budget.fmt(durationSeconds));
        }
        m.put(prefix + "gcCount", String.valueOf(gcCount));
        m.put(prefix + "pauses", String.valueOf(pauses));
        m.put(prefix + "totalPauseMillis", Budget.fmt(totalPauseMillis));
        if (maxPauseMillis != null) {
            m.put(prefix + "maxPauseMillis", Budget.fmt(maxPauseMillis));
        }
        if (stwFraction != null) {
            m.put(prefix + "stwFraction", Budget.fmt(stwFraction));
        }
        m.put(prefix + "fullGcs", String.valueOf(fullGcs));
        if (!fullGcsByCause.isEmpty()) {
            m.put(prefix + "fullGcsByCause", fullGcsByCause.toString());
        }
        if (allocationRateBytesPerSec != null) {
            m.put(prefix + "allocationRateBytesPerSec", Budget.fmt(Math.rint(allocationRateBytesPerSec)));
        }
        return m;
    }
}
