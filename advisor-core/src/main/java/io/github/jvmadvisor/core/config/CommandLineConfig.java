package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration a user describes: the JVM options they run (or plan to run) with, and where it
 * will run (a container memory limit, a CPU count). This is what was asked; what the JVM would choose
 * beyond it comes from the other sources when they are given.
 */
public final class CommandLineConfig {

    /** HotSpot picks G1 on a "server class" machine: at least 2 CPUs and this much memory. */
    static final long SERVER_CLASS_MEMORY_BYTES = 1792L << 20;

    private CommandLineConfig() {
    }

    /**
     * The configuration of a command line.
     *
     * @param javaOptions the options as one line (split like a shell), or {@code null}
     * @param containerMemoryBytes the container's memory limit, or {@code null} when none or unknown
     * @param cpus the CPUs the JVM will have (a quota in cores may be fractional), or {@code null}
     * @param jdkFeature the JDK feature release it will run on, or {@code null}
     * @throws IllegalArgumentException if a limit is not positive
     */
    public static JvmConfig of(String javaOptions, Long containerMemoryBytes, Double cpus, Integer jdkFeature) {
        return of(JavaOptions.parse(javaOptions), containerMemoryBytes, cpus, jdkFeature);
    }

    /**
     * The configuration of options that are already one per element (a JMH run's {@code jvmArgs}, a JVM's input
     * arguments): nothing is joined and split again, so an option with a space stays one option.
     *
     * @param javaOptions the options, one per element
     * @param containerMemoryBytes the container's memory limit, or {@code null} when none or unknown
     * @param cpus the CPUs the JVM will have, or {@code null}
     * @param jdkFeature the JDK feature release it will run on, or {@code null}
     * @throws IllegalArgumentException if a limit is not positive
     */
    public static JvmConfig of(List<String> javaOptions, Long containerMemoryBytes, Double cpus, Integer jdkFeature) {
        return of(JavaOptions.parse(javaOptions == null ? List.of() : javaOptions), containerMemoryBytes, cpus,
                jdkFeature);
    }

    private static JvmConfig of(JavaOptions opts, Long containerMemoryBytes, Double cpus, Integer jdkFeature) {
        if (containerMemoryBytes != null && containerMemoryBytes <= 0) {
            throw new IllegalArgumentException("container memory must be positive: " + containerMemoryBytes);
        }
        if (cpus != null && !(cpus > 0)) {
            throw new IllegalArgumentException("CPUs must be positive: " + cpus);
        }
        Map<String, JvmFlag> flags = new TreeMap<>();
        List<String> args = new ArrayList<>();
        for (JavaOptions.Option o : opts.options()) {
            args.add(o.text());
        }
        for (JavaOptions.Setting s : opts.settings()) {
            // the last setting of a flag wins, as in HotSpot
            flags.put(s.flag(), new JvmFlag(s.flag(), s.value(), FlagOrigin.COMMAND_LINE));
        }
        Collector collector = Collector.selectedBy(flags);
        if (collector == null && (cpus != null || containerMemoryBytes != null)) {
            // the ergonomic choice, when the machine it will run on is described
            boolean serverClass = (cpus == null || Math.ceil(cpus) >= 2)
                    && (containerMemoryBytes == null || containerMemoryBytes >= SERVER_CLASS_MEMORY_BYTES);
            collector = serverClass ? Collector.G1 : Collector.SERIAL;
        }
        ContainerLimits container = containerMemoryBytes == null && cpus == null ? null
                : new ContainerLimits("user", containerMemoryBytes, null, null, cpus, null,
                        cpus == null ? null : (int) Math.max(1, Math.ceil(cpus)), null);
        return new JvmConfig(List.of("command-line"), null, jdkFeature, null, collector, null, args, flags, container,
                Machine.UNKNOWN);
    }
}
