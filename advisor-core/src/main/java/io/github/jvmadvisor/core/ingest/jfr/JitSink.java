package io.github.jvmadvisor.core.ingest.jfr;

import io.github.jvmadvisor.core.ingest.jfr.internal.Fields;
import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.model.JitProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * Builds a {@link JitProfile} from the JIT events of a recording: {@code jdk.Compilation},
 * {@code jdk.CompilationFailure}, {@code jdk.CompilerInlining}, {@code jdk.Deoptimization},
 * {@code jdk.CodeCacheFull}, {@code jdk.CodeCacheStatistics}, {@code jdk.CodeCacheConfiguration},
 * {@code jdk.CompilerStatistics}, {@code jdk.CompilerConfiguration} and
 * {@code jdk.CompilerQueueUtilization} (also under their JDK 9/10 names {@code com.oracle.jdk.*}).
 *
 * <p><b>Inlining.</b> Decisions are merged per call site: (compiler, caller, byte-code index, callee).
 * A method compiled again (after a deoptimization, or by C2 after C1) repeats its decisions, so a site
 * counts its distinct compile ids beside its events. The compiler is read from the emitting thread's
 * name ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}); the message is kept verbatim and
 * classified with {@link InlineReason#ofMessage}. At most {@value #MAX_CALL_SITES} call sites are kept
 * (a large application has a few tens of thousands); events at sites beyond that are still counted.
 * Whether inlining was recorded at all cannot be told from events alone when there are none: the reader,
 * which sees the recording's settings, reports it with {@link #inliningEventEnabled(boolean)}.
 *
 * <p>Not thread-safe; the reader calls it from one thread. Odd events are skipped. {@link #result()}
 * may be called at any time and returns a snapshot.
 */
public final class JitSink implements JfrSink {

    /** Call sites kept. */
    public static final int MAX_CALL_SITES = 100_000;
    /** Deoptimization sites kept. */
    public static final int MAX_DEOPT_SITES = 1000;
    /** Longest compilations kept. */
    public static final int LONGEST_COMPILATIONS = 25;

    private static final Set<String> TYPES = Fields.withOldNames("jdk.Compilation", "jdk.CompilationFailure",
            "jdk.CompilerInlining", "jdk.Deoptimization", "jdk.CodeCacheFull", "jdk.CodeCacheStatistics",
            "jdk.CodeCacheConfiguration", "jdk.CompilerStatistics", "jdk.CompilerConfiguration",
            "jdk.CompilerQueueUtilization");

    // compilations
    private long compilations;
    private long compilationsSucceeded;
    private long compilationsOsr;
    private long compileNanos;
    private long compileMaxNanos;
    private Long largestCode;
    private String largestCodeMethod;
    private long totalCode;
    private long totalInlined;
    private final Map<String, long[]> byCompiler = new TreeMap<>();
    private final Map<Integer, long[]> byLevel = new TreeMap<>();
    private final List<JitProfile.Compile> longest = new ArrayList<>();

    // compilation failures
    private long failureEvents;
    private final Map<String, Long> failureMessages = new HashMap<>();

    // inlining
    private Boolean inliningEnabled;
    private long inlineEvents;
    private long inlineSuccesses;
    private final Set<Long> inlineCompileIds = new HashSet<>();
    private final Map<SiteKey, Site> sites = new HashMap<>();
    private long sitesDropped;
    private final Map<MessageKey, long[]> messages = new HashMap<>();
    private final Map<MessageKey, Set<SiteKey>> messageSites = new HashMap<>();

    // deoptimizations
    private long deopts;
    private Instant firstDeopt;
    private Instant lastDeopt;
    private final Map<String, Long> deoptReasons = new HashMap<>();
    private final Map<String, Long> deoptActions = new HashMap<>();
    private final Tally<DeoptKey> deoptSites = new Tally<>(MAX_DEOPT_SITES, Comparator.comparing(DeoptKey::order));
    private final Map<DeoptKey, DeoptDetail> deoptDetails = new HashMap<>();

    // code cache
    private long fullEvents;
    private final Map<String, Long> fullByType = new HashMap<>();
    private final Map<String, Heap> heaps = new TreeMap<>();
    private RecordedLast<JitProfile.CodeCacheConfig> codeCacheConfig;
    private RecordedLast<JitProfile.CompilerStats> statistics;
    private RecordedLast<JitProfile.CompilerConfig> configuration;
    private final Map<String, Queue> queues = new TreeMap<>();

    private record SiteKey(JitCompiler compiler, String caller, int bci, String callee) {
    }

    private record MessageKey(JitCompiler compiler, String message, boolean succeeded) {
    }

    private record DeoptKey(String method, Integer bci, Integer line, String instruction) {
        String order() {
            return method + '#' + (bci == null ? -1 : bci) + '#' + (line == null ? -1 : line) + '#'
                    + (instruction == null ? "" : instruction);
        }
    }

    private record RecordedLast<T>(Instant at, T value) {
    }

    private static final class Site {
        long events;
        long successes;
        final Set<Long> compileIds = new HashSet<>(4);
        final Map<String, Long> messages = new HashMap<>(4);
        final Map<String, Long> failureMessages = new HashMap<>(4);
    }

    private static final class DeoptDetail {
        final Map<String, Long> reasons = new HashMap<>(2);
        final Map<String, Long> actions = new HashMap<>(2);
    }

    private static final class Heap {
        Instant at;
        Long reserved;
        Long unallocated;
        Integer entries;
        Integer methods;
        Integer adaptors;
        Integer fullCount;
        Double peak;
        long samples;
    }

    private static final class Queue {
        long samples;
        Instant at;
        long last;
        long max;
        long peak;
        double added;
        double removed;
        Long totalAdded;
        Long totalRemoved;
        Integer threads;
        Double origin;
        /** Events as {at nanos, size, added, removed}, in arrival order, merged when full. */
        final List<double[]> points = new ArrayList<>();
        final List<JitProfile.QueueWindow> merged = new ArrayList<>();
    }

    /** An empty sink. */
    public JitSink() {
        // state is built by accept
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    /**
     * Tells the sink whether {@code jdk.CompilerInlining} was enabled in the recording (from its
     * {@code jdk.ActiveSetting} events), so that a recording without inlining events says "no decisions"
     * rather than "not recorded". Events seen always count as enabled.
     */
    public void inliningEventEnabled(boolean enabled) {
        inliningEnabled = enabled;
    }

    @Override
    public void settings(JfrSettings settings) {
        Boolean enabled = settings.enabled("jdk.CompilerInlining");
        if (enabled != null) {
            inliningEventEnabled(enabled);
        }
    }

    @Override
    public void accept(RecordedEvent event) {
        switch (Fields.type(event)) {
            case "jdk.Compilation" -> compilation(event);
            case "jdk.CompilationFailure" -> compilationFailure(event);
            case "jdk.CompilerInlining" -> inlining(event);
            case "jdk.Deoptimization" -> deoptimization(event);
            case "jdk.CodeCacheFull" -> codeCacheFull(event);
            case "jdk.CodeCacheStatistics" -> codeCacheStatistics(event);
            case "jdk.CodeCacheConfiguration" -> codeCacheConfiguration(event);
            case "jdk.CompilerStatistics" -> compilerStatistics(event);
            case "jdk.CompilerConfiguration" -> compilerConfiguration(event);
            case "jdk.CompilerQueueUtilization" -> queue(event);
            default -> {
                // not ours
            }
        }
    }

    private static JitCompiler compilerOf(RecordedEvent e) {
        JitCompiler c = JitCompiler.of(Fields.getString(e, "compiler"));
        if (c == JitCompiler.UNKNOWN) {
            c = JitCompiler.of(Fields.threadName(Fields.getThread(e, "eventThread")));
        }
        return c;
    }

    private void compilation(RecordedEvent e) {
        long nanos = Fields.durationNanos(e);
        String method = MethodNames.of(Fields.getMethod(e, "method"));
        JitCompiler compiler = compilerOf(e);
        Integer level = Fields.getInt(e, "compileLevel");
        boolean ok = !Boolean.FALSE.equals(Fields.getBoolean(e, "succeded"))
                && !Boolean.FALSE.equals(Fields.getBoolean(e, "succeeded"));
        boolean osr = Boolean.TRUE.equals(Fields.getBoolean(e, "isOsr"));
        Long code = Fields.getLong(e, "codeSize");
        Long inlined = Fields.getLong(e, "inlinedBytes");
        Long id = Fields.getLong(e, "compileId");
        compilations++;
        compilationsSucceeded += ok ? 1 : 0;
        compilationsOsr += osr ? 1 : 0;
        compileNanos += nanos;
        compileMaxNanos = Math.max(compileMaxNanos, nanos);
        if (code != null && code >= 0) {
            totalCode += code;
            if (largestCode == null || code > largestCode
                    || (code.equals(largestCode) && method.compareTo(largestCodeMethod) < 0)) {
                largestCode = code;
                largestCodeMethod = method;
            }
        }
        if (inlined != null && inlined >= 0) {
            totalInlined += inlined;
        }
        group(byCompiler.computeIfAbsent(compiler.name(), k -> new long[3]), nanos);
        if (level != null) {
            group(byLevel.computeIfAbsent(level, k -> new long[3]), nanos);
        }
        longest.add(new JitProfile.Compile(id == null ? -1 : id, method, compiler, level, osr, ok, nanos, code));
        if (longest.size() > 4 * LONGEST_COMPILATIONS) {
            trimLongest();
        }
    }

    private static void group(long[] g, long nanos) {
        g[0]++;
        g[1] += nanos;
        g[2] = Math.max(g[2], nanos);
    }

    private void trimLongest() {
        longest.sort(Comparator.comparingLong(JitProfile.Compile::durationNanos).reversed()
                .thenComparing(JitProfile.Compile::method).thenComparingLong(JitProfile.Compile::compileId));
        if (longest.size() > LONGEST_COMPILATIONS) {
            longest.subList(LONGEST_COMPILATIONS, longest.size()).clear();
        }
    }

    private void compilationFailure(RecordedEvent e) {
        String msg = Fields.getString(e, "failureMessage");
        failureEvents++;
        failureMessages.merge(msg == null ? "?" : msg.trim(), 1L, Long::sum);
    }

    private void inlining(RecordedEvent e) {
        Boolean succeeded = Fields.getBoolean(e, "succeeded");
        Integer bci = Fields.getInt(e, "bci");
        if (succeeded == null || bci == null) {
            return;
        }
        String caller = MethodNames.of(Fields.getMethod(e, "caller"));
        RecordedObject callee = Fields.getObject(e, "callee");
        String calleeName = MethodNames.of(Fields.getString(callee, "type"), Fields.getString(callee, "name"),
                Fields.getString(callee, "descriptor"));
        JitCompiler compiler = JitCompiler.of(Fields.threadName(Fields.getThread(e, "eventThread")));
        String message = Fields.getString(e, "message");
        message = message == null ? "" : message.trim();
        Long compileId = Fields.getLong(e, "compileId");

        inlineEvents++;
        inlineSuccesses += succeeded ? 1 : 0;
        if (compileId != null) {
            inlineCompileIds.add(compileId);
        }
        SiteKey key = new SiteKey(compiler, caller, bci, calleeName);
        MessageKey mk = new MessageKey(compiler, message, succeeded);
        messages.computeIfAbsent(mk, k -> new long[1])[0]++;
        Site s = sites.get(key);
        if (s == null) {
            if (sites.size() >= MAX_CALL_SITES) {
                sitesDropped++;
                return;
            }
            s = new Site();
            sites.put(key, s);
        }
        messageSites.computeIfAbsent(mk, k -> new HashSet<>()).add(key);
        s.events++;
        if (succeeded) {
            s.successes++;
        } else {
            s.failureMessages.merge(message, 1L, Long::sum);
        }
        s.messages.merge(message, 1L, Long::sum);
        if (compileId != null) {
            s.compileIds.add(compileId);
        }
    }

    private void deoptimization(RecordedEvent e) {
        String method = MethodNames.of(Fields.getMethod(e, "method"));
        Integer bci = Fields.getInt(e, "bci");
        Integer line = Fields.getInt(e, "lineNumber");
        String instruction = Fields.getString(e, "instruction");
        String reason = Fields.getString(e, "reason");
        String action = Fields.getString(e, "action");
        reason = reason == null ? "?" : reason;
        action = action == null ? "?" : action;
        deopts++;
        Instant at = Fields.start(e);
        if (at != null) {
            firstDeopt = firstDeopt == null || at.isBefore(firstDeopt) ? at : firstDeopt;
            lastDeopt = lastDeopt == null || at.isAfter(lastDeopt) ? at : lastDeopt;
        }
        deoptReasons.merge(reason, 1L, Long::sum);
        deoptActions.merge(action, 1L, Long::sum);
        DeoptKey key = new DeoptKey(method, bci == null || bci < 0 ? null : bci, line == null || line < 0 ? null : line,
                instruction);
        deoptSites.add(key, 1);
        DeoptDetail d = deoptDetails.computeIfAbsent(key, k -> new DeoptDetail());
        d.reasons.merge(reason, 1L, Long::sum);
        d.actions.merge(action, 1L, Long::sum);
        if (deoptDetails.size() > 4 * MAX_DEOPT_SITES) {
            Set<DeoptKey> kept = new HashSet<>();
            deoptSites.top(Integer.MAX_VALUE).forEach(en -> kept.add(en.getKey()));
            deoptDetails.keySet().retainAll(kept);
        }
    }

    private void codeCacheFull(RecordedEvent e) {
        String type = Fields.getString(e, "codeBlobType");
        fullEvents++;
        fullByType.merge(type == null ? "?" : type, 1L, Long::sum);
    }

    private void codeCacheStatistics(RecordedEvent e) {
        String type = Fields.getString(e, "codeBlobType");
        Instant at = Fields.start(e);
        if (type == null || at == null) {
            return;
        }
        Heap h = heaps.computeIfAbsent(type, k -> new Heap());
        h.samples++;
        Long start = Fields.getLong(e, "startAddress");
        Long top = Fields.getLong(e, "reservedTopAddress");
        Long reserved = start != null && top != null && Long.compareUnsigned(top, start) > 0 ? top - start : null;
        Long unallocated = Fields.getLong(e, "unallocatedCapacity");
        Double occupancy = occupancy(reserved, unallocated);
        if (occupancy != null && (h.peak == null || occupancy > h.peak)) {
            h.peak = occupancy;
        }
        if (h.at == null || !at.isBefore(h.at)) {
            h.at = at;
            h.reserved = reserved;
            h.unallocated = unallocated;
            h.entries = Fields.getInt(e, "entryCount");
            h.methods = Fields.getInt(e, "methodCount");
            h.adaptors = Fields.getInt(e, "adaptorCount");
            h.fullCount = Fields.getInt(e, "fullCount");
        }
    }

    private static Double occupancy(Long reserved, Long unallocated) {
        if (reserved == null || unallocated == null || reserved <= 0 || unallocated < 0 || unallocated > reserved) {
            return null;
        }
        return 1.0 - (double) unallocated / reserved;
    }

    private void codeCacheConfiguration(RecordedEvent e) {
        Instant at = Fields.start(e);
        if (at == null || (codeCacheConfig != null && at.isBefore(codeCacheConfig.at()))) {
            return;
        }
        codeCacheConfig = new RecordedLast<>(at, new JitProfile.CodeCacheConfig(Fields.getLong(e, "initialSize"),
                Fields.getLong(e, "reservedSize"), Fields.getLong(e, "nonNMethodSize"),
                Fields.getLong(e, "profiledSize"), Fields.getLong(e, "nonProfiledSize"),
                Fields.getLong(e, "expansionSize")));
    }

    private void compilerStatistics(RecordedEvent e) {
        Instant at = Fields.start(e);
        if (at == null || (statistics != null && at.isBefore(statistics.at()))) {
            return;
        }
        statistics = new RecordedLast<>(at, new JitProfile.CompilerStats(Fields.getInt(e, "compileCount"),
                Fields.getInt(e, "bailoutCount"), Fields.getInt(e, "invalidatedCount"),
                Fields.getInt(e, "osrCompileCount"), Fields.getInt(e, "standardCompileCount"),
                Fields.getLong(e, "osrBytesCompiled"), Fields.getLong(e, "standardBytesCompiled"),
                Fields.getLong(e, "nmethodsSize"), Fields.getLong(e, "nmethodCodeSize"),
                Fields.getNanos(e, "peakTimeSpent"), Fields.getNanos(e, "totalTimeSpent")));
    }

    private void compilerConfiguration(RecordedEvent e) {
        Instant at = Fields.start(e);
        if (at == null || (configuration != null && at.isBefore(configuration.at()))) {
            return;
        }
        configuration = new RecordedLast<>(at, new JitProfile.CompilerConfig(Fields.getInt(e, "threadCount"),
                Fields.getBoolean(e, "tieredCompilation"), Fields.getBoolean(e, "dynamicCompilerThreadCount")));
    }

    private void queue(RecordedEvent e) {
        String compiler = Fields.getString(e, "compiler");
        Long size = Fields.getLong(e, "queueSize");
        Instant at = Fields.start(e);
        if (compiler == null || size == null || at == null) {
            return;
        }
        Queue q = queues.computeIfAbsent(compiler, k -> new Queue());
        q.samples++;
        q.max = Math.max(q.max, size);
        Long peak = Fields.getLong(e, "peakQueueSize");
        q.peak = Math.max(q.peak, peak == null ? size : peak);
        Double added = Fields.getDouble(e, "addedRate");
        Double removed = Fields.getDouble(e, "removedRate");
        q.added += added == null ? 0 : added;
        q.removed += removed == null ? 0 : removed;
        q.points.add(new double[] {Fields.epochNanos(at), size, added == null ? 0 : added,
            removed == null ? 0 : removed});
        if (q.points.size() > 2 * JitProfile.CompileQueue.MAX_WINDOWS) {
            // keep memory bounded: fold the points into windows and merge pairwise
            q.merged.clear();
            q.merged.addAll(windows(q));
            q.points.clear();
        }
        if (q.at == null || !at.isBefore(q.at)) {
            q.at = at;
            q.last = size;
            q.totalAdded = Fields.getLong(e, "totalAddedCount");
            q.totalRemoved = Fields.getLong(e, "totalRemovedCount");
            q.threads = Fields.getInt(e, "compilerThreadCount");
        }
    }

    /** What has been read so far. */
    public JitProfile result() {
        return new JitProfile(compilations(), failureEvents, counts(failureMessages), inliningResult(),
                deoptResult(), codeCacheResult(), statistics == null ? null : statistics.value(),
                configuration == null ? null : configuration.value(), queueResult());
    }

    private JitProfile.Compilations compilations() {
        if (compilations == 0) {
            return null;
        }
        trimLongest();
        List<JitProfile.Group> compilers = new ArrayList<>();
        byCompiler.forEach((k, v) -> compilers.add(new JitProfile.Group(k, v[0], v[1], v[2])));
        List<JitProfile.Group> levels = new ArrayList<>();
        byLevel.forEach((k, v) -> levels.add(new JitProfile.Group(Integer.toString(k), v[0], v[1], v[2])));
        return new JitProfile.Compilations(compilations, compilationsSucceeded, compilationsOsr, compileNanos,
                compileMaxNanos, largestCode, largestCodeMethod, totalCode, totalInlined, compilers, levels,
                longest);
    }

    private JitProfile.Inlining inliningResult() {
        List<JitProfile.CallSite> out = new ArrayList<>(sites.size());
        Map<JitCompiler, Map<InlineReason, long[]>> reasons = new EnumMap<>(JitCompiler.class);
        for (Map.Entry<SiteKey, Site> en : sites.entrySet()) {
            SiteKey k = en.getKey();
            Site s = en.getValue();
            long failures = s.events - s.successes;
            String failure = null;
            long failureCount = 0;
            for (Map.Entry<String, Long> m : s.failureMessages.entrySet()) {
                if (m.getValue() > failureCount || (m.getValue() == failureCount && m.getKey().compareTo(failure) < 0)) {
                    failure = m.getKey();
                    failureCount = m.getValue();
                }
                long[] r = reasons.computeIfAbsent(k.compiler(), c -> new EnumMap<>(InlineReason.class))
                        .computeIfAbsent(InlineReason.ofMessage(m.getKey()), c -> new long[2]);
                r[0] += m.getValue();
                r[1]++;
            }
            out.add(new JitProfile.CallSite(k.compiler(), k.caller(), k.bci(), k.callee(), s.events, s.successes,
                    failures, s.compileIds.size(), counts(s.messages),
                    failure == null ? null : InlineReason.ofMessage(failure), failure));
        }
        out.sort(Comparator.comparingLong(JitProfile.CallSite::failures).reversed()
                .thenComparing(Comparator.comparingLong(JitProfile.CallSite::events).reversed())
                .thenComparing(JitProfile.CallSite::caller).thenComparingInt(JitProfile.CallSite::bci)
                .thenComparing(JitProfile.CallSite::callee).thenComparing(JitProfile.CallSite::compiler));
        List<JitProfile.Message> msgs = new ArrayList<>();
        messages.forEach((k, v) -> {
            Set<SiteKey> at = messageSites.get(k);
            msgs.add(new JitProfile.Message(k.compiler(), k.message(), k.succeeded(),
                    k.succeeded() ? null : InlineReason.ofMessage(k.message()), v[0], at == null ? 0 : at.size()));
        });
        msgs.sort(Comparator.comparingLong(JitProfile.Message::events).reversed()
                .thenComparing(JitProfile.Message::compiler).thenComparing(JitProfile.Message::message)
                .thenComparing(JitProfile.Message::succeeded));
        List<JitProfile.ReasonCount> byReason = new ArrayList<>();
        reasons.forEach((c, m) -> m.forEach((r, v) -> byReason.add(new JitProfile.ReasonCount(c, r, v[0], v[1]))));
        Boolean enabled = inlineEvents > 0 ? Boolean.TRUE : inliningEnabled;
        return new JitProfile.Inlining(enabled, inlineEvents, inlineSuccesses, inlineEvents - inlineSuccesses,
                inlineCompileIds.size(), out, sitesDropped, msgs, byReason);
    }

    private JitProfile.Deoptimizations deoptResult() {
        List<JitProfile.DeoptSite> out = new ArrayList<>();
        for (Map.Entry<DeoptKey, Tally.Cell> en : deoptSites.top(MAX_DEOPT_SITES)) {
            DeoptKey k = en.getKey();
            DeoptDetail d = deoptDetails.get(k);
            out.add(new JitProfile.DeoptSite(k.method(), k.bci(), k.line(), k.instruction(), en.getValue().count,
                    d == null ? List.of() : counts(d.reasons), d == null ? List.of() : counts(d.actions)));
        }
        return new JitProfile.Deoptimizations(deopts, firstDeopt, lastDeopt, counts(deoptReasons),
                counts(deoptActions), out);
    }

    private JitProfile.CodeCache codeCacheResult() {
        List<JitProfile.CodeHeap> out = new ArrayList<>();
        heaps.forEach((type, h) -> out.add(new JitProfile.CodeHeap(type, h.reserved, h.unallocated,
                occupancy(h.reserved, h.unallocated), h.peak, h.entries, h.methods, h.adaptors, h.fullCount,
                h.samples)));
        return new JitProfile.CodeCache(fullEvents, counts(fullByType), out,
                codeCacheConfig == null ? null : codeCacheConfig.value());
    }

    private List<JitProfile.CompileQueue> queueResult() {
        List<JitProfile.CompileQueue> out = new ArrayList<>();
        queues.forEach((c, q) -> out.add(new JitProfile.CompileQueue(c, q.samples, q.last, q.max, q.peak,
                q.added / q.samples, q.removed / q.samples, q.totalAdded, q.totalRemoved, q.threads, windows(q))));
        return out;
    }

    /**
     * A queue's windows: the merged ones so far, then one per pending event, merged pairwise until there
     * are at most {@link JitProfile.CompileQueue#MAX_WINDOWS}. Times are seconds after the first event.
     */
    private static List<JitProfile.QueueWindow> windows(Queue q) {
        List<double[]> pts = new ArrayList<>(q.points);
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        double origin = q.origin != null ? q.origin : pts.isEmpty() ? 0 : pts.get(0)[0];
        q.origin = origin;
        List<JitProfile.QueueWindow> out = new ArrayList<>(q.merged);
        for (double[] p : pts) {
            double t = (p[0] - origin) / 1e9;
            out.add(new JitProfile.QueueWindow(t, t, 1, (long) p[1], (long) p[1], p[2], p[3]));
        }
        while (out.size() > JitProfile.CompileQueue.MAX_WINDOWS) {
            List<JitProfile.QueueWindow> half = new ArrayList<>((out.size() + 1) / 2);
            for (int i = 0; i < out.size(); i += 2) {
                half.add(i + 1 < out.size() ? out.get(i).merge(out.get(i + 1)) : out.get(i));
            }
            out = half;
        }
        return out;
    }

    private static List<JitProfile.Count> counts(Map<String, Long> m) {
        List<JitProfile.Count> out = new ArrayList<>(m.size());
        m.forEach((k, v) -> out.add(new JitProfile.Count(k, v)));
        out.sort(Comparator.comparingLong(JitProfile.Count::count).reversed().thenComparing(JitProfile.Count::name));
        return out;
    }
}
