package io.github.jvmadvisor.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-process JFR stream of this JVM, shared by everyone who listens.
 *
 * <p>JFR recordings are JVM-wide, so several users (a {@link JvmAdvisor#watch watch}, a test
 * extension, a benchmark profiler) share one {@link RecordingStream}: the first {@link #subscribe}
 * starts it, each subscription counts, and the stream is closed when the last one is closed. The
 * events enabled are the union of what the subscribers asked for ({@link LiveEvents}); a later
 * subscriber that needs more widens the running stream, nothing is narrowed until it closes.
 *
 * <p>Events arrive on the stream's own thread (a daemon thread named {@code jvm-advisor JFR stream}), in
 * batches about once a second; a listener sees each event while it is delivered and must
 * copy what it keeps (the event object is reused). A listener that throws is dropped and the failure
 * is logged once; it never reaches the stream or the application. Nothing here blocks JVM shutdown.
 *
 * <p>Thread-safe.
 */
public final class LiveRecording {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRecording.class);
    private static final Object LOCK = new Object();
    /** The running stream, or {@code null}. Guarded by {@link #LOCK}. */
    private static Shared shared;

    private LiveRecording() {
    }

    /** Receives the events of the shared stream, on the stream's thread. */
    public interface Listener {
        /** One event; copy what you keep. */
        void onEvent(RecordedEvent event);

        /** The stream delivered a batch (about once a second). */
        default void onFlush() {
        }
    }

    /**
     * Listens to the shared stream, starting it if it is not running.
     *
     * <p>Never throws: when JFR is not available (a JVM started with {@code -XX:-FlightRecorder} on an old
     * update, a minimal runtime without {@code jdk.jfr}) or the stream cannot start, the subscription is
     * inactive and {@link Subscription#error()} says why; this is logged once at WARN.
     *
     * @param events the events the listener needs
     * @param listener called on the stream's thread
     */
    public static Subscription subscribe(LiveEvents events, Listener listener) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(listener, "listener");
        synchronized (LOCK) {
            try {
                if (shared == null) {
                    shared = Shared.start(events);
                } else if (!shared.events.covers(events)) {
                    shared.widen(events);
                }
                Subscription s = new Subscription(shared, listener, null);
                shared.listeners.add(s);
                return s;
            } catch (RuntimeException | LinkageError e) {
                String why = "the JFR stream could not start: " + e;
                LOG.warn("jvm-advisor: {}; no live evidence", why);
                LOG.debug("JFR stream start failed", e);
                if (shared != null && shared.listeners.isEmpty()) {
                    shared.close();
                    shared = null;
                }
                return new Subscription(null, listener, why);
            }
        }
    }

    /** Subscriptions open now (0 when the stream is not running). */
    public static int subscribers() {
        synchronized (LOCK) {
            return shared == null ? 0 : shared.listeners.size();
        }
    }

    /** The events the shared stream has enabled now, or empty when it is not running. */
    public static Optional<LiveEvents> enabled() {
        synchronized (LOCK) {
            return shared == null ? Optional.empty() : Optional.of(shared.events);
        }
    }

    private static void leave(Subscription s) {
        synchronized (LOCK) {
            Shared sh = s.shared;
            if (sh == null || !sh.listeners.remove(s)) {
                return;
            }
            if (sh.listeners.isEmpty() && sh == shared) {
                shared = null;
                sh.close();
            }
        }
    }

    /**
     * One listener's place on the shared stream. Closing it is idempotent; the stream stops with the last
     * subscription.
     */
    public static final class Subscription implements AutoCloseable {
        private final Shared shared;
        private final Listener listener;
        private final String error;
        private volatile boolean closed;

        private Subscription(Shared shared, Listener listener, String error) {
            this.shared = shared;
            this.listener = listener;
            this.error = error;
        }

        /** Whether events are being delivered to the listener. */
        public boolean active() {
            return shared != null && !closed;
        }

        /** Why the subscription is inactive from the start, if it is. */
        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        /**
         * The settings of the stream by event type ({@code "jdk.SafepointBegin" -> {"threshold" -> "0 ms"}}):
         * what tells "not recorded" from "did not happen". Empty when inactive.
         */
        public Map<String, Map<String, String>> settings() {
            return shared == null ? Map.of() : shared.events.byType();
        }

        /**
         * Waits until the stream has delivered a batch that began after this call, so that events
         * committed before the call have reached the listener (JFR delivers about once a second).
         *
         * @return whether that happened within {@code timeout}; {@code false} at once when inactive or
         *     when called on the stream's own thread
         */
        public boolean awaitFlush(Duration timeout) {
            if (!active() || Thread.currentThread() == shared.thread) {
                return false;
            }
            return shared.awaitFlush(timeout);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                leave(this);
            }
        }

        void deliver(RecordedEvent e) {
            if (closed) {
                return;
            }
            try {
                listener.onEvent(e);
            } catch (RuntimeException | StackOverflowError ex) {
                drop(ex);
            }
        }

        void flushed() {
            if (closed) {
                return;
            }
            try {
                listener.onFlush();
            } catch (RuntimeException | StackOverflowError ex) {
                drop(ex);
            }
        }

        private void drop(Throwable ex) {
            LOG.warn("jvm-advisor: live JFR listener {} failed and was removed: {}", listener, ex.toString());
            LOG.debug("listener failure", ex);
            close();
        }
    }

    /** The stream and its listeners. */
    private static final class Shared {
        final RecordingStream stream;
        final List<Subscription> listeners = new CopyOnWriteArrayList<>();
        volatile LiveEvents events;
        volatile Thread thread;
        private final Object flushLock = new Object();
        private long flushes;

        private Shared(RecordingStream stream, LiveEvents events) {
            this.stream = stream;
            this.events = events;
        }

        static Shared start(LiveEvents events) {
            RecordingStream rs = new RecordingStream();
            try {
                rs.setSettings(events.flat());
                // the repository keeps what has not been read; a slow listener must not grow it without bound
                rs.setMaxAge(Duration.ofMinutes(2));
                rs.setReuse(true);
                rs.setOrdered(false);
                Shared sh = new Shared(rs, events);
                rs.onEvent(e -> {
                    for (Subscription s : sh.listeners) {
                        s.deliver(e);
                    }
                });
                rs.onFlush(() -> {
                    for (Subscription s : sh.listeners) {
                        s.flushed();
                    }
                    sh.flushed();
                });
                rs.onError(t -> LOG.debug("JFR stream error", t));
                // startAsync's delivery thread is not a daemon (JDK 17 and 25): left running it would keep the
                // JVM from exiting. So the stream runs on a daemon thread of ours (start() blocks there), and
                // the caller waits until the recording runs, so that nothing it does after subscribing is missed.
                java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
                jdk.jfr.FlightRecorderListener started = new jdk.jfr.FlightRecorderListener() {
                    @Override
                    public void recordingStateChanged(jdk.jfr.Recording r) {
                        if (r.getState() == jdk.jfr.RecordingState.RUNNING) {
                            running.countDown();
                        }
                    }
                };
                jdk.jfr.FlightRecorder.addListener(started);
                try {
                    Thread t = new Thread(() -> {
                        try {
                            rs.start();
                        } catch (RuntimeException | LinkageError e) {
                            LOG.warn("jvm-advisor: the live JFR stream stopped: {}", e.toString());
                            LOG.debug("JFR stream failure", e);
                        } finally {
                            running.countDown();
                        }
                    }, "jvm-advisor JFR stream");
                    t.setDaemon(true);
                    sh.thread = t;
                    t.start();
                    if (!running.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        LOG.debug("jvm-advisor: the JFR stream did not report running within 10 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    jdk.jfr.FlightRecorder.removeListener(started);
                }
                LOG.debug("jvm-advisor: live JFR stream started with {} event types; left off: {}",
                        events.types().size(), events.leftOff());
                return sh;
            } catch (RuntimeException | LinkageError e) {
                try {
                    rs.close();
                } catch (RuntimeException ignored) {
                    // already failing
                }
                throw e;
            }
        }

        void widen(LiveEvents more) {
            LiveEvents all = events.union(more);
            stream.setSettings(all.flat());
            events = all;
            LOG.debug("jvm-advisor: live JFR stream widened to {} event types", all.types().size());
        }

        void flushed() {
            synchronized (flushLock) {
                flushes++;
                flushLock.notifyAll();
            }
        }

        boolean awaitFlush(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (flushLock) {
                // a flush already under way may hold events from before the call: wait for the one after it
                long target = flushes + 2;
                while (flushes < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        flushLock.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            }
        }

        void close() {
            try {
                stream.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the JFR stream failed", e);
            }
            synchronized (flushLock) {
                flushLock.notifyAll();
            }
        }
    }
}
