package io.github.jvmadvisor.core.ingest.gclog;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.ingest.InputDetector;
import io.github.jvmadvisor.core.ingest.InputLimitException;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.internal.FormatParser;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.ingest.gclog.internal.LogSetOrder;
import io.github.jvmadvisor.core.ingest.gclog.internal.UnifiedLogParser;
import io.github.jvmadvisor.core.metrics.GcMetricsBuilder;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a unified (JDK 9+) GC log: one file, or the files of a rotated set given together, plain or
 * gzip-compressed, possibly mixed with application output.
 *
 * <p>The files are put in order by content, then read once, line by line, as one stream: a
 * collection whose lines straddle two files is still read whole. Memory stays bounded whatever the
 * size of the log: events are summarised as they are read (see {@link GcMetricsBuilder}) and handed
 * to an optional {@link GcEventListener} for callers who want every event.
 *
 * <p>Bad input never throws: unknown lines, application output, cut lines, truncated or unreadable
 * files become {@link InputIssue}s on the result and the rest is still read.
 *
 * <p>Thread-safe: each call reads independently.
 */
public final class GcLogReader {

    private static final Logger LOG = LoggerFactory.getLogger(GcLogReader.class);

    private GcLogReader() {
    }

    /** Reads one GC log file. */
    public static GcLogResult read(Path file) {
        return read(List.of(InputSource.of(file)), GcEventListener.none());
    }

    /**
     * Reads the files of one GC log.
     *
     * @param files the files (a single file or a rotated set), in any order
     * @param listener receives every event as it is read; may be {@link GcEventListener#none()}
     * @return the summary and analysis; never {@code null}
     */
    public static GcLogResult read(List<InputSource> files, GcEventListener listener) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(listener, "listener");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to read");
        }
        Issues issues = new Issues();
        List<InputSource> ordered = LogSetOrder.order(files, issues);
        GcMetricsBuilder metrics = new GcMetricsBuilder();
        SafeListener user = new SafeListener(listener);
        // one parser per format family; unified logging (JDK 9+) is the family read today
        FormatParser parser = new UnifiedLogParser(event -> {
            metrics.onEvent(event);
            user.onEvent(event);
        }, issues);
        List<String> members = new ArrayList<>();
        for (InputSource src : ordered) {
            members.add(src.name());
            parser.startFile(src.name());
            ByteLineReader reader = null;
            try (InputStream in = src.open()) {
                reader = new ByteLineReader(in);
                reader.readAll(parser);
                if (reader.endedWithoutNewline()) {
                    // every unified logging line ends with a line end: a last line without one was cut (a
                    // copy stopped early, a disk full) or is still being written; it was read as it is
                    issues.add(src.name(), reader.lineNumber(), InputIssue.TRUNCATED, "the last line ("
                            + reader.lineNumber() + ") has no line end: the log was cut there, is still being written"
                            + " or was edited; it was read as it is");
                }
            } catch (InputLimitException e) {
                issues.add(src.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.LIMIT_REACHED,
                        e.getMessage() + (reader == null ? "" : "; the " + reader.lineNumber()
                                + " line(s) before were read"));
            } catch (EOFException | ZipException e) {
                issues.add(src.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.TRUNCATED,
                        "the input ends unexpectedly" + (reader == null ? "" : " after line " + reader.lineNumber())
                                + " (" + e.getMessage() + "); what came before was read");
            } catch (IOException e) {
                issues.add(src.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.IO_ERROR,
                        "read error: " + e);
            }
            if (reader != null && reader.longLines() > 0) {
                issues.add(src.name(), reader.firstLongLine(), InputIssue.LONG_LINE, reader.longLines()
                        + " line(s) longer than " + ByteLineReader.DEFAULT_MAX_LINE + " bytes were cut to that length");
            }
        }
        parser.endOfInput();
        if (parser.foreignLines() > 0) {
            issues.add(parser.firstForeignSource(), parser.firstForeignLine(), InputIssue.FOREIGN_LINES,
                    parser.foreignLines() + " line(s) are not GC log lines (application output?) and were skipped");
        }
        GcSetup setup = parser.setup();
        GcMetrics m = metrics.build(setup, parser.durationNanos(), parser.runs(), parser.hasPauseData(),
                parser.youngPhases(), parser.pacer());
        String path = files.get(0).name();
        InputSummary summary = new InputSummary(path, InputKind.GC_LOG, InputDetector.UNIFIED, members,
                parser.lines(), parser.unknownLines(), parser.ignoredLines(), parser.foreignLines(),
                issues.list(path));
        if (user.failed != null) {
            LOG.warn("GC event listener {} failed and was not called again: {}", listener, user.failed.toString());
        }
        return new GcLogResult(summary, new GcAnalysis(setup, m, metrics.longestPauses()));
    }

    /** Calls the user's listener until it throws once. */
    private static final class SafeListener implements GcEventListener {
        private final GcEventListener delegate;
        RuntimeException failed;

        SafeListener(GcEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(io.github.jvmadvisor.core.model.GcEvent event) {
            if (failed != null) {
                return;
            }
            try {
                delegate.onEvent(event);
            } catch (RuntimeException e) {
                failed = e;
            }
        }
    }
}
