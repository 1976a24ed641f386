package io.github.jvmadvisor.core.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of the running JVM: its version, arguments, collector, the flags the rules need
 * with their origins, its cgroup limits and its machine.
 *
 * <p>Made to run at application startup (about 25 ms for the first call on JDK 17, most of it the first
 * access to the platform MXBeans; see {@code docs/live-config.md}): it reads only platform MXBeans that
 * need no MBean server ({@code HotSpotDiagnosticMXBean}, {@code RuntimeMXBean}, and the collectors'
 * MXBeans only when no {@code Use...GC} flag names the collector) and a few files of {@code /proc} and
 * {@code /sys} (see {@link Cgroups} and {@link MachineProbe}). Flags are read one by
 * one from the fixed list {@link #FLAGS}; a flag this JVM does not have (e.g. {@code ZGenerational}
 * before JDK 21 or after 23) is left out. A complete flag list read another way (the {@code
 * DiagnosticCommand} MBean) can be laid over it with {@link #config(List)}.
 *
 * <p>Never throws: what cannot be read stays {@code null} or absent, and each failure is logged once
 * at debug. Thread-safe; every call reads anew.
 */
public final class LiveJvm {

    /** {@link JvmConfig#sources()} of a live reading. */
    public static final String SOURCE = "live";

    /** The flags read from {@code HotSpotDiagnosticMXBean}: those the rules of {@code rules.md} need. */
    public static final List<String> FLAGS = List.of(
            // heap sizing
            "MaxHeapSize", "InitialHeapSize", "MinHeapSize", "SoftMaxHeapSize", "MaxRAM", "MaxRAMPercentage",
            "InitialRAMPercentage", "MinRAMPercentage", "MinHeapFreeRatio", "MaxHeapFreeRatio",
            // collector selection
            "UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC", "ZGenerational", "UseShenandoahGC",
            "ShenandoahGCMode", "UseEpsilonGC",
            // collector tuning
            "MaxGCPauseMillis", "GCTimeRatio", "G1HeapRegionSize", "G1PeriodicGCInterval", "ParallelGCThreads",
            "ConcGCThreads", "UseStringDeduplication", "ExplicitGCInvokesConcurrent", "DisableExplicitGC",
            // CPUs and containers
            "ActiveProcessorCount", "UseContainerSupport", "CICompilerCount",
            // native memory
            "MaxMetaspaceSize", "MaxDirectMemorySize", "ReservedCodeCacheSize", "ThreadStackSize",
            "UseCompressedOops", "NativeMemoryTracking",
            // memory layout
            "AlwaysPreTouch", "UseTransparentHugePages", "UseLargePages",
            // JIT
            "TieredCompilation",
            // observability and out-of-memory behaviour
            "FlightRecorder", "HeapDumpOnOutOfMemoryError", "ExitOnOutOfMemoryError", "CrashOnOutOfMemoryError");

    /**
     * The flags of {@link #FLAGS} whose HotSpot type is unsigned ({@code size_t}, {@code uintx}, {@code
     * uint64_t}, {@code uint}). The MXBean reports their values as signed longs, so a default of {@code
     * max_uintx - 1} (e.g. {@code MaxGCPauseMillis} outside G1) reads {@code -2} where {@code
     * PrintFlagsFinal} and JFR say {@code 18446744073709551614}; such values are turned back.
     */
    static final Set<String> UNSIGNED = Set.of("MaxHeapSize", "InitialHeapSize", "MinHeapSize", "SoftMaxHeapSize",
            "MaxRAM", "MinHeapFreeRatio", "MaxHeapFreeRatio", "MaxGCPauseMillis", "GCTimeRatio", "G1HeapRegionSize",
            "G1PeriodicGCInterval", "ParallelGCThreads", "ConcGCThreads", "MaxMetaspaceSize", "MaxDirectMemorySize",
            "ReservedCodeCacheSize");

    /** The logger, in a holder so that slf4j is initialised only when something is logged (startup cost). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(LiveJvm.class);
    }

    /** Failures already logged, so a startup probe repeated by a monitor does not repeat its debug lines. */
    private static final Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LiveJvm() {
    }

    /** The running JVM's configuration with the flags of {@link #FLAGS}. */
    public static JvmConfig config() {
        return config(List.of());
    }

    /**
     * The running JVM's configuration with {@code extraFlags} laid over the flags of {@link #FLAGS}: a
     * flag in both keeps the extra value, and keeps the origin read here when the extra one's origin is
     * {@link FlagOrigin#UNKNOWN}.
     *
     * @param extraFlags flags of this JVM read elsewhere, e.g. all of them; {@code null} is empty
     */
    public static JvmConfig config(List<JvmFlag> extraFlags) {
        // from the properties, not Runtime.version(): its first call parses with streams and lambdas, which
        // cost milliseconds at startup; the properties hold the same text
        String version = System.getProperty("java.runtime.version");
        Integer feature = feature(System.getProperty("java.specification.version"));
        Map<String, JvmFlag> flags = readFlags(feature);
        if (extraFlags != null) {
            for (JvmFlag extra : extraFlags) {
                if (extra == null) {
                    continue;
                }
                JvmFlag mine = flags.get(extra.name());
                if (mine != null && extra.origin() == FlagOrigin.UNKNOWN) {
                    flags.put(extra.name(), new JvmFlag(extra.name(), extra.value(), mine.origin()));
                } else {
                    flags.put(extra.name(), extra);
                }
            }
        }

        String vmName = System.getProperty("java.vm.name");

        List<String> arguments = List.of();
        try {
            arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            logOnce("arguments", e);
        }

        // the Use*GC flags name the collector HotSpot selected (ergonomically or as asked); the GC MXBeans
        // say the same but cost milliseconds more to load, so they are only the fallback
        Collector collector = collectorFromFlags(flags);
        Boolean generational = null;
        if (collector != null) {
            generational = generationalFromFlags(collector, flags, feature);
        } else {
            try {
                Set<String> names = new TreeSet<>();
                for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    names.add(gc.getName());
                }
                collector = collector(names);
                generational = generational(collector, names, flags);
            } catch (RuntimeException | LinkageError e) {
                logOnce("collectors", e);
            }
        }

        ContainerLimits container = null;
        try {
            Optional<ContainerLimits> read = Cgroups.system().readSelf();
            if (read.isPresent()) {
                container = withJvmCpuCount(read.get());
            }
        } catch (RuntimeException e) {
            logOnce("cgroups", e);
        }
        Machine machine = MachineProbe.system().read();

        return new JvmConfig(List.of(SOURCE), version, feature, vmName, collector, generational, arguments, flags,
                container, machine);
    }

    /** The feature release from {@code java.specification.version} ({@code "17"}), or {@code null}. */
    static Integer feature(String specificationVersion) {
        if (specificationVersion == null) {
            return null;
        }
        try {
            return Integer.valueOf(specificationVersion.trim());
        } catch (NumberFormatException e) {
            return null; // "1.8" and older: not a JDK this library runs on
        }
    }

    /** The collector whose {@code Use...GC} flag is {@code true}, or {@code null}. */
    static Collector collectorFromFlags(Map<String, JvmFlag> flags) {
        return Collector.selectedBy(flags);
    }

    /**
     * Whether the collector named by the flags is generational: ZGC with {@code ZGenerational} (JDK
     * 21-23) or on JDK 24+, where only generational ZGC is left (JEP 490); Shenandoah in {@code
     * ShenandoahGCMode=generational}; see {@link #generational(Collector, Set, Map)} for the others.
     */
    static Boolean generationalFromFlags(Collector collector, Map<String, JvmFlag> flags, Integer feature) {
        if (collector == Collector.ZGC) {
            JvmFlag z = flags.get("ZGenerational");
            if (z != null) {
                return z.booleanValue();
            }
            return feature == null ? null : feature >= 24;
        }
        return generational(collector, Set.of(), flags);
    }

    /** The collector named by the GC MXBeans of a JVM, or {@code null} when none is recognised. */
    static Collector collector(Set<String> mxBeanNames) {
        for (String name : mxBeanNames) {
            if (name.startsWith("G1 ")) {
                return Collector.G1;
            }
            if (name.startsWith("ZGC ")) {
                return Collector.ZGC;
            }
            if (name.startsWith("Shenandoah ")) {
                return Collector.SHENANDOAH;
            }
            if (name.startsWith("PS ")) {
                return Collector.PARALLEL;
            }
            if (name.equals("Copy") || name.equals("MarkSweepCompact")) {
                return Collector.SERIAL;
            }
            if (name.startsWith("Epsilon")) {
                return Collector.EPSILON;
            }
            if (name.equals("ParNew") || name.equals("ConcurrentMarkSweep")) {
                return Collector.CMS;
            }
        }
        return null;
    }

    /**
     * Whether the collector is generational: ZGC when it has minor and major cycles (JDK 21+ generational
     * mode), Shenandoah in {@code ShenandoahGCMode=generational}, the stop-the-world collectors and G1
     * always, Epsilon never.
     */
    static Boolean generational(Collector collector, Set<String> mxBeanNames, Map<String, JvmFlag> flags) {
        if (collector == null) {
            return null;
        }
        switch (collector) {
            case ZGC:
                return mxBeanNames.contains("ZGC Minor Cycles") || mxBeanNames.contains("ZGC Major Cycles");
            case SHENANDOAH:
                JvmFlag mode = flags.get("ShenandoahGCMode");
                return mode == null ? null : "generational".equals(mode.value());
            case EPSILON:
                return Boolean.FALSE;
            default:
                return Boolean.TRUE;
        }
    }

    private static Map<String, JvmFlag> readFlags(Integer feature) {
        Map<String, JvmFlag> flags = new HashMap<>();
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            logOnce("HotSpotDiagnosticMXBean", e);
            return flags;
        }
        if (bean == null) {
            logOnce("HotSpotDiagnosticMXBean", null);
            return flags;
        }
        for (String name : FLAGS) {
            if (surelyAbsent(name, feature, flags)) {
                continue;
            }
            try {
                VMOption option = bean.getVMOption(name);
                if (option != null && option.getValue() != null) {
                    flags.put(name, new JvmFlag(name, printed(name, option.getValue()),
                            FlagOrigin.parse(option.getOrigin().name())));
                }
            } catch (IllegalArgumentException e) {
                // not a flag of this JDK, or a locked experimental flag (UseEpsilonGC without unlocking):
                // expected, so not logged
            } catch (RuntimeException e) {
                logOnce("flag " + name, e);
            }
        }
        return flags;
    }

    /** The value as HotSpot prints it: unsigned flags' negative readings turned back into their unsigned value. */
    static String printed(String name, String value) {
        if (!value.isEmpty() && value.charAt(0) == '-' && UNSIGNED.contains(name)) {
            try {
                return Long.toUnsignedString(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * Flags not worth asking for: asking for a flag that does not exist costs an exception whose message
     * the first time links string concatenation, milliseconds at startup. {@code ZGenerational} exists in
     * JDK 21 to 23 only; {@code UseEpsilonGC} is locked unless Epsilon was asked for, so it is asked only
     * when no other collector's flag is set ({@link #FLAGS} lists it last among the collectors).
     */
    private static boolean surelyAbsent(String name, Integer feature, Map<String, JvmFlag> readSoFar) {
        if (name.equals("ZGenerational")) {
            return feature != null && (feature < 21 || feature > 23);
        }
        if (name.equals("UseEpsilonGC")) {
            return collectorFromFlags(readSoFar) != null;
        }
        return false;
    }

    /** The JVM's own CPU count replaces the one estimated from the cgroup: it honours ActiveProcessorCount. */
    private static ContainerLimits withJvmCpuCount(ContainerLimits c) {
        return new ContainerLimits(c.source(), c.memoryLimitBytes(), c.memorySoftLimitBytes(), c.swapLimitBytes(),
                c.cpuQuotaCores(), c.cpuShares(), Runtime.getRuntime().availableProcessors(), c.memoryUsageBytes());
    }

    private static void logOnce(String what, Throwable e) {
        if (LOGGED.add(what)) {
            Log.LOG.debug("live JVM: {} not read", what, e);
        }
    }
}
