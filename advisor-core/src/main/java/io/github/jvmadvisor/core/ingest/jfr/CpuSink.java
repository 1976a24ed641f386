package io.github.jvmadvisor.core.ingest.jfr;

import io.github.jvmadvisor.core.ingest.jfr.internal.Fields;
import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.MethodFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Builds a {@link CpuProfile} from {@code jdk.ExecutionSample}, {@code jdk.CPULoad},
 * {@code jdk.ThreadCPULoad}, {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} (also under their
 * JDK 9/10 names {@code com.oracle.jdk.*}), and {@code jdk.VirtualThreadPinned} (JDK 21+).
 *
 * <p>Hot methods are counted twice: by the top frame of each sample (self) and by every distinct
 * method on the sampled stack (inclusive; a recursive method counts once per sample). Stacks are as
 * deep as the recording kept them (64 frames by default), so inclusive counts of methods near the
 * bottom of deep stacks are low. A blocking site is the first frame outside the JDK, else the top
 * frame.
 *
 * <p>Memory is bounded: at most {@value #MAX_METHODS} methods per table, {@value #MAX_NAMES} threads,
 * classes and sites, the lightest folded away when a table grows past twice its cap. Not thread-safe;
 * the reader calls it from one thread. Odd events are skipped. {@link #result()} may be called at any
 * time and returns a snapshot.
 */
public final class CpuSink implements JfrSink {

    /** Methods kept per table (self, inclusive). */
    public static final int MAX_METHODS = 1000;
    /** Threads, classes and sites kept. */
    public static final int MAX_NAMES = 1000;

    private static final Set<String> TYPES = Fields.withOldNames("jdk.ExecutionSample", "jdk.CPULoad",
            "jdk.ThreadCPULoad", "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.VirtualThreadPinned");

    private long samples;
    private Instant firstSample;
    private Instant lastSample;
    private final StackCache<String[]> stacks = new StackCache<>();
    private final Tally<String> self = new Tally<>(MAX_METHODS, Comparator.naturalOrder());
    private final Tally<String> inclusive = new Tally<>(MAX_METHODS, Comparator.naturalOrder());
    private final Tally<String> threads = new Tally<>(MAX_NAMES, Comparator.naturalOrder());
    private final Set<String> seen = new HashSet<>();

    private long loadSamples;
    private double jvmSum;
    private double jvmMax;
    private double machineSum;
    private double machineMax;

    private final Waits monitors = new Waits();
    private final Waits parks = new Waits();
    private final Waits pinned = new Waits();
    private Instant firstPinned;
    private Instant lastPinned;
    private boolean pinnedEnabled;
    private final Map<String, double[]> threadLoads = new TreeMap<>();

    private static final Comparator<MethodFrame> FRAME_ORDER = Comparator.comparing(MethodFrame::method)
            .thenComparing(f -> f.line() == null ? -1 : f.line());

    private static final class Waits {
        long events;
        long totalNanos;
        long maxNanos;
        final Tally<String> byClass = new Tally<>(MAX_NAMES, Comparator.naturalOrder());
        final Tally<MethodFrame> bySite = new Tally<>(MAX_NAMES, FRAME_ORDER);

        void add(String cls, MethodFrame site, long nanos) {
            events++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
            byClass.add(cls, nanos);
            bySite.add(site, nanos);
        }

        CpuProfile.Blocking result() {
            List<CpuProfile.Blocked> classes = new ArrayList<>();
            for (Map.Entry<String, Tally.Cell> e : byClass.top(MAX_NAMES)) {
                Tally.Cell c = e.getValue();
                classes.add(new CpuProfile.Blocked(e.getKey(), null, c.count, c.weight, c.max));
            }
            List<CpuProfile.Blocked> sites = new ArrayList<>();
            for (Map.Entry<MethodFrame, Tally.Cell> e : bySite.top(MAX_NAMES)) {
                Tally.Cell c = e.getValue();
                sites.add(new CpuProfile.Blocked(e.getKey().method(), e.getKey().line(), c.count, c.weight, c.max));
            }
            return new CpuProfile.Blocking(events, totalNanos, maxNanos, classes, sites);
        }
    }

    /** An empty sink. */
    public CpuSink() {
        // state is built by accept
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void accept(RecordedEvent event) {
        switch (Fields.type(event)) {
            case "jdk.ExecutionSample" -> sample(event);
            case "jdk.CPULoad" -> load(event);
            case "jdk.ThreadCPULoad" -> threadLoad(event);
            case "jdk.JavaMonitorEnter" -> monitors.add(
                    MethodNames.className(Fields.getClass(event, "monitorClass")), site(event),
                    Fields.durationNanos(event));
            case "jdk.ThreadPark" -> parks.add(parkedClass(event), site(event), Fields.durationNanos(event));
            case "jdk.VirtualThreadPinned" -> pinned(event);
            default -> {
                // not ours
            }
        }
    }

    private void sample(RecordedEvent e) {
        RecordedStackTrace stack = Fields.stackTrace(e);
        String[] methods = stack == null ? null : stacks.get(stack, CpuSink::methodsOf);
        if (methods == null || methods.length == 0) {
            return;
        }
        samples++;
        Instant at = Fields.start(e);
        if (at != null) {
            firstSample = firstSample == null || at.isBefore(firstSample) ? at : firstSample;
            lastSample = lastSample == null || at.isAfter(lastSample) ? at : lastSample;
        }
        self.add(methods[0], 1);
        // methods[1..] are the stack's distinct methods: each counts once per sample
        for (int i = 1; i < methods.length; i++) {
            inclusive.add(methods[i], 1);
        }
        threads.add(Fields.threadName(Fields.getThread(e, "sampledThread")), 1);
    }

    /** The top frame's method, then every distinct method of the stack. */
    private static String[] methodsOf(RecordedStackTrace stack) {
        List<RecordedFrame> frames = Fields.frames(stack);
        if (frames.isEmpty()) {
            return new String[0];
        }
        java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
        for (RecordedFrame f : frames) {
            distinct.add(Fields.method(f));
        }
        String[] out = new String[distinct.size() + 1];
        out[0] = Fields.method(frames.get(0));
        int i = 1;
        for (String m : distinct) {
            out[i++] = m;
        }
        return out;
    }

    private void load(RecordedEvent e) {
        Double user = Fields.getDouble(e, "jvmUser");
        Double system = Fields.getDouble(e, "jvmSystem");
        Double machine = Fields.getDouble(e, "machineTotal");
        if (user == null || system == null || machine == null) {
            return;
        }
        double jvm = user + system;
        loadSamples++;
        jvmSum += jvm;
        jvmMax = Math.max(jvmMax, jvm);
        machineSum += machine;
        machineMax = Math.max(machineMax, machine);
    }

    private void threadLoad(RecordedEvent e) {
        Double user = Fields.getDouble(e, "user");
        Double system = Fields.getDouble(e, "system");
        if (user == null || system == null) {
            return;
        }
        String name = Fields.threadName(Fields.getThread(e, "eventThread"));
        if (!threadLoads.containsKey(name) && threadLoads.size() >= 4 * MAX_NAMES) {
            return;
        }
        double[] v = threadLoads.computeIfAbsent(name, k -> new double[3]);
        double load = user + system;
        v[0]++;
        v[1] += load;
        v[2] = Math.max(v[2], load);
    }

    private void pinned(RecordedEvent e) {
        String reason = Fields.getString(e, "pinnedReason");
        pinned.add(reason == null || reason.isBlank() ? "?" : reason, site(e), Fields.durationNanos(e));
        Instant at = Fields.start(e);
        if (at != null) {
            firstPinned = firstPinned == null || at.isBefore(firstPinned) ? at : firstPinned;
            lastPinned = lastPinned == null || at.isAfter(lastPinned) ? at : lastPinned;
        }
    }

    @Override
    public void settings(JfrSettings settings) {
        pinnedEnabled = Boolean.TRUE.equals(settings.enabled("jdk.VirtualThreadPinned"));
    }

    private static String parkedClass(RecordedEvent e) {
        return Fields.getClass(e, "parkedClass") == null ? "?"
                : MethodNames.className(Fields.getClass(e, "parkedClass"));
    }

    /** The first frame outside the JDK, else the top frame. */
    private static MethodFrame site(RecordedEvent e) {
        List<RecordedFrame> frames = Fields.frames(e);
        if (frames.isEmpty()) {
            return new MethodFrame(AllocationSink.NO_STACK, null);
        }
        for (RecordedFrame f : frames) {
            String m = Fields.method(f);
            if (!MethodNames.isJdk(m)) {
                return new MethodFrame(m, Fields.line(f));
            }
        }
        return new MethodFrame(Fields.method(frames.get(0)), Fields.line(frames.get(0)));
    }

    /** What has been read so far. */
    public CpuProfile result() {
        CpuProfile.CpuLoad load = loadSamples == 0 ? null
                : new CpuProfile.CpuLoad(loadSamples, jvmSum / loadSamples, jvmMax, machineSum / loadSamples,
                        machineMax);
        List<CpuProfile.ThreadLoad> tl = new ArrayList<>();
        threadLoads.forEach((k, v) -> tl.add(new CpuProfile.ThreadLoad(k, (long) v[0], v[1] / v[0], v[2])));
        tl.sort(Comparator.comparingDouble(CpuProfile.ThreadLoad::meanLoad).reversed()
                .thenComparing(CpuProfile.ThreadLoad::thread));
        if (tl.size() > MAX_NAMES) {
            tl.subList(MAX_NAMES, tl.size()).clear();
        }
        return new CpuProfile(samples, firstSample, lastSample, methods(self), methods(inclusive), methods(threads),
                load, monitors.result(), parks.result(), tl, pinning());
    }

    private CpuProfile.Pinning pinning() {
        if (!pinnedEnabled && pinned.events == 0) {
            return null;
        }
        CpuProfile.Blocking b = pinned.result();
        return new CpuProfile.Pinning(b.events(), b.totalNanos(), b.maxNanos(), firstPinned, lastPinned, b.byClass(),
                b.bySite());
    }

    private List<CpuProfile.MethodSamples> methods(Tally<String> t) {
        List<CpuProfile.MethodSamples> out = new ArrayList<>();
        for (Map.Entry<String, Tally.Cell> e : t.top(MAX_METHODS)) {
            long n = e.getValue().count;
            out.add(new CpuProfile.MethodSamples(e.getKey(), n, samples == 0 ? 0 : (double) n / samples));
        }
        return out;
    }
}
