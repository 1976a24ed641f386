package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.Safepoint;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.JfrFacts;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactness on real runs: a child JVM per collector and JDK (the running one, and JDK 25 beside it)
 * writes a GC log and a JFR recording of the same run; within the stretch both cover, the pauses read
 * from the log must be the recording's {@code jdk.GCPhasePause} events, one for one, and their total
 * time must agree within 1 %.
 */
class GcLogVersusJfrTest {

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            out.add(Arguments.of(jdk, "Serial", List.of("-XX:+UseSerialGC")));
            out.add(Arguments.of(jdk, "Parallel", List.of("-XX:+UseParallelGC")));
            out.add(Arguments.of(jdk, "G1", List.of("-XX:+UseG1GC")));
            out.add(Arguments.of(jdk, "ZGC", List.of("-XX:+UseZGC")));
            out.add(Arguments.of(jdk, "Shenandoah", List.of("-XX:+UseShenandoahGC")));
            if (jdk.feature() >= 25) {
                out.add(Arguments.of(jdk, "Shenandoah", List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("runs")
    void logAgreesWithRecording(Jdks.Jdk jdk, String collector, List<String> flags) throws Exception {
        Path log = dir.resolve("gc.log");
        Path jfr = dir.resolve("run.jfr");
        List<String> jvm = new ArrayList<>(flags);
        jvm.add("-Xmx512m");
        jvm.add("-Xlog:gc*,safepoint:file=" + log + ":time,uptime,level,tags");
        jvm.add("-XX:StartFlightRecording:filename=" + jfr + ",settings=default");
        ChildJvm.run(jdk, dir, jvm, ChurnWorkload.class, List.of("4", "128", "2"), 120).requireSuccess();

        List<Pause> pauses = new ArrayList<>();
        List<Safepoint> safepoints = new ArrayList<>();
        GcLogResult r = GcLogReader.read(List.of(InputSource.of(log)), e -> {
            if (e instanceof Pause) {
                pauses.add((Pause) e);
            } else if (e instanceof Safepoint) {
                safepoints.add((Safepoint) e);
            }
        });
        JfrFacts f = JfrFacts.read(jfr);
        Window w = Window.of(pauses, f);
        List<Pause> logIn = pauses.stream().filter(p -> w.contains(p.at().uptimeNanos())).toList();
        List<JfrFacts.JfrPause> jfrIn = f.pauses.stream().filter(p -> w.contains(w.uptime(p.end()))).toList();
        long logNanos = logIn.stream().mapToLong(Pause::durationNanos).sum();
        long jfrNanos = jfrIn.stream().mapToLong(JfrFacts.JfrPause::durationNanos).sum();
        GcSetup s = r.analysis().setup();
        double jfrSeconds = (f.last.toEpochMilli() - f.first.toEpochMilli()) / 1000.0;
        // over the same span: the log's rate runs from the first collection to the last (start-up allocation is
        // not steady state), so the recording's counters are set against its own first and last pause, not its
        // whole length. Over the whole recording a busy host's longer start-up diluted the rate (log/JFR 1.5 to 1.6
        // at load 4 to 12, for G1 runs that agree within 10 % on an idle host); what the counters add before the
        // first collection (class loading) and after the last is a few MB against GBs
        double pausedSpan = f.pauses.size() < 2 ? jfrSeconds
                : (f.pauses.get(f.pauses.size() - 1).start().toEpochMilli() - f.pauses.get(0).start().toEpochMilli()) / 1000.0;
        double allocSeconds = pausedSpan > 1 ? pausedSpan : jfrSeconds;
        System.out.printf("%s %s %s: window %.3f..%.3f s: log %d pauses %.3f ms, jfr %d pauses %.3f ms (%.2f%%, "
                + "%.4f ms/pause); collector %s gen %s jdk %s; alloc log %.0f MB/s, jfr %.0f MB/s; unknown %d%n",
                jdk, collector, flags, w.from / 1e9, w.to / 1e9, logIn.size(), logNanos / 1e6, jfrIn.size(),
                jfrNanos / 1e6, 100.0 * (logNanos - jfrNanos) / Math.max(1, jfrNanos),
                (logNanos - jfrNanos) / 1e6 / Math.max(1, jfrIn.size()), s.collector(), s.generational(),
                s.jdkVersion(), r.analysis().metrics().allocationRateBytesPerSec() / 1048576.0,
                f.allocatedBytes / 1048576.0 / allocSeconds, r.summary().unknownLines());

        assertEquals(0, r.summary().unknownLines(), () -> "unknown lines: " + r.summary().issues());
        assertEquals(expectedCollector(collector), s.collector(), "collector");
        assertEquals(expectedGenerational(jdk, collector, flags), s.generational(), "generational mode");
        assertEquals(jdk.feature(), s.jdkVersion(), "JDK version");
        assertTrue(jfrIn.size() > 20, "too few pauses in the window to compare: " + jfrIn.size());
        assertEquals(jfrIn.size(), logIn.size(), "pauses in the window: log vs jdk.GCPhasePause");
        // allocation rate: an estimate from heap occupancy around collections, checked against JFR's exact
        // per-thread allocation counters. Measured ratios log/JFR with the counters over the recording's first to
        // last pause, at load 4 on the 2-CPU host: Serial, Parallel 1.03 to 1.04, G1 1.08 to 1.14, Shenandoah 1.02
        // to 1.13, generational ZGC 1.00, non-generational ZGC 1.46 (ZGC gets 60 %: its log allows less: concurrent cycles free
        // memory that is reallocated before the next cycle sees it, and a stalled workload makes that worse). The
        // bounds leave room for a noisy machine and still catch a factor of two.
        double jfrRate = f.allocatedBytes / allocSeconds;
        double logRate = r.analysis().metrics().allocationRateBytesPerSec();
        double tolerance = "ZGC".equals(collector) ? 0.60 : 0.25;
        assertTrue(Math.abs(logRate / jfrRate - 1) <= tolerance, String.format(java.util.Locale.ROOT,
                "allocation rate: log %.0f MB/s vs JFR %.0f MB/s", logRate / 1048576, jfrRate / 1048576));
        // collections, each once, checked against the recording's jdk.GarbageCollection events. Those are one per
        // collection with three exceptions, so the GC ids are compared: G1 also has a G1Old spanning each
        // concurrent cycle (the log counts the cycle at its concurrent-start pause); generational Shenandoah on 25
        // has a second event for a bootstrap young cycle that goes on into old marking, and events for cycles
        // that never paused (the log counts collections by their pauses); and the recording can start after the
        // first collection (GC(0) on 17 G1) and stop before the last ones end: a collection still running at exit
        // (a generational ZGC major collection, while a later minor one finished) has no event
        long logCollections = r.analysis().metrics().collectionsByCause().values().stream().mapToLong(Long::longValue)
                .sum();
        java.util.Set<Long> pausedInRecording = new java.util.HashSet<>();
        f.pauses.forEach(p -> pausedInRecording.add(p.gcId()));
        java.util.TreeSet<Long> jfrIds = new java.util.TreeSet<>(f.collectionIds);
        jfrIds.retainAll(pausedInRecording);
        Map<Long, Long> startedAt = new java.util.TreeMap<>();
        pauses.stream().filter(p -> p.kind() != PauseKind.REMARK && p.kind() != PauseKind.CLEANUP)
                .forEach(p -> startedAt.merge(p.gcId(), p.at().uptimeNanos(), Math::min));
        java.util.TreeSet<Long> logIds = new java.util.TreeSet<>(startedAt.keySet());
        long lastPauseAt = pauses.stream().mapToLong(p -> p.at().uptimeNanos()).max().orElse(0);
        java.util.TreeSet<Long> onlyLog = new java.util.TreeSet<>(logIds);
        onlyLog.removeAll(jfrIds);
        java.util.TreeSet<Long> onlyJfr = new java.util.TreeSet<>(jfrIds);
        onlyJfr.removeAll(logIds);
        // at an edge: before the recording's first collection, or started in the last 2 s of the log
        long outside = onlyLog.stream().filter(id -> id < f.firstCollectionId
                || startedAt.get(id) >= lastPauseAt - 2_000_000_000L).count();
        System.out.printf("%s %s %s: collections log %d (%d at an edge of the recording's GC ids %d-%d), jfr %s, %d "
                + "distinct ids that paused%n", jdk, collector, flags, logCollections, outside, f.firstCollectionId,
                f.lastCollectionId, f.collectionsByName, jfrIds.size());
        assertEquals(logIds.size(), logCollections, "one collection per GC id that paused");
        assertTrue(outside <= 2, "at most one collection before the recording and one after it: " + outside);
        assertEquals(jfrIds.size(), logCollections - outside, "collections, log vs jdk.GarbageCollection "
                + f.collectionsByName + "; GC ids only in the recording " + onlyJfr + ", only in the log " + onlyLog);
        long scope = timerScopeNanos(collector);
        if (jdk.feature() == 17 && "Serial".equals(collector)) {
            serial17(logIn, jfrIn, safepoints, scope);
        } else {
            assertAgree(logNanos, jfrNanos, jfrIn.size(), scope, "total pause time, log vs jdk.GCPhasePause");
        }
    }

    /**
     * How much longer (or shorter) HotSpot's log timer is than its JFR pause timer for one pause,
     * measured on JDK 17.0.15 and 25.0.3 by pairing pauses of the same GC id: Serial +0.10 to +0.13 ms
     * on a quiet machine and up to +0.28 ms on a loaded one, Shenandoah +0.005 to +0.016 ms on a quiet
     * machine and +0.24 ms on one running three builds on its 2 CPUs (25, non-generational), G1 +0.013 to
     * +0.020 ms, Parallel -0.05 to -0.07 ms, ZGC 0 (also with {@code -Xlog:async}, so it is not the cost of
     * writing the log). Where that is more than 1 % of the workload's pauses (Serial's short young pauses,
     * Shenandoah's sub-millisecond ones), the totals may differ by this much per pause; elsewhere they must
     * agree within 1 %, or 0.05 ms per pause when that is more: on a host running other builds the G1 and
     * Parallel timers drifted apart by 1.46 % of a run's total (a helper's full build beside two benchmarks).
     */
    private static long timerScopeNanos(String collector) {
        switch (collector) {
            case "Serial":
                return 500_000L;
            case "Shenandoah":
                return 300_000L;
            case "ZGC":
                return 0; // its pauses are tens of microseconds, and the timers agreed exactly
            default:
                return 50_000L;
        }
    }

    /**
     * JDK 17 Serial: JFR's pause event for a full collection leaves out a few milliseconds that the
     * stop-the-world time includes (the safepoint log agrees with the GC log, not with JFR), so young
     * pauses are compared with JFR and the safepoints holding a full collection with the safepoint log.
     */
    private static void serial17(List<Pause> logIn, List<JfrFacts.JfrPause> jfrIn, List<Safepoint> safepoints,
            long scope) {
        java.util.Set<Long> fullIds = new java.util.HashSet<>();
        logIn.stream().filter(p -> p.kind() == PauseKind.FULL).forEach(p -> {
            fullIds.add(p.gcId());
            fullIds.add(p.gcId() - 1); // the young collection run in the same safepoint
        });
        long logYoung = logIn.stream().filter(p -> !fullIds.contains(p.gcId())).mapToLong(Pause::durationNanos).sum();
        long jfrYoung = jfrIn.stream().filter(p -> !fullIds.contains(p.gcId())).mapToLong(JfrFacts.JfrPause::durationNanos)
                .sum();
        long youngCount = jfrIn.stream().filter(p -> !fullIds.contains(p.gcId())).count();
        assertAgree(logYoung, jfrYoung, youngCount, scope, "young pauses, log vs jdk.GCPhasePause");
        long logFullSafepoints = 0;
        long safepointTime = 0;
        long fullSafepoints = 0;
        int next = 0;
        List<Pause> sorted = new ArrayList<>(logIn);
        sorted.sort(java.util.Comparator.comparingLong(p -> p.at().uptimeNanos()));
        long inSafepoint = 0;
        boolean hasFull = false;
        for (Safepoint sp : safepoints) {
            while (next < sorted.size() && sorted.get(next).at().uptimeNanos() <= sp.at().uptimeNanos()) {
                inSafepoint += sorted.get(next).durationNanos();
                hasFull |= sorted.get(next).kind() == PauseKind.FULL;
                next++;
            }
            if (hasFull) {
                logFullSafepoints += inSafepoint;
                safepointTime += sp.atSafepointNanos();
                fullSafepoints++;
            }
            inSafepoint = 0;
            hasFull = false;
        }
        assertTrue(safepointTime > 0, "no safepoint with a full collection");
        // the pauses lie inside their safepoint: the log's time is at most the safepoint's, and short of it
        // only by the safepoint's own work around the collection
        assertTrue(logFullSafepoints <= safepointTime * 1.001, String.format(java.util.Locale.ROOT,
                "pauses (%.3f ms) longer than the safepoints holding them (%.3f ms)", logFullSafepoints / 1e6,
                safepointTime / 1e6));
        // one-sided (checked just above): the safepoint also holds its own work around the collection, seen
        // at 0.6-1.2 % of a Serial full GC's time on an idle machine, so 2 % here
        assertAgree(logFullSafepoints, safepointTime, fullSafepoints, scope, 0.02, "pauses in safepoints with a full GC, "
                + "log vs 'At safepoint'");
    }

    /** Within 1 %, or within {@code scopeNanos} per pause when that is more. */
    private static void assertAgree(long actual, long expected, long pauses, long scopeNanos, String what) {
        assertAgree(actual, expected, pauses, scopeNanos, 0.01, what);
    }

    /** Within {@code fraction}, or within {@code scopeNanos} per pause when that is more. */
    private static void assertAgree(long actual, long expected, long pauses, long scopeNanos, double fraction,
            String what) {
        long allowed = Math.max(Math.round(fraction * expected), pauses * scopeNanos);
        long diff = Math.abs(actual - expected);
        assertTrue(diff <= allowed, String.format(java.util.Locale.ROOT,
                "%s: %.3f ms vs %.3f ms (%.2f%%, allowed %.3f ms)", what, actual / 1e6, expected / 1e6,
                100.0 * diff / expected, allowed / 1e6));
    }

    private static Collector expectedCollector(String name) {
        return Collector.of(name);
    }

    private static Boolean expectedGenerational(Jdks.Jdk jdk, String collector, List<String> flags) {
        switch (collector) {
            case "ZGC":
                return jdk.feature() >= 24; // generational is the only mode from 24 (JEP 490)
            case "Shenandoah":
                return flags.contains("-XX:ShenandoahGCMode=generational");
            default:
                return true;
        }
    }

    /**
     * The stretch of the run both sources cover, in JVM uptime. JFR time stamps are mapped to uptime
     * with the offset that lines up pauses of the same GC id; both ends are moved into quiet gaps
     * between pauses so that millisecond rounding of the log's time stamps cannot put a pause on the
     * wrong side.
     */
    record Window(long offsetNanos, long from, long to) {

        long uptime(java.time.Instant t) {
            return t.getEpochSecond() * 1_000_000_000L + t.getNano() - offsetNanos;
        }

        boolean contains(long uptimeNanos) {
            return uptimeNanos > from && uptimeNanos < to;
        }

        static Window of(List<Pause> log, JfrFacts f) {
            java.util.Map<Long, Long> logEnd = new java.util.HashMap<>();
            for (Pause p : log) {
                logEnd.merge(p.gcId(), p.at().uptimeNanos(), Math::max);
            }
            java.util.Map<Long, Long> jfrEnd = new java.util.HashMap<>();
            for (JfrFacts.JfrPause p : f.pauses) {
                jfrEnd.merge(p.gcId(), p.end().getEpochSecond() * 1_000_000_000L + p.end().getNano(), Math::max);
            }
            long[] offsets = jfrEnd.entrySet().stream().filter(e -> logEnd.containsKey(e.getKey()))
                    .mapToLong(e -> e.getValue() - logEnd.get(e.getKey())).sorted().toArray();
            long offset = offsets[offsets.length / 2];
            Window raw = new Window(offset, 0, 0);
            long from = raw.uptime(f.first) + 200_000_000L;
            long to = raw.uptime(f.last) - 200_000_000L;
            java.util.List<long[]> busy = new java.util.ArrayList<>();
            for (Pause p : log) {
                busy.add(new long[] {p.at().uptimeNanos() - p.durationNanos() - 1_000_000L,
                    p.at().uptimeNanos() + 1_000_000L});
            }
            for (JfrFacts.JfrPause p : f.pauses) {
                busy.add(new long[] {raw.uptime(p.start()) - 1_000_000L, raw.uptime(p.end()) + 1_000_000L});
            }
            busy.sort(java.util.Comparator.comparingLong(b -> b[0]));
            return new Window(offset, quiet(busy, from, true), quiet(busy, to, false));
        }

        /** The middle of the first gap of at least 2 ms after (or before) {@code t} that no pause touches. */
        private static long quiet(java.util.List<long[]> busy, long t, boolean forward) {
            long candidate = t;
            for (int round = 0; round < 10_000; round++) {
                boolean hit = false;
                for (long[] b : busy) {
                    if (candidate >= b[0] && candidate <= b[1]) {
                        candidate = forward ? b[1] + 1 : b[0] - 1;
                        hit = true;
                    }
                }
                if (!hit) {
                    return candidate;
                }
            }
            return candidate;
        }
    }
}
