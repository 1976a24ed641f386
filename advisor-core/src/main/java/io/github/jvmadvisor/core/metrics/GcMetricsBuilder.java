package io.github.jvmadvisor.core.metrics;

import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ConcurrentCycle;
import io.github.jvmadvisor.core.model.ConcurrentPhase;
import io.github.jvmadvisor.core.model.GcCpuTimes;
import io.github.jvmadvisor.core.model.GcEvent;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.MetaspaceChange;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.RunStart;
import io.github.jvmadvisor.core.model.Safepoint;
import io.github.jvmadvisor.core.model.Space;
import io.github.jvmadvisor.core.model.SpaceChange;
import io.github.jvmadvisor.core.model.Stall;
import io.github.jvmadvisor.core.model.Stamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Derives {@link GcMetrics} from a stream of GC events in one pass and bounded memory.
 *
 * <p>Feed it events (it is a {@link GcEventListener}), then call {@link #build}. Memory grows with
 * the number of distinct pause kinds, causes and VM operations (each capped), not with the number of
 * events: percentiles come from HdrHistograms, time series from a {@link WindowSeries} of at most
 * {@value #BUCKETS} buckets.
 *
 * <p>Definitions (units in the names):
 * <ul>
 *   <li>allocation rate: sum over collections of heap used before it minus heap used after the
 *       previous one (plus what ZGC reports allocated during its cycles), from the first collection of
 *       each JVM run to the last;</li>
 *   <li>promotion rate: growth of the old generation across young pauses over the run;</li>
 *   <li>live set: per time window, the lowest heap occupancy after collections that marked the whole
 *       heap (full GCs, the last G1 mixed collection of a mixed phase, ZGC's marked live bytes, the end
 *       of Shenandoah cycles); the estimate is the median of those window minimums over the second half
 *       of the run;</li>
 *   <li>effective GOGC: {@code 100 * (mean heap used when collections start - live set) / live set},
 *       over the second half of the run.</li>
 * </ul>
 *
 * <p>Not thread-safe.
 */
public final class GcMetricsBuilder implements GcEventListener {

    static final int BUCKETS = 4096;
    private static final int MAX_CAUSES = 64;
    private static final int MAX_OPERATIONS = 128;
    private static final int LONGEST = 20;
    /** A metaspace fall from this size counts as a collection that unloaded classes. */
    private static final long UNLOADING_MIN_BYTES = 64 * 1024;
    /** Buckets after warm-up needed before a live-set trend may be called a leak. */
    private static final int MIN_TREND_POINTS = 5;
    private static final String OTHER = "other";
    private static final String UNKNOWN_CAUSE = "unknown";
    /** {@link Pause#phase()} of a full collection that absorbed an abandoned young collection. */
    public static final String ABANDONED_YOUNG = "after an abandoned young collection";

    // window slots
    private static final int W_PAUSE_COUNT = 0;
    private static final int W_PAUSE_NANOS = 1;
    private static final int W_PAUSE_MAX = 2;
    private static final int W_ALLOC = 3;
    private static final int W_CPU = 4;
    private static final int W_HEAP_AFTER_MIN = 5;
    private static final int W_HEAP_AFTER_MAX = 6;
    private static final int W_HSTART_SUM = 7;
    private static final int W_HSTART_COUNT = 8;
    private static final int W_STALLS = 9;
    private static final int W_LDS_FULL = 10;
    private static final int W_LDS_MIXED = 11;
    private static final int W_LDS_REMARK = 12;
    private static final int W_LDS_ZLIVE = 13;
    private static final int W_LDS_CYCLE_END = 14;
    private static final int W_LDS_YOUNG = 15;
    private static final int W_ALLOC_SEEN = 16;
    private static final int W_CPU_SEEN = 17;
    private static final WindowSeries.Merge[] MERGES = {
        WindowSeries.Merge.SUM, WindowSeries.Merge.SUM, WindowSeries.Merge.MAX, WindowSeries.Merge.SUM,
        WindowSeries.Merge.SUM, WindowSeries.Merge.MIN, WindowSeries.Merge.MAX, WindowSeries.Merge.SUM,
        WindowSeries.Merge.SUM, WindowSeries.Merge.SUM, WindowSeries.Merge.MIN, WindowSeries.Merge.MIN,
        WindowSeries.Merge.MIN, WindowSeries.Merge.MIN, WindowSeries.Merge.MIN, WindowSeries.Merge.MIN,
        WindowSeries.Merge.SUM, WindowSeries.Merge.SUM,
    };

    private final WindowSeries series = new WindowSeries(MERGES, BUCKETS, 1_000_000_000L);
    private final PauseAggregate allPauses = new PauseAggregate();
    private final Map<PauseKind, PauseAggregate> byKind = new EnumMap<>(PauseKind.class);
    private final Map<String, PauseAggregate> byCause = new TreeMap<>();
    private final PriorityQueue<Pause> longest = new PriorityQueue<>(
            Comparator.comparingLong(Pause::durationNanos).thenComparing(p -> -p.at().timelineNanos()));

    private long fullCount;
    private long fullNanos;
    private long fullAfterAbandonedYoung;
    private final Map<String, Long> fullByCause = new TreeMap<>();
    /** GC ids counted as collections in this run, at their id modulo the length; -1 when free. */
    private final long[] countedIds = newCountedIds();
    private long humongousTriggered;
    private int humongousRegionsPeak = -1;
    private long evacuationFailures;
    private final long[] allocStalls = new long[3];
    private final long[] relocStalls = new long[3];
    private long degenerated;
    private long cycles;
    private long cycleNanos;
    private long cycleMaxNanos;
    private long cyclesAborted;
    private long peakUsed = -1;
    private long peakCommitted = -1;
    private long metaUsedPeak = -1;
    private long metaCommittedPeak = -1;
    /** Metaspace use after the last metaspace line of this run, -1 before the first. */
    private long metaLast = -1;
    private long metaUnloaded;
    private long metaUnloadings;
    private boolean sawMeta;
    private long cpuNanos;
    private boolean sawCpu;
    private long allocatedBytes;
    private long promotedBytes;
    private boolean sawPromotion;
    private long allocCoverageNanos;
    private long runAllocStart = -1;
    private long runAllocEnd = -1;
    private boolean runSawObservation;
    private final long[] ldsSamples = new long[6];

    private long safepoints;
    private long safepointNanos;
    private long safepointMax;
    private long ttsNanos;
    private long ttsMax;
    private final Map<String, long[]> byOperation = new TreeMap<>();

    private Pause pendingMixed;
    private final ExplicitGcShrinkTracker explicitShrinks = new ExplicitGcShrinkTracker();
    private boolean sawTime;

    // per-pause CPU times (GcMetrics.PauseCpu)
    /** Recent pauses whose CPU times have not come yet (a recording may give them first: see pendingCpu). */
    private final java.util.LinkedHashSet<Long> cpuPauseIds = new java.util.LinkedHashSet<>();
    /** CPU times that came before their pause. */
    private final LinkedHashMap<Long, GcCpuTimes> pendingCpu = new LinkedHashMap<>();
    private long lastConcurrentPhaseId = Long.MIN_VALUE;
    private static final int CPU_JOIN = 64;
    private long cpuPauses;
    private long cpuJudged;
    private final long[] cpuInverted = new long[2];
    private final double[] cpuLowest = {Double.NaN, Double.NaN};
    private long cpuSysOverUser;
    private double cpuHighestSysToUser = Double.NaN;
    private long cpuUserNanos;
    private long cpuSysNanos;
    private long cpuRealNanos;
    /** Parallelism limits: parallel collectors, then Serial (rules.md SP-03). */
    private static final double[] PARALLELISM_LIMITS = {1.0, 0.9};
    private static final long CENTISECOND = 10_000_000L;

    @Override
    public void onEvent(GcEvent event) {
        if (event.at().hasTime()) {
            sawTime = true;
        }
        if (event instanceof Pause) {
            pauseForCpu(((Pause) event).gcId());
            pause((Pause) event);
        } else if (event instanceof ConcurrentPhase) {
            // a CPU line after a concurrent phase (CMS) is that phase's, not a pause's
            lastConcurrentPhaseId = ((ConcurrentPhase) event).gcId();
            cpuPauseIds.remove(lastConcurrentPhaseId);
        } else if (event instanceof ConcurrentCycle) {
            cycle((ConcurrentCycle) event);
        } else if (event instanceof Stall) {
            stall((Stall) event);
        } else if (event instanceof Safepoint) {
            safepoint((Safepoint) event);
        } else if (event instanceof GcCpuTimes) {
            GcCpuTimes cpu = (GcCpuTimes) event;
            sawCpu = true;
            cpuNanos += cpu.userNanos() + cpu.sysNanos();
            window(cpu.at(), W_CPU, cpu.userNanos() + cpu.sysNanos());
            window(cpu.at(), W_CPU_SEEN, 1);
            if (cpuPauseIds.remove(cpu.gcId())) {
                pauseCpu(cpu);
            } else if (cpu.gcId() != lastConcurrentPhaseId) {
                pendingCpu.put(cpu.gcId(), cpu);
                if (pendingCpu.size() > CPU_JOIN) {
                    pendingCpu.remove(pendingCpu.keySet().iterator().next());
                }
            }
        } else if (event instanceof MetaspaceChange) {
            MetaspaceChange m = (MetaspaceChange) event;
            metaUsedPeak = Math.max(metaUsedPeak, m.peakUsedBytes());
            metaCommittedPeak = Math.max(metaCommittedPeak, m.committedAfterBytes());
            // use falls only when classes are unloaded: within a collection, or between two when the unloading
            // pause prints no metaspace line (G1 Remark)
            long before = m.usedBeforeBytes() >= 0 ? m.usedBeforeBytes() : m.usedAfterBytes();
            if (metaLast >= 0 && before < metaLast) {
                metaFall(metaLast - before);
            }
            if (m.usedAfterBytes() < before) {
                metaFall(before - m.usedAfterBytes());
            }
            metaLast = m.usedAfterBytes();
            sawMeta = true;
        } else if (event instanceof RunStart) {
            closeRunCoverage();
            metaLast = -1;
            java.util.Arrays.fill(countedIds, -1); // a new JVM numbers its collections from 0 again
            runAllocStart = event.at().timelineNanos();
            runAllocEnd = -1;
            runSawObservation = false;
            explicitShrinks.runStart();
        }
    }

    /**
     * Whether a pause with this GC id starts a collection not yet counted. The pauses of a ZGC or Shenandoah
     * collection share its id; a generational ZGC old collection pauses again after the minor collections that
     * ran meanwhile, and Serial's full collection inside a young one ends first, so ids do not arrive in order.
     * The ids counted are kept by id modulo the table's size: one that comes back within that many collections
     * is found.
     */
    private boolean newCollection(long gcId) {
        if (gcId < 0) {
            return true;
        }
        int slot = (int) (gcId % countedIds.length);
        if (countedIds[slot] == gcId) {
            return false;
        }
        countedIds[slot] = gcId;
        return true;
    }

    private static long[] newCountedIds() {
        long[] ids = new long[1024];
        java.util.Arrays.fill(ids, -1);
        return ids;
    }

    /** A fall in metaspace use: classes unloaded (64 KB or more counts as an unloading collection). */
    private void metaFall(long bytes) {
        metaUnloaded += bytes;
        if (bytes >= UNLOADING_MIN_BYTES) {
            metaUnloadings++;
        }
    }

    /** Joins a pause with its CPU times, whichever comes first; several pauses of one GC id take them once. */
    private void pauseForCpu(long gcId) {
        GcCpuTimes early = pendingCpu.remove(gcId);
        if (early != null) {
            pauseCpu(early);
            return;
        }
        cpuPauseIds.remove(gcId);
        cpuPauseIds.add(gcId);
        if (cpuPauseIds.size() > CPU_JOIN) {
            cpuPauseIds.remove(cpuPauseIds.iterator().next());
        }
    }

    /** Parallelism and sys-over-user of one pause, beyond the resolution of its figures. */
    private void pauseCpu(GcCpuTimes cpu) {
        long user = cpu.userNanos();
        long sys = cpu.sysNanos();
        long real = cpu.realNanos();
        cpuPauses++;
        cpuUserNanos += user;
        cpuSysNanos += sys;
        cpuRealNanos += real;
        if (real < GcMetrics.PauseCpu.MIN_REAL_MILLIS * 1e6) {
            return;
        }
        cpuJudged++;
        boolean coarse = user % CENTISECOND == 0 && sys % CENTISECOND == 0 && real % CENTISECOND == 0;
        long tol = coarse ? CENTISECOND / 2 : 0;
        double parallelism = (user + sys) / (double) real;
        for (int i = 0; i < PARALLELISM_LIMITS.length; i++) {
            if (user + sys + 2 * tol < PARALLELISM_LIMITS[i] * (real - tol)) {
                cpuInverted[i]++;
                cpuLowest[i] = Double.isNaN(cpuLowest[i]) ? parallelism : Math.min(cpuLowest[i], parallelism);
            }
        }
        if (sys > user && sys >= user + 2 * tol) {
            cpuSysOverUser++;
            double ratio = sys / (double) Math.max(user, coarse ? tol : 1_000L);
            cpuHighestSysToUser = Double.isNaN(cpuHighestSysToUser) ? ratio : Math.max(cpuHighestSysToUser, ratio);
        }
    }

    private GcMetrics.PauseCpu pauseCpuStats(GcSetup setup) {
        if (cpuPauses == 0) {
            return null;
        }
        int i = setup.collector() == Collector.SERIAL
                || (setup.parallelWorkers() != null && setup.parallelWorkers() == 1) ? 1 : 0;
        return new GcMetrics.PauseCpu(cpuPauses, cpuJudged, PARALLELISM_LIMITS[i], cpuInverted[i],
                Double.isNaN(cpuLowest[i]) ? null : round(cpuLowest[i], 3), cpuSysOverUser,
                Double.isNaN(cpuHighestSysToUser) ? null : round(cpuHighestSysToUser, 3), ms(cpuUserNanos),
                ms(cpuSysNanos), ms(cpuRealNanos));
    }

    private void window(Stamp at, int slot, long value) {
        if (at.hasTime()) {
            series.add(at.timelineNanos(), slot, value);
        }
    }

    private void pause(Pause p) {
        long d = p.durationNanos();
        explicitShrinks.pause(p);
        allPauses.add(d);
        byKind.computeIfAbsent(p.kind(), k -> new PauseAggregate()).add(d);
        PauseAggregate byThisCause = cause(p.cause());
        byThisCause.add(d);
        if (p.kind() != PauseKind.REMARK && p.kind() != PauseKind.CLEANUP && newCollection(p.gcId())) {
            // Remark and Cleanup end a G1 cycle that its first pause, of another GC id, started and counted
            byThisCause.collections++;
        }
        window(p.at(), W_PAUSE_COUNT, 1);
        window(p.at(), W_PAUSE_NANOS, d);
        window(p.at(), W_PAUSE_MAX, d);
        longest.add(p);
        if (longest.size() > LONGEST) {
            longest.poll();
        }
        if (p.kind() == PauseKind.FULL) {
            fullCount++;
            fullNanos += d;
            fullByCause.merge(p.cause() == null ? UNKNOWN_CAUSE : p.cause(), 1L, Long::sum);
            if (ABANDONED_YOUNG.equals(p.phase())) {
                fullAfterAbandonedYoung++;
            }
        }
        if (p.kind() == PauseKind.DEGENERATED) {
            degenerated++;
        }
        if (p.evacuationFailure()) {
            evacuationFailures++;
        }
        if ("G1 Humongous Allocation".equals(p.cause())) {
            humongousTriggered++;
        }
        SpaceChange h = p.space(Space.HUMONGOUS);
        if (h != null) {
            humongousRegionsPeak = Math.max(humongousRegionsPeak, Math.max(h.regionsBefore(), h.regionsAfter()));
        }
        if (p.heap() != null) {
            heapObservation(p.at(), p.heap().beforeBytes(), p.heap().afterBytes(), p.heap().capacityBytes(),
                    p.allocatedBytes());
            if (p.kind() == PauseKind.YOUNG || p.kind() == PauseKind.MIXED) {
                window(p.at(), W_HSTART_SUM, p.heap().beforeBytes());
                window(p.at(), W_HSTART_COUNT, 1);
            }
            liveSetSamples(p);
        }
        if (p.promotedBytes() >= 0) {
            promotedBytes += p.promotedBytes();
            sawPromotion = true;
        }
    }

    private void liveSetSamples(Pause p) {
        long after = p.heap().afterBytes();
        switch (p.kind()) {
            case FULL:
                commitPendingMixed();
                lds(p.at(), W_LDS_FULL, after);
                break;
            case MIXED:
                pendingMixed = p;
                break;
            case YOUNG:
                commitPendingMixed();
                lds(p.at(), W_LDS_YOUNG, after);
                break;
            case REMARK:
                lds(p.at(), W_LDS_REMARK, after);
                break;
            case DEGENERATED:
                lds(p.at(), W_LDS_CYCLE_END, after);
                break;
            default:
                break;
        }
    }

    private void commitPendingMixed() {
        if (pendingMixed != null) {
            lds(pendingMixed.at(), W_LDS_MIXED, pendingMixed.heap().afterBytes());
            pendingMixed = null;
        }
    }

    private void lds(Stamp at, int slot, long bytes) {
        ldsSamples[slot - W_LDS_FULL]++;
        window(at, slot, bytes);
    }

    private void heapObservation(Stamp at, long before, long after, long capacity, long allocated) {
        peakUsed = Math.max(peakUsed, Math.max(before, after));
        if (capacity >= 0) {
            peakCommitted = Math.max(peakCommitted, capacity);
        }
        window(at, W_HEAP_AFTER_MIN, after);
        window(at, W_HEAP_AFTER_MAX, after);
        allocation(at, allocated);
    }

    private void allocation(Stamp at, long allocated) {
        if (!runSawObservation) {
            // the rate covers the time between the run's first and last collection: what the application
            // allocated before its first collection (JVM start-up, class loading) is not steady state
            runSawObservation = true;
            runAllocStart = at.hasTime() ? at.timelineNanos() : -1;
            return;
        }
        if (allocated >= 0) {
            allocatedBytes += allocated;
            window(at, W_ALLOC, allocated);
            window(at, W_ALLOC_SEEN, 1);
            if (at.hasTime()) {
                runAllocEnd = Math.max(runAllocEnd, at.timelineNanos());
            }
        }
    }

    private void closeRunCoverage() {
        if (runAllocStart >= 0 && runAllocEnd > runAllocStart) {
            allocCoverageNanos += runAllocEnd - runAllocStart;
        }
        runAllocStart = -1;
        runAllocEnd = -1;
    }

    private PauseAggregate cause(String cause) {
        String key = cause == null ? UNKNOWN_CAUSE : cause;
        PauseAggregate agg = byCause.get(key);
        if (agg == null) {
            if (byCause.size() >= MAX_CAUSES) {
                return byCause.computeIfAbsent(OTHER, k -> new PauseAggregate());
            }
            agg = new PauseAggregate();
            byCause.put(key, agg);
        }
        return agg;
    }

    private void cycle(ConcurrentCycle cyc) {
        cycles++;
        if (cyc.durationNanos() >= 0) {
            cycleNanos += cyc.durationNanos();
            cycleMaxNanos = Math.max(cycleMaxNanos, cyc.durationNanos());
        }
        if (cyc.aborted()) {
            cyclesAborted++;
        }
        if (cyc.heap() != null) {
            heapObservation(cyc.at(), cyc.heap().beforeBytes(), cyc.heap().afterBytes(), cyc.heap().capacityBytes(),
                    cyc.allocatedBytes());
            window(cyc.at(), W_HSTART_SUM, cyc.heap().beforeBytes());
            window(cyc.at(), W_HSTART_COUNT, 1);
            if (!cyc.aborted() && cyc.liveBytes() < 0 && "Shenandoah Cycle".equals(cyc.name())) {
                lds(cyc.at(), W_LDS_CYCLE_END, cyc.heap().afterBytes());
            } else if (!cyc.aborted() && cyc.liveBytes() < 0 && "Garbage Collection".equals(cyc.name())) {
                lds(cyc.at(), W_LDS_CYCLE_END, cyc.heap().afterBytes());
            }
        } else if (cyc.allocatedBytes() >= 0) {
            allocation(cyc.at(), cyc.allocatedBytes());
        }
        if (cyc.liveBytes() >= 0) {
            lds(cyc.at(), W_LDS_ZLIVE, cyc.liveBytes());
        }
        if (cyc.promotedBytes() >= 0) {
            promotedBytes += cyc.promotedBytes();
            sawPromotion = true;
        }
    }

    private void stall(Stall s) {
        long[] agg = s.kind() == Stall.Kind.ALLOCATION ? allocStalls : relocStalls;
        agg[0]++;
        agg[1] += s.durationNanos();
        agg[2] = Math.max(agg[2], s.durationNanos());
        if (s.kind() == Stall.Kind.ALLOCATION) {
            window(s.at(), W_STALLS, 1);
        }
    }

    private void safepoint(Safepoint sp) {
        safepoints++;
        safepointNanos += sp.totalNanos();
        safepointMax = Math.max(safepointMax, sp.totalNanos());
        if (sp.timeToSafepointNanos() >= 0) {
            ttsNanos += sp.timeToSafepointNanos();
            ttsMax = Math.max(ttsMax, sp.timeToSafepointNanos());
        }
        String op = sp.operation() == null ? UNKNOWN_CAUSE : sp.operation();
        long[] agg = byOperation.get(op);
        if (agg == null) {
            agg = byOperation.size() >= MAX_OPERATIONS ? byOperation.computeIfAbsent(OTHER, k -> new long[3])
                    : new long[3];
            byOperation.putIfAbsent(op, agg);
        }
        agg[0]++;
        agg[1] += sp.totalNanos();
        agg[2] = Math.max(agg[2], sp.totalNanos());
    }

    /** The longest pauses seen, longest first. */
    public List<Pause> longestPauses() {
        List<Pause> l = new ArrayList<>(longest);
        l.sort(Comparator.comparingLong(Pause::durationNanos).reversed()
                .thenComparingLong(p -> p.at().timelineNanos()));
        return l;
    }

    /**
     * The figures.
     *
     * @param setup what the log said about the JVM (collector, CPUs, heap size)
     * @param durationNanos time the input covers, or -1 when it has no time stamps
     * @param runs JVM runs in the input
     * @param hasPauseData whether the input records pauses at all (a ZGC log without {@code gc,phases}
     *     does not)
     */
    public GcMetrics build(GcSetup setup, long durationNanos, int runs, boolean hasPauseData) {
        return build(setup, durationNanos, runs, hasPauseData, null, null);
    }

    /**
     * The figures, with the summaries a GC log reader keeps itself.
     *
     * @param setup what the log said about the JVM
     * @param durationNanos time the input covers, or -1
     * @param runs JVM runs in the input
     * @param hasPauseData whether the input records pauses at all
     * @param youngPhases G1's pause phases, or {@code null}
     * @param pacer Shenandoah's pacer, or {@code null}
     */
    public GcMetrics build(GcSetup setup, long durationNanos, int runs, boolean hasPauseData,
            GcMetrics.PausePhases youngPhases, GcMetrics.Pacer pacer) {
        commitPendingMixed();
        closeRunCoverage();
        boolean timed = durationNanos > 0 && sawTime;
        Double duration = durationNanos >= 0 && sawTime ? durationNanos / 1e9 : null;
        GcMetrics.PauseStats pauses = hasPauseData ? allPauses.stats() : null;
        Map<String, GcMetrics.PauseStats> kinds = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(PauseKind::id)))
                .forEach(en -> kinds.put(en.getKey().id(), en.getValue().stats()));
        Map<String, GcMetrics.PauseStats> causes = new LinkedHashMap<>();
        byCause.forEach((k, v) -> causes.put(k, v.stats()));
        Map<String, Long> collections = new TreeMap<>();
        byCause.forEach((k, v) -> {
            if (v.collections > 0) {
                collections.put(k, v.collections);
            }
        });
        Double stw = hasPauseData && timed ? allPauses.totalNanos / (double) durationNanos : null;
        Integer cpus = setup.cpusAvailable() != null ? setup.cpusAvailable() : setup.cpusTotal();
        Double gcCpu = sawCpu && timed && cpus != null && cpus > 0
                ? cpuNanos / (cpus * (double) durationNanos) : null;
        Double allocRate = allocCoverageNanos > 0 ? allocatedBytes / (allocCoverageNanos / 1e9) : null;
        Double promoRate = sawPromotion && timed ? promotedBytes / (durationNanos / 1e9) : null;

        int[] ldsSlots = liveSetSlots(setup.collector());
        String ldsSource = liveSetSource(setup.collector(), ldsSlots);
        long ldsCount = 0;
        for (int s : ldsSlots) {
            ldsCount += ldsSamples[s - W_LDS_FULL];
        }

        // windows for reporting
        long width = series.widthNanos();
        long target = timed ? Math.min(60_000_000_000L, Math.max(width, durationNanos / 10)) : width;
        int k = (int) Math.max(1, (target + width - 1) / width);
        while (series.size() / k > 500) {
            k *= 2;
        }
        long[][] groups = series.grouped(k);
        long winNanos = width * k;
        List<GcMetrics.Window> windows = new ArrayList<>(groups.length);
        double maxWindowStw = -1;
        List<double[]> ldsPoints;
        List<double[]> hstartPoints = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            long[] g = groups[i];
            double start = i * (double) winNanos / 1e9;
            double w = winNanos / 1e9;
            if (timed && (i + 1) * (double) winNanos > durationNanos) {
                w = Math.max(0, durationNanos / 1e9 - start);
            }
            double stwW = w > 0 ? g[W_PAUSE_NANOS] / 1e9 / w : 0;
            if (hasPauseData && w >= winNanos / 2e9) {
                maxWindowStw = Math.max(maxWindowStw, stwW);
            }
            Long lds = minOf(g, ldsSlots);
            if (g[W_HSTART_COUNT] > 0) {
                hstartPoints.add(new double[] {start + w / 2, g[W_HSTART_SUM] / (double) g[W_HSTART_COUNT]});
            }
            Double cpuW = g[W_CPU_SEEN] > 0 && cpus != null && cpus > 0 && w > 0 ? g[W_CPU] / 1e9 / (cpus * w) : null;
            windows.add(new GcMetrics.Window(round(start, 3), round(w, 3), g[W_PAUSE_COUNT], ms(g[W_PAUSE_NANOS]),
                    g[W_PAUSE_COUNT] > 0 ? ms(g[W_PAUSE_MAX]) : 0.0, round(stwW, 6),
                    g[W_ALLOC_SEEN] > 0 ? g[W_ALLOC] : null, cpuW == null ? null : round(cpuW, 6),
                    series.isEmpty(g, W_HEAP_AFTER_MIN) ? null : g[W_HEAP_AFTER_MIN],
                    series.isEmpty(g, W_HEAP_AFTER_MAX) ? null : g[W_HEAP_AFTER_MAX], lds, g[W_STALLS]));
        }
        // the live set and its trend use the finest buckets (one second wide until the run outgrows them)
        long[][] fine = series.grouped(1);
        ldsPoints = bucketMinimums(fine, ldsSlots, width);
        // the trend needs points: when the best source has too few (one full GC in a run of young ones),
        // the next source that has enough shows the trend
        List<double[]> trendPoints = ldsPoints;
        int[] trendSlots = ldsSlots;
        long bestAfterWarmUp = -1;
        double warm = (timed ? durationNanos / 1e9 : 0) * 0.2;
        for (int[] c : liveSetCandidates(setup.collector())) {
            List<double[]> pts = bucketMinimums(fine, c, width);
            long after = pts.stream().filter(pt -> pt[0] >= warm).count();
            if (after > bestAfterWarmUp) {
                // failing a source with enough points, the one with the most
                bestAfterWarmUp = after;
                trendPoints = pts;
                trendSlots = c;
            }
            if (after >= MIN_TREND_POINTS) {
                break;
            }
        }
        GcMetrics.LiveSet liveSet = liveSet(ldsPoints, ldsSource, ldsCount, trendPoints,
                liveSetSource(setup.collector(), trendSlots), durationNanos);
        Double gogc = null;
        if (liveSet.bytes() != null && liveSet.bytes() > 0 && !hstartPoints.isEmpty()) {
            double h = mean(secondHalf(hstartPoints));
            // an upper-bound live set above the heap at collection start says nothing about GOGC
            gogc = h > liveSet.bytes() ? round(100.0 * (h - liveSet.bytes()) / liveSet.bytes(), 1) : null;
        }
        Long maxCapacity = setup.heapMaxBytes() != null ? setup.heapMaxBytes()
                : peakCommitted >= 0 ? peakCommitted : null;
        GcMetrics.SafepointStats sps = null;
        if (safepoints > 0) {
            Map<String, GcMetrics.OperationStats> ops = new LinkedHashMap<>();
            byOperation.forEach((op, a) -> ops.put(op, new GcMetrics.OperationStats(a[0], ms(a[1]), ms(a[2]))));
            sps = new GcMetrics.SafepointStats(safepoints, ms(safepointNanos), ms(safepointMax), ms(ttsNanos),
                    ms(ttsMax), timed ? round(safepointNanos / (double) durationNanos, 6) : null, ops);
        }
        return new GcMetrics(duration == null ? null : round(duration, 3), runs, pauses, kinds, causes,
                stw == null ? null : round(stw, 6), timed ? round(winNanos / 1e9, 3) : null,
                maxWindowStw >= 0 ? round(maxWindowStw, 6) : null, gcCpu == null ? null : round(gcCpu, 6),
                allocRate == null ? null : round(allocRate, 1), promoRate == null ? null : round(promoRate, 1),
                liveSet, gogc, new GcMetrics.FullGcs(fullCount, ms(fullNanos), fullByCause, fullAfterAbandonedYoung),
                humongousTriggered,
                humongousRegionsPeak >= 0 ? humongousRegionsPeak : null, evacuationFailures,
                stalls(allocStalls), stalls(relocStalls), degenerated,
                new GcMetrics.CycleStats(cycles, ms(cycleNanos), ms(cycleMaxNanos), cyclesAborted),
                new GcMetrics.HeapPeaks(maxCapacity, peakUsed >= 0 ? peakUsed : null,
                        peakCommitted >= 0 ? peakCommitted : null),
                new GcMetrics.MetaspacePeaks(metaUsedPeak >= 0 ? metaUsedPeak : null,
                        metaCommittedPeak >= 0 ? metaCommittedPeak : null, sawMeta ? metaUnloaded : null,
                        sawMeta ? metaUnloadings : null),
                sps, windows, pauseCpuStats(setup), youngPhases, pacer, collections, explicitShrinks.result());
    }

    /** Which live-set sources count for a collector, best first; the first with samples wins. */
    private int[] liveSetSlots(Collector collector) {
        for (int[] c : liveSetCandidates(collector)) {
            long n = 0;
            for (int s : c) {
                n += ldsSamples[s - W_LDS_FULL];
            }
            if (n > 0) {
                return c;
            }
        }
        return new int[0];
    }

    /** The live-set sources of a collector, best first. */
    private static int[][] liveSetCandidates(Collector collector) {
        int[][] candidates;
        if (collector == null) {
            candidates = new int[][] {{W_LDS_FULL, W_LDS_MIXED}, {W_LDS_ZLIVE}, {W_LDS_CYCLE_END}, {W_LDS_REMARK},
                {W_LDS_YOUNG}};
        } else {
            switch (collector) {
                case G1:
                    candidates = new int[][] {{W_LDS_FULL, W_LDS_MIXED}, {W_LDS_REMARK}, {W_LDS_YOUNG}};
                    break;
                case ZGC:
                    candidates = new int[][] {{W_LDS_ZLIVE}, {W_LDS_CYCLE_END}};
                    break;
                case SHENANDOAH:
                    candidates = new int[][] {{W_LDS_ZLIVE}, {W_LDS_CYCLE_END, W_LDS_FULL}};
                    break;
                default:
                    candidates = new int[][] {{W_LDS_FULL}, {W_LDS_YOUNG}};
            }
        }
        return candidates;
    }

    private static String liveSetSource(Collector collector, int[] slots) {
        if (slots.length == 0) {
            return null;
        }
        switch (slots[0]) {
            case W_LDS_FULL:
                return slots.length > 1 ? "full-gc-or-after-mixed" : "full-gc";
            case W_LDS_REMARK:
                return "remark-upper-bound";
            case W_LDS_ZLIVE:
                return "marked-live";
            case W_LDS_CYCLE_END:
                return "cycle-end-upper-bound";
            case W_LDS_YOUNG:
                return "young-gc-upper-bound";
            default:
                return null;
        }
    }

    private List<double[]> bucketMinimums(long[][] buckets, int[] slots, long width) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            Long v = minOf(buckets[i], slots);
            if (v != null) {
                out.add(new double[] {(i + 0.5) * width / 1e9, v});
            }
        }
        return out;
    }

    private Long minOf(long[] g, int[] slots) {
        long m = Long.MAX_VALUE;
        for (int s : slots) {
            if (!series.isEmpty(g, s)) {
                m = Math.min(m, g[s]);
            }
        }
        return m == Long.MAX_VALUE ? null : m;
    }

    private static GcMetrics.LiveSet liveSet(List<double[]> points, String source, long samples,
            List<double[]> trendPoints, String trendSource, long durationNanos) {
        if (points.isEmpty()) {
            return new GcMetrics.LiveSet(null, null, null, 0, null, null, null, false);
        }
        List<double[]> second = secondHalf(points);
        double[] ys = second.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double median = ys.length % 2 == 1 ? ys[ys.length / 2] : (ys[ys.length / 2 - 1] + ys[ys.length / 2]) / 2;
        long peak = (long) points.stream().mapToDouble(p -> p[1]).max().orElse(0);
        // trend after warm-up: skip the first fifth of the run
        // a recording can have live-set points (heap summaries) without trend points (no collection)
        double end = trendPoints.isEmpty() ? 0 : trendPoints.get(trendPoints.size() - 1)[0];
        double warm = durationNanos > 0 ? durationNanos / 1e9 * 0.2 : end * 0.2;
        SimpleRegression reg = new SimpleRegression();
        double sumY = 0;
        int n = 0;
        double firstX = Double.NaN;
        double lastX = Double.NaN;
        for (double[] p : trendPoints) {
            if (p[0] < warm) {
                continue;
            }
            reg.addData(p[0], p[1]);
            sumY += p[1];
            n++;
            if (Double.isNaN(firstX)) {
                firstX = p[0];
            }
            lastX = p[0];
        }
        Double slope = null;
        Double significance = null;
        boolean leak = false;
        if (n >= 3) {
            slope = reg.getSlope();
            double sig = reg.getSignificance();
            significance = Double.isNaN(sig) ? null : sig;
            double rise = slope * (lastX - firstX);
            leak = n >= MIN_TREND_POINTS && slope > 0 && significance != null && significance < 0.01
                    && reg.getRSquare() >= 0.5 && rise >= 0.1 * (sumY / n);
            // heap after young collections only bounds the live set from above: between marking cycles it
            // rises with old-generation garbage too. Its slope counts only when a collection that marks the
            // heap, late in the run, found at least 80 % of what the trend predicts for that time
            if (leak && "young-gc-upper-bound".equals(trendSource)) {
                double[] lastMarked = source == null || source.endsWith("upper-bound") ? null : points.get(points.size() - 1);
                leak = lastMarked != null && lastMarked[0] >= firstX
                        && lastMarked[1] >= 0.8 * reg.predict(lastMarked[0]);
            }
            slope = round(slope, 1);
            significance = significance == null ? null : round(significance, 6);
        }
        return new GcMetrics.LiveSet((long) median, peak, source, samples, slope, significance,
                slope == null ? null : trendSource, leak);
    }

    private static List<double[]> secondHalf(List<double[]> points) {
        return points.subList(points.size() / 2, points.size());
    }

    private static double mean(List<double[]> points) {
        double s = 0;
        for (double[] p : points) {
            s += p[1];
        }
        return s / points.size();
    }

    private static GcMetrics.StallStats stalls(long[] a) {
        return new GcMetrics.StallStats(a[0], ms(a[1]), ms(a[2]));
    }

    static double ms(long nanos) {
        return round(nanos / 1e6, 6);
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Count, sum, max and a histogram of pause durations. */
    static final class PauseAggregate {
        private final Histogram micros = new Histogram(3);
        long count;
        /** The pauses that started a collection (not counted by {@link #add}). */
        long collections;
        long totalNanos;
        long maxNanos;

        void add(long nanos) {
            count++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
            micros.recordValue(Math.max(0, (nanos + 999) / 1000));
        }

        GcMetrics.PauseStats stats() {
            if (count == 0) {
                return new GcMetrics.PauseStats(0, 0, 0, 0, 0, 0, 0, 0);
            }
            return new GcMetrics.PauseStats(count, ms(totalNanos), ms(maxNanos), ms(totalNanos / count),
                    pct(50), pct(90), pct(99), pct(99.9));
        }

        private double pct(double p) {
            long v = micros.getValueAtPercentile(p);
            // the top of the value's bucket, never above the largest pause: exact below 2048 us, and never
            // lower than the true percentile above
            long top = Math.min(micros.highestEquivalentValue(v), (maxNanos + 999) / 1000);
            return round(top / 1e3, 3);
        }
    }

}
