package io.github.jvmadvisor.core.model;

import java.time.Instant;
import java.util.List;

/**
 * Where a JVM spent CPU and where its threads waited, from a JFR recording: execution samples
 * ({@code jdk.ExecutionSample}), CPU load ({@code jdk.CPULoad}, {@code jdk.ThreadCPULoad}), monitor
 * contention ({@code jdk.JavaMonitorEnter}) and parking ({@code jdk.ThreadPark}).
 *
 * <p>Methods are named in the format of {@code io.github.jvmadvisor.core.ingest.jfr.MethodNames}, the
 * same as in {@link AllocationProfile} and {@link JitProfile}. Waits are only those longer than the
 * events' thresholds (20 ms in {@code default}, 10 ms in {@code profile}). Sample lists are ordered by
 * samples, waits by total time, most first, ties by name; lists hold at most the entries the sink keeps.
 *
 * @param samples execution samples read (0 when none: the lists are then empty)
 * @param firstSampleAt time of the earliest sample, or {@code null}
 * @param lastSampleAt time of the latest sample, or {@code null}
 * @param selfMethods samples per top frame: where the CPU was when sampled
 * @param inclusiveMethods samples per method anywhere on the stack, each method counted once per sample
 * @param threads samples per thread name
 * @param load {@code jdk.CPULoad}, or {@code null} when the recording has none
 * @param monitors {@code jdk.JavaMonitorEnter}; never {@code null} ({@code events} 0 when none)
 * @param parks {@code jdk.ThreadPark}; never {@code null} ({@code events} 0 when none)
 * @param threadLoads {@code jdk.ThreadCPULoad} per thread name, highest mean first; empty when none
 * @param pinned {@code jdk.VirtualThreadPinned} (JDK 21+), or {@code null} when the recording neither
 *     enabled the event nor has any (JDK 17, or settings that turned it off)
 */
public record CpuProfile(long samples, Instant firstSampleAt, Instant lastSampleAt, List<MethodSamples> selfMethods,
        List<MethodSamples> inclusiveMethods, List<MethodSamples> threads, CpuLoad load, Blocking monitors,
        Blocking parks, List<ThreadLoad> threadLoads, Pinning pinned) {

    public CpuProfile {
        selfMethods = List.copyOf(selfMethods);
        inclusiveMethods = List.copyOf(inclusiveMethods);
        threads = List.copyOf(threads);
        threadLoads = List.copyOf(threadLoads);
        if (monitors == null || parks == null) {
            throw new IllegalArgumentException("monitors and parks are required");
        }
    }

    /**
     * Samples of one method (or thread).
     *
     * @param method the method (or thread name)
     * @param samples samples
     * @param share {@code samples} over all execution samples, 0 to 1
     */
    public record MethodSamples(String method, long samples, double share) {
    }

    /**
     * Process and machine CPU load, fractions of all CPUs (0 to 1).
     *
     * @param samples events read
     * @param jvmMean mean of {@code jvmUser + jvmSystem}
     * @param jvmMax largest {@code jvmUser + jvmSystem}
     * @param machineMean mean of {@code machineTotal}
     * @param machineMax largest {@code machineTotal}
     */
    public record CpuLoad(long samples, double jvmMean, double jvmMax, double machineMean, double machineMax) {
    }

    /**
     * Threads that blocked, in one way (monitor enter or park).
     *
     * @param events waits recorded
     * @param totalNanos their summed duration
     * @param maxNanos the longest
     * @param byClass per class of the monitor (or of the park blocker; {@code "?"} without one)
     * @param bySite per site: the first frame outside the JDK (java., javax., jdk., sun., com.sun.), or the
     *     top frame when the whole stack is JDK code
     */
    public record Blocking(long events, long totalNanos, long maxNanos, List<Blocked> byClass, List<Blocked> bySite) {

        public Blocking {
            byClass = List.copyOf(byClass);
            bySite = List.copyOf(bySite);
        }
    }

    /**
     * Waits on one class or at one site.
     *
     * @param name the class, or for a site the method
     * @param line for a site the source line, else {@code null}
     * @param events waits
     * @param totalNanos summed duration
     * @param maxNanos longest
     */
    public record Blocked(String name, Integer line, long events, long totalNanos, long maxNanos) {
    }

    /**
     * CPU load of one thread: {@code user + system} as JFR reports it, a fraction of all CPUs (0 to 1).
     *
     * @param thread the thread name
     * @param samples events read
     * @param meanLoad mean of {@code user + system}
     * @param maxLoad largest {@code user + system}
     */
    public record ThreadLoad(String thread, long samples, double meanLoad, double maxLoad) {
    }

    /**
     * Virtual threads that blocked while pinned to their carrier thread ({@code jdk.VirtualThreadPinned},
     * recorded above the event's threshold, 20 ms in both shipped settings). Sites are as in
     * {@link Blocking}: the first frame outside the JDK, which on a pinned stack is the application code
     * that held the monitor or called the native method (the top frames are the JDK's parking code).
     *
     * @param events pinned blocks recorded
     * @param totalNanos their summed duration
     * @param maxNanos the longest
     * @param firstAt start of the earliest, or {@code null}
     * @param lastAt start of the latest, or {@code null}
     * @param byReason per {@code pinnedReason} (JDK 24+, e.g. {@code "Native or VM frame on stack"});
     *     {@code "?"} when the JDK does not record one (21 to 23: a monitor held or a native frame)
     * @param bySite per site, most total time first
     */
    public record Pinning(long events, long totalNanos, long maxNanos, Instant firstAt, Instant lastAt,
            List<Blocked> byReason, List<Blocked> bySite) {

        public Pinning {
            byReason = List.copyOf(byReason);
            bySite = List.copyOf(bySite);
        }
    }

    /** Samples whose top frame is {@code method}; 0 when it is not among the kept methods. */
    public long selfSamplesOf(String method) {
        return find(selfMethods, method);
    }

    /** Samples with {@code method} anywhere on the stack; 0 when it is not among the kept methods. */
    public long inclusiveSamplesOf(String method) {
        return find(inclusiveMethods, method);
    }

    /**
     * How hot {@code method} is: its inclusive samples over all samples (0 to 1), or {@code null} when the
     * recording has no execution samples. The weight rules give an inlining call site in this method.
     */
    public Double hotness(String method) {
        return samples == 0 ? null : (double) inclusiveSamplesOf(method) / samples;
    }

    private static long find(List<MethodSamples> list, String method) {
        for (MethodSamples m : list) {
            if (m.method().equals(method)) {
                return m.samples();
            }
        }
        return 0;
    }
}
