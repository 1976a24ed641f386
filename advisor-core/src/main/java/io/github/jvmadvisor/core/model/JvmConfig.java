package io.github.jvmadvisor.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of one JVM: what it was told (its arguments) and what it chose (every flag's
 * final value with its origin), its JDK, collector, container limits and machine.
 *
 * <p>The same type comes from every source: a JFR recording, a GC log's init lines, a command line
 * given by the user, or the live JVM. A source fills what it knows; everything else is {@code null}
 * or empty. {@link #merge(JvmConfig)} combines two sources of the same JVM. Immutable.
 *
 * @param sources where this came from, e.g. {@code ["jfr", "gc-log"]}, in order of precedence
 * @param jdkVersionString the full Java version, e.g. {@code "17.0.15+6-Debian-1deb12u1"}, or {@code null}
 * @param jdkFeature the JDK feature release, e.g. 17, or {@code null}
 * @param vmName the VM name, e.g. {@code "OpenJDK 64-Bit Server VM"}, or {@code null}
 * @param collector the collector that ran (or, for a command line, would run), or {@code null}
 * @param generational whether the collector works generationally, or {@code null}
 * @param jvmArguments the JVM's arguments as given (one element per argument), empty when unknown
 * @param flags final flag values by name, sorted by name; empty when unknown
 * @param container container limits, or {@code null} when nothing was looked at
 * @param machine the machine; {@link Machine#UNKNOWN} when unknown
 */
public record JvmConfig(List<String> sources, String jdkVersionString, Integer jdkFeature, String vmName,
        Collector collector, Boolean generational, List<String> jvmArguments, Map<String, JvmFlag> flags,
        ContainerLimits container, Machine machine) {

    public JvmConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        jvmArguments = jvmArguments == null ? List.of() : List.copyOf(jvmArguments);
        flags = flags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(flags));
        machine = machine == null ? Machine.UNKNOWN : machine;
    }

    /** The flag named {@code name} (without {@code -XX:}), or {@code null}. */
    public JvmFlag flag(String name) {
        return flags.get(name);
    }

    /** The value of the flag named {@code name}, or {@code null}. */
    public String flagValue(String name) {
        JvmFlag f = flags.get(name);
        return f == null ? null : f.value();
    }

    /** The flags a person set (command line, environment, flags file), sorted by name. */
    public List<JvmFlag> askedFlags() {
        List<JvmFlag> out = new ArrayList<>();
        for (JvmFlag f : flags.values()) {
            if (f.origin().isAsked()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The maximum heap in bytes ({@code MaxHeapSize}), or {@code null}. */
    public Long maxHeapBytes() {
        JvmFlag f = flags.get("MaxHeapSize");
        return f == null ? null : f.longValue();
    }

    /**
     * Combines this configuration with another of the same JVM. Values set here win; values only
     * {@code other} knows are added. A flag known to both keeps this one's value, and takes
     * {@code other}'s origin if this one's is unknown.
     */
    public JvmConfig merge(JvmConfig other) {
        if (other == null) {
            return this;
        }
        LinkedHashSet<String> src = new LinkedHashSet<>(sources);
        src.addAll(other.sources);
        Map<String, JvmFlag> merged = new TreeMap<>(other.flags);
        for (JvmFlag f : flags.values()) {
            JvmFlag o = other.flags.get(f.name());
            if (f.origin() == FlagOrigin.UNKNOWN && o != null) {
                merged.put(f.name(), new JvmFlag(f.name(), f.value(), o.origin()));
            } else {
                merged.put(f.name(), f);
            }
        }
        return new JvmConfig(new ArrayList<>(src), pick(jdkVersionString, other.jdkVersionString),
                pick(jdkFeature, other.jdkFeature), pick(vmName, other.vmName), pick(collector, other.collector),
                pick(generational, other.generational),
                jvmArguments.isEmpty() ? other.jvmArguments : jvmArguments, merged,
                pick(container, other.container), machine.orElse(other.machine));
    }

    private static <T> T pick(T a, T b) {
        return a != null ? a : b;
    }
}
