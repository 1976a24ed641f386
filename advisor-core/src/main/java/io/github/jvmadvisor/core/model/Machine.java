package io.github.jvmadvisor.core.model;

/**
 * The machine (host or virtual machine) a JVM runs on. Every value is {@code null} when unknown.
 *
 * @param hwThreads hardware threads
 * @param cores cores
 * @param sockets sockets
 * @param cpuDescription CPU model as reported
 * @param physicalMemoryBytes physical memory
 * @param swapBytes swap space
 * @param transparentHugePages the transparent huge pages mode ({@code "always"}, {@code "madvise"},
 *     {@code "never"})
 * @param os operating system name and version
 * @param allowedCpus hardware threads the process may run on (its CPU affinity, as {@code
 *     sched_getaffinity} reports; a cpuset or {@code taskset} makes it smaller than {@code hwThreads})
 * @param transparentHugePagesDefrag the transparent huge pages defrag mode ({@code "always"}, {@code
 *     "defer"}, {@code "defer+madvise"}, {@code "madvise"}, {@code "never"})
 */
public record Machine(Integer hwThreads, Integer cores, Integer sockets, String cpuDescription,
        Long physicalMemoryBytes, Long swapBytes, String transparentHugePages, String os, Integer allowedCpus,
        String transparentHugePagesDefrag) {

    /** Nothing known. */
    public static final Machine UNKNOWN = new Machine(null, null, null, null, null, null, null, null, null, null);

    /** A machine without the affinity and defrag mode, which only a live probe knows. */
    public Machine(Integer hwThreads, Integer cores, Integer sockets, String cpuDescription, Long physicalMemoryBytes,
            Long swapBytes, String transparentHugePages, String os) {
        this(hwThreads, cores, sockets, cpuDescription, physicalMemoryBytes, swapBytes, transparentHugePages, os,
                null, null);
    }

    /** This machine's values where set, else {@code other}'s. */
    public Machine orElse(Machine other) {
        if (other == null) {
            return this;
        }
        return new Machine(pick(hwThreads, other.hwThreads), pick(cores, other.cores), pick(sockets, other.sockets),
                pick(cpuDescription, other.cpuDescription), pick(physicalMemoryBytes, other.physicalMemoryBytes),
                pick(swapBytes, other.swapBytes), pick(transparentHugePages, other.transparentHugePages),
                pick(os, other.os), pick(allowedCpus, other.allowedCpus),
                pick(transparentHugePagesDefrag, other.transparentHugePagesDefrag));
    }

    private static <T> T pick(T a, T b) {
        return a != null ? a : b;
    }
}
