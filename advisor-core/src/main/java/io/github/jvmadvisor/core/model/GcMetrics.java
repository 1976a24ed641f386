package io.github.jvmadvisor.core.model;

import java.util.List;
import java.util.Map;

/**
 * Figures derived from the GC events of one input, in one pass.
 *
 * <p>A value the input cannot give is {@code null}, never 0: a log without time stamps has no
 * durations or rates, a log without {@code gc,cpu} lines no GC CPU share, a ZGC log written with
 * plain {@code -Xlog:gc} no pauses. Maps are ordered (by name) so reports are stable.
 *
 * @param durationSeconds time covered by the input, summed over JVM runs, or {@code null}
 * @param runs JVM runs found in the input
 * @param pauses all stop-the-world pauses, or {@code null} when the input has no pause information
 * @param pausesByKind pauses per {@link PauseKind#id()}
 * @param pausesByCause pauses per cause as logged (pauses without a cause under {@code "unknown"})
 * @param stwFraction total pause time over {@code durationSeconds}
 * @param windowSeconds width of the time windows in {@code windows}, or {@code null}
 * @param stwFractionMaxWindow the largest stop-the-world fraction of any full window
 * @param gcCpuFraction GC thread CPU time (user + sys, {@code gc,cpu}) over CPUs times duration
 * @param allocationRateBytesPerSec bytes the application allocated per second
 * @param promotionRateBytesPerSec bytes promoted to the old generation per second by young collections
 * @param liveSet the live data size estimate and its trend
 * @param effectiveGogc {@code 100 * (heap used when collections start - live set) / live set}, the
 *     Go GOGC this heap behaves like
 * @param fullGcs full collections
 * @param humongousAllocations G1 collections started by a humongous allocation (the log does not
 *     record the allocations themselves)
 * @param humongousRegionsPeak largest number of G1 humongous regions seen, or {@code null}
 * @param evacuationFailures G1 pauses that failed to evacuate (to-space exhausted)
 * @param allocationStalls ZGC allocation stalls
 * @param relocationStalls ZGC relocation stalls
 * @param degeneratedCycles Shenandoah degenerated cycles
 * @param concurrentCycles concurrent cycles (G1 marking, ZGC collections, Shenandoah and CMS cycles)
 * @param heap heap size and peaks
 * @param metaspace metaspace peaks
 * @param safepoints safepoint statistics, or {@code null} when the log has no {@code safepoint} lines
 * @param windows the run cut into windows of {@code windowSeconds}, at most a few hundred
 * @param pauseCpu CPU times of the GC threads per pause ({@code gc,cpu} lines, {@code jdk.GCCPUTime}), or
 *     {@code null} when the input has none (ZGC and Shenandoah print none)
 * @param youngPhases where G1's young and mixed pauses spent their time ({@code gc,phases} lines), or
 *     {@code null} when the input has none
 * @param pacer Shenandoah's allocation pacer ({@code gc,ergo} and {@code gc,stats} lines), or {@code null}
 *     when the input has none
 * @param collectionsByCause collections per cause, or the pause counts when {@code null} is given: the pauses
 *     of {@code pausesByCause} counted once per GC id (the pauses of a ZGC or Shenandoah collection share it), so
 *     the collections that paused at least once, without the Remark and Cleanup pauses of a G1 cycle, which carry
 *     the cause of the cycle they end under ids of their own: a G1 cycle started by the metaspace threshold is
 *     one collection and three pauses. Parallel on JDK 17 answers the threshold with a young and then a full
 *     collection: two
 * @param explicitGcShrinks what System.gc() full collections did to the committed heap and the young
 *     collections that followed while it regrew, or {@code null} when the input has no such figures
 */
public record GcMetrics(Double durationSeconds, int runs, PauseStats pauses, Map<String, PauseStats> pausesByKind,
        Map<String, PauseStats> pausesByCause, Double stwFraction, Double windowSeconds, Double stwFractionMaxWindow,
        Double gcCpuFraction, Double allocationRateBytesPerSec, Double promotionRateBytesPerSec, LiveSet liveSet,
        Double effectiveGogc, FullGcs fullGcs, long humongousAllocations, Integer humongousRegionsPeak,
        long evacuationFailures, StallStats allocationStalls, StallStats relocationStalls, long degeneratedCycles,
        CycleStats concurrentCycles, HeapPeaks heap, MetaspacePeaks metaspace, SafepointStats safepoints,
        List<Window> windows, PauseCpu pauseCpu, PausePhases youngPhases, Pacer pacer,
        Map<String, Long> collectionsByCause, ExplicitGcShrinks explicitGcShrinks) {

    /** The figures without the explicit collections' shrinks. */
    public GcMetrics(Double durationSeconds, int runs, PauseStats pauses, Map<String, PauseStats> pausesByKind,
            Map<String, PauseStats> pausesByCause, Double stwFraction, Double windowSeconds,
            Double stwFractionMaxWindow, Double gcCpuFraction, Double allocationRateBytesPerSec,
            Double promotionRateBytesPerSec, LiveSet liveSet, Double effectiveGogc, FullGcs fullGcs,
            long humongousAllocations, Integer humongousRegionsPeak, long evacuationFailures,
            StallStats allocationStalls, StallStats relocationStalls, long degeneratedCycles,
            CycleStats concurrentCycles, HeapPeaks heap, MetaspacePeaks metaspace, SafepointStats safepoints,
            List<Window> windows, PauseCpu pauseCpu, PausePhases youngPhases, Pacer pacer,
            Map<String, Long> collectionsByCause) {
        this(durationSeconds, runs, pauses, pausesByKind, pausesByCause, stwFraction, windowSeconds,
                stwFractionMaxWindow, gcCpuFraction, allocationRateBytesPerSec, promotionRateBytesPerSec, liveSet,
                effectiveGogc, fullGcs, humongousAllocations, humongousRegionsPeak, evacuationFailures,
                allocationStalls, relocationStalls, degeneratedCycles, concurrentCycles, heap, metaspace, safepoints,
                windows, pauseCpu, youngPhases, pacer, collectionsByCause, null);
    }

    /** The figures without pause phases, pacer and collections by cause (the pause counts stand for those). */
    public GcMetrics(Double durationSeconds, int runs, PauseStats pauses, Map<String, PauseStats> pausesByKind,
            Map<String, PauseStats> pausesByCause, Double stwFraction, Double windowSeconds,
            Double stwFractionMaxWindow, Double gcCpuFraction, Double allocationRateBytesPerSec,
            Double promotionRateBytesPerSec, LiveSet liveSet, Double effectiveGogc, FullGcs fullGcs,
            long humongousAllocations, Integer humongousRegionsPeak, long evacuationFailures,
            StallStats allocationStalls, StallStats relocationStalls, long degeneratedCycles,
            CycleStats concurrentCycles, HeapPeaks heap, MetaspacePeaks metaspace, SafepointStats safepoints,
            List<Window> windows, PauseCpu pauseCpu) {
        this(durationSeconds, runs, pauses, pausesByKind, pausesByCause, stwFraction, windowSeconds,
                stwFractionMaxWindow, gcCpuFraction, allocationRateBytesPerSec, promotionRateBytesPerSec, liveSet,
                effectiveGogc, fullGcs, humongousAllocations, humongousRegionsPeak, evacuationFailures,
                allocationStalls, relocationStalls, degeneratedCycles, concurrentCycles, heap, metaspace, safepoints,
                windows, pauseCpu, null, null, null, null);
    }

    public GcMetrics {
        pausesByKind = pausesByKind == null ? Map.of() : pausesByKind;
        pausesByCause = pausesByCause == null ? Map.of() : pausesByCause;
        Map<String, Long> c = new java.util.TreeMap<>();
        if (collectionsByCause == null) {
            pausesByCause.forEach((k, v) -> c.put(k, v.count()));
        } else {
            c.putAll(collectionsByCause);
        }
        collectionsByCause = java.util.Collections.unmodifiableMap(c);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /**
     * Pause statistics. Percentiles come from an HdrHistogram of microseconds: exact below about
     * 2 ms; above, the upper end of the histogram bucket (at most 0.1 % high), never above the maximum.
     *
     * @param count number of pauses
     * @param totalMillis sum of pause times
     * @param maxMillis longest pause
     * @param meanMillis mean pause
     * @param p50Millis median
     * @param p90Millis 90th percentile
     * @param p99Millis 99th percentile
     * @param p999Millis 99.9th percentile
     */
    public record PauseStats(long count, double totalMillis, double maxMillis, double meanMillis, double p50Millis,
            double p90Millis, double p99Millis, double p999Millis) {
    }

    /**
     * The live data size: what stays reachable, Go's "live heap". Estimated from heap occupancy after
     * collections that finish marking the whole heap, taking the lowest value per time window so
     * floating garbage does not inflate it.
     *
     * @param bytes the estimate over the steady part of the run (median of the per-bucket minimums in the
     *     second half; buckets are one second wide, wider for long runs), or {@code null} when no collection
     *     in the log marked the whole heap
     * @param peakBytes the largest bucket minimum, or {@code null}
     * @param source where the samples came from, e.g. {@code "full-gc"}, {@code "g1-after-mixed"},
     *     {@code "zgc-live"}, {@code "shenandoah-cycle-end"}, or {@code "young-gc-upper-bound"}
     * @param samples how many collections contributed
     * @param trendBytesPerSec least-squares slope of the bucket minimums over time after warm-up (the
     *     first fifth of the run), or {@code null} with fewer than three buckets
     * @param trendSignificance two-sided p-value of that slope, or {@code null}
     * @param trendSource the source the trend was fitted on: {@code source}, or the next one when that
     *     has too few points after warm-up (one full GC in a run of young collections); {@code null}
     *     without a trend
     * @param leakSuspect whether the live set keeps rising: a significant (p &lt; 0.01), strong
     *     (R² ≥ 0.5) slope that adds at least 10 % of the live set over the run; a slope of {@code
     *     young-gc-upper-bound}, which also rises with old garbage between marking cycles, counts only when
     *     a marking collection after warm-up found at least 80 % of what the slope predicts for its time
     */
    public record LiveSet(Long bytes, Long peakBytes, String source, long samples, Double trendBytesPerSec,
            Double trendSignificance, String trendSource, boolean leakSuspect) {
    }

    /**
     * Full collections.
     *
     * @param count number of full collections
     * @param totalMillis their total pause time
     * @param byCause count per cause
     * @param afterAbandonedYoung full collections that followed, in the same safepoint, a young
     *     collection that gave up at once (JDK 17 Serial, when the old generation cannot take the
     *     promotions); the young attempt is counted in the full collection's pause, not as a pause of
     *     its own
     */
    public record FullGcs(long count, double totalMillis, Map<String, Long> byCause, long afterAbandonedYoung) {
    }

    /**
     * Stalls of one kind.
     *
     * @param count number of stalls
     * @param totalMillis total time threads waited
     * @param maxMillis longest stall
     */
    public record StallStats(long count, double totalMillis, double maxMillis) {
    }

    /**
     * Concurrent cycles.
     *
     * @param count number of cycles
     * @param totalMillis total wall time of the cycles whose duration is known
     * @param maxMillis longest cycle
     * @param aborted cycles abandoned before they finished
     */
    public record CycleStats(long count, double totalMillis, double maxMillis, long aborted) {
    }

    /**
     * Heap size and peaks.
     *
     * @param maxCapacityBytes the maximum heap from the init lines, else the largest capacity seen,
     *     or {@code null}
     * @param peakUsedBytes the highest occupancy seen before a collection, or {@code null}
     * @param peakCommittedBytes the largest capacity printed after a collection, or {@code null}
     */
    public record HeapPeaks(Long maxCapacityBytes, Long peakUsedBytes, Long peakCommittedBytes) {
    }

    /**
     * What {@code System.gc()} full collections did to the committed heap, and the young collections that
     * followed while it grew back.
     *
     * <p>Why: a full collection compacts the heap and then sizes it to what survived (G1 leaves at most
     * {@code MaxHeapFreeRatio}, 70 %, free; Serial and Parallel likewise), so an explicit full collection in a run
     * whose heap had grown gives that memory back. The young generation is sized as a share of the committed heap
     * (G1 between {@code G1NewSizePercent} and {@code G1MaxNewSizePercent} of it, Serial and Parallel by
     * {@code NewRatio}), so until the heap has grown back young collections come more often: at a committed heap
     * {@code C} instead of {@code C0}, one per {@code C / C0} of the allocation that would otherwise take one.
     *
     * <p>Definitions: a <em>shrink</em> is an explicit full collection after which the committed heap is below
     * {@value #SHRUNK} of what it was before it (after the previous collection). Its <em>regrowth window</em>
     * runs from it until a collection leaves the committed heap at {@value #SHRUNK} or more of the level before the
     * shrink, or the run ends; a further explicit collection inside the window keeps it open against the same
     * level. Each young or mixed pause in a window (not itself an explicit one) is counted in {@code youngPauses};
     * of it, the share {@code 1 - C / C0} ({@code C} the committed heap it started from, {@code C0} the level
     * before the shrink) is <em>attributed</em> to the shrink: the share of those collections a heap kept at
     * {@code C0} would not have needed (pause times likewise, taking a collection's pause as independent of how
     * often it runs). Committed sizes come from the capacity the log prints after each collection; pauses
     * without one (ZGC) are left out.
     *
     * @param explicitFullGcs explicit full collections with a committed size before and after
     * @param shrinks those after which the committed heap shrank (below {@value #SHRUNK} of before)
     * @param committedBeforeBytes mean committed heap before the shrinks, or {@code null} without shrinks
     * @param committedAfterBytes mean committed heap after them, or {@code null} without shrinks
     * @param youngPauses young and mixed pauses inside regrowth windows
     * @param youngMillis their pause time
     * @param attributedYoungPauses the share of {@code youngPauses} attributed to the shrinks (a sum of fractions)
     * @param attributedYoungMillis the share of {@code youngMillis} attributed to them
     */
    public record ExplicitGcShrinks(long explicitFullGcs, long shrinks, Long committedBeforeBytes,
            Long committedAfterBytes, long youngPauses, double youngMillis, double attributedYoungPauses,
            double attributedYoungMillis) {

        /** The committed heap after a shrink, and the level that ends a regrowth window, over the level before. */
        public static final double SHRUNK = 0.9;
    }

    /**
     * Metaspace peaks from the per-collection metaspace lines.
     *
     * @param peakUsedBytes highest metaspace use, or {@code null}
     * @param peakCommittedBytes highest committed metaspace, or {@code null}
     * @param unloadedBytes metaspace use given back in all, or {@code null} without metaspace lines: every fall
     *     in use, within a collection (before to after) and between two (after one, before the next, where the
     *     unloading happened in a pause that prints no metaspace line, such as G1's Remark). Only class
     *     unloading lowers metaspace use, so a run whose classes are kept shows close to zero, and one that
     *     keeps defining classes and dropping them shows a multiple of its peak. A new run in the same log
     *     starts afresh (its first value is not a fall).
     * @param unloadings the falls of 64 KB or more in {@code unloadedBytes} (smaller ones are metadata freed
     *     one piece at a time), about the number of collections that unloaded classes; {@code null} with it
     */
    public record MetaspacePeaks(Long peakUsedBytes, Long peakCommittedBytes, Long unloadedBytes, Long unloadings) {
    }

    /**
     * Safepoint statistics from the {@code safepoint} tag.
     *
     * @param count number of safepoints
     * @param totalMillis total time the application was stopped at safepoints
     * @param maxMillis longest safepoint
     * @param timeToSafepointTotalMillis total time spent bringing threads to safepoints
     * @param timeToSafepointMaxMillis longest time to safepoint
     * @param haltFraction total safepoint time over the duration, or {@code null}
     * @param byOperation count and time per VM operation
     */
    public record SafepointStats(long count, double totalMillis, double maxMillis, double timeToSafepointTotalMillis,
            double timeToSafepointMaxMillis, Double haltFraction, Map<String, OperationStats> byOperation) {
    }

    /**
     * Safepoints of one VM operation.
     *
     * @param count how many
     * @param totalMillis total time
     * @param maxMillis longest
     */
    public record OperationStats(long count, double totalMillis, double maxMillis) {
    }

    /**
     * One time window of the run.
     *
     * @param startSeconds start on the input's time axis
     * @param durationSeconds width (the last window may be shorter)
     * @param pauseCount pauses that ended in the window
     * @param pauseMillis their total time
     * @param maxPauseMillis the longest
     * @param stwFraction pause time over the window's width
     * @param allocatedBytes bytes allocated in the window, or {@code null}
     * @param gcCpuFraction GC CPU share in the window, or {@code null}
     * @param heapAfterMinBytes lowest heap occupancy after a collection, or {@code null}
     * @param heapAfterMaxBytes highest heap occupancy after a collection, or {@code null}
     * @param liveSetBytes lowest live-set sample in the window, or {@code null}
     * @param stallCount ZGC stalls in the window
     */
    public record Window(double startSeconds, double durationSeconds, long pauseCount, double pauseMillis,
            double maxPauseMillis, double stwFraction, Long allocatedBytes, Double gcCpuFraction,
            Long heapAfterMinBytes, Long heapAfterMaxBytes, Long liveSetBytes, long stallCount) {
    }

    /**
     * CPU times of the GC threads during pauses: the parallelism {@code (user + sys) / real} of each pause
     * and whether the kernel took more CPU than the collector ({@code sys > user}).
     *
     * <p>Only pauses of at least {@value #MIN_REAL_MILLIS} ms wall time are judged: shorter ones are too
     * coarse to say anything (a GC log prints hundredths of a second). A value is below a limit only
     * beyond the resolution of its figures: times that are all whole hundredths of a second (the GC
     * log) may each be off by 5 ms, so a pause is inverted when even {@code (user + sys + 10 ms) /
     * (real - 5 ms)} stays below the limit, and {@code sys > user} needs {@code sys >= user + 10 ms};
     * nanosecond figures ({@code jdk.GCCPUTime}) are taken as they are. CPU times of concurrent phases
     * (CMS) are left out.
     *
     * @param pauses pauses with CPU times
     * @param judged those of at least {@value #MIN_REAL_MILLIS} ms wall time
     * @param parallelismLimit the parallelism below which a pause is inverted: 1.0 for the parallel
     *     collectors, 0.9 for Serial and for one parallel GC thread (rules.md SP-03)
     * @param inverted judged pauses whose parallelism is below {@code parallelismLimit}
     * @param lowestParallelism the lowest {@code (user + sys) / real} of a judged pause, or {@code null}
     *     when no pause was judged
     * @param sysOverUser judged pauses whose system time exceeds their user time
     * @param highestSysToUser the highest {@code sys / user} of those pauses (a user time of 0 counts as
     *     half the figures' resolution), or {@code null} when there are none
     * @param userMillis user CPU time of all pauses with CPU times
     * @param sysMillis system CPU time of all pauses with CPU times
     * @param realMillis wall time of all pauses with CPU times
     */
    public record PauseCpu(long pauses, long judged, double parallelismLimit, long inverted,
            Double lowestParallelism, long sysOverUser, Double highestSysToUser, double userMillis,
            double sysMillis, double realMillis) {

        /** Shortest wall time of a pause whose CPU times are judged. */
        public static final double MIN_REAL_MILLIS = 10;

        /** {@code inverted / judged}, or {@code null} when no pause was judged. */
        public Double invertedFraction() {
            return judged == 0 ? null : (double) inverted / judged;
        }

        /** {@code sysOverUser / judged}, or {@code null} when no pause was judged. */
        public Double sysOverUserFraction() {
            return judged == 0 ? null : (double) sysOverUser / judged;
        }

        /** {@code sysMillis / (userMillis + sysMillis)}, or {@code null} without CPU time. */
        public Double sysShare() {
            return userMillis + sysMillis <= 0 ? null : sysMillis / (userMillis + sysMillis);
        }
    }

    /**
     * The phases of G1's young and mixed pauses, from the indented {@code gc,phases} lines: the top-level
     * phases at info level ({@code Merge Heap Roots: 0.11ms}, {@code Evacuate Collection Set: 14.13ms}) and,
     * with {@code gc+phases=debug}, the parallel worker rows ({@code Scan Heap Roots (ms): Min: .., Avg:
     * 0.04, ..}) taken at their mean over workers. Names are as logged (they differ between JDKs; JDK 11
     * to 13 print {@code Update RS} and {@code Scan RS}); at most {@value #MAX_PHASES} names are kept.
     *
     * @param pauses young and mixed pauses that printed phase lines
     * @param pauseMillis their total pause time
     * @param phases per phase name, in the order first seen
     */
    public record PausePhases(long pauses, double pauseMillis, Map<String, PhaseStats> phases) {

        /** Phase names kept at most. */
        public static final int MAX_PHASES = 64;

        /** Phases that scan or merge remembered sets and card logs (JDK 14+ names, then JDK 11 to 13). */
        public static final List<String> REMEMBERED_SET_PHASES = List.of("Merge Heap Roots", "Scan Heap Roots",
                "Update RS", "Scan RS");

        public PausePhases {
            phases = phases == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(phases));
        }

        /** One phase, or {@code null} when the log never printed it. */
        public PhaseStats phase(String name) {
            return phases.get(name);
        }

        /** Total time of the {@link #REMEMBERED_SET_PHASES} printed. */
        public double rememberedSetMillis() {
            double t = 0;
            for (String n : REMEMBERED_SET_PHASES) {
                PhaseStats p = phases.get(n);
                if (p != null) {
                    t += p.totalMillis();
                }
            }
            return t;
        }

        /** {@link #rememberedSetMillis()} over {@code pauseMillis}, or {@code null} without pause time. */
        public Double rememberedSetShare() {
            return pauseMillis <= 0 ? null : rememberedSetMillis() / pauseMillis;
        }

        /** Whether any remembered-set phase was printed. */
        public boolean hasRememberedSetPhases() {
            return REMEMBERED_SET_PHASES.stream().anyMatch(phases::containsKey);
        }
    }

    /**
     * One pause phase over the pauses that printed it.
     *
     * @param pauses pauses that printed it
     * @param totalMillis total time (for worker rows: the mean over workers, summed over pauses)
     * @param meanMillis per pause
     * @param maxMillis in the pause where it took longest
     * @param share {@code totalMillis} over the total time of all pauses with phase lines
     */
    public record PhaseStats(long pauses, double totalMillis, double meanMillis, double maxMillis, double share) {
    }

    /**
     * Shenandoah's allocation pacer: the tax it put on allocating threads while a phase ran ({@code Pacer for
     * Mark. ..., Alloc Tax Rate: 2.4x}; the idle pacer, always 1.0x, is left out) and the delays it accrued
     * ({@code Allocation pacing accrued:} tables, row {@code <total>}: delays of all threads in a cycle
     * over the cycle's wall time).
     *
     * @param taxedPhases pacer lines with a tax rate (Mark, Evacuation, Update Refs)
     * @param maxTaxRate the highest rate ({@link Double#POSITIVE_INFINITY} for {@code infx}), or {@code null}
     * @param infiniteTaxRates lines with {@code infx} (no free memory left for the phase)
     * @param taxRates how many lines gave each rate (the log prints one decimal), ascending
     * @param accruedMillis pacing delays summed over threads and cycles, or {@code null} without a table
     * @param accruedWallMillis wall time the tables cover, or {@code null}
     * @param maxCycleAccruedFraction the highest {@code <total>} share of one table, or {@code null}
     */
    public record Pacer(long taxedPhases, Double maxTaxRate, long infiniteTaxRates, Map<Double, Long> taxRates,
            Double accruedMillis, Double accruedWallMillis, Double maxCycleAccruedFraction) {

        public Pacer {
            taxRates = taxRates == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.TreeMap<>(taxRates));
        }

        /** Taxed phases whose rate was at least {@code rate}. */
        public long taxedAtOrAbove(double rate) {
            long n = 0;
            for (Map.Entry<Double, Long> e : taxRates.entrySet()) {
                if (e.getKey() >= rate) {
                    n += e.getValue();
                }
            }
            return n;
        }

        /** Accrued pacing delay over wall time, or {@code null} without tables. */
        public Double accruedFraction() {
            return accruedMillis == null || accruedWallMillis == null || accruedWallMillis <= 0 ? null
                    : accruedMillis / accruedWallMillis;
        }
    }
}
