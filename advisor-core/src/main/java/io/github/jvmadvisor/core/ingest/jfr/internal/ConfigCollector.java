package io.github.jvmadvisor.core.ingest.jfr.internal;

import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The JVM's configuration from a recording: {@code JVMInformation}, every flag event with its
 * origin, GC and heap configuration, CPU, memory, the container, and flag changes at run time.
 */
public final class ConfigCollector implements JfrSink {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigCollector.class);

    private static final Set<String> TYPES = Set.of("jdk.JVMInformation", "jdk.IntFlag", "jdk.UnsignedIntFlag",
            "jdk.LongFlag", "jdk.UnsignedLongFlag", "jdk.BooleanFlag", "jdk.DoubleFlag", "jdk.StringFlag",
            "jdk.IntFlagChanged", "jdk.UnsignedIntFlagChanged", "jdk.LongFlagChanged", "jdk.UnsignedLongFlagChanged",
            "jdk.BooleanFlagChanged", "jdk.DoubleFlagChanged", "jdk.StringFlagChanged", "jdk.GCConfiguration",
            "jdk.GCHeapConfiguration", "jdk.CPUInformation", "jdk.PhysicalMemory", "jdk.SwapSpace",
            "jdk.ContainerConfiguration", "jdk.OSInformation", "jdk.InitialSystemProperty");

    /** The version in the first parentheses of {@code jvmVersion}, e.g. {@code (17.0.15+6-Debian-1deb12u1)}. */
    private static final Pattern VERSION = Pattern.compile("\\(([0-9][^)\\s]*)\\)");
    /** The Java version after {@code JRE}: HotSpot 8 names its own version (25.292-b10) first. */
    private static final Pattern JRE_VERSION = Pattern.compile("JRE \\(([0-9][^)\\s]*)\\)");

    private String vmName;
    private String vmVersion;
    private String arguments;
    private long jvmStartMillis = -1;
    private final Map<String, JvmFlag> flags = new TreeMap<>();
    private final List<String> changes = new ArrayList<>();
    private String youngCollector;
    private String oldCollector;
    private int parallelThreads = -1;
    private int concurrentThreads = -1;
    private long heapMin = -1;
    private long heapMax = -1;
    private long heapInitial = -1;
    private Boolean compressedOops;
    private String compressedOopsMode;
    private int hwThreads = -1;
    private int cores = -1;
    private int sockets = -1;
    private String cpu;
    private long physical = -1;
    private long swap = -1;
    private String os;
    private ContainerLimits container;
    private String javaVersionProperty;
    /** System properties with a space in their value: they confirm -D arguments when splitting (bounded). */
    private final Map<String, String> spacedProperties = new TreeMap<>();
    private List<String> ambiguousArguments = List.of();

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void accept(RecordedEvent e) {
        String type = JfrNames.canonical(e.getEventType().getName());
        if (type.endsWith("FlagChanged")) {
            changes.add(Fields.str(e, "name") + ": " + Fields.str(e, "oldValue") + " -> " + Fields.str(e, "newValue")
                    + " (" + FlagOrigin.parse(Fields.str(e, "origin")).id() + ")");
            String name = Fields.str(e, "name");
            String value = Fields.str(e, "newValue");
            if (name != null && value != null && !name.isEmpty()) {
                flags.put(name, new JvmFlag(name, value, FlagOrigin.parse(Fields.str(e, "origin"))));
            }
            return;
        }
        if (type.endsWith("Flag")) {
            String name = Fields.str(e, "name");
            String value = Fields.str(e, "value");
            // the first value of a flag is the one the JVM started with; a later chunk repeats it unless changed
            if (name != null && value != null && !name.isEmpty() && !flags.containsKey(name)) {
                flags.put(name, new JvmFlag(name, value, FlagOrigin.parse(Fields.str(e, "origin"))));
            }
            return;
        }
        switch (type) {
            case "jdk.JVMInformation":
                vmName = Fields.str(e, "jvmName");
                vmVersion = Fields.str(e, "jvmVersion");
                arguments = Fields.str(e, "jvmArguments");
                jvmStartMillis = Fields.epochMillis(e, "jvmStartTime");
                break;
            case "jdk.GCConfiguration":
                youngCollector = Fields.str(e, "youngCollector");
                oldCollector = Fields.str(e, "oldCollector");
                parallelThreads = (int) Fields.lng(e, "parallelGCThreads");
                concurrentThreads = (int) Fields.lng(e, "concurrentGCThreads");
                break;
            case "jdk.GCHeapConfiguration":
                heapMin = Fields.lng(e, "minSize");
                heapMax = Fields.lng(e, "maxSize");
                heapInitial = Fields.lng(e, "initialSize");
                compressedOops = Fields.bool(e, "usesCompressedOops");
                compressedOopsMode = Fields.str(e, "compressedOopsMode");
                break;
            case "jdk.CPUInformation":
                hwThreads = (int) Fields.lng(e, "hwThreads");
                cores = (int) Fields.lng(e, "cores");
                sockets = (int) Fields.lng(e, "sockets");
                cpu = Fields.str(e, "cpu");
                break;
            case "jdk.PhysicalMemory":
                physical = Math.max(physical, Fields.lng(e, "totalSize"));
                break;
            case "jdk.SwapSpace":
                swap = Math.max(swap, Fields.lng(e, "totalSize"));
                break;
            case "jdk.OSInformation":
                os = firstLine(Fields.str(e, "osVersion"));
                break;
            case "jdk.InitialSystemProperty":
                String key = Fields.str(e, "key");
                String value = Fields.str(e, "value");
                if ("java.version".equals(key)) {
                    javaVersionProperty = value;
                }
                if (key != null && value != null && value.indexOf(' ') >= 0 && spacedProperties.size() < 1000) {
                    spacedProperties.putIfAbsent(key, value);
                }
                break;
            case "jdk.ContainerConfiguration": {
                long limit = Fields.lng(e, "memoryLimit");
                long soft = Fields.lng(e, "memorySoftLimit");
                long swapLimit = Fields.lng(e, "swapMemoryLimit");
                long quota = Fields.lng(e, "cpuQuota");
                long period = Fields.lng(e, "cpuSlicePeriod");
                long shares = Fields.lng(e, "cpuShares");
                long cpus = Fields.lng(e, "effectiveCpuCount");
                container = new ContainerLimits("jfr", positive(limit), positive(soft), positive(swapLimit),
                        quota > 0 && period > 0 ? quota / (double) period : null, positive(shares),
                        cpus > 0 ? (int) cpus : null, null);
                break;
            }
            default:
                break;
        }
    }

    private static Long positive(long v) {
        // JFR writes -1 (or a huge value) for "no limit"
        return v > 0 && v < Long.MAX_VALUE / 2 ? v : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        for (String line : s.split("\n")) {
            String t = line.trim();
            if (t.startsWith("PRETTY_NAME=")) {
                return t.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Epoch milliseconds of the JVM's start, or -1. */
    public long jvmStartMillis() {
        return jvmStartMillis;
    }

    /** Flag changes made while the JVM ran, in recording order. */
    public List<String> changes() {
        return List.copyOf(changes);
    }

    /** The collector, from {@code GCConfiguration}, or {@code null}. */
    public Collector collector() {
        Collector c = GcCollector.collectorOf(oldCollector);
        if (c == null) {
            c = GcCollector.collectorOf(youngCollector);
        }
        return c != null ? c : Collector.selectedBy(flags);
    }

    /** Whether the collector works generationally, or {@code null}. */
    public Boolean generational(Collector c) {
        if (c == null) {
            return null;
        }
        switch (c) {
            case ZGC: {
                JvmFlag gen = flags.get("ZGenerational");
                if (gen != null) {
                    return "true".equals(gen.value());
                }
                Integer feature = feature();
                // without the flag: JDK 24 removed the single-generation mode (JEP 490); 17 has only that one
                return feature == null ? null : feature >= 24;
            }
            case SHENANDOAH: {
                JvmFlag mode = flags.get("ShenandoahGCMode");
                return mode == null ? null : "generational".equals(mode.value());
            }
            case EPSILON:
                return false;
            default:
                return true;
        }
    }

    /** The full Java version, e.g. {@code 17.0.15+6-Debian-1deb12u1}, or {@code null}. */
    public String version() {
        if (vmVersion != null) {
            Matcher jre = JRE_VERSION.matcher(vmVersion);
            if (jre.find()) {
                return jre.group(1);
            }
            Matcher m = VERSION.matcher(vmVersion);
            if (m.find()) {
                return m.group(1);
            }
        }
        return javaVersionProperty;
    }

    /** The feature release, e.g. 17, or {@code null}. */
    public Integer feature() {
        String v = version();
        if (v == null) {
            return null;
        }
        try {
            String head = v.split("[.+\\-_]")[0];
            int f = Integer.parseInt(head);
            if (f == 1 && v.startsWith("1.")) {
                f = Integer.parseInt(v.split("\\.")[1]);
            }
            return f;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Arguments that {@link #config()} rebuilt from several space-separated words with no recorded value to
     * confirm them (an argument with a space, or a bare word where none belongs); empty when the split is sure.
     */
    public List<String> ambiguousArguments() {
        return ambiguousArguments;
    }

    /** Whether any configuration event was seen. */
    public boolean any() {
        return vmVersion != null || !flags.isEmpty() || youngCollector != null || hwThreads > 0 || physical > 0;
    }

    /** The configuration. */
    public JvmConfig config() {
        Collector c = collector();
        // JFR has the arguments only joined with spaces: split them back with the recorded flag values and
        // system properties, so that "-XX:OnOutOfMemoryError=kill -9 %p" stays one argument
        JoinedArguments.Split split = JoinedArguments.split(arguments, name -> {
            JvmFlag f = flags.get(name);
            return f == null ? null : f.value();
        }, spacedProperties::get);
        List<String> args = split.arguments();
        if (!split.ambiguous().isEmpty() && ambiguousArguments.isEmpty()) {
            LOG.warn("the recorded JVM arguments could only be split by guessing at {}", split.ambiguous());
        }
        ambiguousArguments = split.ambiguous();
        Machine machine = new Machine(hwThreads > 0 ? hwThreads : null, cores > 0 ? cores : null,
                sockets > 0 ? sockets : null, cpu, physical > 0 ? physical : null, swap >= 0 ? swap : null, null, os);
        return new JvmConfig(List.of("jfr"), version(), feature(), vmName, c, generational(c), args, flags, container,
                machine);
    }

    /** What the recording says about the GC setup, in the shape a GC log gives. */
    public GcSetup setup() {
        Collector c = collector();
        String mode = null;
        String heuristics = null;
        if (c == Collector.SHENANDOAH) {
            mode = value("ShenandoahGCMode");
            heuristics = value("ShenandoahGCHeuristics");
        }
        Integer effective = container != null ? container.effectiveCpus() : null;
        Long memory = container != null && container.memoryLimitBytes() != null ? container.memoryLimitBytes()
                : physical > 0 ? physical : null;
        Long region = c == Collector.G1 ? longValue("G1HeapRegionSize") : null;
        String oops = compressedOops == null ? null
                : compressedOops ? "Enabled" + (compressedOopsMode == null ? "" : " (" + compressedOopsMode + ")")
                        : "Disabled";
        return new GcSetup(c, false, generational(c), mode, heuristics, feature(), version(),
                hwThreads > 0 ? hwThreads : null, effective != null ? effective : hwThreads > 0 ? hwThreads : null,
                memory, heapMin > 0 ? heapMin : null, heapInitial > 0 ? heapInitial : null,
                heapMax > 0 ? heapMax : null, c == Collector.ZGC || c == Collector.SHENANDOAH
                        ? longValue("SoftMaxHeapSize") : null, region, oops,
                "true".equals(value("UseLargePages")) ? "Enabled" : flags.isEmpty() ? null : "Disabled",
                flags.isEmpty() ? null : "true".equals(value("AlwaysPreTouch")),
                parallelThreads >= 0 ? parallelThreads : null, concurrentThreads >= 0 ? concurrentThreads : null,
                null, null, List.of());
    }

    private String value(String name) {
        JvmFlag f = flags.get(name);
        return f == null ? null : f.value();
    }

    private Long longValue(String name) {
        JvmFlag f = flags.get(name);
        return f == null ? null : f.longValue();
    }
}
