package io.github.jvmadvisor.benchmarks;

import io.github.jvmadvisor.runtime.JvmAdvisor;
import io.github.jvmadvisor.runtime.WatchOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A service-like CPU and allocation workload with and without {@link JvmAdvisor#watch} running in the
 * same JVM: the throughput cost of the watch (its JFR recording, the stream's parsing thread, each window's
 * evaluation by all the rules). Run through {@link WatchOverhead}, which runs as many benchmark threads as
 * CPUs, so that whatever CPU the watch's own thread takes comes out of the measured throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WatchOverheadBenchmark {

    /**
     * {@code off}: no watch; {@code on}: a watch with the window below, MBean registered, no logging. To find
     * what costs: {@code stream} the shared JFR stream with the watch's events and a listener that does
     * nothing (no evidence, no rules); {@code stream-no-samples} the same without the execution and
     * allocation samples (the CPU-profile and allocation kinds).
     */
    @Param({"off", "on"})
    public String watch;

    /** The watch's window in seconds (the default is 60; shorter windows evaluate more often). */
    @Param({"10"})
    public int windowSeconds;

    /**
     * {@code none}: nothing before the trial. {@code advisor}: both arms first run a watch with a 2 s window
     * for two windows and close it, so the advisor's code (JFR parsing, sinks, rules) has run once in every
     * fork: the JIT has compiled it and the JDK methods it shares with the workload carry its type profiles
     * in both arms. The difference is then the cost of keeping a watch running, without the one-time cost
     * of its first windows (see docs/startup-api.md, Overhead).
     */
    @Param({"none"})
    public String prime;

    /** A file each fork appends its CPU accounting to ({@link WatchOverhead} reads it), or empty. */
    @Param({""})
    public String cpuLog;

    private JvmAdvisor.Watch running;
    private io.github.jvmadvisor.runtime.LiveRecording.Subscription stream;
    private Map<Long, Long> threadCpu0;
    private long processCpu0;
    /** Requests served, counted in every thread. */
    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();
    private boolean measuring;
    private long served0;
    private long cpu0;
    /** Requests and process CPU (ns) over the measurement iterations. */
    private long measuredOps;
    private long measuredCpu;

    @Setup(Level.Iteration)
    public void iterationStart(org.openjdk.jmh.infra.IterationParams it) {
        measuring = it.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
        served0 = served.sum();
        cpu0 = processCpu();
    }

    @TearDown(Level.Iteration)
    public void iterationEnd() {
        if (measuring) {
            measuredCpu += processCpu() - cpu0;
            measuredOps += served.sum() - served0;
        }
    }

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        if (prime.equals("advisor")) {
            try (JvmAdvisor.Watch w = JvmAdvisor.watch(WatchOptions.builder().window(Duration.ofSeconds(2)).log(false)
                    .mbean(false).build())) {
                // a workload thread meanwhile, so the windows have collections and samples to read
                Work work = new Work();
                long end = System.nanoTime() + 20_000_000_000L;
                while (w.windowsEvaluated() < 2 && System.nanoTime() < end) {
                    request(work);
                }
                if (w.windowsEvaluated() < 2) {
                    throw new IllegalStateException("the priming watch evaluated " + w.windowsEvaluated() + " windows");
                }
            }
        }
        if (watch.equals("on")) {
            running = JvmAdvisor.watch(WatchOptions.builder().window(Duration.ofSeconds(windowSeconds)).log(false)
                    .build());
            if (!running.active()) {
                throw new IllegalStateException("the watch is not active");
            }
        } else if (watch.startsWith("stream")) {
            java.util.Set<io.github.jvmadvisor.core.rule.EvidenceKind> kinds = java.util.EnumSet.noneOf(
                    io.github.jvmadvisor.core.rule.EvidenceKind.class);
            for (io.github.jvmadvisor.core.rule.Rule r : io.github.jvmadvisor.core.engine.RuleSet.load().rules()) {
                kinds.addAll(r.requires());
                kinds.addAll(r.uses());
            }
            if (watch.equals("stream-no-samples")) {
                kinds.remove(io.github.jvmadvisor.core.rule.EvidenceKind.CPU_PROFILE);
                kinds.remove(io.github.jvmadvisor.core.rule.EvidenceKind.VIRTUAL_THREAD_PINNING);
                kinds.remove(io.github.jvmadvisor.core.rule.EvidenceKind.ALLOCATION);
                kinds.remove(io.github.jvmadvisor.core.rule.EvidenceKind.OBJECT_HISTOGRAM);
            }
            io.github.jvmadvisor.runtime.LiveEvents events = io.github.jvmadvisor.runtime.LiveEvents.forKinds(kinds,
                    java.util.Set.of());
            System.out.println("\nstream events: " + events.types());
            stream = io.github.jvmadvisor.runtime.LiveRecording.subscribe(events, e -> { });
        }
        threadCpu0 = watchThreadsCpu();
        processCpu0 = processCpu();
        groups0 = threadGroupsCpu();
    }

    private Map<String, Long> groups0 = Map.of();

    /**
     * CPU time in ms by kind of thread, JVM threads included (GC, JIT compilers), from {@code /proc/self/task}:
     * where a cost the watch causes outside its own threads shows. Empty where there is no /proc.
     */
    static Map<String, Long> threadGroupsCpu() {
        Map<String, Long> out = new java.util.TreeMap<>();
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        try (java.util.stream.Stream<java.nio.file.Path> ts = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) ts::iterator) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    String group = comm.startsWith("C2 ") ? "C2 compiler" : comm.startsWith("C1 ") ? "C1 compiler"
                            : comm.startsWith("GC ") || comm.startsWith("G1 ") ? "GC" : comm.startsWith("JFR")
                            ? "JFR" : comm.startsWith("jvm-advisor") ? "watch stream" : comm.contains("jmh-worker")
                            || comm.contains("WatchOverhead") ? "benchmark" : "other";
                    out.merge(group, ticks * 10, Long::sum); // 100 ticks a second
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void stop() throws java.io.IOException {
        // the CPU the watch's threads took while the benchmark ran, against the whole process's: a figure the
        // other load on a shared machine does not blur as it blurs throughput
        long process = processCpu() - processCpu0;
        long watchCpu = 0;
        for (Map.Entry<Long, Long> e : watchThreadsCpu().entrySet()) {
            watchCpu += e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L);
        }
        Map<String, Long> groups = threadGroupsCpu();
        StringBuilder g = new StringBuilder();
        groups.forEach((k, v) -> g.append(k).append(' ').append(v - groups0.getOrDefault(k, 0L)).append(" ms, "));
        System.out.println("\nCPU by thread kind (" + watch + "): " + g);
        long windows = running == null ? 0 : running.windowsEvaluated();
        String line = String.format(java.util.Locale.ROOT, "%s %d %d %d %d %d%n", watch, watchCpu, process, windows,
                measuredOps, measuredCpu);
        System.out.print("\nwatch threads CPU, process CPU (ns), windows, measured requests, measured CPU (ns): " + line);
        if (!cpuLog.isEmpty()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(cpuLog), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        if (running != null) {
            running.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    /** CPU time by thread id of the watch's stream thread and JFR's own Java threads. */
    private static Map<Long, Long> watchThreadsCpu() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (java.lang.management.ThreadInfo i : t.getThreadInfo(t.getAllThreadIds())) {
            if (i != null && (i.getThreadName().startsWith("jvm-advisor") || i.getThreadName().startsWith("JFR"))) {
                long c = t.getThreadCpuTime(i.getThreadId());
                if (c >= 0) {
                    out.put(i.getThreadId(), c);
                }
            }
        }
        return out;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Per-thread state of the workload: a map that is rebuilt and a live set that churns slowly. */
    @State(Scope.Thread)
    public static class Work {
        final Object[] live = new Object[2048];
        int next;
    }

    /**
     * One request: parse and aggregate 64 small records (strings, a map, boxed numbers), sort the totals, keep
     * one result in a slowly churning live set. About 100 KB of garbage and a few microseconds of CPU.
     */
    @Benchmark
    public long request(Work w) {
        served.increment();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, long[]> totals = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            String line = "customer-" + r.nextInt(32) + ";" + r.nextInt(1000) + ";" + r.nextLong(1_000_000);
            String[] f = line.split(";");
            long[] t = totals.computeIfAbsent(f[0], k -> new long[2]);
            t[0] += Integer.parseInt(f[1]);
            t[1] += Long.parseLong(f[2]) % 97;
        }
        // a primitive sort: sorting objects with a comparator made the JIT's inlining of TimSort a lottery
        // (whether TimSort.sort was compiled on its own first), and forks settled 30 % apart either way
        long[] sorted = new long[totals.size()];
        int i = 0;
        for (long[] t : totals.values()) {
            sorted[i++] = t[0] * 128 + (t[1] & 127);
        }
        java.util.Arrays.sort(sorted);
        byte[] keep = new byte[256 + r.nextInt(4096)];
        w.live[w.next] = keep;
        w.next = (w.next + 1) & (w.live.length - 1);
        return sorted[sorted.length - 1] + sorted.length + keep.length;
    }
}
