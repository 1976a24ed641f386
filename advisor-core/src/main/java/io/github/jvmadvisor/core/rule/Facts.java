package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.JvmConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures many rules weigh, derived once per advice from the evidence, each with where it came from and how far
 * it can be trusted: the maximum heap, the live set, the GC cost, the memory the JVM sizes itself against, the CPUs,
 * the allocation and promotion rates, the collector that ran. Rules read these instead of deriving them again, so
 * that two rules never disagree about the same run (the maximum heap was worked out three ways before: the command
 * line alone, the command line else the log's capacity, a container sizing), and a report can say what its advice
 * stands on ({@link #known()}).
 *
 * <p>A fact that cannot be derived is {@linkplain Fact#known() unknown} and says what would give it. Reads are
 * recorded per rule ({@link #read(String)}), so that a test can hold each rule's declared facts
 * ({@link Rule#facts()}) to what it really reads and the rule reference can list them.
 *
 * <p>One instance per advice; not for concurrent use by several advices (each {@code advise} call makes its own).
 */
public final class Facts {

    /** The facts there are, with a label for reports. */
    public enum Key {
        /** The maximum heap in bytes. */
        MAX_HEAP("maximum heap"),
        /** The live set in bytes: the heap after a collection that marked the old generation. */
        LIVE_SET("live set"),
        /** What the GC costs the application, a share (see {@link GcCost}). */
        GC_COST("GC cost"),
        /** The memory the JVM sizes itself against in bytes: the container limit, else physical memory. */
        MEMORY_LIMIT("memory limit"),
        /** The CPUs the JVM uses. */
        CPUS("CPUs"),
        /** Bytes allocated per second. */
        ALLOCATION_RATE("allocation rate"),
        /** Bytes promoted to the old generation per second. */
        PROMOTION_RATE("promotion rate"),
        /** The collector that ran. */
        COLLECTOR("collector");

        private final String label;

        Key(String label) {
            this.label = label;
        }

        /** What it is, in words. */
        public String label() {
            return label;
        }

        /** The id used in JSON and in the rule reference ({@code max-heap}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One fact.
     *
     * @param key which fact
     * @param value the value ({@code Long} bytes, {@code Double} bytes per second or share, {@code Integer} CPUs,
     *     {@link GcCost}, {@link Collector}); {@code null} when unknown
     * @param source where it came from, in words; when unknown, what would give it
     * @param confidence how far it can be trusted, 0 to 1 (1: stated by the JVM or the user; lower: estimated)
     */
    public record Fact<T>(Key key, T value, String source, double confidence) {

        /** Whether the value is known. */
        public boolean known() {
            return value != null;
        }

        /** The value, or {@code fallback} when unknown. */
        public T orElse(T fallback) {
            return value != null ? value : fallback;
        }

        /** The value in words and units ({@code "1 GB"}, {@code "35.2 % (pause share)"}), or "unknown". */
        public String valueText() {
            if (value == null) {
                return "unknown";
            }
            if (value instanceof GcCost c) {
                return String.format(Locale.ROOT, "%.1f %% (%s)", c.share() * 100, c.name());
            }
            if (value instanceof Collector c) {
                return c.displayName();
            }
            if (value instanceof Long l) {
                return Units.bytes(l);
            }
            if (value instanceof Double d) {
                return Units.bytes(Math.round(d)) + "/s";
            }
            return String.valueOf(value);
        }

        static <T> Fact<T> unknown(Key key, String whatWouldGiveIt) {
            return new Fact<>(key, null, whatWouldGiveIt, 0);
        }
    }

    /**
     * What the GC costs the application, as a share: the larger of the GC CPU share and the pause share.
     *
     * <p>The GC CPU share is the GC threads' CPU time over <em>all</em> CPUs times the run, so a collector with
     * fewer threads than CPUs (Serial: one) or an application with fewer busy threads than CPUs (a single-threaded
     * one) shows a small share of a large whole: 15 % of a Serial run stopped shows as about 7 % of two CPUs, and
     * less still when the log's hundredths of a second round short pauses to zero. The pause share (time stopped
     * over the run) is a lower bound of what the application's own threads lose, whatever their number; so the
     * larger of the two is the cost a sizing decision weighs.
     *
     * <p>Caveat: on a host where the GC threads wait for a CPU (SP-03's inverted pauses, {@code Real} well above
     * {@code User + Sys}), the pause share also counts that wait, so it overstates what a larger heap saves; the
     * application was stopped all the same, so it is not discounted here (on this project's shared 2-core test host
     * at load 8-10, Serial young pauses of 25-40 ms reported 10-20 ms of GC CPU).
     *
     * @param share the cost, a fraction
     * @param name the figure it came from, {@code "GC CPU share"} or {@code "pause share"}
     * @param cpuShare the GC CPU share, or {@code null}
     * @param pauseShare the pause share, or {@code null}
     */
    public record GcCost(double share, String name, Double cpuShare, Double pauseShare) {

        /** Whether the cost is the pause share (larger than the GC CPU share, or the only figure). */
        public boolean fromPauses() {
            return name.equals("pause share");
        }

        /** The figures behind the cost: the GC CPU share and the pause share, where known. */
        public List<Figure> figures() {
            List<Figure> out = new ArrayList<>();
            if (cpuShare != null) {
                out.add(Figure.share("GC CPU share", cpuShare));
            }
            if (pauseShare != null) {
                out.add(Figure.share("pause share", pauseShare));
            }
            return out;
        }

        /** Where the cost came from, for an explanation. */
        public String source() {
            if (cpuShare == null) {
                return "the pause share (the evidence has no GC CPU)";
            }
            if (fromPauses()) {
                return "the pause share, larger than the GC CPU share (" + String.format(Locale.ROOT, "%.1f %%", cpuShare * 100)
                        + " of all CPUs) and a lower bound of what the application's threads lose";
            }
            return "the GC CPU share";
        }

        /** The cost of a run's metrics, or {@code null} when they have neither figure. */
        public static GcCost of(GcMetrics m) {
            if (m == null) {
                return null;
            }
            Double cpu = m.gcCpuFraction();
            Double pause = m.stwFraction();
            if (cpu == null && pause == null) {
                return null;
            }
            if (cpu != null && (pause == null || cpu >= pause)) {
                return new GcCost(cpu, "GC CPU share", cpu, pause);
            }
            return new GcCost(pause, "pause share", cpu, pause);
        }
    }

    private final Evidence evidence;
    private final JavaOptions options;
    private final Map<Key, Fact<?>> cache;
    private final Map<String, Set<Key>> reads;
    private final String ruleId;

    /** The facts of a body of evidence, for the options it ran with. */
    public static Facts of(Evidence evidence) {
        JvmConfig j = evidence.jvm().orElse(null);
        return new Facts(evidence, JavaOptions.parse(j == null ? List.of() : j.jvmArguments()), new EnumMap<>(Key.class),
                new TreeMap<>(), null);
    }

    private Facts(Evidence evidence, JavaOptions options, Map<Key, Fact<?>> cache, Map<String, Set<Key>> reads,
            String ruleId) {
        this.evidence = evidence;
        this.options = options;
        this.cache = cache;
        this.reads = reads;
        this.ruleId = ruleId;
    }

    /** The same facts, with reads recorded for {@code id}. */
    Facts forRule(String id) {
        return new Facts(evidence, options, cache, reads, id);
    }

    /** The facts rule {@code id} read, in this advice. */
    public Set<Key> read(String id) {
        Set<Key> s = reads.get(id);
        return s == null ? Set.of() : Collections.unmodifiableSet(s);
    }

    /** The facts each rule read, by rule id. */
    public Map<String, Set<Key>> reads() {
        Map<String, Set<Key>> out = new TreeMap<>();
        reads.forEach((k, v) -> out.put(k, Set.copyOf(v)));
        return out;
    }

    /** Every fact, derived now if not yet, in {@link Key} order; unknown ones included. Not recorded as a read. */
    public List<Fact<?>> all() {
        List<Fact<?>> out = new ArrayList<>();
        for (Key k : Key.values()) {
            out.add(derive(k));
        }
        return out;
    }

    /** The known facts, in {@link Key} order. */
    public List<Fact<?>> known() {
        return all().stream().filter(Fact::known).toList();
    }

    /** A fact by key; prefer the typed accessors. */
    public Fact<?> get(Key key) {
        if (ruleId != null) {
            reads.computeIfAbsent(ruleId, k -> EnumSet.noneOf(Key.class)).add(key);
        }
        return derive(key);
    }

    @SuppressWarnings("unchecked")
    private <T> Fact<T> typed(Key key) {
        return (Fact<T>) get(key);
    }

    /**
     * The maximum heap: {@code -Xmx} (or {@code MaxHeapSize}) as given, else the JVM's recorded {@code MaxHeapSize}
     * (a recording, {@code PrintFlagsFinal}), else the GC log's header, else the largest heap capacity the log shows
     * (a lower bound: the heap may never have grown to its maximum).
     */
    public Fact<Long> maxHeap() {
        return typed(Key.MAX_HEAP);
    }

    /** The live set: the heap after the collections that marked the old generation, as the GC analysis measured it. */
    public Fact<Long> liveSet() {
        return typed(Key.LIVE_SET);
    }

    /** The GC cost ({@link GcCost}). */
    public Fact<GcCost> gcCost() {
        return typed(Key.GC_COST);
    }

    /** The memory the JVM sizes itself against: the container limit, else the machine's physical memory. */
    public Fact<Long> memoryLimit() {
        return typed(Key.MEMORY_LIMIT);
    }

    /**
     * The CPUs the JVM uses: the container's effective count, else {@code ActiveProcessorCount}, else the CPUs the GC
     * log saw as available, else the CPUs the process may run on, else hardware threads.
     */
    public Fact<Integer> cpus() {
        return typed(Key.CPUS);
    }

    /** Bytes allocated per second. */
    public Fact<Double> allocationRate() {
        return typed(Key.ALLOCATION_RATE);
    }

    /** Bytes promoted to the old generation per second. */
    public Fact<Double> promotionRate() {
        return typed(Key.PROMOTION_RATE);
    }

    /** The collector that ran: the configuration's, else the GC evidence's. */
    public Fact<Collector> collector() {
        return typed(Key.COLLECTOR);
    }

    private Fact<?> derive(Key key) {
        Fact<?> f = cache.get(key);
        if (f == null) {
            f = compute(key);
            cache.put(key, f);
        }
        return f;
    }

    private JvmConfig jvm() {
        return evidence.jvm().orElse(null);
    }

    private GcSetup setup() {
        GcAnalysis g = evidence.gc().orElse(null);
        return g == null ? null : g.setup();
    }

    private GcMetrics metrics() {
        GcAnalysis g = evidence.gc().orElse(null);
        return g == null ? null : g.metrics();
    }

    private Fact<?> compute(Key key) {
        return switch (key) {
            case MAX_HEAP -> maxHeapFact();
            case LIVE_SET -> liveSetFact();
            case GC_COST -> {
                GcCost c = GcCost.of(metrics());
                yield c == null ? Fact.unknown(key, "a GC log or recording with pause or GC CPU times")
                        : new Fact<>(key, c, c.source(), c.cpuShare() == null || c.fromPauses() ? 0.8 : 0.9);
            }
            case MEMORY_LIMIT -> memoryFact();
            case CPUS -> cpusFact();
            case ALLOCATION_RATE -> {
                GcMetrics m = metrics();
                Double r = m == null ? null : m.allocationRateBytesPerSec();
                yield r == null || r < 0 ? Fact.unknown(key, "a GC log or recording with heap occupancy before and after collections")
                        : new Fact<>(key, r, "heap occupancy between collections", 0.9);
            }
            case PROMOTION_RATE -> {
                GcMetrics m = metrics();
                Double r = m == null ? null : m.promotionRateBytesPerSec();
                yield r == null || r < 0 ? Fact.unknown(key, "a GC log with young and old generation occupancy")
                        : new Fact<>(key, r, "old generation growth over young collections", 0.85);
            }
            case COLLECTOR -> {
                JvmConfig j = jvm();
                Collector c = j == null ? null : j.collector();
                if (c != null) {
                    yield new Fact<>(key, c, fromJvm(j, "the JVM's configuration"), 1.0);
                }
                GcSetup s = setup();
                c = s == null ? null : s.collector();
                yield c == null ? Fact.unknown(key, "a GC log, a recording or the JVM's options")
                        : new Fact<>(key, c, "the GC log", 1.0);
            }
        };
    }

    private Fact<Long> maxHeapFact() {
        Key key = Key.MAX_HEAP;
        JavaOptions.Setting given = options.lastSetting("MaxHeapSize");
        Long v = given == null ? null : bytes(given.value());
        if (v != null) {
            return new Fact<>(key, v, "the command line (" + given.option().text() + ")", 1.0);
        }
        JvmConfig j = jvm();
        Long h = j == null ? null : j.maxHeapBytes();
        if (h != null) {
            return new Fact<>(key, h, fromJvm(j, "the JVM's MaxHeapSize"), 1.0);
        }
        GcSetup s = setup();
        if (s != null && s.heapMaxBytes() != null) {
            return new Fact<>(key, s.heapMaxBytes(), "the GC log's header", 1.0);
        }
        GcMetrics m = metrics();
        Long cap = m == null || m.heap() == null ? null : m.heap().maxCapacityBytes();
        if (cap != null && cap > 0) {
            return new Fact<>(key, cap, "the largest heap capacity in the GC log (a lower bound)", 0.7);
        }
        return Fact.unknown(key, "-Xmx, the JVM's flags (a recording) or a GC log");
    }

    private Fact<Long> liveSetFact() {
        GcMetrics m = metrics();
        var ls = m == null ? null : m.liveSet();
        if (ls == null || ls.bytes() == null || ls.bytes() <= 0) {
            return Fact.unknown(Key.LIVE_SET, "a GC log or recording with collections that mark the old generation");
        }
        boolean upperBound = "young-gc-upper-bound".equals(ls.source());
        double confidence = (ls.samples() >= 5 ? 0.9 : ls.samples() >= 2 ? 0.75 : 0.6) * (upperBound ? 0.6 : 1);
        String source = liveSetSource(ls.source()) + ", " + ls.samples() + (ls.samples() == 1 ? " sample" : " samples");
        return new Fact<>(Key.LIVE_SET, ls.bytes(), source, confidence);
    }

    /** The live set's source id in words. */
    private static String liveSetSource(String id) {
        if (id == null) {
            return "the heap after collections";
        }
        return switch (id) {
            case "full-gc" -> "the heap after full collections";
            case "g1-after-mixed" -> "the heap after G1's mixed collections";
            case "full-gc-or-after-mixed" -> "the heap after full or mixed collections";
            case "zgc-live" -> "ZGC's marked live bytes";
            case "shenandoah-cycle-end" -> "the heap at the end of Shenandoah's cycles";
            case "young-gc-upper-bound" -> "the heap after young collections (an upper bound: old garbage included)";
            default -> "the heap after collections (" + id + ")";
        };
    }

    /** Which record of the JVM a value came from: {@code "the JVM's MaxHeapSize (gc-log)"}. */
    private static String fromJvm(JvmConfig j, String what) {
        return j.sources().isEmpty() ? what : what + " (" + String.join(", ", j.sources()) + ")";
    }

    private Fact<Long> memoryFact() {
        JvmConfig j = jvm();
        ContainerLimits c = j == null ? null : j.container();
        if (c != null && c.memoryLimitBytes() != null) {
            String from = c.source() == null ? "" : " (" + c.source() + ")";
            return new Fact<>(Key.MEMORY_LIMIT, c.memoryLimitBytes(), "the container's memory limit" + from, 1.0);
        }
        Long m = j == null ? null : j.machine().physicalMemoryBytes();
        if (m != null) {
            return new Fact<>(Key.MEMORY_LIMIT, m, fromJvm(j, "the machine's physical memory"), 1.0);
        }
        GcSetup s = setup();
        if (s != null && s.memoryBytes() != null) {
            return new Fact<>(Key.MEMORY_LIMIT, s.memoryBytes(), "the GC log's header", 1.0);
        }
        return Fact.unknown(Key.MEMORY_LIMIT, "the container limit (--container-memory) or a GC log header or recording");
    }

    private Fact<Integer> cpusFact() {
        Key key = Key.CPUS;
        JvmConfig j = jvm();
        ContainerLimits c = j == null ? null : j.container();
        Integer n = c == null ? null : c.effectiveCpus();
        if (n != null && n > 0) {
            return new Fact<>(key, n, "the container's CPU limit", 1.0);
        }
        JavaOptions.Setting apcSet = options.lastSetting("ActiveProcessorCount");
        String apc = apcSet != null ? apcSet.value() : j == null ? null : j.flagValue("ActiveProcessorCount");
        if (apc != null) {
            try {
                int v = Integer.parseInt(apc.trim());
                if (v > 0) {
                    return new Fact<>(key, v, "-XX:ActiveProcessorCount", 1.0);
                }
            } catch (NumberFormatException e) {
                // not a count: the next source
            }
        }
        GcSetup s = setup();
        if (s != null && s.cpusAvailable() != null && s.cpusAvailable() > 0) {
            return new Fact<>(key, s.cpusAvailable(), "the GC log's header (available CPUs)", 1.0);
        }
        Integer allowed = j == null ? null : j.machine().allowedCpus();
        if (allowed != null && allowed > 0) {
            return new Fact<>(key, allowed, "the CPUs the process may run on", 0.9);
        }
        Integer hw = j == null ? null : j.machine().hwThreads();
        if (hw != null && hw > 0) {
            return new Fact<>(key, hw, "the machine's hardware threads", 0.8);
        }
        return Fact.unknown(key, "the container's CPU limit, a GC log header or a recording");
    }

    /** A size as an option gives it: plain bytes or with a unit ({@code 512m}); {@code null} when neither. */
    private static Long bytes(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return JavaOptions.parseSize(v.trim());
        }
    }
}
