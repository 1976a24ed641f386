package io.github.jvmadvisor.core.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a JVM used besides the Java heap, from a recording: metaspace, direct buffers, threads, the
 * resident set, native memory tracking categories, the container's memory and CPU accounting, and
 * old-object samples. Every value is {@code null} when the recording did not have the event.
 *
 * @param memory non-heap memory peaks
 * @param container the container's own accounting, or {@code null} when not in a container
 * @param oldObjects old-object samples (leak candidates), or {@code null} when not recorded
 */
public record Resources(NativeMemory memory, ContainerUsage container, OldObjects oldObjects) {

    public Resources {
        if (memory == null) {
            throw new IllegalArgumentException("memory is required");
        }
    }

    /**
     * Non-heap memory.
     *
     * @param metaspaceUsedPeakBytes peak metaspace used ({@code jdk.MetaspaceSummary})
     * @param metaspaceCommittedPeakBytes peak metaspace committed
     * @param classSpaceCommittedPeakBytes peak compressed class space committed
     * @param metaspaceGcThresholdBytes the last metaspace GC threshold (a collection runs when
     *     metaspace reaches it)
     * @param directUsedPeakBytes peak memory used by direct buffers ({@code jdk.DirectBufferStatistics})
     * @param directCountPeak peak number of direct buffers
     * @param directMaxCapacityBytes the direct memory limit ({@code MaxDirectMemorySize} in effect)
     * @param threadsPeak peak live Java threads ({@code jdk.JavaThreadStatistics})
     * @param threadsStarted threads started since the JVM began
     * @param rssPeakBytes peak resident set size ({@code jdk.ResidentSetSize}, JDK 21+)
     * @param rssLastBytes last resident set size
     * @param nmtCommittedPeakBytes peak total committed native memory ({@code jdk.NativeMemoryUsageTotal},
     *     only with {@code -XX:NativeMemoryTracking})
     * @param nmtByCategory per native-memory-tracking category, sorted by name
     * @param physicalUsedPeakBytes peak physical memory in use on the machine
     * @param swapUsedPeakBytes peak swap in use ({@code jdk.SwapSpace} {@code totalSize - freeSize}, JDK 25
     *     recordings; in a container, the container's swap), or {@code null} when not recorded
     * @param classesUnloaded classes unloaded since the JVM started, at the last {@code jdk.ClassLoadingStatistics}
     *     (every second in the default settings; a recording shorter than that may have none), or {@code null}
     * @param classesLoadedPeak the most classes loaded at once ({@code loadedClassCount - unloadedClassCount})
     */
    public record NativeMemory(Long metaspaceUsedPeakBytes, Long metaspaceCommittedPeakBytes,
            Long classSpaceCommittedPeakBytes, Long metaspaceGcThresholdBytes, Long directUsedPeakBytes,
            Long directCountPeak, Long directMaxCapacityBytes, Long threadsPeak, Long threadsStarted,
            Long rssPeakBytes, Long rssLastBytes, Long nmtCommittedPeakBytes, Map<String, NmtCategory> nmtByCategory,
            Long physicalUsedPeakBytes, Long swapUsedPeakBytes, Long classesUnloaded, Long classesLoadedPeak) {

        public NativeMemory {
            nmtByCategory = nmtByCategory == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new TreeMap<>(nmtByCategory));
        }

        /** Non-heap memory without the swap in use (recordings before JDK 25 have no {@code jdk.SwapSpace}). */
        public NativeMemory(Long metaspaceUsedPeakBytes, Long metaspaceCommittedPeakBytes,
                Long classSpaceCommittedPeakBytes, Long metaspaceGcThresholdBytes, Long directUsedPeakBytes,
                Long directCountPeak, Long directMaxCapacityBytes, Long threadsPeak, Long threadsStarted,
                Long rssPeakBytes, Long rssLastBytes, Long nmtCommittedPeakBytes, Map<String, NmtCategory> nmtByCategory,
                Long physicalUsedPeakBytes) {
            this(metaspaceUsedPeakBytes, metaspaceCommittedPeakBytes, classSpaceCommittedPeakBytes,
                    metaspaceGcThresholdBytes, directUsedPeakBytes, directCountPeak, directMaxCapacityBytes, threadsPeak,
                    threadsStarted, rssPeakBytes, rssLastBytes, nmtCommittedPeakBytes, nmtByCategory,
                    physicalUsedPeakBytes, null, null, null);
        }
    }

    /**
     * One native-memory-tracking category.
     *
     * @param committedPeakBytes peak committed
     * @param committedLastBytes last committed
     * @param reservedPeakBytes peak reserved
     */
    public record NmtCategory(long committedPeakBytes, long committedLastBytes, long reservedPeakBytes) {
    }

    /**
     * The container's accounting ({@code jdk.ContainerMemoryUsage}, {@code jdk.ContainerCPUThrottling}).
     *
     * @param memoryUsagePeakBytes peak memory the container charged (page cache included)
     * @param memoryFailCount times the container hit its memory limit
     * @param cpuElapsedSlices CPU periods elapsed during the recording (the cgroup's cumulative counters,
     *     last minus first event; with a single event, since the container started)
     * @param cpuThrottledSlices CPU periods in which the container was throttled, counted the same way
     * @param cpuThrottledNanos time throttled, counted the same way
     */
    public record ContainerUsage(Long memoryUsagePeakBytes, Long memoryFailCount, Long cpuElapsedSlices,
            Long cpuThrottledSlices, Long cpuThrottledNanos) {

        /** Share of CPU periods that were throttled, or {@code null}. */
        public Double throttledShare() {
            return cpuElapsedSlices == null || cpuThrottledSlices == null || cpuElapsedSlices <= 0 ? null
                    : cpuThrottledSlices / (double) cpuElapsedSlices;
        }
    }

    /**
     * Old-object samples: objects that survived long, sampled by JFR as leak candidates.
     *
     * @param samples samples in the recording
     * @param byClass the classes sampled most, by samples then name (at most 20)
     * @param oldestAgeNanos age of the oldest sampled object
     */
    public record OldObjects(long samples, List<ClassCount> byClass, long oldestAgeNanos) {

        public OldObjects {
            byClass = byClass == null ? List.of() : List.copyOf(byClass);
        }
    }

    /**
     * Samples of one class.
     *
     * @param className the class, e.g. {@code "byte[]"}
     * @param samples samples
     * @param bytes sum of the sampled objects' sizes
     */
    public record ClassCount(String className, long samples, long bytes) {
    }
}
