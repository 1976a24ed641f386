package io.github.jvmadvisor.core;

import io.github.jvmadvisor.core.ingest.jfr.JfrResult;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.model.PauseSum;
import io.github.jvmadvisor.core.model.SourceAgreement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Compares a GC log with a recording of the same JVM, and turns a GC log's setup into a configuration. */
final class SourceComparison {

    /** A paired collection agrees when its pause times differ by at most this share... */
    private static final double AGREE_SHARE = 0.10;
    /** ...or by at most this many nanoseconds (log and JFR timers cover slightly different scopes). */
    private static final long AGREE_NANOS = 1_000_000;
    /** Uptimes of the same pause by the two sources lie within this of each other. */
    private static final long SAME_RUN_UPTIME_NANOS = 2_000_000_000L;

    private SourceComparison() {
    }

    static SourceAgreement compare(String logName, GcAnalysis log, NavigableMap<Long, long[]> logPauses,
            JfrResult rec) {
        List<String> notes = new ArrayList<>();
        Collector lc = log.setup().collector();
        Collector rc = rec.gc().map(g -> g.setup().collector()).orElse(null);
        boolean collectorAgrees = lc == null || rc == null || lc == rc;
        if (!collectorAgrees) {
            notes.add("collector: the log says " + lc.displayName() + ", the recording " + rc.displayName());
        }
        int paired = 0;
        int onlyRec = 0;
        int agreeing = 0;
        long logSum = 0;
        long recSum = 0;
        long maxDiff = 0;
        long minId = Long.MAX_VALUE;
        long maxId = Long.MIN_VALUE;
        List<Long> uptimeGaps = new ArrayList<>();
        for (PauseSum p : rec.pauses()) {
            minId = Math.min(minId, p.gcId());
            maxId = Math.max(maxId, p.gcId());
            long[] l = logPauses == null ? null : logPauses.get(p.gcId());
            if (l == null) {
                onlyRec++;
                continue;
            }
            paired++;
            logSum += l[1];
            recSum += p.totalNanos();
            long diff = Math.abs(l[1] - p.totalNanos());
            maxDiff = Math.max(maxDiff, diff);
            if (diff <= Math.max(AGREE_NANOS, AGREE_SHARE * Math.max(l[1], p.totalNanos()))) {
                agreeing++;
            }
            if (l[2] > 0 && p.endUptimeNanos() > 0) {
                uptimeGaps.add(Math.abs(l[2] - p.endUptimeNanos()));
            }
        }
        int onlyLog = 0;
        if (logPauses != null && paired > 0) {
            // the log's collections within the recording's GC ids, less those paired
            onlyLog = logPauses.subMap(minId, true, maxId, true).size() - paired;
        }
        boolean uptimeAgrees = true;
        if (!uptimeGaps.isEmpty()) {
            long[] g = uptimeGaps.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(g);
            uptimeAgrees = g[g.length / 2] <= SAME_RUN_UPTIME_NANOS;
        }
        boolean sameRun = collectorAgrees && paired > 0 && paired >= rec.pauses().size() / 2 && uptimeAgrees
                && agreeing >= 0.8 * paired;
        if (!sameRun) {
            notes.add("the recording and the GC log do not look like the same JVM run ("
                    + paired + " of " + rec.pauses().size() + " recorded collections found in the log, "
                    + agreeing + " with matching pause times" + (uptimeAgrees ? "" : ", uptimes differ") + ")"
                    + "; GC figures come from the GC log");
        } else {
            if (onlyRec > 0) {
                notes.add(onlyRec + " collection(s) with pauses in the recording are missing from the log");
            }
            if (onlyLog > 0) {
                notes.add(onlyLog + " collection(s) with pauses in the log, within the recording's span, are missing"
                        + " from the recording");
            }
            if (paired - agreeing > 0) {
                notes.add((paired - agreeing) + " of " + paired + " paired collections differ in pause time by more than "
                        + "1 ms and 10% (largest " + String.format(Locale.ROOT, "%.3f", maxDiff / 1e6) + " ms)");
            }
            if (logSum > 0 && Math.abs(logSum - recSum) > Math.max(AGREE_NANOS, 0.01 * logSum)) {
                notes.add(String.format(Locale.ROOT, "paired pause total: log %.3f ms, recording %.3f ms (%+.2f%%)",
                        logSum / 1e6, recSum / 1e6, 100.0 * (recSum - logSum) / logSum));
            }
        }
        return new SourceAgreement(logName, rec.summary().path(), sameRun, paired, onlyLog, onlyRec,
                round(logSum / 1e6), round(recSum / 1e6), round(maxDiff / 1e6), notes);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** What a GC log's (or recording's) setup says about the configuration. */
    static JvmConfig configOf(GcSetup s, String source) {
        Map<String, JvmFlag> flags = new TreeMap<>();
        flag(flags, "MaxHeapSize", s.heapMaxBytes());
        flag(flags, "InitialHeapSize", s.heapInitialBytes());
        flag(flags, "MinHeapSize", s.heapMinBytes());
        flag(flags, "SoftMaxHeapSize", s.softMaxHeapBytes());
        if (s.collector() == Collector.G1) {
            flag(flags, "G1HeapRegionSize", s.regionSizeBytes());
        }
        flag(flags, "ParallelGCThreads", s.parallelWorkers() == null ? null : s.parallelWorkers().longValue());
        flag(flags, "ConcGCThreads", s.concurrentWorkers() == null ? null : s.concurrentWorkers().longValue());
        if (s.preTouch() != null) {
            flags.put("AlwaysPreTouch", new JvmFlag("AlwaysPreTouch", s.preTouch().toString(), FlagOrigin.UNKNOWN));
        }
        Machine m = new Machine(s.cpusTotal(), null, null, null, s.memoryBytes(), null, null, null);
        return new JvmConfig(List.of(source), s.jdkVersionString(), s.jdkVersion(), null, s.collector(),
                s.generational(), List.of(), flags, null, m);
    }

    private static void flag(Map<String, JvmFlag> flags, String name, Long value) {
        if (value != null) {
            flags.put(name, new JvmFlag(name, Long.toString(value), FlagOrigin.UNKNOWN));
        }
    }
}
