package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.ingest.jfr.AllocationSink;
import io.github.jvmadvisor.core.ingest.jfr.CpuSink;
import io.github.jvmadvisor.core.ingest.jfr.JfrReader;
import io.github.jvmadvisor.core.ingest.jfr.JitSink;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Rule;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which JFR events a live stream enables, and with which settings, for a set of evidence kinds.
 *
 * <p>The event types are those core's {@link JfrReader} and its sinks read for the kinds asked for, no
 * more; their settings are the JDK's {@code default} configuration (thresholds, periods, allocation
 * throttle), so the cost is at most what {@code -XX:StartFlightRecording} costs with its defaults. Three
 * changes: safepoint events are recorded from 0 ms when safepoints are asked for (else their figures
 * would be a sample of the long ones), statistics the default takes once per chunk are taken every 10 s
 * (a stream seldom starts a new chunk), and types the default leaves off because they cost (TLAB
 * allocation events, heap histograms at every GC, inlining decisions, old-object samples) stay off
 * unless named in {@code costly}; {@link #leftOff()} lists them.
 *
 * <p>Immutable.
 */
public final class LiveEvents {

    /** Kinds a live stream can give. Latency histograms and benchmark results do not come from JFR. */
    public static final Set<EvidenceKind> STREAMABLE = Collections.unmodifiableSet(EnumSet.of(EvidenceKind.GC,
            EvidenceKind.GC_CPU, EvidenceKind.SAFEPOINTS, EvidenceKind.CONFIG, EvidenceKind.FLAG_ORIGINS,
            EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CPUS, EvidenceKind.NATIVE_MEMORY,
            EvidenceKind.CONTAINER_USAGE, EvidenceKind.ALLOCATION, EvidenceKind.OBJECT_HISTOGRAM,
            EvidenceKind.JIT, EvidenceKind.INLINING, EvidenceKind.CPU_PROFILE,
            EvidenceKind.VIRTUAL_THREAD_PINNING));

    /** Kinds whose events cost more than the default configuration allows; enabled only on request. */
    public static final Set<EvidenceKind> COSTLY = Collections.unmodifiableSet(
            EnumSet.of(EvidenceKind.OBJECT_HISTOGRAM, EvidenceKind.INLINING));

    private static final Set<String> SAFEPOINT_TYPES = Set.of("jdk.SafepointBegin",
            "jdk.SafepointStateSynchronization", "jdk.ExecuteVMOperation");
    /** Off in the default configuration for their cost; read by a sink when present. */
    private static final Set<String> COSTLY_TYPES = Set.of("jdk.ObjectAllocationInNewTLAB",
            "jdk.ObjectAllocationOutsideTLAB", "jdk.ObjectCount", "jdk.ObjectCountAfterGC", "jdk.CompilerInlining",
            "jdk.OldObjectSample", "jdk.NativeMemoryUsage", "jdk.NativeMemoryUsageTotal");
    /** Taken once per chunk by default; a stream seldom rotates chunks. */
    private static final Set<String> PER_CHUNK_TO_PERIODIC = Set.of("jdk.ThreadAllocationStatistics",
            "jdk.CodeCacheStatistics", "jdk.PhysicalMemory", "jdk.SwapSpace");
    private static final String PERIOD = "10 s";

    private final Set<EvidenceKind> kinds;
    private final Map<String, Map<String, String>> settings;
    private final Set<String> leftOff;

    private LiveEvents(Set<EvidenceKind> kinds, Map<String, Map<String, String>> settings, Set<String> leftOff) {
        this.kinds = kinds;
        this.settings = settings;
        this.leftOff = leftOff;
    }

    /**
     * The events for the kinds the rules need or use ({@link Rule#requires()} and {@link Rule#uses()}),
     * without the costly kinds.
     */
    public static LiveEvents forRules(RuleSet rules) {
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        for (Rule r : rules.rules()) {
            kinds.addAll(r.requires());
            kinds.addAll(r.uses());
        }
        return forKinds(kinds, Set.of());
    }

    /**
     * The events for some kinds.
     *
     * @param kinds the kinds wanted; those a stream cannot give are ignored
     * @param costly the kinds of {@link #COSTLY} (or single costly event types' kinds) to enable anyway
     */
    public static LiveEvents forKinds(Set<EvidenceKind> kinds, Set<EvidenceKind> costly) {
        Set<EvidenceKind> wanted = EnumSet.noneOf(EvidenceKind.class);
        for (EvidenceKind k : kinds) {
            if (STREAMABLE.contains(k)) {
                wanted.add(k);
            }
        }
        Set<String> types = new TreeSet<>();
        if (!wanted.isEmpty()) {
            // the collectors every read has: GC, configuration, non-heap memory
            types.addAll(JfrReader.feed("", List.of()).eventTypes());
        }
        if (wanted.contains(EvidenceKind.ALLOCATION) || wanted.contains(EvidenceKind.OBJECT_HISTOGRAM)) {
            types.addAll(new AllocationSink().eventTypes());
        }
        if (wanted.contains(EvidenceKind.JIT) || wanted.contains(EvidenceKind.INLINING)) {
            types.addAll(new JitSink().eventTypes());
        }
        if (wanted.contains(EvidenceKind.CPU_PROFILE) || wanted.contains(EvidenceKind.VIRTUAL_THREAD_PINNING)) {
            types.addAll(new CpuSink().eventTypes());
        }
        types.remove("jdk.ActiveSetting"); // the stream's settings are known without it
        if (!wanted.contains(EvidenceKind.SAFEPOINTS)) {
            types.removeAll(SAFEPOINT_TYPES);
        }
        Set<String> allowedCostly = new TreeSet<>();
        if (costly.contains(EvidenceKind.INLINING) && wanted.contains(EvidenceKind.INLINING)) {
            allowedCostly.add("jdk.CompilerInlining");
        }
        if (costly.contains(EvidenceKind.OBJECT_HISTOGRAM) && wanted.contains(EvidenceKind.OBJECT_HISTOGRAM)) {
            allowedCostly.add("jdk.ObjectCountAfterGC");
        }
        Map<String, String> defaults = JfrDefaults.settings();
        Set<String> known = JfrDefaults.knownTypes();
        Map<String, Map<String, String>> out = new TreeMap<>();
        Set<String> off = new TreeSet<>();
        for (String type : types) {
            if (!known.isEmpty() && !known.contains(type)) {
                continue; // not an event of this JDK (e.g. jdk.ResidentSetSize before 21)
            }
            Map<String, String> s = new TreeMap<>();
            String prefix = type + "#";
            defaults.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    s.put(k.substring(prefix.length()), v);
                }
            });
            boolean onByDefault = "true".equals(s.get("enabled"));
            if (SAFEPOINT_TYPES.contains(type)) {
                s.put("threshold", "0 ms");
            } else if (COSTLY_TYPES.contains(type) && !allowedCostly.contains(type)) {
                off.add(type);
                continue;
            } else if (!onByDefault && !allowedCostly.contains(type) && !type.equals("jdk.CompilationFailure")) {
                off.add(type);
                continue;
            }
            s.put("enabled", "true");
            if (PER_CHUNK_TO_PERIODIC.contains(type)) {
                s.put("period", PERIOD);
            }
            // stack traces are read only from allocation samples and execution samples
            if (s.containsKey("stackTrace") && !type.equals("jdk.ObjectAllocationSample")
                    && !type.equals("jdk.ExecutionSample") && !type.equals("jdk.VirtualThreadPinned")
                    && !type.equals("jdk.JavaMonitorEnter") && !type.equals("jdk.ThreadPark")) {
                s.put("stackTrace", "false");
            }
            out.put(type, Collections.unmodifiableMap(s));
        }
        return new LiveEvents(Collections.unmodifiableSet(wanted), Collections.unmodifiableMap(out),
                Collections.unmodifiableSet(off));
    }

    /**
     * These events with other sampling rates: {@code jdk.ExecutionSample} (and {@code jdk.NativeMethodSample})
     * taken every {@code executionPeriod} per thread, and at most {@code allocationsPerSecond}
     * {@code jdk.ObjectAllocationSample} events a second. The JDK's defaults (20 ms, 150/s) are made for
     * recordings of minutes; a watch that runs for the life of a service, over windows of a minute, has
     * enough samples at a fraction of the rate. Types that are not enabled stay off.
     *
     * @throws IllegalArgumentException if the period is under 1 ms or the rate under 1
     */
    public LiveEvents sampling(java.time.Duration executionPeriod, int allocationsPerSecond) {
        if (executionPeriod == null || executionPeriod.toMillis() < 1 || allocationsPerSecond < 1) {
            throw new IllegalArgumentException("sampling needs a period of at least 1 ms and at least 1 allocation "
                    + "sample a second: " + executionPeriod + ", " + allocationsPerSecond);
        }
        Map<String, Map<String, String>> s = new TreeMap<>(settings);
        for (String type : List.of("jdk.ExecutionSample", "jdk.NativeMethodSample")) {
            Map<String, String> m = s.get(type);
            if (m != null && m.containsKey("period")) {
                Map<String, String> c = new TreeMap<>(m);
                c.put("period", executionPeriod.toMillis() + " ms");
                s.put(type, Collections.unmodifiableMap(c));
            }
        }
        Map<String, String> alloc = s.get("jdk.ObjectAllocationSample");
        if (alloc != null && alloc.containsKey("throttle")) {
            Map<String, String> c = new TreeMap<>(alloc);
            c.put("throttle", allocationsPerSecond + "/s");
            s.put("jdk.ObjectAllocationSample", Collections.unmodifiableMap(c));
        }
        return new LiveEvents(kinds, Collections.unmodifiableMap(s), leftOff);
    }

    /** The kinds these events serve. */
    public Set<EvidenceKind> kinds() {
        return kinds;
    }

    /** The settings by event type, then setting name ({@code "threshold" -> "0 ms"}). */
    public Map<String, Map<String, String>> byType() {
        return settings;
    }

    /** The event types enabled. */
    public Set<String> types() {
        return settings.keySet();
    }

    /** Types a sink would read that stay off for their cost. */
    public Set<String> leftOff() {
        return leftOff;
    }

    /** The settings as {@code jdk.jfr.Recording#setSettings} takes them ({@code "jdk.GCPhasePause#threshold"}). */
    public Map<String, String> flat() {
        Map<String, String> m = new TreeMap<>();
        settings.forEach((t, s) -> s.forEach((k, v) -> m.put(t + "#" + k, v)));
        return m;
    }

    /** These events and those of {@code other}: what a shared stream enables for two users. */
    public LiveEvents union(LiveEvents other) {
        Set<EvidenceKind> k = EnumSet.noneOf(EvidenceKind.class);
        k.addAll(kinds);
        k.addAll(other.kinds);
        Map<String, Map<String, String>> s = new TreeMap<>(settings);
        other.settings.forEach(s::putIfAbsent);
        Set<String> off = new TreeSet<>(leftOff);
        off.addAll(other.leftOff);
        off.removeAll(s.keySet());
        return new LiveEvents(Collections.unmodifiableSet(k), Collections.unmodifiableMap(s),
                Collections.unmodifiableSet(off));
    }

    /** Whether every event type of {@code other} is enabled here. */
    public boolean covers(LiveEvents other) {
        return settings.keySet().containsAll(other.settings.keySet());
    }

    @Override
    public String toString() {
        return "LiveEvents" + settings.keySet();
    }
}
