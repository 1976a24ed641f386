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
 */
public record Machine(Integer hwThreads, Integer cores, Integer sockets, String cpuDescription,
        Long physicalMemoryBytes, Long swapBytes, String transparentHugePages, String os) {

    /** Nothing known. */
    public static final Machine UNKNOWN = new Machine(null, null, null, null, null, null, null, null);

    /** This machine's values where set, else {@code other}'s. */
    public Machine orElse(Machine other) {
        if (other == null) {
            return this;
        }
        return new Machine(hwThreads != null ? hwThreads : other.hwThreads, cores != null ? cores : other.cores,
                sockets != null ? sockets : other.sockets,
                cpuDescription != null ? cpuDescription : other.cpuDescription,
                physicalMemoryBytes != null ? physicalMemoryBytes : other.physicalMemoryBytes,
                swapBytes != null ? swapBytes : other.swapBytes,
                transparentHugePages != null ? transparentHugePages : other.transparentHugePages,
                os != null ? os : other.os);
    }
}
