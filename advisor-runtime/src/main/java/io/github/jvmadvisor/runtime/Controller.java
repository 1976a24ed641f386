package io.github.jvmadvisor.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.JvmConfig;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Adjusts manageable flags once per window, guarded: the automemlimit-style soft heap cap for ZGC and
 * Shenandoah ({@code SoftMaxHeapSize = limit * (1 - headroom) - non-heap}), moved by at most {@code
 * maxStep} per window and never below 1.25 times the heap in use after the last collection; each change
 * is followed by one window of observation and rolled back when allocation stalls, GC CPU share or pause
 * p99 got worse. Explicit requests ({@link #request}) go through the same guard.
 *
 * <p>Called on the stream's thread (each window) and from the application ({@link #limit}, {@link
 * #request}); synchronized.
 */
final class Controller {

    static final String SOFT_MAX = "SoftMaxHeapSize";
    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";
    static final String PERIODIC = "G1PeriodicGCInterval";
    private static final long MIN_SOFT_MAX = 16L << 20;
    /** The lowest MaxHeapFreeRatio the controller sets: below it a heap shrinks and regrows at every cycle. */
    static final int MIN_MAX_FREE = 20;

    private final ControllerOptions options;
    /** The watch's window, the periodic collection interval when the window's own length is not known. */
    private final long windowMillis;
    private final Logger log;
    private final HotSpotDiagnosticMXBean hotspot;
    private final List<Adjustment> audit = new ArrayList<>();
    private Long limitBytes;
    /** The change under observation, or {@code null}. */
    private Pending pending;
    /** An explicit request waiting for the next window. */
    private String[] requested;

    private record Pending(String flag, String from, String to, Guard before) {
    }

    /**
     * The guarded figures of one window. {@code cycleShare} is the share of the window concurrent cycles
     * were running (ZGC, Shenandoah): their GC CPU where JFR gives none ({@code jdk.GCCPUTime} covers
     * stop-the-world collections only), since the concurrent threads work while a cycle runs.
     */
    record Guard(double stallMillis, Double gcCpu, Double p99Millis, Double cycleShare) {
        Guard(double stallMillis, Double gcCpu, Double p99Millis) {
            this(stallMillis, gcCpu, p99Millis, null);
        }

        static Guard of(Evidence e) {
            GcMetrics m = e.gc().map(g -> g.metrics()).orElse(null);
            Collector c = e.gc().map(g -> g.setup().collector())
                    .orElseGet(() -> e.jvm().map(JvmConfig::collector).orElse(null));
            if (m == null) {
                // a window without a collection: for a concurrent collector, no cycle ran
                return new Guard(0, null, null, c == Collector.ZGC || c == Collector.SHENANDOAH ? 0.0 : null);
            }
            double stalls = m.allocationStalls() == null ? 0 : m.allocationStalls().totalMillis();
            Double cycles = null;
            if ((c == Collector.ZGC || c == Collector.SHENANDOAH) && m.durationSeconds() != null
                    && m.durationSeconds() > 0) {
                double ms = m.concurrentCycles() == null ? 0 : m.concurrentCycles().totalMillis();
                cycles = Math.min(1.0, ms / (1000 * m.durationSeconds()));
            }
            return new Guard(stalls, m.gcCpuFraction(), m.pauses() == null || m.pauses().count() == 0 ? null
                    : m.pauses().p99Millis(), cycles);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "stalls %.0f ms, GC CPU %s, pause p99 %s, concurrent cycles %s",
                    stallMillis, gcCpu == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * gcCpu),
                    p99Millis == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f ms", p99Millis),
                    cycleShare == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f %% of the window",
                            100 * cycleShare));
        }
    }

    Controller(ControllerOptions options, Long limitBytes, Logger log) {
        this(options, limitBytes, log, 60_000);
    }

    Controller(ControllerOptions options, Long limitBytes, Logger log, long windowMillis) {
        this.windowMillis = windowMillis;
        this.options = options;
        this.limitBytes = limitBytes;
        this.log = log;
        this.hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    }

    synchronized void limit(long bytes) {
        limitBytes = bytes;
    }

    synchronized void request(String flag, String value) {
        requested = new String[] {flag, value};
    }

    synchronized List<Adjustment> audit() {
        return List.copyOf(audit);
    }

    /** One window closed: judge the pending change, else make at most one new one. */
    synchronized void onWindow(Evidence window, JvmConfig config) {
        Guard now = Guard.of(window);
        if (pending != null) {
            String worse = worse(pending.before, now);
            if (worse != null) {
                if (set(pending.flag, pending.from)) {
                    record(Adjustment.Kind.ROLLED_BACK, pending.flag, pending.to, pending.from, worse);
                }
            } else {
                record(Adjustment.Kind.KEPT, pending.flag, pending.from, pending.to, "guarded metrics held: "
                        + pending.before + " before, " + now + " after");
            }
            pending = null;
            return; // one window between changes
        }
        if (requested != null) {
            String[] r = requested;
            requested = null;
            change(r[0], r[1], "requested", now);
            return;
        }
        Collector gc = config.collector();
        if (limitBytes != null && (gc == Collector.ZGC || gc == Collector.SHENANDOAH)) {
            softMax(config, window, now);
        } else if (limitBytes != null && (gc == Collector.G1 || gc == Collector.SERIAL)) {
            returnMemory(gc, window, now);
        }
    }

    /**
     * G1 and Serial, when the committed heap is above the budget ({@code limit * (1 - headroom) - non-heap}):
     * they give memory back when a collection that can shrink the heap (G1: remark or full; Serial: full)
     * leaves more than {@code MaxHeapFreeRatio} of it free. So, one step per window: lower
     * {@code MinHeapFreeRatio} when it is in the way, then {@code MaxHeapFreeRatio} to what lets the live set fit
     * the budget (never below {@value #MIN_MAX_FREE} %), then, for G1 in a window without a collection (an
     * idle service never reaches a remark), {@code G1PeriodicGCInterval} = the window, so an idle JVM runs a
     * concurrent cycle and shrinks at its remark. Parallel is left alone: it sizes by its adaptive policy
     * and follows the free ratios only without it.
     */
    private void returnMemory(Collector gc, Evidence window, Guard now) {
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long nonHeap = nonHeapBytes();
        long budget = (long) (limitBytes * (1 - options.headroom())) - nonHeap;
        long committed = heap.getCommitted();
        if (budget <= 0 || committed <= budget) {
            return;
        }
        Long live = window.gc().map(g -> g.metrics().liveSet()).map(l -> l.bytes()).orElse(null);
        long keep = live != null && live > 0 ? live : heap.getUsed();
        int target = (int) Math.max(MIN_MAX_FREE, Math.floor(100 * (1 - (double) keep / budget)));
        String why = "heap committed " + mb(committed) + " above the budget: container limit " + mb(limitBytes) + " x "
                + (1 - options.headroom()) + " - non-heap " + mb(nonHeap) + " = " + mb(budget) + "; "
                + (live != null && live > 0 ? "live set " : "heap in use ") + mb(keep);
        Integer max = intValue(MAX_FREE);
        Integer min = intValue(MIN_FREE);
        if (max != null && min != null && target < max) {
            if (min > target) {
                change(MIN_FREE, Integer.toString(Math.max(0, target - 10)), why + "; MinHeapFreeRatio must not exceed "
                        + "the MaxHeapFreeRatio " + target + " to come", now);
            } else {
                change(MAX_FREE, Integer.toString(target), why + "; free after a shrinking collection at most " + target
                        + " %", now);
            }
            return;
        }
        boolean collected = window.gc().map(g -> g.metrics().pauses()).map(p -> p.count() > 0).orElse(false);
        Long interval = longValue(PERIODIC);
        if (gc == Collector.G1 && !collected && interval != null && interval == 0) {
            long ms = Math.max(1000, window.gc().map(g -> g.metrics().durationSeconds()).filter(d -> d != null && d > 0)
                    .map(d -> (long) (d * 1000)).orElse(windowMillis));
            change(PERIODIC, Long.toString(ms), why + "; no collection this window, so no remark to shrink at: a "
                    + "concurrent cycle after " + ms + " ms without one", now);
        }
    }

    private void softMax(JvmConfig config, Evidence window, Guard now) {
        Long max = config.maxHeapBytes();
        String currentText = value(SOFT_MAX);
        if (max == null || currentText == null) {
            return;
        }
        long current = Long.parseUnsignedLong(currentText);
        long nonHeap = nonHeapBytes();
        long target = (long) (limitBytes * (1 - options.headroom())) - nonHeap;
        long live = window.gc().map(g -> g.metrics().liveSet()).map(l -> l.bytes() == null ? -1L : l.bytes()).orElse(-1L);
        long floor = Math.max(MIN_SOFT_MAX, live > 0 ? (long) (live * 1.25) : 0);
        target = Math.max(floor, Math.min(max, target));
        long step = (long) (current * options.maxStep());
        long next = target < current ? Math.max(target, current - step) : Math.min(target, current + step);
        if (Math.abs(next - current) < (1L << 20)) {
            return;
        }
        change(SOFT_MAX, Long.toString(next), "container limit " + mb(limitBytes) + " x " + (1 - options.headroom())
                + " - non-heap " + mb(nonHeap) + " = " + mb(target) + " target (floor " + mb(floor) + ", step at most "
                + (int) (options.maxStep() * 100) + " %)", now);
    }

    private void change(String flag, String value, String why, Guard before) {
        VMOption o;
        try {
            o = hotspot.getVMOption(flag);
        } catch (IllegalArgumentException e) {
            record(Adjustment.Kind.REFUSED, flag, null, null, "no such flag on JDK " + Runtime.version().feature());
            return;
        }
        if (!o.isWriteable()) {
            record(Adjustment.Kind.REFUSED, flag, null, null, "not manageable on JDK " + Runtime.version().feature()
                    + ": it can only be set on the command line");
            return;
        }
        String from = o.getValue();
        if (from.equals(value)) {
            return;
        }
        if (set(flag, value)) {
            record(Adjustment.Kind.SET, flag, from, value, why);
            pending = new Pending(flag, from, value, before);
        }
    }

    private boolean set(String flag, String value) {
        try {
            hotspot.setVMOption(flag, value);
            return true;
        } catch (RuntimeException e) {
            record(Adjustment.Kind.REFUSED, flag, null, null, "setting " + value + " failed: " + e.getMessage());
            return false;
        }
    }

    /** Why {@code after} is worse than {@code before}, or {@code null}. */
    String worse(Guard before, Guard after) {
        if (after.stallMillis() > options.stallWorseMillis() && after.stallMillis() > 2 * before.stallMillis()) {
            return String.format(java.util.Locale.ROOT, "allocation stalls rose from %.0f ms to %.0f ms a window",
                    before.stallMillis(), after.stallMillis());
        }
        if (before.gcCpu() != null && after.gcCpu() != null && after.gcCpu() > 2 * before.gcCpu()
                && after.gcCpu() - before.gcCpu() > options.gcCpuWorse()) {
            return String.format(java.util.Locale.ROOT, "GC CPU share rose from %.1f %% to %.1f %%",
                    100 * before.gcCpu(), 100 * after.gcCpu());
        }
        if (before.cycleShare() != null && after.cycleShare() != null && after.cycleShare() > 2 * before.cycleShare()
                && after.cycleShare() - before.cycleShare() > options.gcCpuWorse()) {
            return String.format(java.util.Locale.ROOT, "concurrent GC cycles rose from %.0f %% to %.0f %% of the window",
                    100 * before.cycleShare(), 100 * after.cycleShare());
        }
        if (before.p99Millis() != null && after.p99Millis() != null && after.p99Millis() > 2 * before.p99Millis()
                && after.p99Millis() - before.p99Millis() > options.pauseP99WorseMillis()) {
            return String.format(java.util.Locale.ROOT, "pause p99 rose from %.1f ms to %.1f ms",
                    before.p99Millis(), after.p99Millis());
        }
        return null;
    }

    private Integer intValue(String flag) {
        Long v = longValue(flag);
        return v == null ? null : (int) (long) v;
    }

    private Long longValue(String flag) {
        String v = value(flag);
        try {
            return v == null ? null : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String value(String flag) {
        try {
            return hotspot.getVMOption(flag).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Committed non-heap (metaspace, code cache, compressed class space) plus direct buffers in use. */
    static long nonHeapBytes() {
        long n = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted();
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            n += Math.max(0, b.getMemoryUsed());
        }
        return n;
    }

    private void record(Adjustment.Kind kind, String flag, String from, String to, String reason) {
        Adjustment a = new Adjustment(Instant.now(), kind, flag, from, to, reason);
        audit.add(a);
        if (audit.size() > 1000) {
            audit.remove(0); // bounded: the oldest entries go
        }
        if (kind == Adjustment.Kind.ROLLED_BACK || kind == Adjustment.Kind.REFUSED) {
            log.warn("jvm-advisor adjust: {}", a);
        } else {
            log.info("jvm-advisor adjust: {}", a);
        }
    }

    private static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
