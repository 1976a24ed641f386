package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Child JVM for the live-configuration tests: prints {@link LiveJvm#config()} and the JVM's own view
 * (its CPU count, its heap, the Java-side {@code OperatingSystemMXBean}) as {@code key=value} lines
 * ({@code null} for unknown; a flag as {@code flag.Name=value origin}).
 */
public final class LiveConfigMain {

    private LiveConfigMain() {
    }

    public static void main(String[] args) {
        JvmConfig c = LiveJvm.config();
        StringBuilder out = new StringBuilder();
        put(out, "sources", String.join(",", c.sources()));
        put(out, "jdkVersionString", c.jdkVersionString());
        put(out, "jdkFeature", c.jdkFeature());
        put(out, "vmName", c.vmName());
        put(out, "collector", c.collector() == null ? null : c.collector().name());
        put(out, "generational", c.generational());
        put(out, "jvmArguments", String.join(" ", c.jvmArguments()));
        ContainerLimits l = c.container();
        put(out, "container", l == null ? null : "present");
        if (l != null) {
            put(out, "container.source", l.source());
            put(out, "container.memoryLimitBytes", l.memoryLimitBytes());
            put(out, "container.memorySoftLimitBytes", l.memorySoftLimitBytes());
            put(out, "container.swapLimitBytes", l.swapLimitBytes());
            put(out, "container.cpuQuotaCores", l.cpuQuotaCores());
            put(out, "container.cpuShares", l.cpuShares());
            put(out, "container.effectiveCpus", l.effectiveCpus());
            put(out, "container.memoryUsageBytes", l.memoryUsageBytes());
        }
        Machine m = c.machine();
        put(out, "machine.hwThreads", m.hwThreads());
        put(out, "machine.cores", m.cores());
        put(out, "machine.sockets", m.sockets());
        put(out, "machine.cpuDescription", m.cpuDescription());
        put(out, "machine.physicalMemoryBytes", m.physicalMemoryBytes());
        put(out, "machine.swapBytes", m.swapBytes());
        put(out, "machine.transparentHugePages", m.transparentHugePages());
        put(out, "machine.transparentHugePagesDefrag", m.transparentHugePagesDefrag());
        put(out, "machine.allowedCpus", m.allowedCpus());
        put(out, "machine.os", m.os());
        for (Map.Entry<String, JvmFlag> e : c.flags().entrySet()) {
            put(out, "flag." + e.getKey(), e.getValue().value() + " " + e.getValue().origin().id());
        }
        java.util.Set<String> gcNames = new java.util.TreeSet<>();
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcNames.add(gc.getName());
        }
        io.github.jvmadvisor.core.model.Collector byBeans = LiveJvm.collector(gcNames);
        put(out, "mxbean.collector", byBeans == null ? null : byBeans.name());
        put(out, "mxbean.generational", LiveJvm.generational(byBeans, gcNames, c.flags()));
        put(out, "runtime.availableProcessors", Runtime.getRuntime().availableProcessors());
        put(out, "runtime.maxMemory", Runtime.getRuntime().maxMemory());
        try {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean) {
                put(out, "osmxbean.totalMemorySize",
                        ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize());
            }
        } catch (RuntimeException e) {
            // JDK 17.0.15 throws a NullPointerException here in a cgroup namespace without its own mount
            put(out, "osmxbean.totalMemorySize", "failed: " + e);
        }
        System.out.print(out);
        System.out.flush();
    }

    private static void put(StringBuilder out, String key, Object value) {
        out.append("live|").append(key).append('=').append(value).append('\n');
    }
}
