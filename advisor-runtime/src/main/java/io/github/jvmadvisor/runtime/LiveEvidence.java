package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.config.LiveJvm;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.ingest.jfr.AllocationSink;
import io.github.jvmadvisor.core.ingest.jfr.CpuSink;
import io.github.jvmadvisor.core.ingest.jfr.JfrReader;
import io.github.jvmadvisor.core.ingest.jfr.JfrResult;
import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.ingest.jfr.JitSink;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.PauseSum;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import jdk.jfr.consumer.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence about this JVM from its own JFR events: over a sliding window, and since it was opened.
 *
 * <p>Listens to the shared {@link LiveRecording} and hands each event to core's JFR readers (the same
 * code that reads a recording file), so a window's {@link Evidence} has the shape a recording of that
 * window would give: GC pauses, cycles, stalls, CPU time and heap figures; non-heap memory; and, when
 * asked for, allocation samples, JIT activity and CPU samples. The configuration part is the live JVM's
 * ({@link LiveJvm#config()}), read when a window closes, so flags changed at run time show.
 *
 * <p>The window slides by {@code window / slices}: every slide a new partial read starts, and the one that
 * has covered a whole window is finished into the window's evidence and dropped. So at most {@code
 * slices} reads are open, each holding one window's events in compact form; memory does not grow with
 * how long the JVM runs. Window edges are set when the stream delivers a batch (about once a second), so
 * a window is its nominal length rounded up to the next delivery. The "since opened" read
 * ({@link Options#sinceStart(boolean)}) is the exception: it grows with the number of collections (about
 * 200 bytes each) for as long as it is open; leave it off for a monitor that runs for days.
 *
 * <p>All work happens on the stream's thread; the getters are thread-safe. Never throws after it is
 * opened: a failure is logged once and leaves the evidence empty.
 */
public final class LiveEvidence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvidence.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Options options;
    private final Set<EvidenceKind> kinds;
    private final LiveRecording.Subscription subscription;
    private final long openedNanos;
    /** Open partial reads, oldest first. Stream thread only. */
    private final Deque<Part> parts = new ArrayDeque<>();
    /** The read since opening, or {@code null}. Stream thread only. */
    private final Part sinceStart;
    private final ConcurrentLinkedQueue<Snapshot> snapshots = new ConcurrentLinkedQueue<>();
    private volatile Evidence lastWindow;
    /** The pauses per GC id of the last "since opened" read (for comparing with a GC log). */
    private volatile List<PauseSum> sinceStartPauses = List.of();
    private volatile long windows;
    private volatile boolean failed;
    private volatile boolean closed;

    private LiveEvidence(Options options) {
        this.options = options;
        LiveEvents events = options.events != null ? options.events : LiveEvents.forRules(RuleSet.load());
        this.kinds = events.kinds();
        long now = options.clock.getAsLong();
        this.openedNanos = now;
        this.sinceStart = options.sinceStart ? new Part(now, "since " + TIME.format(instant(now))) : null;
        this.parts.add(new Part(now, null));
        this.subscription = LiveRecording.subscribe(events, new LiveRecording.Listener() {
            @Override
            public void onEvent(RecordedEvent event) {
                LiveEvidence.this.onEvent(event);
            }

            @Override
            public void onFlush() {
                LiveEvidence.this.onFlush();
            }

            @Override
            public String toString() {
                return "LiveEvidence";
            }
        });
    }

    /** Opens a live evidence read with the defaults (a 60 s window, sliding once per window). */
    public static LiveEvidence open() {
        return open(options());
    }

    /** Opens a live evidence read. */
    public static LiveEvidence open(Options options) {
        return new LiveEvidence(Objects.requireNonNull(options, "options"));
    }

    /** Options with the defaults. */
    public static Options options() {
        return new Options();
    }

    /** Whether events are being received (false when JFR could not start; see {@link #error()}). */
    public boolean active() {
        return subscription.active() && !closed;
    }

    /** Why no events are received, if none are. */
    public Optional<String> error() {
        return subscription.error();
    }

    /** The kinds of evidence the events were chosen for. */
    public Set<EvidenceKind> kinds() {
        return kinds;
    }

    /** The evidence of the last whole window, empty before the first window has closed. */
    public Optional<Evidence> lastWindow() {
        return Optional.ofNullable(lastWindow);
    }

    /** Partial reads open now (at most the slices per window, plus one while a window closes). */
    int openReads() {
        return parts.size();
    }

    /**
     * The pauses per GC id, in GC id order, of the last {@link #sinceStart(Duration)} answer: what a GC log
     * of the same run is compared on. Empty before the first answer.
     */
    List<PauseSum> sinceStartPauses() {
        return sinceStartPauses;
    }

    /** Windows closed so far. */
    public long windowsClosed() {
        return windows;
    }

    /**
     * The evidence since this was opened, including the events committed before this call: waits for the
     * stream to deliver them (about a second, at most {@code timeout}), then reads on the stream's thread.
     *
     * @return the evidence, or empty when {@link Options#sinceStart(boolean)} is off, the read is
     *     inactive, or the stream did not deliver within {@code timeout}
     */
    public Optional<Evidence> sinceStart(Duration timeout) {
        if (sinceStart == null || !active()) {
            return Optional.empty();
        }
        Snapshot req = new Snapshot();
        snapshots.add(req);
        try {
            return Optional.ofNullable(req.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("live evidence snapshot not taken", e);
        }
        snapshots.remove(req);
        return Optional.empty();
    }

    /** Stops listening; the stream stops when its last listener leaves. Idempotent. */
    @Override
    public void close() {
        closed = true;
        subscription.close();
        Snapshot f;
        while ((f = snapshots.poll()) != null) {
            f.future.complete(null);
        }
    }

    private void onEvent(RecordedEvent e) {
        if (failed) {
            return;
        }
        try {
            for (Part p : parts) {
                p.feed.accept(e);
            }
            if (sinceStart != null) {
                sinceStart.feed.accept(e);
            }
        } catch (RuntimeException ex) {
            fail(ex);
        }
    }

    private void onFlush() {
        if (failed) {
            return;
        }
        try {
            long now = options.clock.getAsLong();
            long window = options.window.toNanos();
            long slide = Math.max(1, window / options.slices);
            Part newest = parts.peekLast();
            if (newest == null || now - newest.startNanos >= slide) {
                parts.add(new Part(now, null));
            }
            Part oldest = parts.peekFirst();
            if (oldest != null && now - oldest.startNanos >= window) {
                parts.pollFirst();
                Evidence ev = oldest.evidence(now, subscription);
                lastWindow = ev;
                windows++;
                if (options.onWindow != null) {
                    options.onWindow.accept(ev);
                }
            }
            Evidence so = null;
            for (Snapshot f : snapshots) {
                // the batch being delivered when the request came may lack events committed just before it
                if (--f.flushesLeft <= 0 && snapshots.remove(f)) {
                    if (so == null) {
                        so = sinceStart.evidence(now, subscription);
                        sinceStartPauses = sinceStart.pauses;
                    }
                    f.future.complete(so);
                }
            }
        } catch (RuntimeException | StackOverflowError ex) {
            fail(ex);
        }
    }

    private void fail(Throwable ex) {
        failed = true;
        LOG.warn("jvm-advisor: live evidence failed and stopped: {}", ex.toString());
        LOG.debug("live evidence failure", ex);
        Snapshot f;
        while ((f = snapshots.poll()) != null) {
            f.future.complete(null);
        }
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    /** A request for the evidence since opening, answered on the stream's thread. */
    private static final class Snapshot {
        final CompletableFuture<Evidence> future = new CompletableFuture<>();
        int flushesLeft = 2;
    }

    /** One partial read: the events from {@code startNanos} on. */
    private final class Part {
        final long startNanos;
        final String label;
        final JfrReader.Feed feed;
        final AllocationSink allocation;
        final JitSink jit;
        final CpuSink cpu;
        /** The pauses per GC id of the last {@link #evidence} read. */
        List<PauseSum> pauses = List.of();

        Part(long startNanos, String label) {
            this.startNanos = startNanos;
            this.label = label;
            List<JfrSink> sinks = new ArrayList<>();
            allocation = kinds.contains(EvidenceKind.ALLOCATION) || kinds.contains(EvidenceKind.OBJECT_HISTOGRAM)
                    ? new AllocationSink() : null;
            jit = kinds.contains(EvidenceKind.JIT) || kinds.contains(EvidenceKind.INLINING) ? new JitSink() : null;
            cpu = kinds.contains(EvidenceKind.CPU_PROFILE) || kinds.contains(EvidenceKind.VIRTUAL_THREAD_PINNING)
                    ? new CpuSink() : null;
            if (allocation != null) {
                sinks.add(allocation);
            }
            if (jit != null) {
                sinks.add(jit);
            }
            if (cpu != null) {
                sinks.add(cpu);
            }
            this.feed = JfrReader.feed("live JFR", sinks);
        }

        Evidence evidence(long endNanos, LiveRecording.Subscription sub) {
            JvmConfig live = LiveJvm.config();
            feed.setup(LiveSetup.of(live));
            String name = label != null ? "live JFR " + label
                    : "live JFR " + TIME.format(instant(startNanos)) + "-" + TIME.format(instant(endNanos)) + " UTC";
            JfrResult r = feed.finish(startNanos, endNanos, sub.settings());
            pauses = r.pauses();
            JvmConfig jvm = r.jvm().map(live::merge).orElse(live);
            var summary = r.summary();
            summary = new io.github.jvmadvisor.core.model.InputSummary(name, summary.kind(), summary.format(),
                    List.of(name), summary.lines(), summary.unknownLines(), summary.ignoredLines(),
                    summary.foreignLines(), summary.issues());
            return new Evidence(List.of(summary), r.gc(), Optional.of(jvm), Optional.of(r.resources()), List.of(),
                    List.of(), List.of(), Optional.ofNullable(allocation).map(AllocationSink::result),
                    Optional.ofNullable(jit).map(JitSink::result), Optional.ofNullable(cpu).map(CpuSink::result));
        }
    }

    /**
     * How to read: the window, how often it slides, what to collect. Mutable; not thread-safe.
     */
    public static final class Options {
        private Duration window = Duration.ofSeconds(60);
        private int slices = 1;
        private boolean sinceStart;
        private LiveEvents events;
        private Consumer<Evidence> onWindow;
        private LongSupplier clock = () -> {
            Instant i = Instant.now();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        };

        private Options() {
        }

        /** The window's length (default 60 s, at least 1 s). */
        public Options window(Duration window) {
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("window must be at least 1 s: " + window);
            }
            this.window = window;
            return this;
        }

        /**
         * How many times per window it slides (default 1: windows follow each other). With {@code n}, a
         * window closes every {@code window / n}, and up to {@code n} partial reads are open.
         */
        public Options slices(int slices) {
            if (slices < 1 || slices > 60) {
                throw new IllegalArgumentException("slices must be 1 to 60: " + slices);
            }
            this.slices = slices;
            return this;
        }

        /** Whether to keep a read since opening, for {@link #sinceStart(Duration)} (default off). */
        public Options sinceStart(boolean keep) {
            this.sinceStart = keep;
            return this;
        }

        /** The events to enable (default: those the rules on the class path need or use, not the costly ones). */
        public Options events(LiveEvents events) {
            this.events = events;
            return this;
        }

        /** Called on the stream's thread with each closed window's evidence; must not block for long. */
        public Options onWindow(Consumer<Evidence> onWindow) {
            this.onWindow = onWindow;
            return this;
        }

        /** The clock in epoch nanoseconds (tests). */
        Options clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }
    }
}
