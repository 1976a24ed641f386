package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.GcMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which safepoint VM operations are garbage collections, and the others ranked by time. */
final class SafepointOps {

    private SafepointOps() {
    }

    /**
     * Whether a VM operation name is a collection: the collector operations of 17 and 25
     * ({@code G1CollectForAllocation}, {@code G1PauseRemark}, {@code G1TryInitiateConcMark},
     * {@code ParallelGCFailedAllocation}, {@code ParallelCollectForAllocation}, {@code GenCollectForAllocation},
     * {@code SerialCollectForAllocation}, {@code ZMarkStart...}, {@code ShenandoahInitMark}...,
     * {@code CollectForMetadataAllocation}, heap inspection and dumps that collect).
     */
    static boolean isGc(String op) {
        return op.startsWith("G1") || op.startsWith("Z") || op.startsWith("Shenandoah") || op.startsWith("Gen")
                || op.startsWith("Parallel") || op.startsWith("Serial") || op.startsWith("Epsilon")
                || op.contains("Collect") || op.contains("GC");
    }

    /** Milliseconds of safepoints for collections, or {@code null} when no operation names are known. */
    static Double gcMillis(GcMetrics.SafepointStats s) {
        if (s.byOperation() == null || s.byOperation().isEmpty()) {
            return null;
        }
        double t = 0;
        for (Map.Entry<String, GcMetrics.OperationStats> e : s.byOperation().entrySet()) {
            if (isGc(e.getKey())) {
                t += e.getValue().totalMillis();
            }
        }
        return t;
    }

    /** The non-GC operations, longest total first. */
    static List<Map.Entry<String, GcMetrics.OperationStats>> nonGc(GcMetrics.SafepointStats s) {
        List<Map.Entry<String, GcMetrics.OperationStats>> out = new ArrayList<>();
        if (s.byOperation() != null) {
            for (Map.Entry<String, GcMetrics.OperationStats> e : s.byOperation().entrySet()) {
                if (!isGc(e.getKey())) {
                    out.add(e);
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.getValue().totalMillis(), a.getValue().totalMillis()));
        return out;
    }
}
