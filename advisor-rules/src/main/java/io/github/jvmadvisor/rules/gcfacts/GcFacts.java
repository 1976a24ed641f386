package io.github.jvmadvisor.rules.gcfacts;

import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figures the per-collector packs (g1, parallel, zgc, shenandoah, safepoints) share. Stateless. */
public final class GcFacts {

    /** Heap per live set the packs aim at (Hunt and John: 3 to 4 times the live set). */
    public static final double HEAP_PER_LIVE_SET = 3.5;
    /** Below this many times the live set the heap is called small. */
    public static final double SMALL_HEAP_PER_LIVE_SET = 3.0;

    private static final long MB = 1024L * 1024;

    private GcFacts() {
    }

    /**
     * The GC log's longest pauses that carry wall-clock time (the log's {@code time} decorator), to line up with
     * an absolute-time latency log; empty without GC evidence or wall-clock time.
     */
    public static List<Pause> timedPauses(RuleContext ctx) {
        List<Pause> out = new ArrayList<>();
        for (Pause p : ctx.gc().map(GcAnalysis::longestPauses).orElse(List.of())) {
            if (p.at().epochMillis() > 0) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The longest of {@code pauses} (milliseconds) that can have delayed, by up to {@code latencyMillis}, requests
     * that completed between {@code fromEpochMillis} and {@code toEpochMillis}: one that overlaps that span or ends
     * less than {@code latencyMillis} before it (a request that waited out a pause completes after it, in the
     * latency interval that records it); 0 when none did.
     */
    public static double longestDelayingPause(double fromEpochMillis, double toEpochMillis, double latencyMillis,
            List<Pause> pauses) {
        double longest = 0;
        for (Pause p : pauses) {
            double end = p.at().epochMillis();
            double dur = p.durationNanos() / 1e6;
            if (end >= fromEpochMillis - latencyMillis && end - dur <= toEpochMillis) {
                longest = Math.max(longest, dur);
            }
        }
        return longest;
    }

    /** Causes of full collections that other packs own: explicit, metadata, tool-initiated. */
    public static boolean isExternalCause(String cause) {
        String c = cause.toLowerCase(Locale.ROOT);
        return c.contains("system.gc") || c.contains("metadata gc") || c.contains("heap inspection")
                || c.contains("heap dump") || c.contains("diagnostic command") || c.contains("whitebox");
    }

    /** Full GCs whose cause is not external ({@link #isExternalCause}), by cause. */
    public static Map<String, Long> ownFullGcs(GcMetrics m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        if (m == null || m.fullGcs() == null) {
            return out;
        }
        m.fullGcs().byCause().forEach((cause, n) -> {
            if (!isExternalCause(cause)) {
                out.put(cause, n);
            }
        });
        return out;
    }

    /**
     * What {@code System.gc()} full collections did to the committed heap, when at least one shrank it
     * ({@link GcMetrics.ExplicitGcShrinks}); else {@code null}.
     */
    public static GcMetrics.ExplicitGcShrinks explicitShrinks(GcMetrics m) {
        GcMetrics.ExplicitGcShrinks s = m == null ? null : m.explicitGcShrinks();
        return s == null || s.shrinks() == 0 ? null : s;
    }

    /**
     * The share of all pause time that {@code System.gc()} collections took, with the young pause time attributed
     * to the heap shrinks they caused ({@link GcMetrics.ExplicitGcShrinks#attributedYoungMillis()}); 0 without
     * pause times.
     */
    public static double explicitGcPauseShare(GcMetrics m) {
        if (m == null || m.pauses() == null || m.pauses().totalMillis() <= 0) {
            return 0;
        }
        double ms = 0;
        for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
            if (isExplicitCause(e.getKey())) {
                ms += e.getValue().totalMillis();
            }
        }
        GcMetrics.ExplicitGcShrinks s = explicitShrinks(m);
        if (s != null) {
            ms += s.attributedYoungMillis();
        }
        return Math.min(1, ms / m.pauses().totalMillis());
    }

    /** Whether a cause is an explicit {@code System.gc()} call. */
    public static boolean isExplicitCause(String cause) {
        return cause != null && cause.toLowerCase(Locale.ROOT).contains("system.gc");
    }

    /**
     * For a rule that treats a symptom of the young-collection storm that follows explicit collections: the
     * sentence, with a leading space, that says so and points to EXP-01; empty when System.gc() did not shrink the
     * heap.
     */
    public static String explicitGcNote(GcMetrics m) {
        GcMetrics.ExplicitGcShrinks s = explicitShrinks(m);
        if (s == null || s.youngPauses() == 0) {
            return "";
        }
        return " System.gc() full collections shrink the committed heap from " + Units.bytes(s.committedBeforeBytes())
                + " to " + Units.bytes(s.committedAfterBytes()) + ", and " + s.youngPauses() + " young pauses ("
                + Units.millis(s.youngMillis()) + ") follow while it regrows: explicit collections and their "
                + "consequences take " + pct(explicitGcPauseShare(m)) + " of all pause time. Treat the cause first "
                + "(EXP-01); this finding's score is lowered by that share.";
    }

    /**
     * A symptom rule's score scaled down by the share of pause time the explicit collections and the young
     * pauses their shrinks cause take ({@link #explicitGcPauseShare}); unchanged when they shrank nothing.
     */
    public static double discountExplicitGc(GcMetrics m, double score) {
        return explicitShrinks(m) == null ? score : score * (1 - explicitGcPauseShare(m));
    }

    public static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events per hour over the input's duration, or {@code null} when the duration is unknown. */
    public static Double perHour(GcMetrics m, long n) {
        Double d = m.durationSeconds();
        return d == null || d <= 0 ? null : n * 3600.0 / d;
    }

    /** The live-set estimate in bytes, or {@code null}. */
    public static Long liveSet(GcMetrics m) {
        return m == null || m.liveSet() == null ? null : m.liveSet().bytes();
    }

    /**
     * The heap the live set asks for, {@code 3.5 x LDS} rounded up to 64 MB, when the current maximum heap
     * is below {@code 3 x LDS}; else {@code null} (the heap is not the problem, or the figures are missing).
     */
    public static Long heapTarget(RuleContext ctx) {
        Long lds = liveSet(ctx.metrics());
        Long xmx = ctx.maxHeap();
        if (lds == null || lds <= 0 || xmx == null || xmx >= SMALL_HEAP_PER_LIVE_SET * lds) {
            return null;
        }
        return roundUp((long) Math.ceil(HEAP_PER_LIVE_SET * lds), 64 * MB);
    }

    /** The {@code -Xmx} change for {@code bytes}. */
    public static FlagChange xmx(long bytes) {
        return FlagChange.option("-Xmx" + Units.optionSize(bytes));
    }

    public static long roundUp(long v, long unit) {
        return (v + unit - 1) / unit * unit;
    }

    /** The smallest power of two at or above {@code v} (1 for {@code v <= 1}). */
    public static long nextPow2(long v) {
        if (v <= 1) {
            return 1;
        }
        return Long.highestOneBit(v - 1) << 1;
    }

    /** Mean duration of the concurrent cycles with a known duration, or {@code null}. */
    public static Double meanCycleMillis(GcMetrics m) {
        GcMetrics.CycleStats c = m.concurrentCycles();
        if (c == null || c.count() == 0 || c.totalMillis() <= 0) {
            return null;
        }
        return c.totalMillis() / c.count();
    }

    /** The concurrent GC threads in use: the flag, else the log's init lines, else {@code null}. */
    public static Integer concGcThreads(RuleContext ctx) {
        Long f = ctx.flagLong("ConcGCThreads");
        if (f != null && f > 0) {
            return f.intValue();
        }
        return ctx.setup() == null ? null : ctx.setup().concurrentWorkers();
    }

    /**
     * {@code ConcGCThreads} one higher, when that stays within the CPUs; {@code null} when it would not or the
     * figures are missing.
     */
    public static Integer moreConcThreads(RuleContext ctx) {
        Integer cur = concGcThreads(ctx);
        Integer cpus = ctx.cpus();
        if (cur == null || cpus == null || cur + 1 > cpus) {
            return null;
        }
        return cur + 1;
    }

    /** Figures for the live set and heap, when known. */
    public static List<Figure> heapFigures(RuleContext ctx) {
        List<Figure> out = new ArrayList<>();
        Long lds = liveSet(ctx.metrics());
        Long xmx = ctx.maxHeap();
        if (lds != null) {
            out.add(Figure.bytes("live set", lds));
        }
        if (xmx != null) {
            out.add(Figure.bytes("max heap", xmx));
        }
        return out;
    }

    /** Text of a cause map: {@code "G1 Compaction Pause: 8, Allocation Failure: 1"}. */
    public static String causes(Map<String, Long> byCause) {
        StringBuilder sb = new StringBuilder();
        byCause.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }

    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
