package io.github.jvmadvisor.core.ingest.jfr;

import io.github.jvmadvisor.core.ingest.InputLimitException;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.ReadLimits;
import io.github.jvmadvisor.core.ingest.jfr.internal.ChunkHeaders;
import io.github.jvmadvisor.core.ingest.jfr.internal.ConfigCollector;
import io.github.jvmadvisor.core.ingest.jfr.internal.Fields;
import io.github.jvmadvisor.core.ingest.jfr.internal.GcCollector;
import io.github.jvmadvisor.core.ingest.jfr.internal.JfrNames;
import io.github.jvmadvisor.core.ingest.jfr.internal.ResourceCollector;
import io.github.jvmadvisor.core.metrics.GcMetricsBuilder;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcEvent;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseSum;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import java.time.Instant;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JFR recording into evidence: GC figures in the same shape a GC log gives, the JVM's
 * configuration, non-heap memory, and whatever further {@link JfrSink}s the caller adds (allocation,
 * JIT, CPU profiles).
 *
 * <p>One pass over the file with {@code jdk.jfr.consumer.EventStream}; each event goes only to the
 * sinks that asked for its type, and events of other types are skipped unparsed. The input summary's
 * {@code lines} counts the events read, that is the events of the types some sink asked for. Damaged and foreign input never throws: the chunk headers are read
 * first, so a file cut inside a chunk, bytes after the last chunk, chunks repeated (a file
 * concatenated with itself, overlapping dumps), JDK 7/8 and JRockit formats, and a chunk the JDK's
 * parser rejects are each reported as an {@link InputIssue}, and every complete chunk that can be read
 * is read. Compressed recordings (gzip, zip members) are copied to a temporary file first.
 *
 * <p>Thread-safe: each call has its own state. Sinks are called from the calling thread.
 */
public final class JfrReader {

    private static final Logger LOG = LoggerFactory.getLogger(JfrReader.class);
    private static final int MAX_RETRIES = 16;
    /** A chunk continues the previous one when it starts within this of the previous one's end. */
    private static final long CONTINUES_NANOS = 10_000_000L;

    private JfrReader() {
    }

    /** Reads a recording with the built-in collectors only. */
    public static JfrResult read(InputSource source) {
        return read(source, List.of());
    }

    /**
     * Reads a recording.
     *
     * @param source the recording (plain, gzip, or a zip member)
     * @param sinks further sinks; each receives the events of the types it names. A sink that throws
     *     is not called again and the failure is reported as an input issue.
     */
    public static JfrResult read(InputSource source, List<? extends JfrSink> sinks) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sinks, "sinks");
        Run run = new Run(source.name(), sinks);
        Path temp = null;
        try {
            Path file = source.file();
            if (source.compressed()) {
                // the JDK's parser reads files only: a compressed recording is inflated to a bounded copy
                temp = Files.createTempFile("jvm-advisor-", ".jfr");
                copyBounded(source, temp, run);
                file = temp;
            }
            run.readFile(file);
        } catch (IOException e) {
            run.issue(0, InputIssue.IO_ERROR, "read error: " + e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("reading {} failed", source.name(), e);
            run.issue(0, InputIssue.INTERNAL_ERROR, "the recording could not be read: " + e
                    + "; what came before was kept");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", temp, e);
                }
            }
        }
        return run.result();
    }

    /**
     * The event types (JDK 11+ names) a read with these further sinks uses: the events the input
     * summary counts.
     */
    static java.util.Set<String> typesRead(List<? extends JfrSink> sinks) {
        return java.util.Collections.unmodifiableSet(new Run("", sinks).targets.keySet());
    }

    /**
     * Inflates {@code source} into {@code to}, at most {@link ReadLimits#maxTempFileBytes()} bytes. A compressed
     * stream that is cut or damaged, or reaches a limit, leaves what was inflated before, with an issue: the
     * chunk scan then keeps the complete chunks in it.
     */
    private static void copyBounded(InputSource source, Path to, Run run) throws IOException {
        long cap = ReadLimits.current().maxTempFileBytes();
        long done = 0;
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            try {
                while (true) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, cap - done + 1));
                    if (n < 0) {
                        break;
                    }
                    if (done + n > cap) {
                        out.write(buf, 0, (int) (cap - done));
                        done = cap;
                        run.issue(0, InputIssue.LIMIT_REACHED, "the recording inflates to more than "
                                + ReadLimits.human(cap) + ", the limit of the temporary copy the JDK's parser reads;"
                                + " the complete chunks within it are read. Raise it with -D"
                                + ReadLimits.MAX_TEMP_FILE_BYTES + "=SIZE, or give the recording uncompressed");
                        break;
                    }
                    out.write(buf, 0, n);
                    done += n;
                }
            } catch (InputLimitException e) {
                run.issue(0, InputIssue.LIMIT_REACHED, e.getMessage() + "; the complete chunks before are read");
            } catch (EOFException | ZipException e) {
                run.issue(0, InputIssue.TRUNCATED, "the compressed recording ends unexpectedly or is damaged after "
                        + done + " bytes of inflated data (" + e.getMessage() + "); the complete chunks before are read");
            }
        }
    }

    /** The state of one read. */
    private static final class Run {
        final String name;
        final GcCollector gc = new GcCollector();
        final ConfigCollector config = new ConfigCollector();
        final ResourceCollector resources = new ResourceCollector();
        final List<JfrSink> sinks = new ArrayList<>();
        final boolean[] failed;
        /** For each wanted event type, the sinks that get it. */
        final Map<String, int[]> targets = new TreeMap<>();
        final List<InputIssue> issues = new ArrayList<>();
        String format;
        long events;
        long originNanos = -1;
        long endNanos = -1;
        /** End time of the last event given to a sink: where reading stood when a chunk failed. */
        long lastNanos = -1;
        /** Flushes the current stream reported. */
        long flushes;
        final SettingsSink settings = new SettingsSink();
        int chunks;
        /** A file holding some of the chunks, made when they must be read apart from the rest. */
        Path temp;
        /** Fed from a live stream: an empty window is no damage. */
        boolean live;
        /** For a live read, the GC setup to use instead of the one the events give, or {@code null}. */
        GcSetup fallbackSetup;

        Run(String name, List<? extends JfrSink> extra) {
            this.name = name;
            sinks.add(gc);
            sinks.add(config);
            sinks.add(resources);
            sinks.add(settings);
            sinks.addAll(extra);
            failed = new boolean[sinks.size()];
            Map<String, List<Integer>> byType = typesOf(sinks);
            byType.forEach((t, l) -> targets.put(t, l.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** Canonical event type name to the indexes of the sinks that asked for it. */
        static Map<String, List<Integer>> typesOf(List<? extends JfrSink> sinks) {
            Map<String, List<Integer>> byType = new TreeMap<>();
            for (int i = 0; i < sinks.size(); i++) {
                for (String t : sinks.get(i).eventTypes()) {
                    byType.computeIfAbsent(JfrNames.canonical(t), k -> new ArrayList<>()).add(i);
                }
            }
            return byType;
        }

        void issue(long line, String code, String message) {
            issues.add(new InputIssue(name, line, code, message));
        }

        void readFile(Path file) throws IOException {
            ChunkHeaders.Scan scan = ChunkHeaders.scan(file);
            if (scan.chunks().isEmpty()) {
                issue(0, scan.fileSize() == 0 ? InputIssue.TRUNCATED : InputIssue.UNKNOWN_FORMAT,
                        scan.fileSize() == 0 ? "the recording is empty" : "not a JFR recording (no chunk header)");
                return;
            }
            ChunkHeaders.Chunk first = scan.chunks().get(0);
            format = first.major() + "." + first.minor();
            if (first.major() < 1 || first.major() > 2) {
                issue(0, InputIssue.UNSUPPORTED_FORMAT, "JFR file format " + format
                        + (first.major() == 0 ? " (Oracle JDK 7/8 commercial JFR or JRockit)" : "")
                        + "; this JDK's parser reads formats 1.x and 2.x (JDK 9 and later, OpenJDK 8u262 and later)."
                        + " JDK Mission Control can open it");
                return;
            }
            List<ChunkHeaders.Chunk> usable = scan.usable();
            if (scan.truncated()) {
                long declared = scan.declaredSize();
                issue(0, InputIssue.TRUNCATED, "chunk " + (scan.chunks().size()) + " at byte " + scan.truncatedAt()
                        + (declared > 64 ? " declares " + declared + " bytes but the file ends after "
                                + (scan.fileSize() - scan.truncatedAt())
                                : declared != -1 ? " declares a size of " + declared + " bytes (a chunk still being"
                                        + " written, or a damaged header); the rest of the file is skipped"
                                : " is incomplete (still being written, or cut)")
                        + "; " + usable.size() + " complete chunk(s) read");
            }
            scan.rejected().forEach((index, why) -> issue(0, InputIssue.BAD_VALUE, "chunk " + (index + 1)
                    + " at byte " + scan.chunks().get(index).offset() + " is skipped: " + why));
            if (scan.garbageAt() > 0) {
                issue(0, InputIssue.FOREIGN_LINES, (scan.fileSize() - scan.garbageAt()) + " bytes after the last chunk (at byte "
                        + scan.garbageAt() + ") are not JFR data and were skipped");
            }
            if (!scan.duplicates().isEmpty()) {
                issue(0, InputIssue.DUPLICATE, scan.duplicates().size() + " chunk(s) repeat earlier ones (a file "
                        + "concatenated with itself, or overlapping dumps) and were read once");
            }
            for (ChunkHeaders.Chunk c : usable) {
                if (originNanos < 0 || c.startEpochNanos() < originNanos) {
                    originNanos = c.startEpochNanos();
                }
                endNanos = Math.max(endNanos, c.endEpochNanos());
            }
            if (usable.isEmpty()) {
                if (!scan.truncated() && scan.rejected().isEmpty()) {
                    issue(0, InputIssue.TRUNCATED, "no complete chunk in the recording");
                }
                return;
            }
            // chunks that do not continue each other belong to different recordings (files concatenated):
            // the JDK's parser silently drops events when it reads such chunks in one go, so each
            // recording is read on its own, as a run of its own
            List<List<ChunkHeaders.Chunk>> segments = segments(usable);
            if (segments.size() > 1) {
                issue(0, InputIssue.RESTART, "the file holds " + segments.size() + " recordings one after the other"
                        + " (chunks that do not continue each other); each is read as a JVM run of its own");
            }
            boolean whole = segments.size() == 1 && usable.size() == scan.chunks().size() && scan.garbageAt() < 0;
            try {
                for (int seg = 0; seg < segments.size(); seg++) {
                    gc.startRun(seg);
                    readSegment(file, segments.get(seg), whole, scan.chunks().size());
                }
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        /** Splits chunks into recordings: a chunk continues the previous one when it starts where that ended. */
        private static List<List<ChunkHeaders.Chunk>> segments(List<ChunkHeaders.Chunk> chunks) {
            List<List<ChunkHeaders.Chunk>> out = new ArrayList<>();
            List<ChunkHeaders.Chunk> cur = new ArrayList<>();
            for (ChunkHeaders.Chunk c : chunks) {
                if (!cur.isEmpty()) {
                    ChunkHeaders.Chunk prev = cur.get(cur.size() - 1);
                    if (Math.abs(c.startEpochNanos() - prev.endEpochNanos()) > CONTINUES_NANOS) {
                        out.add(cur);
                        cur = new ArrayList<>();
                    }
                }
                cur.add(c);
            }
            if (!cur.isEmpty()) {
                out.add(cur);
            }
            return out;
        }

        private void readSegment(Path file, List<ChunkHeaders.Chunk> segment, boolean whole, int total)
                throws IOException {
            List<ChunkHeaders.Chunk> todo = segment;
            boolean rewrite = !whole;
            for (int attempt = 0; attempt < MAX_RETRIES && !todo.isEmpty(); attempt++) {
                Path current = file;
                if (rewrite) {
                    if (temp == null) {
                        temp = Files.createTempFile("jvm-advisor-chunks-", ".jfr");
                    }
                    ChunkHeaders.copy(file, todo, temp);
                    current = temp;
                }
                long before = events;
                long[] expected = ChunkHeaders.flushes(file, todo);
                try {
                    if (expected == null) {
                        // the checkpoint chain cannot be walked, so an early stop could not be seen:
                        // the slower parser that reports every failure
                        readEventsFully(current);
                    } else {
                        readEvents(current, Arrays.stream(expected).sum());
                    }
                    chunks += todo.size();
                    todo = List.of();
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    int at = expected == null ? chunkOf(todo, lastNanos, events > before) : chunkOf(expected, flushes);
                    issue(0, InputIssue.TRUNCATED, "chunk " + (todo.get(at).index() + 1) + " of " + total
                            + " could not be read to its end (" + e + "); " + events
                            + " events read before it stopped, the rest of that chunk is skipped");
                    chunks += at;
                    todo = todo.subList(at + 1, todo.size());
                    rewrite = true;
                }
            }
        }

        /** Index of the chunk a stream stopped in, from the flushes it reported and those each chunk holds. */
        private static int chunkOf(long[] expected, long seen) {
            long sum = 0;
            for (int i = 0; i < expected.length; i++) {
                sum += expected[i];
                if (seen < sum) {
                    return i;
                }
            }
            return expected.length - 1;
        }

        /** Index in {@code chunks} of the chunk an event at {@code nanos} belongs to. */
        private static int chunkOf(List<ChunkHeaders.Chunk> chunks, long nanos, boolean progressed) {
            if (!progressed || nanos < 0) {
                return 0;
            }
            int at = 0;
            for (int i = 0; i < chunks.size(); i++) {
                if (chunks.get(i).startEpochNanos() <= nanos) {
                    at = i;
                }
            }
            return at;
        }

        /**
         * Reads with an {@link EventStream}: events of types no sink asked for are skipped without being
         * parsed into objects, and one event object per type is reused. The stream ends quietly when its
         * parser fails, so the flushes it reports are counted against those the chunks hold.
         */
        private void readEvents(Path file, long expectedFlushes) throws IOException {
            Throwable[] failure = new Throwable[1];
            flushes = 0;
            try (EventStream es = EventStream.openFile(file)) {
                es.onFlush(() -> flushes++);
                es.setOrdered(false);
                es.setReuse(true);
                es.onMetadata(m -> settings.declare(m.getEventTypes()));
                for (Map.Entry<String, int[]> t : targets.entrySet()) {
                    int[] to = t.getValue();
                    Consumer<RecordedEvent> deliver = e -> deliver(e, to);
                    es.onEvent(t.getKey(), deliver);
                    String old = JfrNames.oldName(t.getKey());
                    if (!old.equals(t.getKey())) {
                        es.onEvent(old, deliver);
                    }
                }
                es.onError(x -> {
                    if (failure[0] == null) {
                        failure[0] = x;
                    }
                });
                es.start();
            }
            if (failure[0] instanceof IOException) {
                throw (IOException) failure[0];
            }
            if (failure[0] instanceof RuntimeException) {
                throw (RuntimeException) failure[0];
            }
            if (failure[0] instanceof Error) {
                throw (Error) failure[0];
            }
            if (flushes < expectedFlushes) {
                throw new IOException("the parser stopped early (" + flushes + " of " + expectedFlushes + " flushes)");
            }
        }

        /** Reads every event with {@link RecordingFile}, which throws where it fails. */
        private void readEventsFully(Path file) throws IOException {
            try (RecordingFile rf = new RecordingFile(file)) {
                settings.declare(rf.readEventTypes());
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    int[] to = targets.get(JfrNames.canonical(e.getEventType().getName()));
                    if (to != null) {
                        deliver(e, to);
                    }
                }
            }
        }

        private void deliver(RecordedEvent e, int[] to) {
            events++;
            for (int i : to) {
                if (failed[i]) {
                    continue;
                }
                try {
                    sinks.get(i).accept(e);
                } catch (RuntimeException ex) {
                    failed[i] = true;
                    LOG.warn("JFR sink {} failed on {} and was not called again: {}", sinks.get(i),
                            e.getEventType().getName(), ex.toString());
                    issue(0, InputIssue.INTERNAL_ERROR, "the " + sinks.get(i).getClass().getSimpleName()
                            + " part failed on a " + e.getEventType().getName() + " event (" + ex
                            + ") and was not used for the rest of the recording");
                }
            }
            Instant end = e.getEndTime();
            lastNanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        }

        JfrResult result() {
            return result(settings.result());
        }

        JfrResult result(JfrSettings recorded) {
            int issuesBefore = issues.size();
            try {
                return resultOf(recorded);
            } finally {
                if (live) {
                    // a live read is finished again and again: its issues are those of one finish
                    issues.subList(issuesBefore, issues.size()).clear();
                }
            }
        }

        private JfrResult resultOf(JfrSettings recorded) {
            // sinks that must tell "not recorded" from "did not happen" learn what was enabled
            for (int i = 0; i < sinks.size(); i++) {
                if (!failed[i]) {
                    try {
                        sinks.get(i).settings(recorded);
                    } catch (RuntimeException ex) {
                        failed[i] = true;
                        issue(0, InputIssue.INTERNAL_ERROR, "the " + sinks.get(i).getClass().getSimpleName()
                                + " part failed on the recording's settings (" + ex + ")");
                    }
                }
            }
            Optional<JvmConfig> jvm = config.any() ? Optional.of(config.config()) : Optional.empty();
            Optional<GcAnalysis> analysis = Optional.empty();
            List<PauseSum> pauses = new ArrayList<>();
            if (!failedCore() && gc.hasGcData()) {
                GcSetup setup = fallbackSetup != null && (live || !config.any()) ? fallbackSetup : config.setup();
                long jvmStart = config.jvmStartMillis() > 0 ? config.jvmStartMillis() * 1_000_000L : -1;
                String threshold = recorded.value("jdk.SafepointBegin", "threshold");
                boolean allSafepoints = threshold != null && threshold.trim().startsWith("0 ");
                List<GcEvent> evs = gc.events(originNanos, jvmStart, setup.collector(), allSafepoints);
                GcMetricsBuilder metrics = new GcMetricsBuilder();
                for (GcEvent ev : evs) {
                    metrics.onEvent(ev);
                }
                long duration = originNanos >= 0 && endNanos > originNanos ? endNanos - originNanos : -1;
                GcMetrics m = metrics.build(setup, duration, 1, gc.hasPauseData());
                analysis = Optional.of(new GcAnalysis(setup, m, metrics.longestPauses()));
                Map<Long, long[]> acc = new java.util.TreeMap<>();
                for (GcEvent ev : evs) {
                    if (ev instanceof Pause) {
                        Pause p = (Pause) ev;
                        long[] a = acc.computeIfAbsent(p.gcId(), k -> new long[3]);
                        a[0]++;
                        a[1] += p.durationNanos();
                        a[2] = Math.max(a[2], p.at().uptimeNanos());
                    }
                }
                acc.forEach((id, a) -> pauses.add(new PauseSum(id, (int) a[0], a[1], a[2])));
                if (!allSafepoints && threshold != null) {
                    issue(0, InputIssue.LIMITED, "safepoints were recorded only above a threshold of " + threshold.trim()
                            + "; safepoint figures are left out (record with jdk.SafepointBegin#threshold=0ms)");
                }
            }
            if (events == 0 && issues.isEmpty() && !live) {
                issue(0, InputIssue.TRUNCATED, "the recording holds no events (an emergency dump, or a recording "
                        + "stopped before its first flush)");
            }
            InputSummary summary = new InputSummary(name, InputKind.JFR, format == null ? null : "jfr-" + format,
                    List.of(name), events, 0, 0, 0, issues);
            return new JfrResult(summary, analysis, jvm, resources.result(), config.changes(), pauses,
                    originNanos >= 0 ? originNanos / 1_000_000 : -1, endNanos >= 0 ? endNanos / 1_000_000 : -1);
        }

        private boolean failedCore() {
            return failed[0];
        }
    }

    /**
     * Starts a read fed event by event, for events that do not come from a file: a live
     * {@code jdk.jfr.consumer.RecordingStream} of this JVM. The same collectors and sinks as a file read
     * turn the events into evidence, so a live window and a recording give figures of the same shape.
     *
     * @param name what the input summary calls the source, e.g. {@code "live JFR 12:00:00-12:01:00"}
     * @param sinks further sinks, as for {@link #read(InputSource, List)}
     */
    public static Feed feed(String name, List<? extends JfrSink> sinks) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sinks, "sinks");
        return new Feed(new Run(name, sinks));
    }

    /**
     * A read whose events are handed in one at a time ({@link #feed(String, List)}).
     *
     * <p>Not thread-safe: call {@link #accept(RecordedEvent)} and {@link #finish} from one thread (a
     * stream's own thread), or guard them. Memory grows as for a file read: with the number of
     * collections (about 200 bytes each) and up to each sink's bounds. {@link #finish} may be called more
     * than once, e.g. for "so far" figures; events accepted after it count in the next result.
     */
    public static final class Feed {
        private final Run run;

        private Feed(Run run) {
            this.run = run;
            run.live = true;
            run.format = "live";
        }

        /**
         * The event types (JDK 11+ names) this read uses: what a stream must enable for it. Includes
         * {@code jdk.ActiveSetting}, which a live stream need not enable (see {@link #finish}).
         */
        public java.util.Set<String> eventTypes() {
            return java.util.Collections.unmodifiableSet(run.targets.keySet());
        }

        /** Hands one event in; events of types this read does not use are ignored. Never throws. */
        public void accept(RecordedEvent event) {
            int[] to = run.targets.get(JfrNames.canonical(event.getEventType().getName()));
            if (to != null) {
                run.deliver(event, to);
            }
        }

        /** Events handed in so far that some sink used. */
        public long events() {
            return run.events;
        }

        /**
         * The GC setup to use instead of the one the configuration events give: a window that starts after
         * the stream's first flush has no flag events, so the caller passes the live JVM's collector, CPUs
         * and heap. {@code null} goes back to the events' setup.
         */
        public Feed setup(GcSetup setup) {
            run.fallbackSetup = setup;
            return this;
        }

        /**
         * What the events handed in so far give.
         *
         * @param startEpochNanos start of the span the events cover (the time axis's zero)
         * @param endEpochNanos end of that span
         * @param settings the settings the stream was started with, by event type then setting name
         *     ({@code "jdk.SafepointBegin" -> {"enabled" -> "true", "threshold" -> "0 ms"}}): what tells
         *     "not recorded" from "did not happen"
         */
        public JfrResult finish(long startEpochNanos, long endEpochNanos, Map<String, Map<String, String>> settings) {
            run.originNanos = startEpochNanos;
            run.endNanos = Math.max(startEpochNanos, endEpochNanos);
            Map<String, Map<String, String>> values = new HashMap<>();
            settings.forEach((k, v) -> values.put(JfrNames.canonical(k), v));
            return run.result(new JfrSettings(values.keySet(), values));
        }
    }

    /** Collects {@code jdk.ActiveSetting} by event type name; type ids are resolved per recording. */
    private static final class SettingsSink implements JfrSink {
        private final Map<Long, String> names = new HashMap<>();
        private final java.util.Set<String> declared = new java.util.HashSet<>();
        private final Map<String, Map<String, String>> values = new HashMap<>();

        /** The event types of the recording about to be read (ids differ between recordings). */
        void declare(List<EventType> types) {
            names.clear();
            for (EventType t : types) {
                String n = JfrNames.canonical(t.getName());
                names.put(t.getId(), n);
                declared.add(n);
            }
        }

        @Override
        public java.util.Set<String> eventTypes() {
            return java.util.Set.of("jdk.ActiveSetting");
        }

        @Override
        public void accept(RecordedEvent e) {
            String type = names.get(Fields.lng(e, "id"));
            String name = Fields.str(e, "name");
            String value = Fields.str(e, "value");
            if (type != null && name != null && value != null) {
                values.computeIfAbsent(type, k -> new HashMap<>()).put(name, value);
            }
        }

        JfrSettings result() {
            return new JfrSettings(declared, values);
        }
    }
}
