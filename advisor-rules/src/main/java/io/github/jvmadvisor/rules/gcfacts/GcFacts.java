package io.github.jvmadvisor.rules.gcfacts;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Facts.GcCost;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
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

    /**
     * Young generation per byte of object lifetime in the lifetime model ({@link #lifetimePlan}): twice the
     * estimated lifetime, so objects that live up to twice the estimate still die in the young generation.
     */
    public static final double YOUNG_PER_LIFETIME = 2.0;
    /**
     * Old generation per live set in the lifetime model: the live set with half again as headroom (the measured
     * scaled run of the case, Parallel 60 MB, 33 MB live: old 1.3-1.5 x the live set beside a young
     * generation of twice the live set did 1.5-2.4 times the work; a larger old generation that takes a young
     * collection's survivors did not, as they die there).
     */
    public static final double OLD_PER_LIVE_SET = 1.5;
    /** At most this share of the collections may be young ones for a run to count as full collections only. */
    public static final double YOUNG_SHARE_OF_ALL_FULL = 0.1;
    /** Fewer full collections than this say nothing about lifetimes. */
    public static final long MIN_FULL_FOR_LIFETIME = 5;

    private static final long MB = 1024L * 1024;

    private GcFacts() {
    }

    /**
     * The GC cost of a run's metrics ({@link GcCost}: the larger of the GC CPU share and the pause share), or
     * {@code null}. Rules read the shared fact, {@code ctx.facts().gcCost()}; this is for metrics of another run.
     */
    public static GcCost gcCost(GcMetrics m) {
        return GcCost.of(m);
    }

    /**
     * The lifetime model's plan for a Serial or Parallel run whose collections are (nearly) all full ones started by
     * the heap filling ({@code Allocation Failure}, {@code Ergonomics}): objects live longer than the young
     * generation holds them, and the old generation cannot take a young collection's survivors, so each collection
     * marks and compacts the whole heap. The log then has no young collection and no promotion figure to size from.
     *
     * <p>Model. Lifetime, in bytes of allocation: by Little's law the live set is the allocation rate times the mean
     * lifetime, so objects that turn over live for about the live set's worth of allocation ({@code L ~ LDS}; a
     * lower bound when part of the allocation dies at once, an upper one when part of the live set never dies). The
     * young generation gets {@link #YOUNG_PER_LIFETIME} times that, the old one {@link #OLD_PER_LIVE_SET} times the
     * live set, {@code -Xmx} their sum. Effect: a collection comes once per eden's worth of allocation instead of
     * once per {@code A T / N} bytes (allocation over the run's full collections), at about the same work each
     * (the objects alive), so the cost scales by {@code (A T / N) / eden} with eden 3/4 of the young generation
     * (Parallel's initial survivor ratio 8: two survivor spaces of 1/8); the pessimistic end takes half that eden
     * (survivor overflow keeps some full collections).
     *
     * @param lifetimeBytes the estimated lifetime in bytes of allocation (the live set)
     * @param allocatedPerCollectionBytes allocation between two full collections ({@code A T / N})
     * @param youngBytes the young generation to give, rounded up to 1 MB
     * @param oldBytes the old generation to keep, rounded up to 1 MB
     * @param heapBytes {@code young + old}
     * @param costFactorLow the predicted GC cost over today's, optimistic end
     * @param costFactorHigh the same, pessimistic end (at most 1)
     */
    public record LifetimePlan(long lifetimeBytes, long allocatedPerCollectionBytes, long youngBytes, long oldBytes,
            long heapBytes, double costFactorLow, double costFactorHigh) {
    }

    /**
     * The plan of {@link LifetimePlan} when the run is Serial or Parallel, has at least {@link #MIN_FULL_FOR_LIFETIME}
     * full collections of its own causes ({@link #ownFullGcs}) and at most {@link #YOUNG_SHARE_OF_ALL_FULL} of its
     * collections are young ones; {@code null} otherwise or when the live set, allocation rate or duration is unknown.
     */
    public static LifetimePlan lifetimePlan(Collector c, GcMetrics m) {
        if ((c != Collector.SERIAL && c != Collector.PARALLEL) || m == null) {
            return null;
        }
        long full = sum(ownFullGcs(m));
        GcMetrics.PauseStats young = m.pausesByKind().get(PauseKind.YOUNG.id());
        long youngCount = young == null ? 0 : young.count();
        Long lds = liveSet(m);
        Double alloc = m.allocationRateBytesPerSec();
        Double seconds = m.durationSeconds();
        if (full < MIN_FULL_FOR_LIFETIME || youngCount > YOUNG_SHARE_OF_ALL_FULL * (youngCount + full) || lds == null
                || lds <= 0 || alloc == null || alloc <= 0 || seconds == null || seconds <= 0) {
            return null;
        }
        long perCollection = (long) (alloc * seconds / full);
        long youngBytes = roundUp((long) Math.ceil(YOUNG_PER_LIFETIME * lds), MB);
        long oldBytes = roundUp((long) Math.ceil(OLD_PER_LIVE_SET * lds), MB);
        double eden = 0.75 * youngBytes;
        double low = Math.min(1, perCollection / eden);
        double high = Math.min(1, perCollection / (eden / 2));
        return new LifetimePlan(lds, perCollection, youngBytes, oldBytes, youngBytes + oldBytes, low, high);
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

    /**
     * The {@link #lifetimePlan} of the run when it buys something: its eden is larger than today's allocation
     * between collections, and the young generation the user set ({@code -Xmn}, {@code MaxNewSize}) is smaller than
     * the plan's; else {@code null}.
     */
    public static LifetimePlan lifetimePlan(RuleContext ctx) {
        LifetimePlan plan = lifetimePlan(ctx.collector(), ctx.metrics());
        if (plan == null || plan.costFactorLow() >= 1) {
            return null;
        }
        Long young = ctx.asked("MaxNewSize") ? ctx.flagLong("MaxNewSize") : null;
        return young != null && young >= plan.youngBytes() ? null : plan;
    }

    /**
     * The recommendation of a {@link LifetimePlan}, the same from every rule that makes it (so the engine merges
     * them): {@code -Xmx} (the plan's heap, never below {@code xmx}) and {@code -Xmn}, with the predicted change of
     * the GC cost at the pessimistic end and the range in the description.
     */
    public static Recommendation lifetimeRecommendation(Collector c, LifetimePlan plan, long xmx, GcCost cost,
            String reference) {
        long heap = Math.max(xmx, plan.heapBytes());
        List<FlagChange> flags = new ArrayList<>();
        if (heap != xmx) {
            flags.add(xmx(heap));
        }
        flags.add(FlagChange.option("-Xmn" + Units.optionSize(plan.youngBytes())));
        double high = cost.share() * plan.costFactorHigh();
        double low = cost.share() * plan.costFactorLow();
        return Recommendation.flags("Size the young generation above the objects' lifetime: young "
                + Units.bytes(plan.youngBytes()) + " in a heap of " + Units.bytes(heap), flags.toArray(FlagChange[]::new))
                .intent(Intent.heapAtLeast(heap, "a young generation of " + Units.bytes(plan.youngBytes())
                        + " above the objects' lifetime and an old one of " + Units.number(OLD_PER_LIVE_SET)
                        + " times the live set"))
                .effect(Metric.THROUGHPUT, cost.name(), Effect.Direction.DECREASE, plan.costFactorHigh() - 1,
                        cost.name() + " from " + pct(cost.share()) + " to about " + pct(high) + " (range " + pct(low)
                                + " to " + pct(high) + "; lifetime model: a collection per eden of "
                                + Units.bytes((long) (0.75 * plan.youngBytes())) + " instead of per "
                                + Units.bytes(plan.allocatedPerCollectionBytes()) + " of allocation)")
                .confidence(0.6).forCollector(c)
                .risk("the old generation keeps " + Units.number(OLD_PER_LIVE_SET) + "x the live set: a growing live set "
                        + "brings the full collections back; revisit the sizes when it changes")
                .conflictKey("heap-size=" + Units.optionSize(heap))
                .references(reference, "Little's law (live set = allocation rate x lifetime)",
                        "Hunt & John, Java Performance ch. 7 (young generation against object lifetimes)")
                .build();
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

    /** {@code "EXP-01"} when System.gc() shrank the heap and young pauses followed (see {@link #explicitGcNote}), else {@code null}. */
    public static String explicitGcCause(GcMetrics m) {
        return explicitGcNote(m).isEmpty() ? null : "EXP-01";
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
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap();
        if (lds == null || lds <= 0 || xmx == null || xmx >= SMALL_HEAP_PER_LIVE_SET * lds) {
            return null;
        }
        return roundUp((long) Math.ceil(HEAP_PER_LIVE_SET * lds), 64 * MB);
    }

    /** The intent of a {@link #heapTarget} recommendation: a heap of at least {@code bytes} for the live set. */
    public static Intent liveSetNeed(RuleContext ctx, long bytes) {
        Long lds = ctx.facts().liveSet().value();
        return Intent.heapAtLeast(bytes, Units.number(HEAP_PER_LIVE_SET) + " times the live set"
                + (lds == null ? "" : " of " + Units.bytes(lds)));
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
        Long lds = ctx.facts().liveSet().value();
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
