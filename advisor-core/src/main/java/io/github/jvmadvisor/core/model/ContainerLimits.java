package io.github.jvmadvisor.core.model;

/**
 * The resource limits of the container (cgroup) a JVM runs in, or will run in.
 *
 * <p>A {@code null} limit means no limit was found where the {@code source} looked; the whole record
 * is absent from {@link JvmConfig} when nothing was looked at.
 *
 * @param source where the limits were read: {@code "jfr"}, {@code "cgroup-v1"}, {@code "cgroup-v2"},
 *     {@code "user"} (given on the command line of jvm-advisor), {@code "gc-log"}
 * @param memoryLimitBytes hard memory limit, or {@code null} for none
 * @param memorySoftLimitBytes soft limit (v1 {@code memory.soft_limit_in_bytes}, v2 {@code memory.high}),
 *     or {@code null}
 * @param swapLimitBytes memory plus swap limit, or {@code null}
 * @param cpuQuotaCores CPU quota in cores (quota / period), or {@code null} for none
 * @param cpuShares CPU shares or weight, or {@code null}
 * @param effectiveCpus CPUs the JVM counts ({@code availableProcessors}), or {@code null}
 * @param memoryUsageBytes memory in use when read, or {@code null}
 */
public record ContainerLimits(String source, Long memoryLimitBytes, Long memorySoftLimitBytes, Long swapLimitBytes,
        Double cpuQuotaCores, Long cpuShares, Integer effectiveCpus, Long memoryUsageBytes) {

    public ContainerLimits {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("source is required");
        }
        if (memoryLimitBytes != null && memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive: " + memoryLimitBytes);
        }
        if (cpuQuotaCores != null && !(cpuQuotaCores > 0)) {
            throw new IllegalArgumentException("CPU quota must be positive: " + cpuQuotaCores);
        }
    }
}
