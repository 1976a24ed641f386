package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.PauseSum;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.management.ObjectName;

/**
 * A service in a child JVM that allocates with a live set of about 40 MB and runs a watch with a 2 s
 * window. Modes: {@code gclog} prints the watch's totals and MBean; {@code shrink LIMIT} tells the
 * controller the container shrank to LIMIT bytes after two windows and prints the heap in use before and
 * after; {@code request FLAG VALUE} asks for a flag change after two windows.
 */
public final class WatchMain {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        WatchOptions.Builder b = WatchOptions.builder().window(Duration.ofSeconds(2)).totals(mode.equals("gclog"));
        if (!mode.equals("gclog")) {
            ControllerOptions c = ControllerOptions.defaults();
            if (mode.equals("paced-request") && args.length > 4) {
                // a guard threshold of the caller's: the rise in GC CPU (or concurrent-cycle) share that rolls back
                c = new ControllerOptions(c.headroom(), c.maxStep(), c.stallWorseMillis(), Double.parseDouble(args[4]),
                        c.pauseP99WorseMillis());
            }
            b.control(c).containerMemory(1L << 30);
        }
        try (JvmAdvisor.Watch w = JvmAdvisor.watch(b.build())) {
            System.out.println("ACTIVE " + w.active());
            if (mode.equals("paced")) {
                paced(w, Long.parseLong(args[1]));
                return;
            }
            if (mode.equals("idle-shrink") || mode.equals("idle")) {
                idle(w, mode.equals("idle-shrink") ? Long.parseLong(args[1]) : null);
                return;
            }
            if (mode.equals("paced-request")) {
                pacedRequest(w, args[1], args[2], args.length > 3 ? Integer.parseInt(args[3]) : 800);
                return;
            }
            byte[][] live = new byte[400][];
            long[] before = run(live, w, mode.equals("gclog") ? 2 : 3);
            if (mode.equals("shrink")) {
                w.containerLimit(Long.parseLong(args[1]));
            } else if (mode.equals("request")) {
                w.request(args[1], args[2]);
            }
            long[] after = run(live, w, mode.equals("gclog") ? 1 : 4);
            System.out.println("HEAP_USED_AVG_BEFORE " + before[0] / Math.max(1, before[1]));
            System.out.println("HEAP_USED_AVG_AFTER " + after[0] / Math.max(1, after[1]));
            if (mode.equals("gclog")) {
                sink = null;
                Evidence t = w.totals(Duration.ofSeconds(20)).orElseThrow();
                GcMetrics m = t.gc().orElseThrow().metrics();
                System.out.println("TOTAL_PAUSES " + m.pauses().count());
                System.out.println("TOTAL_PAUSE_MS " + m.pauses().totalMillis());
                for (PauseSum p : w.totalsPauses()) {
                    System.out.println("WATCH_GC " + p.gcId() + " " + p.pauses() + " " + p.totalNanos());
                }
                ObjectName n = w.objectName().orElseThrow();
                var server = ManagementFactory.getPlatformMBeanServer();
                System.out.println("MBEAN_WINDOWS " + server.getAttribute(n, "WindowsEvaluated"));
                System.out.println("MBEAN_RECS " + server.getAttribute(n, "RecommendationCount"));
                System.out.println("MBEAN_JSON_CHARS " + ((String) server.getAttribute(n, "ReportJson")).length());
            }
            System.out.println("WINDOWS " + w.windowsEvaluated());
            for (Adjustment a : w.audit()) {
                System.out.println("AUDIT " + a.kind() + " " + a.flag() + " " + a.from() + " " + a.to() + " | " + a.reason());
            }
        }
    }

    /**
     * The calm service: a live set of 80 MB replaced slowly and 40 MB/s of short-lived garbage, paced
     * every 10 ms, a rate a 512 MB heap sustains without stalls. One window of warm-up, two measured, then the limit
     * shrinks to {@code limit}; once the controller's last change has been judged and a window passed with no
     * new one (or after 10 windows) the
     * heap is measured over two more windows.
     */
    private static void paced(JvmAdvisor.Watch w, long limit) {
        Paced p = new Paced(800);
        // past the collector's warm-up: ZGC starts its first three cycles early (at 10, 20 and 30 % of the
        // heap), which kept the heap small in a baseline measured too soon (on a loaded host, and once on an
        // idle one: 140 MB in use on average against 245 MB after warm-up)
        p.run(w, 1);
        for (int i = 0; i < 10 && cycles() < 3; i++) {
            p.run(w, 1);
        }
        System.out.println("WARMUP_CYCLES " + cycles());
        long[] before = p.run(w, 2);
        w.containerLimit(limit);
        long settle = w.windowsEvaluated() + 10;
        int seen = -1;
        while (w.windowsEvaluated() < settle) {
            p.run(w, 1);
            int size = w.audit().size();
            if (judged(w) && size == seen) {
                break; // the last change was judged and the window since made none
            }
            seen = size;
        }
        long[] after = p.run(w, 2);
        System.out.println("HEAP_USED_AVG_BEFORE " + before[0] / Math.max(1, before[1]));
        System.out.println("HEAP_USED_MAX_BEFORE " + before[2]);
        System.out.println("HEAP_COMMITTED_BEFORE " + before[3]);
        System.out.println("HEAP_USED_AVG_AFTER " + after[0] / Math.max(1, after[1]));
        System.out.println("HEAP_USED_MAX_AFTER " + after[2]);
        System.out.println("HEAP_COMMITTED_AFTER " + after[3]);
        System.out.println("SOFT_MAX " + ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("SoftMaxHeapSize").getValue());
        System.out.println("WINDOWS " + w.windowsEvaluated());
        for (Adjustment a : w.audit()) {
            System.out.println("AUDIT " + a.kind() + " " + a.flag() + " " + a.from() + " " + a.to() + " | " + a.reason());
        }
    }

    /**
     * The calm service, two windows of warm-up and one of baseline, then a request to set {@code flag} to
     * {@code value}; runs until the change has been judged (at most 6 windows) and prints the audit and
     * the flag's value then.
     */
    private static void pacedRequest(JvmAdvisor.Watch w, String flag, String value, int liveArrays) {
        Paced p = new Paced(liveArrays);
        p.run(w, 3); // two windows past the collector's warm-up cycles, one of baseline
        w.request(flag, value);
        long end = w.windowsEvaluated() + 6;
        while (w.windowsEvaluated() < end && !judged(w)) {
            p.run(w, 1);
        }
        System.out.println("FLAG " + ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(flag).getValue());
        System.out.println("WINDOWS " + w.windowsEvaluated());
        for (Adjustment a : w.audit()) {
            System.out.println("AUDIT " + a.kind() + " " + a.flag() + " " + a.from() + " " + a.to() + " | " + a.reason());
        }
    }

    /**
     * A burst, then idle: 250 MB live churned for two windows grows the heap; then all but 40 MB is dropped
     * and the service idles (no allocation to speak of, so no collection). With a limit, the container is
     * said to shrink to it; the heap committed is printed after one idle window and again once the
     * controller has settled (its last change judged and a window without a new one, at most 12 windows)
     * and then the heap has halved or 10 more windows have passed.
     */
    private static void idle(JvmAdvisor.Watch w, Long limit) throws InterruptedException {
        byte[][] burst = new byte[2500][];
        // the burst's 250 MB are all made live first: the random churn alone filled only part of the slots in
        // two windows on a loaded host (heap committed 160 MB), and the heap never grew past the budget
        for (int i = 0; i < burst.length; i++) {
            burst[i] = new byte[100_000];
        }
        run(burst, w, 2);
        byte[][] keep = java.util.Arrays.copyOf(burst, 400);
        burst = null;
        idleFor(w, 1);
        var mem = ManagementFactory.getMemoryMXBean();
        System.out.println("HEAP_COMMITTED_BEFORE " + mem.getHeapMemoryUsage().getCommitted());
        if (limit != null) {
            w.containerLimit(limit);
        }
        long settle = w.windowsEvaluated() + 12;
        int seen = -1;
        while (w.windowsEvaluated() < settle) {
            idleFor(w, 1);
            int size = w.audit().size();
            if (limit != null && judged(w) && size == seen) {
                break;
            }
            seen = size;
        }
        // G1 reclaims the burst's regions in the mixed collections after a marking cycle, and an idle JVM
        // collects only when the periodic interval passes without a collection: give it up to 10 windows
        long committedBefore = mem.getHeapMemoryUsage().getCommitted();
        int waited = 0;
        while (waited < 10) {
            idleFor(w, 1);
            waited++;
            if (mem.getHeapMemoryUsage().getCommitted() < committedBefore / 2) {
                break;
            }
        }
        System.out.println("IDLE_WINDOWS_AFTER " + waited);
        System.out.println("HEAP_COMMITTED_AFTER " + mem.getHeapMemoryUsage().getCommitted());
        System.out.println("KEPT_ARRAYS " + keep.length);
        var hs = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        for (String f : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            System.out.println("FLAG_" + f + " " + hs.getVMOption(f).getValue());
        }
        System.out.println("WINDOWS " + w.windowsEvaluated());
        for (Adjustment a : w.audit()) {
            System.out.println("AUDIT " + a.kind() + " " + a.flag() + " " + a.from() + " " + a.to() + " | " + a.reason());
        }
    }

    /** Waits, allocating next to nothing, until {@code windows} more windows have been evaluated (at most 30 s). */
    private static void idleFor(JvmAdvisor.Watch w, int windows) throws InterruptedException {
        long target = w.windowsEvaluated() + windows;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (w.windowsEvaluated() < target && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Whole-heap concurrent cycles so far, over the collectors' "Cycles" beans: ZGC's, generational ZGC's major
     * ones (its minor cycles are not what warms up), Shenandoah's.
     */
    private static long cycles() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().endsWith("Cycles") && !gc.getName().contains("Minor")) {
                n += Math.max(0, gc.getCollectionCount());
            }
        }
        return n;
    }

    /** Whether the controller has made a change and judged its last one. */
    private static boolean judged(JvmAdvisor.Watch w) {
        var audit = w.audit();
        return !audit.isEmpty() && audit.get(audit.size() - 1).kind() != Adjustment.Kind.SET;
    }

    /** A paced allocator; {@link #run} returns {sum of heap used samples, samples, max used, last committed}. */
    private static final class Paced {
        final byte[][] live;
        int next;

        /** @param liveArrays arrays of 100 KB kept live (800: 80 MB) */
        Paced(int liveArrays) {
            live = new byte[liveArrays][];
            for (int i = 0; i < live.length; i++) {
                live[i] = new byte[100_000];
            }
        }

        long[] run(JvmAdvisor.Watch w, int windows) {
            long target = w.windowsEvaluated() + windows;
            long deadline = System.nanoTime() + Duration.ofSeconds(10L * windows + 10).toNanos();
            var mem = ManagementFactory.getMemoryMXBean();
            long sum = 0;
            long n = 0;
            long max = 0;
            long committed = 0;
            long tick = System.nanoTime();
            while (w.windowsEvaluated() < target && System.nanoTime() < deadline) {
                for (int i = 0; i < 6; i++) {
                    sink = new byte[64 * 1024]; // 6 x 64 KB + 100 KB a tick of 10 ms: about 48 MB/s
                }
                live[next] = new byte[100_000]; // the live set turns over every liveArrays / 100 s
                next = (next + 1) % live.length;
                var u = mem.getHeapMemoryUsage();
                sum += u.getUsed();
                n++;
                max = Math.max(max, u.getUsed());
                committed = u.getCommitted();
                tick += 10_000_000L;
                long sleep = tick - System.nanoTime();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                } else if (sleep < -1_000_000_000L) {
                    tick = System.nanoTime(); // behind by a second (a loaded host): do not catch up in a burst
                }
            }
            return new long[] {sum, n, max, committed};
        }
    }

    /** Allocates until {@code windows} more windows have been evaluated; returns {sum of heap used samples, samples}. */
    private static long[] run(byte[][] live, JvmAdvisor.Watch w, int windows) {
        long target = w.windowsEvaluated() + windows;
        long deadline = System.nanoTime() + Duration.ofSeconds(10L * windows + 10).toNanos();
        long sum = 0;
        long n = 0;
        long nextSample = 0;
        var mem = ManagementFactory.getMemoryMXBean();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (w.windowsEvaluated() < target && System.nanoTime() < deadline) {
            for (int i = 0; i < 200; i++) {
                live[r.nextInt(live.length)] = new byte[100_000]; // live set about 40 MB, all of it churning
                sink = new byte[r.nextInt(1, 4096)];
            }
            if (System.nanoTime() > nextSample) {
                sum += mem.getHeapMemoryUsage().getUsed();
                n++;
                nextSample = System.nanoTime() + 20_000_000L;
            }
            Thread.onSpinWait();
        }
        return new long[] {sum, n};
    }
}
