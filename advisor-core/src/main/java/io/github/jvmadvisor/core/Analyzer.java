package io.github.jvmadvisor.core;

import io.github.jvmadvisor.core.ingest.InputDetector;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.ingest.gclog.GcLogResult;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads inputs into {@link Evidence}: the entry point for files.
 *
 * <p>Each input's kind is detected by content. All unified GC log files given together are one log
 * of one JVM (a rotated set, possibly with restarts) and are ordered by content. Inputs of kinds this
 * version does not read yet are listed with an issue, never dropped silently.
 *
 * <p>Never throws for bad input; thread-safe.
 */
public final class Analyzer {

    private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

    private Analyzer() {
    }

    /** Reads the inputs. */
    public static Evidence analyze(Collection<Path> inputs) {
        return analyze(inputs, GcEventListener.none());
    }

    /**
     * Reads the inputs, passing every GC event to {@code listener} as it is read.
     *
     * @param inputs files (plain, gzip, or zip archives of several files), in any order
     * @param listener receives GC events; may be {@link GcEventListener#none()}
     */
    public static Evidence analyze(Collection<Path> inputs, GcEventListener listener) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(listener, "listener");
        List<Slot> slots = new ArrayList<>();
        List<InputSource> gcLog = new ArrayList<>();
        int gcSlot = -1;
        for (Path path : inputs) {
            String name = path.toString();
            if (!Files.exists(path)) {
                slots.add(new Slot(issueOnly(name, InputKind.UNKNOWN, null, InputIssue.IO_ERROR, "no such file")));
                continue;
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                slots.add(new Slot(issueOnly(name, InputKind.UNKNOWN, null, InputIssue.IO_ERROR,
                        Files.isDirectory(path) ? "is a directory; give the files in it" : "cannot be read")));
                continue;
            }
            List<InputSource> sources;
            try {
                sources = InputSource.expand(path);
            } catch (IOException e) {
                slots.add(new Slot(issueOnly(name, InputKind.UNKNOWN, null, InputIssue.IO_ERROR, "read error: " + e)));
                continue;
            }
            for (InputSource src : sources) {
                InputDetector.Detection d;
                try {
                    d = InputDetector.detect(src);
                } catch (IOException e) {
                    slots.add(new Slot(issueOnly(src.name(), InputKind.UNKNOWN, null, InputIssue.IO_ERROR,
                            "read error: " + e)));
                    continue;
                }
                if (d.kind() == InputKind.GC_LOG && InputDetector.UNIFIED.equals(d.format())) {
                    if (gcSlot < 0) {
                        gcSlot = slots.size();
                        slots.add(new Slot(null));
                    }
                    gcLog.add(src);
                } else {
                    slots.add(new Slot(unsupported(src.name(), d)));
                }
            }
        }
        Optional<GcAnalysis> gc = Optional.empty();
        if (!gcLog.isEmpty()) {
            GcLogResult r = GcLogReader.read(gcLog, listener);
            slots.set(gcSlot, new Slot(r.summary()));
            gc = Optional.of(r.analysis());
            LOG.debug("read GC log {}: {} lines, {} unknown", r.summary().path(), r.summary().lines(),
                    r.summary().unknownLines());
        }
        List<InputSummary> summaries = new ArrayList<>();
        for (Slot s : slots) {
            summaries.add(s.summary);
        }
        return new Evidence(summaries, gc);
    }

    private static InputSummary unsupported(String name, InputDetector.Detection d) {
        if (d.kind() == InputKind.UNKNOWN) {
            return issueOnly(name, InputKind.UNKNOWN, null, InputIssue.UNKNOWN_FORMAT,
                    "not a format jvm-advisor knows (GC log, JFR recording, HdrHistogram log, JMH result)");
        }
        String what;
        switch (d.kind()) {
            case GC_LOG:
                what = InputDetector.LEGACY.equals(d.format())
                        ? "a JDK 8 (pre-unified) GC log; this version reads unified logs of JDK 9 and later"
                        : "an IBM/OpenJ9 verbose GC log; this version reads HotSpot unified logs";
                break;
            case JFR:
                what = "a JFR recording; this version does not read recordings yet";
                break;
            case HDR_LOG:
            case HDR_PERCENTILES:
                what = "an HdrHistogram file; this version does not read latency histograms yet";
                break;
            case JMH_RESULT:
                what = "a JMH result; this version does not read benchmark results yet";
                break;
            default:
                what = "not read by this version";
        }
        return issueOnly(name, d.kind(), d.format(), InputIssue.UNSUPPORTED_FORMAT, "recognised as " + what);
    }

    private static InputSummary issueOnly(String name, InputKind kind, String format, String code, String message) {
        return new InputSummary(name, kind, format, List.of(name), 0, 0, 0, 0,
                List.of(new InputIssue(name, 0, code, message)));
    }

    private record Slot(InputSummary summary) {
    }
}
