package io.github.jvmadvisor.core.ingest.jfr;

import io.github.jvmadvisor.core.ingest.jfr.internal.Fields;
import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.MethodFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Builds an {@link AllocationProfile} from {@code jdk.ObjectAllocationSample},
 * {@code jdk.ObjectAllocationInNewTLAB}, {@code jdk.ObjectAllocationOutsideTLAB} and
 * {@code jdk.ThreadAllocationStatistics} (also under their JDK 9/10 names {@code com.oracle.jdk.*}), and
 * the latest class histogram from {@code jdk.ObjectCount} / {@code jdk.ObjectCountAfterGC}, joined with
 * the heap used after its collection ({@code jdk.GCHeapSummary}).
 *
 * <p><b>Sites.</b> A site is the first {@code siteDepth} frames (default {@value #DEFAULT_SITE_DEPTH}) of
 * a sampled stack after <em>leading</em> allocation plumbing is skipped: frames of
 * {@code java.lang.invoke.*} (lambda forms, method-handle holders), {@code jdk.internal.reflect.*},
 * {@code java.lang.reflect.Array} and {@code Constructor}, {@code java.lang.Class.newInstance},
 * {@code jdk.internal.misc.Unsafe}, {@code sun.misc.Unsafe}, {@code java.lang.StringConcatHelper}, and
 * lambda proxy classes ({@code $$Lambda}). These only carry out an allocation some other code asked
 * for. Library code that decides to allocate ({@code java.util.Arrays.copyOf},
 * {@code java.lang.Integer.valueOf}) is kept as the site, with its callers in the following frames:
 * rules that look for boxing need the {@code valueOf} frame. A stack made only of plumbing keeps its
 * top frame; a sample without a stack trace counts under the method {@value #NO_STACK}.
 *
 * <p><b>First samples.</b> The weight of a thread's first sample counts from its previous sample, and
 * for a thread that ran before the recording started that reaches back before the recording (JFR
 * started on a long-running JVM puts gigabytes there). Each thread's earliest sample is therefore held
 * back until {@link #result()}; if {@code jdk.ThreadAllocationStatistics} shows the thread allocated
 * {@code b} bytes before the recording's first snapshot, {@code b} is taken off that sample (down to
 * 0) and reported as {@link AllocationProfile#preRecordingWeightBytes()}.
 *
 * <p><b>Memory.</b> Bounded whatever the recording's length: at most {@code maxSites} sites (default
 * {@value #DEFAULT_MAX_SITES}) and {@value #MAX_NAMES} classes, threads and methods are kept, each table
 * folding its lightest entries into an "other" total when it grows past twice its cap (see
 * {@link AllocationProfile}); per-thread counters grow with the threads alive at chunk boundaries.
 *
 * <p>Not thread-safe; the reader calls it from one thread. Odd events (no weight, negative sizes) are
 * skipped. {@link #result()} may be called at any time and returns a snapshot.
 */
public final class AllocationSink implements JfrSink {

    /** Frames kept per site unless configured otherwise. */
    public static final int DEFAULT_SITE_DEPTH = 5;
    /** Sites kept unless configured otherwise. */
    public static final int DEFAULT_MAX_SITES = 1000;
    /** Classes, threads and allocating methods kept. */
    public static final int MAX_NAMES = 1000;
    /** The method name of the site of samples without a stack trace. */
    public static final String NO_STACK = "(no stack trace)";
    /** Classes listed per site. */
    private static final int CLASSES_PER_SITE = 3;
    /** Snapshots this close to the first one belong to the first round of the per-thread counters. */
    private static final Duration SAME_SNAPSHOT = Duration.ofMillis(500);

    private static final Set<String> TYPES = Fields.withOldNames("jdk.ObjectAllocationSample",
            "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB", "jdk.ThreadAllocationStatistics",
            "jdk.ObjectCount", "jdk.ObjectCountAfterGC", "jdk.GCHeapSummary");
    /** Heap-after sizes kept for joining with the latest histogram. */
    private static final int HEAP_AFTER_KEPT = 256;

    private static final Comparator<List<MethodFrame>> FRAMES_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).method().compareTo(b.get(i).method());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(line(a.get(i)), line(b.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final int siteDepth;
    private final int maxSites;

    private long samples;
    private Instant firstSample;
    private Instant lastSample;
    private final StackCache<StackSite> stacks = new StackCache<>();
    private final StackSite noStack = new StackSite(List.of(new MethodFrame(NO_STACK, null)), false);
    private final Tally<List<MethodFrame>> sites;
    private final Tally<String> methods = new Tally<>(MAX_NAMES, Comparator.naturalOrder());
    private final Tally<String> classes = new Tally<>(MAX_NAMES, Comparator.naturalOrder());
    private final Tally<String> threads = new Tally<>(MAX_NAMES, Comparator.naturalOrder());

    private long inTlabEvents;
    private long inTlabBytes;
    private final Tally<List<MethodFrame>> outsideSites;
    private final Tally<String> outsideClasses = new Tally<>(MAX_NAMES, Comparator.naturalOrder());

    private final Map<Object, Sample> firstByThread = new HashMap<>();
    private final Map<Object, ThreadCounter> counters = new HashMap<>();
    private Instant firstSnapshot;
    private Instant lastSnapshot;

    private long histogramGcId = -1;
    private Instant histogramAt;
    private String histogramType;
    private final Map<String, long[]> histogram = new HashMap<>();
    private final java.util.Set<Long> histogramIds = new java.util.HashSet<>();
    private final java.util.TreeMap<Long, Long> heapAfter = new java.util.TreeMap<>();

    private static final class ThreadCounter {
        String name;
        Instant firstAt;
        long firstValue;
        Instant lastAt;
        long lastValue;
        long snapshots;
    }

    /** A sink with the default site depth and number of sites. */
    public AllocationSink() {
        this(DEFAULT_SITE_DEPTH, DEFAULT_MAX_SITES);
    }

    /**
     * A sink keeping {@code siteDepth} frames per site and at most {@code maxSites} sites.
     *
     * @throws IllegalArgumentException if either is below 1
     */
    public AllocationSink(int siteDepth, int maxSites) {
        if (siteDepth < 1 || maxSites < 1) {
            throw new IllegalArgumentException("siteDepth and maxSites must be >= 1: " + siteDepth + ", " + maxSites);
        }
        this.siteDepth = siteDepth;
        this.maxSites = maxSites;
        this.sites = new Tally<>(maxSites, FRAMES_ORDER);
        this.outsideSites = new Tally<>(maxSites, FRAMES_ORDER);
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void accept(RecordedEvent event) {
        switch (Fields.type(event)) {
            case "jdk.ObjectAllocationSample" -> sample(event);
            case "jdk.ObjectAllocationInNewTLAB" -> inNewTlab(event);
            case "jdk.ObjectAllocationOutsideTLAB" -> outsideTlab(event);
            case "jdk.ThreadAllocationStatistics" -> counter(event);
            case "jdk.ObjectCount", "jdk.ObjectCountAfterGC" -> objectCount(event);
            case "jdk.GCHeapSummary" -> heapSummary(event);
            default -> {
                // not ours
            }
        }
    }

    private void sample(RecordedEvent e) {
        Long weight = Fields.getLong(e, "weight");
        if (weight == null || weight < 0) {
            return;
        }
        samples++;
        Instant at = Fields.start(e);
        if (at != null) {
            firstSample = firstSample == null || at.isBefore(firstSample) ? at : firstSample;
            lastSample = lastSample == null || at.isAfter(lastSample) ? at : lastSample;
        }
        RecordedStackTrace stack = Fields.stackTrace(e);
        StackSite ss = stack == null ? noStack : stacks.get(stack, this::siteOf);
        RecordedThread thread = Fields.getThread(e, "eventThread");
        Sample now = new Sample(at, weight, ss.site(), ss.compiled(),
                MethodNames.className(Fields.getClass(e, "objectClass")), Fields.threadName(thread));
        // each thread's earliest sample is held back: its weight may reach back before the recording
        Object key = threadKey(thread);
        Sample held = firstByThread.get(key);
        if (held == null) {
            firstByThread.put(key, now);
        } else if (at != null && (held.at() == null || at.isBefore(held.at()))) {
            firstByThread.put(key, now);
            held.addTo(sites, methods, classes, threads, held.weight());
        } else {
            now.addTo(sites, methods, classes, threads, weight);
        }
    }

    /** The site of a stack, and whether its allocating frame ran compiled. */
    private record StackSite(List<MethodFrame> site, boolean compiled) {
    }

    private StackSite siteOf(RecordedStackTrace stack) {
        List<RecordedFrame> frames = Fields.frames(stack);
        int first = firstAllocatingFrame(frames);
        return new StackSite(site(frames, first), first < frames.size() && Fields.compiled(frames.get(first)));
    }

    /** One sample, kept while it is the earliest of its thread. */
    private record Sample(Instant at, long weight, List<MethodFrame> site, boolean compiled, String cls,
            String thread) {

        void addTo(Tally<List<MethodFrame>> sites, Tally<String> methods, Tally<String> classes,
                Tally<String> threads, long w) {
            Tally.Cell c = sites.add(site, w);
            if (compiled) {
                c.marked++;
            }
            if (c.detail == null) {
                c.detail = new Tally<>(CLASSES_PER_SITE * 2, Comparator.naturalOrder());
            }
            c.detail.add(cls, w);
            methods.add(site.get(0).method(), w);
            classes.add(cls, w);
            threads.add(thread, w);
        }
    }

    private static Object threadKey(RecordedThread t) {
        if (t == null) {
            return "?";
        }
        long id = t.getJavaThreadId();
        return id >= 0 ? (Object) id : Fields.threadName(t);
    }

    private void inNewTlab(RecordedEvent e) {
        Long tlab = Fields.getLong(e, "tlabSize");
        if (tlab == null || tlab < 0) {
            return;
        }
        inTlabEvents++;
        inTlabBytes += tlab;
    }

    private void outsideTlab(RecordedEvent e) {
        Long size = Fields.getLong(e, "allocationSize");
        if (size == null || size < 0) {
            return;
        }
        List<RecordedFrame> frames = Fields.frames(e);
        int first = firstAllocatingFrame(frames);
        Tally.Cell c = outsideSites.add(site(frames, first), size);
        String cls = MethodNames.className(Fields.getClass(e, "objectClass"));
        if (c.detail == null) {
            c.detail = new Tally<>(CLASSES_PER_SITE * 2, Comparator.naturalOrder());
        }
        c.detail.add(cls, size);
        outsideClasses.add(cls, size);
    }

    private void counter(RecordedEvent e) {
        Long allocated = Fields.getLong(e, "allocated");
        Instant at = Fields.start(e);
        RecordedThread t = Fields.getThread(e, "thread");
        if (allocated == null || allocated < 0 || at == null || t == null) {
            return;
        }
        ThreadCounter c = counters.computeIfAbsent(threadKey(t), k -> new ThreadCounter());
        c.snapshots++;
        if (c.firstAt == null || at.isBefore(c.firstAt)) {
            c.firstAt = at;
            c.firstValue = allocated;
        }
        if (c.lastAt == null || !at.isBefore(c.lastAt)) {
            c.lastAt = at;
            c.lastValue = allocated;
            c.name = Fields.threadName(t);
        }
        firstSnapshot = firstSnapshot == null || at.isBefore(firstSnapshot) ? at : firstSnapshot;
        lastSnapshot = lastSnapshot == null || at.isAfter(lastSnapshot) ? at : lastSnapshot;
    }

    /** Index of the first frame that is not allocation plumbing; 0 when all are (or there are none). */
    private static int firstAllocatingFrame(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!isPlumbing(Fields.method(frames.get(i)))) {
                return i;
            }
        }
        return 0;
    }

    private List<MethodFrame> site(List<RecordedFrame> frames, int first) {
        if (frames.isEmpty()) {
            return List.of(new MethodFrame(NO_STACK, null));
        }
        int end = Math.min(frames.size(), first + siteDepth);
        List<MethodFrame> out = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            RecordedFrame f = frames.get(i);
            out.add(new MethodFrame(Fields.method(f), Fields.line(f)));
        }
        return List.copyOf(out);
    }

    /**
     * Whether a frame's method only carries out an allocation that code below it asked for (see the
     * class comment). {@code method} is in {@link MethodNames} format.
     */
    public static boolean isPlumbing(String method) {
        String cls = MethodNames.declaringClass(method);
        return cls.startsWith("java.lang.invoke.") || cls.startsWith("jdk.internal.reflect.")
                || cls.equals("java.lang.reflect.Array") || cls.equals("java.lang.reflect.Constructor")
                || (cls.equals("java.lang.Class") && MethodNames.methodName(method).equals("newInstance"))
                || cls.equals("jdk.internal.misc.Unsafe") || cls.equals("sun.misc.Unsafe")
                || cls.equals("java.lang.StringConcatHelper") || cls.contains("$$Lambda");
    }

    private void objectCount(RecordedEvent e) {
        Long id = Fields.getLong(e, "gcId");
        Long count = Fields.getLong(e, "count");
        Long size = Fields.getLong(e, "totalSize");
        if (id == null || count == null || size == null || count < 0 || size < 0) {
            return;
        }
        if (histogramIds.size() < 1_000_000) {
            histogramIds.add(id);
        }
        if (id < histogramGcId) {
            return;
        }
        if (id > histogramGcId) {
            histogramGcId = id;
            histogram.clear();
            histogramAt = Fields.start(e);
            histogramType = Fields.type(e);
        }
        long[] v = histogram.computeIfAbsent(MethodNames.className(Fields.getClass(e, "objectClass")),
                k -> new long[2]);
        v[0] += count;
        v[1] += size;
    }

    private void heapSummary(RecordedEvent e) {
        Long id = Fields.getLong(e, "gcId");
        Long used = Fields.getLong(e, "heapUsed");
        String when = Fields.getString(e, "when");
        if (id == null || used == null || used < 0 || when == null || !when.startsWith("After")) {
            return;
        }
        heapAfter.put(id, used);
        if (heapAfter.size() > HEAP_AFTER_KEPT) {
            heapAfter.pollFirstEntry();
        }
    }

    private AllocationProfile.Histogram histogram() {
        if (histogramGcId < 0) {
            return null;
        }
        List<AllocationProfile.ClassCount> classes = new ArrayList<>();
        long instances = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> en : histogram.entrySet()) {
            classes.add(new AllocationProfile.ClassCount(en.getKey(), en.getValue()[0], en.getValue()[1]));
            instances += en.getValue()[0];
            bytes += en.getValue()[1];
        }
        classes.sort(Comparator.comparingLong(AllocationProfile.ClassCount::bytes).reversed()
                .thenComparing(AllocationProfile.ClassCount::name));
        if (classes.size() > MAX_NAMES) {
            classes.subList(MAX_NAMES, classes.size()).clear();
        }
        return new AllocationProfile.Histogram(histogramGcId, histogramAt, histogramType,
                Math.max(1, histogramIds.size()), heapAfter.get(histogramGcId), instances, bytes, classes);
    }

    /** What has been read so far. */
    public AllocationProfile result() {
        Tally<List<MethodFrame>> st = sites.copy();
        Tally<String> mt = methods.copy();
        Tally<String> ct = classes.copy();
        Tally<String> tt = threads.copy();
        long before = 0;
        List<Map.Entry<Object, Sample>> held = new ArrayList<>(firstByThread.entrySet());
        // a fixed order, so that folding in a full table cannot depend on hash order
        held.sort(Comparator.comparing((Map.Entry<Object, Sample> en) -> en.getValue().at(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(en -> en.getKey().toString()));
        for (Map.Entry<Object, Sample> en : held) {
            Sample s = en.getValue();
            long w = s.weight();
            ThreadCounter c = counters.get(en.getKey());
            if (c != null && inFirstRound(c)) {
                // the thread was running when the recording started and had allocated c.firstValue by then;
                // its first sample's weight counts from its previous sample, at most from the thread's start
                long during = Math.max(0, w - c.firstValue);
                before += w - during;
                w = during;
            }
            s.addTo(st, mt, ct, tt, w);
        }
        return new AllocationProfile(samples, st.totalWeight(), before, firstSample, lastSample,
                sites(st, maxSites), st.otherWeight(), shares(mt), shares(ct), shares(tt), tlab(), exact(),
                histogram());
    }

    private boolean inFirstRound(ThreadCounter c) {
        return Duration.between(firstSnapshot, c.firstAt).compareTo(SAME_SNAPSHOT) <= 0;
    }

    private AllocationProfile.Tlab tlab() {
        if (inTlabEvents == 0 && outsideSites.totalCount() == 0) {
            return null;
        }
        long out = outsideSites.totalWeight();
        Double ratio = inTlabEvents == 0 ? null : (double) out / (inTlabBytes + out);
        return new AllocationProfile.Tlab(inTlabEvents, inTlabBytes, outsideSites.totalCount(), out, ratio,
                sites(outsideSites, maxSites), shares(outsideClasses));
    }

    private AllocationProfile.Exact exact() {
        if (firstSnapshot == null || !lastSnapshot.isAfter(firstSnapshot)) {
            return null;
        }
        Map<String, long[]> byName = new HashMap<>();
        long total = 0;
        for (ThreadCounter c : counters.values()) {
            long bytes = Math.max(0, c.lastValue - (inFirstRound(c) ? c.firstValue : 0));
            total += bytes;
            long[] v = byName.computeIfAbsent(c.name, k -> new long[2]);
            v[0] += bytes;
            v[1] += c.snapshots;
        }
        List<AllocationProfile.Share> top = new ArrayList<>();
        byName.forEach((name, v) -> top.add(new AllocationProfile.Share(name, v[0], v[1])));
        top.sort(Comparator.comparingLong(AllocationProfile.Share::weightBytes).reversed()
                .thenComparing(AllocationProfile.Share::name));
        if (top.size() > MAX_NAMES) {
            top.subList(MAX_NAMES, top.size()).clear();
        }
        return new AllocationProfile.Exact(total, firstSnapshot, lastSnapshot, counters.size(), top);
    }

    private static List<AllocationProfile.Site> sites(Tally<List<MethodFrame>> t, int limit) {
        List<AllocationProfile.Site> out = new ArrayList<>();
        for (Map.Entry<List<MethodFrame>, Tally.Cell> e : t.top(limit)) {
            Tally.Cell c = e.getValue();
            List<AllocationProfile.Share> cls = c.detail == null ? List.of() : shares(c.detail, CLASSES_PER_SITE);
            out.add(new AllocationProfile.Site(e.getKey(), c.weight, c.count, c.marked, cls));
        }
        return out;
    }

    private static List<AllocationProfile.Share> shares(Tally<String> t) {
        return shares(t, MAX_NAMES);
    }

    private static List<AllocationProfile.Share> shares(Tally<String> t, int limit) {
        List<AllocationProfile.Share> out = new ArrayList<>();
        for (Map.Entry<String, Tally.Cell> e : t.top(limit)) {
            out.add(new AllocationProfile.Share(e.getKey(), e.getValue().weight, e.getValue().count));
        }
        return out;
    }

    private static int line(MethodFrame f) {
        return f.line() == null ? -1 : f.line();
    }
}
