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
            b.control(ControllerOptions.defaults()).containerMemory(1L << 30);
        }
        try (JvmAdvisor.Watch w = JvmAdvisor.watch(b.build())) {
            System.out.println("ACTIVE " + w.active());
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
