package io.github.jvmadvisor.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a JVM allocated, from a JFR recording: sampled allocation by site, class and thread
 * ({@code jdk.ObjectAllocationSample}), TLAB events when they were enabled, and the exact per-thread
 * counters ({@code jdk.ThreadAllocationStatistics}).
 *
 * <p>Sampled figures are sums of the samples' {@code weight}: each sample stands for the bytes its
 * thread allocated since that thread's previous sample, so the sum per thread is close to what the
 * thread allocated, and the sum per site or class is an unbiased but noisy estimate (a few hundred
 * samples per second whatever the allocation rate). A thread's first sample in a recording started
 * after the thread counts from the thread's previous sample, which may be long before the recording
 * (on a JVM that has run for hours, gigabytes): when the per-thread counters show how much the thread had
 * allocated when the recording started, that much is taken off its first sample and reported as
 * {@code preRecordingWeightBytes}; without those counters it stays in. Method names are in the format of
 * {@code io.github.jvmadvisor.core.ingest.jfr.MethodNames}. Lists are ordered by weight, heaviest
 * first, ties by name, and hold at most the number of entries the sink was asked to keep; what did
 * not fit is in the {@code other...} totals, so kept entries plus other always add up to the total.
 *
 * @param samples {@code jdk.ObjectAllocationSample} events read (0 when none: then every sampled
 *     figure is 0 and the lists are empty)
 * @param sampledWeightBytes sum of the samples' weight, less {@code preRecordingWeightBytes}
 * @param preRecordingWeightBytes weight of threads' first samples found to belong to allocation before
 *     the recording started, and left out of every sampled figure
 * @param firstSampleAt time of the earliest sample, or {@code null}
 * @param lastSampleAt time of the latest sample, or {@code null}
 * @param sites allocation sites: the first frames of the sampled stacks, allocation plumbing skipped
 * @param otherSitesWeightBytes weight of sites not kept in {@code sites}
 * @param methods weight per allocating method (the first frame of a site), summed over lines and callers
 * @param classes weight per allocated class
 * @param threads weight per thread name
 * @param tlab TLAB refill and outside-TLAB events, or {@code null} when the recording has neither (they
 *     are off in both shipped settings)
 * @param exact exact allocation from the per-thread counters, or {@code null} when the recording has
 *     fewer than two snapshots of them
 * @param histogram the latest class histogram of the live heap ({@code jdk.ObjectCount},
 *     {@code jdk.ObjectCountAfterGC}), or {@code null} when the recording has none (both are off in the
 *     shipped settings: enabling them costs heap inspections)
 */
public record AllocationProfile(long samples, long sampledWeightBytes, long preRecordingWeightBytes,
        Instant firstSampleAt, Instant lastSampleAt,
        List<Site> sites, long otherSitesWeightBytes, List<Share> methods, List<Share> classes, List<Share> threads,
        Tlab tlab, Exact exact, Histogram histogram) {

    public AllocationProfile {
        sites = List.copyOf(sites);
        methods = List.copyOf(methods);
        classes = List.copyOf(classes);
        threads = List.copyOf(threads);
        if (samples < 0 || sampledWeightBytes < 0 || preRecordingWeightBytes < 0) {
            throw new IllegalArgumentException("negative sample totals");
        }
    }

    /**
     * One allocation site: the stack frames where allocations were sampled, top first, after leading
     * allocation plumbing (method handles, reflection, {@code Unsafe}, string concatenation helpers) was
     * skipped, so {@code frames.get(0)} is the code that asked for the memory.
     *
     * @param frames the first frames, at most the depth the sink was configured with; never empty
     * @param weightBytes sum of the weight of the samples at this site
     * @param samples number of samples
     * @param compiledSamples samples whose first frame ran JIT-compiled (or inlined) code: allocations
     *     that survived escape analysis in compiled code
     * @param classes the heaviest classes allocated here, at most three
     */
    public record Site(List<MethodFrame> frames, long weightBytes, long samples, long compiledSamples,
            List<Share> classes) {

        public Site {
            frames = List.copyOf(frames);
            classes = List.copyOf(classes);
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("a site has at least one frame");
            }
        }

        /** The allocating method, {@code frames.get(0).method()}. */
        public String method() {
            return frames.get(0).method();
        }

        /** Whether {@code method} is one of this site's frames. */
        public boolean passesThrough(String method) {
            for (MethodFrame f : frames) {
                if (f.method().equals(method)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Weight of one name (a class, a thread, a method).
     *
     * @param name the name
     * @param weightBytes sum of weights (bytes)
     * @param samples number of samples (or events) summed
     */
    public record Share(String name, long weightBytes, long samples) {
    }

    /**
     * TLAB events ({@code jdk.ObjectAllocationInNewTLAB}, {@code jdk.ObjectAllocationOutsideTLAB}). Not
     * sampled: one event per TLAB refill and per allocation outside a TLAB.
     *
     * @param inNewTlabEvents TLAB refills
     * @param inNewTlabBytes sum of the new TLABs' sizes: the bytes handed out as TLABs
     * @param outsideTlabEvents allocations outside any TLAB (large arrays, full TLABs)
     * @param outsideTlabBytes their total size
     * @param outsideRatio {@code outsideTlabBytes / (inNewTlabBytes + outsideTlabBytes)}, or {@code null}
     *     when the recording has no TLAB refill (then in-TLAB events were probably off)
     * @param outsideSites the heaviest outside-TLAB sites (weight = allocation size)
     * @param outsideClasses the heaviest outside-TLAB classes
     */
    public record Tlab(long inNewTlabEvents, long inNewTlabBytes, long outsideTlabEvents, long outsideTlabBytes,
            Double outsideRatio, List<Site> outsideSites, List<Share> outsideClasses) {

        public Tlab {
            outsideSites = List.copyOf(outsideSites);
            outsideClasses = List.copyOf(outsideClasses);
        }
    }

    /**
     * Exact allocation from {@code jdk.ThreadAllocationStatistics} (a snapshot of every thread's
     * allocation counter at each chunk start and end). A thread's share is its last snapshot minus its
     * first; a thread first seen after the first snapshot was started during the recording and counts
     * from zero. Allocation by threads that ended between two snapshots after their last one is missed,
     * so this is a lower bound.
     *
     * @param allocatedBytes bytes allocated between {@code from} and {@code to}
     * @param from time of the first snapshot
     * @param to time of the last snapshot
     * @param threads threads seen in the snapshots
     * @param byThread bytes per thread name, most first ({@code samples} = snapshots of that thread's
     *     counter)
     */
    public record Exact(long allocatedBytes, Instant from, Instant to, int threads, List<Share> byThread) {

        public Exact {
            byThread = List.copyOf(byThread);
        }

        /** Bytes per second between the first and last snapshot, or {@code null} when they coincide. */
        public Double rateBytesPerSec() {
            long nanos = Duration.between(from, to).toNanos();
            return nanos <= 0 ? null : allocatedBytes * 1e9 / nanos;
        }
    }

    /**
     * A class histogram of the live heap taken after a collection that marked the whole heap
     * ({@code jdk.ObjectCountAfterGC}: after full collections and G1 remarks) or by a heap inspection
     * ({@code jdk.ObjectCount}, which runs a full collection first). The JVM lists only classes that take
     * at least {@code ObjectCountCutOffPercent} (0.5 %) of the heap, so the listed totals are below the
     * live heap.
     *
     * @param gcId the collection the histogram was taken at (the highest in the recording)
     * @param at when
     * @param eventType {@code "jdk.ObjectCount"} or {@code "jdk.ObjectCountAfterGC"}
     * @param histograms histograms in the recording (distinct collections)
     * @param heapUsedAfterBytes heap used after that collection ({@code jdk.GCHeapSummary}), or {@code null}
     * @param listedInstances instances of the listed classes
     * @param listedBytes bytes of the listed classes
     * @param classes the listed classes, most bytes first, ties by name
     */
    public record Histogram(long gcId, Instant at, String eventType, int histograms, Long heapUsedAfterBytes,
            long listedInstances, long listedBytes, List<ClassCount> classes) {

        public Histogram {
            classes = List.copyOf(classes);
        }

        /** Bytes of instances of {@code className} ({@code "byte[]"}, {@code "java.lang.String"}), 0 when not listed. */
        public long bytesOf(String className) {
            for (ClassCount c : classes) {
                if (c.name().equals(className)) {
                    return c.bytes();
                }
            }
            return 0;
        }

        /** The live heap: heap used after the collection when known, else the listed bytes. */
        public long liveBytes() {
            return heapUsedAfterBytes != null && heapUsedAfterBytes >= listedBytes ? heapUsedAfterBytes : listedBytes;
        }

        /** Mean size of the listed instances in bytes, or {@code null} without instances. */
        public Double meanInstanceBytes() {
            return listedInstances == 0 ? null : (double) listedBytes / listedInstances;
        }
    }

    /**
     * One class of a histogram.
     *
     * @param name the class, e.g. {@code java.lang.String} or {@code byte[]}
     * @param instances live instances
     * @param bytes their total size
     */
    public record ClassCount(String name, long instances, long bytes) {
    }

    /**
     * The sampled allocation rate: {@code sampledWeightBytes} over the time between the first and last
     * sample, or {@code null} with fewer than two distinct sample times.
     */
    public Double sampledRateBytesPerSec() {
        if (firstSampleAt == null || lastSampleAt == null) {
            return null;
        }
        long nanos = Duration.between(firstSampleAt, lastSampleAt).toNanos();
        return nanos <= 0 ? null : sampledWeightBytes * 1e9 / nanos;
    }

    /** The best allocation rate known: exact when available, else sampled, else {@code null}. */
    public Double rateBytesPerSec() {
        Double r = exact == null ? null : exact.rateBytesPerSec();
        return r != null ? r : sampledRateBytesPerSec();
    }

    /**
     * The kept sites that pass through {@code method} (any of their frames), heaviest first: the join
     * with inlining call sites ({@code JitProfile.inliningFailuresIn}) and hot methods.
     */
    public List<Site> sitesIn(String method) {
        return sites.stream().filter(s -> s.passesThrough(method)).toList();
    }

    /** The sampled weight allocated directly in {@code method} (first frame), 0 when not among {@code methods}. */
    public long weightAllocatedIn(String method) {
        for (Share s : methods) {
            if (s.name().equals(method)) {
                return s.weightBytes();
            }
        }
        return 0;
    }
}
