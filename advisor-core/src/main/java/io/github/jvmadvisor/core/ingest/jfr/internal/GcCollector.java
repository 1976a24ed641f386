package io.github.jvmadvisor.core.ingest.jfr.internal;

import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ConcurrentCycle;
import io.github.jvmadvisor.core.model.GcCpuTimes;
import io.github.jvmadvisor.core.model.GcEvent;
import io.github.jvmadvisor.core.model.Generation;
import io.github.jvmadvisor.core.model.HeapChange;
import io.github.jvmadvisor.core.model.MetaspaceChange;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.Safepoint;
import io.github.jvmadvisor.core.model.Stall;
import io.github.jvmadvisor.core.model.Stamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * Turns a recording's GC events into the same {@link GcEvent}s a GC log gives, so that one metrics
 * pass serves both.
 *
 * <p>Events of one collection arrive in pieces ({@code GarbageCollection}, its {@code GCPhasePause}s,
 * heap summaries before and after, CPU times) and, within a chunk, not in time order. They are
 * gathered per GC id, compactly, and turned into events sorted by time at the end. Memory grows with
 * the number of collections in the recording (about 200 bytes each).
 */
public final class GcCollector implements JfrSink {

    private static final Set<String> TYPES = Set.of("jdk.GarbageCollection", "jdk.GCPhasePause",
            "jdk.G1GarbageCollection", "jdk.GCHeapSummary", "jdk.G1HeapSummary", "jdk.PSHeapSummary",
            "jdk.GCCPUTime", "jdk.EvacuationFailed", "jdk.MetaspaceSummary", "jdk.ZAllocationStall",
            "jdk.ZYoungGarbageCollection", "jdk.ZOldGarbageCollection", "jdk.SafepointBegin",
            "jdk.SafepointStateSynchronization", "jdk.ExecuteVMOperation");

    private final TreeMap<Long, Gc> gcs = new TreeMap<>();
    private final List<long[]> stalls = new ArrayList<>(); // end, duration
    private final List<String> stallThreads = new ArrayList<>();
    private final Map<Long, long[]> safepoints = new HashMap<>(); // id -> end, total, tts, vmop duration
    private final Map<Long, String> safepointOps = new HashMap<>();
    private final Fields.Presence presence = new Fields.Presence();
    private long pauseEvents;
    private int run;
    private final Map<Long, Integer> runOfKey = new HashMap<>();

    /** One collection, gathered from its events. */
    private static final class Gc {
        String name;
        String cause;
        long endNanos = -1;
        long durationNanos = -1;
        String g1Type;
        Generation zGeneration;
        final List<long[]> pauses = new ArrayList<>(2); // end epoch nanos, duration
        final List<String> pauseNames = new ArrayList<>(2);
        long usedBefore = -1;
        long usedAfter = -1;
        long committedAfter = -1;
        long oldBefore = -1;
        long oldAfter = -1;
        long cpuUser = -1;
        long cpuSys;
        long cpuReal;
        long cpuAt = -1;
        boolean evacuationFailed;
        long metaUsedBefore = -1;
        long metaUsedAfter = -1;
        long metaCommittedAfter = -1;
        long metaReserved = -1;
        long metaAt = -1;
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void accept(RecordedEvent e) {
        String type = JfrNames.canonical(e.getEventType().getName());
        switch (type) {
            case "jdk.GarbageCollection": {
                Gc g = gc(e);
                if (g == null) {
                    return;
                }
                g.name = Fields.str(e, "name");
                g.cause = Fields.str(e, "cause");
                g.endNanos = Fields.epochNanos(e.getEndTime());
                g.durationNanos = e.getDuration().toNanos();
                break;
            }
            case "jdk.GCPhasePause": {
                Gc g = gc(e);
                long d = e.getDuration().toNanos();
                if (g == null || d < 0) {
                    return;
                }
                pauseEvents++;
                g.pauses.add(new long[] {Fields.epochNanos(e.getEndTime()), d});
                g.pauseNames.add(Fields.str(e, "name"));
                break;
            }
            case "jdk.G1GarbageCollection": {
                Gc g = gc(e);
                if (g != null) {
                    g.g1Type = Fields.str(e, "type");
                }
                break;
            }
            case "jdk.GCHeapSummary": {
                Gc g = gc(e);
                if (g == null) {
                    return;
                }
                long used = Fields.lng(e, "heapUsed");
                if (before(e)) {
                    g.usedBefore = used;
                } else {
                    g.usedAfter = used;
                    g.committedAfter = Fields.lng(Fields.obj(e, "heapSpace"), "committedSize");
                }
                break;
            }
            case "jdk.G1HeapSummary": {
                Gc g = gc(e);
                if (g != null) {
                    // JDK 21 and later
                    old(g, e, presence.has(e, "oldGenUsedSize") ? Fields.lng(e, "oldGenUsedSize") : -1);
                }
                break;
            }
            case "jdk.PSHeapSummary": {
                Gc g = gc(e);
                if (g != null) {
                    old(g, e, Fields.lng(Fields.obj(e, "oldObjectSpace"), "used"));
                }
                break;
            }
            case "jdk.GCCPUTime": {
                Gc g = gc(e);
                if (g == null) {
                    return;
                }
                g.cpuUser = Math.max(0, Fields.nanos(e, "userTime"));
                g.cpuSys = Math.max(0, Fields.nanos(e, "systemTime"));
                g.cpuReal = Math.max(0, Fields.nanos(e, "realTime"));
                g.cpuAt = Fields.epochNanos(e.getEndTime());
                break;
            }
            case "jdk.EvacuationFailed": {
                Gc g = gc(e);
                if (g != null) {
                    g.evacuationFailed = true;
                }
                break;
            }
            case "jdk.MetaspaceSummary": {
                Gc g = gc(e);
                if (g == null) {
                    return;
                }
                RecordedObject m = Fields.obj(e, "metaspace");
                if (before(e)) {
                    g.metaUsedBefore = Fields.lng(m, "used");
                } else {
                    g.metaUsedAfter = Fields.lng(m, "used");
                    g.metaCommittedAfter = Fields.lng(m, "committed");
                    g.metaReserved = Fields.lng(m, "reserved");
                    g.metaAt = Fields.epochNanos(e.getEndTime());
                }
                break;
            }
            case "jdk.ZYoungGarbageCollection": {
                Gc g = gc(e);
                if (g != null) {
                    g.zGeneration = Generation.YOUNG;
                }
                break;
            }
            case "jdk.ZOldGarbageCollection": {
                Gc g = gc(e);
                if (g != null) {
                    g.zGeneration = Generation.OLD;
                }
                break;
            }
            case "jdk.ZAllocationStall": {
                long d = e.getDuration().toNanos();
                if (d >= 0) {
                    stalls.add(new long[] {Fields.epochNanos(e.getEndTime()), d});
                    stallThreads.add(Fields.threadName(e, "eventThread"));
                }
                break;
            }
            case "jdk.SafepointBegin": {
                long id = Fields.lng(e, "safepointId");
                long[] s = safepoints.computeIfAbsent(id, k -> new long[] {-1, -1, -1, -1});
                s[0] = Fields.epochNanos(e.getEndTime());
                s[1] = Math.max(0, e.getDuration().toNanos());
                break;
            }
            case "jdk.SafepointStateSynchronization": {
                long id = Fields.lng(e, "safepointId");
                safepoints.computeIfAbsent(id, k -> new long[] {-1, -1, -1, -1})[2] =
                        Math.max(0, e.getDuration().toNanos());
                break;
            }
            case "jdk.ExecuteVMOperation": {
                long id = Fields.lng(e, "safepointId");
                Boolean atSafepoint = Fields.bool(e, "safepoint");
                if (id >= 0 && (atSafepoint == null || atSafepoint)) {
                    safepoints.computeIfAbsent(id, k -> new long[] {-1, -1, -1, -1})[3] =
                            Math.max(0, e.getDuration().toNanos());
                    safepointOps.put(id, Fields.str(e, "operation"));
                }
                break;
            }
            default:
                break;
        }
    }

    private static boolean before(RecordedEvent e) {
        String when = Fields.str(e, "when");
        return when != null && when.startsWith("Before");
    }

    private static void old(Gc g, RecordedEvent e, long used) {
        if (before(e)) {
            g.oldBefore = used;
        } else {
            g.oldAfter = used;
        }
    }

    private Gc gc(RecordedEvent e) {
        long id = Fields.lng(e, "gcId");
        if (id < 0 || id >= RUN_SHIFT) {
            return null;
        }
        // GC ids start again in each JVM run: the key keeps runs apart and in order
        long key = ((long) run << RUN_BITS) | id;
        return gcs.computeIfAbsent(key, k -> {
            runOfKey.put(k, run);
            return new Gc();
        });
    }

    private static final int RUN_BITS = 40;
    private static final long RUN_SHIFT = 1L << RUN_BITS;

    /** Events that follow belong to JVM run {@code run} (a second recording in the same file). */
    public void startRun(int run) {
        this.run = run;
    }

    /** Whether the recording held any GC pause or collection. */
    public boolean hasGcData() {
        return !gcs.isEmpty() || !stalls.isEmpty();
    }

    /**
     * Whether pauses were recorded: {@code GCPhasePause} events, or collections of a stop-the-world
     * collector whose duration is the pause.
     */
    public boolean hasPauseData() {
        if (pauseEvents > 0) {
            return true;
        }
        for (Gc g : gcs.values()) {
            Collector c = collectorOf(g.name);
            if (g.durationNanos >= 0 && c != null && c != Collector.ZGC && c != Collector.SHENANDOAH
                    && !"G1Old".equals(g.name) && !"ConcurrentMarkSweep".equals(g.name)) {
                return true;
            }
        }
        return false;
    }

    /** Collections seen. */
    public int collections() {
        return gcs.size();
    }

    /**
     * The recording's GC events in time order.
     *
     * @param originNanos epoch nanoseconds of the recording's start (the time axis's zero)
     * @param jvmStartNanos epoch nanoseconds of the JVM's start, or -1
     * @param collector the collector, to classify collections, or {@code null}
     * @param safepointsComplete whether every safepoint was recorded (threshold 0), so that
     *     safepoint figures are totals rather than a sample of the long ones
     */
    public List<GcEvent> events(long originNanos, long jvmStartNanos, Collector collector,
            boolean safepointsComplete) {
        List<GcEvent> out = new ArrayList<>();
        long prevAfter = -1;
        long prevCycleAfter = -1;
        int lastRun = 0;
        for (Map.Entry<Long, Gc> en : gcs.entrySet()) {
            long id = en.getKey() & (RUN_SHIFT - 1);
            int runOf = runOfKey.getOrDefault(en.getKey(), 0);
            if (runOf != lastRun) {
                lastRun = runOf;
                prevAfter = -1;
                prevCycleAfter = -1;
            }
            Gc g = en.getValue();
            Collector c = collector != null ? collector : collectorOf(g.name);
            boolean concurrent = c == Collector.ZGC || c == Collector.SHENANDOAH || "G1Old".equals(g.name)
                    || "ConcurrentMarkSweep".equals(g.name);
            HeapChange heap = g.usedBefore >= 0 && g.usedAfter >= 0
                    ? new HeapChange(g.usedBefore, g.usedAfter, Math.max(-1, g.committedAfter)) : null;
            if (concurrent) {
                for (int i = 0; i < g.pauses.size(); i++) {
                    long[] p = g.pauses.get(i);
                    String name = g.pauseNames.get(i) == null ? "Pause" : g.pauseNames.get(i);
                    PauseKind kind = concurrentPauseKind(name);
                    HeapChange ph = kind == PauseKind.FULL || kind == PauseKind.DEGENERATED ? heap : null;
                    out.add(new Pause(stamp(p[0], originNanos, jvmStartNanos), id, kind, g.zGeneration, name, null,
                            g.cause, p[1], ph, List.of(), false, -1, -1));
                }
                if (g.endNanos >= 0 && !"G1Old".equals(g.name)) {
                    long allocated = heap != null && prevCycleAfter >= 0
                            ? Math.max(0, heap.beforeBytes() - prevCycleAfter) : -1;
                    out.add(new ConcurrentCycle(stamp(g.endNanos, originNanos, jvmStartNanos), id, cycleName(c, g),
                            g.zGeneration, g.cause, g.durationNanos, heap, -1, -1, false, allocated));
                    if (heap != null) {
                        prevCycleAfter = heap.afterBytes();
                    }
                } else if (g.endNanos >= 0) {
                    out.add(new ConcurrentCycle(stamp(g.endNanos, originNanos, jvmStartNanos), id,
                            "Concurrent Mark Cycle", null, g.cause, g.durationNanos, null, -1, -1, false, -1));
                }
            } else {
                PauseKind kind = stwKind(g);
                String base = kind == PauseKind.FULL ? "Pause Full"
                        : g.g1Type != null ? "Pause Young (" + g.g1Type + ")" : "Pause Young";
                String name = g.cause == null ? base : base + " (" + g.cause + ")";
                long allocated = heap != null && prevAfter >= 0 ? Math.max(0, heap.beforeBytes() - prevAfter) : -1;
                long promoted = (kind == PauseKind.YOUNG || kind == PauseKind.MIXED) && g.oldBefore >= 0
                        && g.oldAfter >= 0 ? Math.max(0, g.oldAfter - g.oldBefore) : -1;
                if (g.pauses.isEmpty() && g.endNanos >= 0 && g.durationNanos >= 0) {
                    // a recording without GCPhasePause still has the collection itself
                    out.add(new Pause(stamp(g.endNanos, originNanos, jvmStartNanos), id, kind, null, name, null,
                            g.cause, g.durationNanos, heap, List.of(), g.evacuationFailed, allocated, promoted));
                }
                for (int i = 0; i < g.pauses.size(); i++) {
                    long[] p = g.pauses.get(i);
                    // the heap change and allocation belong to the collection once, on its last pause
                    boolean last = i == g.pauses.size() - 1;
                    out.add(new Pause(stamp(p[0], originNanos, jvmStartNanos), id, kind, null, name, null, g.cause,
                            p[1], last ? heap : null, List.of(), g.evacuationFailed && last, last ? allocated : -1,
                            last ? promoted : -1));
                }
                if (heap != null) {
                    prevAfter = heap.afterBytes();
                }
            }
            if (g.cpuUser >= 0 && g.cpuAt >= 0) {
                out.add(new GcCpuTimes(stamp(g.cpuAt, originNanos, jvmStartNanos), id, g.cpuUser, g.cpuSys,
                        g.cpuReal));
            }
            if (g.metaUsedAfter >= 0 && g.metaAt >= 0) {
                out.add(new MetaspaceChange(stamp(g.metaAt, originNanos, jvmStartNanos), id, g.metaUsedBefore,
                        g.metaUsedAfter, g.metaCommittedAfter, g.metaReserved));
            }
        }
        for (int i = 0; i < stalls.size(); i++) {
            long[] s = stalls.get(i);
            out.add(new Stall(stamp(s[0], originNanos, jvmStartNanos), -1, Stall.Kind.ALLOCATION, stallThreads.get(i),
                    s[1]));
        }
        if (safepointsComplete) {
            for (Map.Entry<Long, long[]> en : safepoints.entrySet()) {
                long[] s = en.getValue();
                if (s[0] >= 0 && s[1] >= 0) {
                    // jdk.SafepointBegin lasts until every thread has stopped (the time to safepoint); the
                    // VM operation then runs at the safepoint
                    long tts = s[1];
                    long op = Math.max(0, s[3]);
                    out.add(new Safepoint(stamp(s[0] + op, originNanos, jvmStartNanos), safepointOps.get(en.getKey()),
                            tts, op, tts + op));
                }
            }
        }
        out.sort(Comparator.comparingLong((GcEvent ev) -> ev.at().timelineNanos()).thenComparingInt(GcCollector::order));
        return out;
    }

    /** Pauses before the cycle or CPU line that ends at the same instant, as in a log. */
    private static int order(GcEvent e) {
        return e instanceof Pause ? 0 : e instanceof ConcurrentCycle ? 1 : 2;
    }

    private static Stamp stamp(long endEpochNanos, long originNanos, long jvmStartNanos) {
        long timeline = Math.max(0, endEpochNanos - originNanos);
        long uptime = jvmStartNanos > 0 ? Math.max(0, endEpochNanos - jvmStartNanos) : -1;
        return new Stamp(timeline, uptime, endEpochNanos / 1_000_000, 0);
    }

    private static PauseKind stwKind(Gc g) {
        String n = g.name == null ? "" : g.name;
        switch (n) {
            case "SerialOld":
            case "ParallelOld":
            case "G1Full":
            case "PSMarkSweep":
            case "MarkSweepCompact":
                return PauseKind.FULL;
            default:
                break;
        }
        if ("Mixed".equals(g.g1Type)) {
            return PauseKind.MIXED;
        }
        return PauseKind.YOUNG;
    }

    private static PauseKind concurrentPauseKind(String name) {
        if (name.startsWith("Pause Init Mark")) {
            return PauseKind.INIT_MARK;
        } else if (name.startsWith("Pause Final Mark")) {
            return PauseKind.FINAL_MARK;
        } else if (name.startsWith("Pause Init Update Refs")) {
            return PauseKind.INIT_UPDATE_REFS;
        } else if (name.startsWith("Pause Final Update Refs")) {
            return PauseKind.FINAL_UPDATE_REFS;
        } else if (name.startsWith("Pause Final Roots")) {
            return PauseKind.FINAL_ROOTS;
        } else if (name.startsWith("Pause Degenerated")) {
            return PauseKind.DEGENERATED;
        } else if (name.startsWith("Pause Full")) {
            return PauseKind.FULL;
        } else if (name.startsWith("Pause Mark Start")) {
            return PauseKind.MARK_START;
        } else if (name.startsWith("Pause Mark End")) {
            return PauseKind.MARK_END;
        } else if (name.startsWith("Pause Relocate Start")) {
            return PauseKind.RELOCATE_START;
        } else if (name.startsWith("Pause Remark")) {
            return PauseKind.REMARK;
        } else if (name.startsWith("Pause Cleanup")) {
            return PauseKind.CLEANUP;
        } else if (name.startsWith("Pause Initial Mark")) {
            return PauseKind.INIT_MARK;
        }
        return PauseKind.OTHER;
    }

    private static String cycleName(Collector c, Gc g) {
        if (c == Collector.SHENANDOAH) {
            return "Shenandoah Cycle";
        }
        if (c == Collector.CMS) {
            return "CMS Cycle";
        }
        if (g.name != null && g.name.endsWith("Major")) {
            return "Major Collection";
        }
        if (g.name != null && g.name.endsWith("Minor")) {
            return "Minor Collection";
        }
        return "Garbage Collection";
    }

    /** The collector that names a collection this way ({@code jdk.GarbageCollection.name}), or null. */
    public static Collector collectorOf(String gcName) {
        if (gcName == null) {
            return null;
        }
        switch (gcName) {
            case "DefNew":
            case "SerialOld":
            case "MarkSweepCompact":
                return Collector.SERIAL;
            case "ParallelScavenge":
            case "ParallelOld":
            case "PSMarkSweep":
                return Collector.PARALLEL;
            case "G1New":
            case "G1Old":
            case "G1Full":
                return Collector.G1;
            case "Shenandoah":
                return Collector.SHENANDOAH;
            case "ParNew":
            case "ConcurrentMarkSweep":
                return Collector.CMS;
            case "Epsilon":
                return Collector.EPSILON;
            default:
                return gcName.equals("Z") || gcName.startsWith("ZGC") ? Collector.ZGC : null;
        }
    }
}
