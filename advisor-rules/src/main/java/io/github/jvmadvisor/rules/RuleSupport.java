package io.github.jvmadvisor.rules;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.Map;

/** Small helpers several packs share. Stateless. */
public final class RuleSupport {

    private RuleSupport() {
    }

    /** Full GCs whose cause contains {@code causePart} (case-insensitive), 0 without GC evidence. */
    public static long fullGcsCausedBy(RuleContext ctx, String causePart) {
        GcMetrics m = ctx.metrics();
        if (m == null || m.fullGcs() == null) {
            return 0;
        }
        return countsCausedBy(m.fullGcs().byCause(), causePart);
    }

    /** The counts whose cause contains {@code causePart} (case-insensitive), summed. */
    private static long countsCausedBy(Map<String, Long> byCause, String causePart) {
        String part = causePart.toLowerCase(java.util.Locale.ROOT);
        long n = 0;
        for (Map.Entry<String, Long> e : byCause.entrySet()) {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains(part)) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** Pauses whose cause contains {@code causePart} (case-insensitive), 0 without GC evidence. */
    public static long pausesCausedBy(RuleContext ctx, String causePart) {
        GcMetrics m = ctx.metrics();
        if (m == null || m.pausesByCause() == null) {
            return 0;
        }
        long n = 0;
        for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains(causePart.toLowerCase(java.util.Locale.ROOT))) {
                n += e.getValue().count();
            }
        }
        return n;
    }

    /**
     * Collections whose cause contains {@code causePart} ({@link GcMetrics#collectionsByCause()}: a G1 cycle or
     * a ZGC collection once, not once per pause).
     */
    public static long collectionsCausedBy(RuleContext ctx, String causePart) {
        GcMetrics m = ctx.metrics();
        return m == null ? 0 : countsCausedBy(m.collectionsByCause(), causePart);
    }

    /** Total pause milliseconds whose cause contains {@code causePart}. */
    public static double pauseMillisCausedBy(RuleContext ctx, String causePart) {
        GcMetrics m = ctx.metrics();
        if (m == null || m.pausesByCause() == null) {
            return 0;
        }
        double t = 0;
        for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains(causePart.toLowerCase(java.util.Locale.ROOT))) {
                t += e.getValue().totalMillis();
            }
        }
        return t;
    }
}
