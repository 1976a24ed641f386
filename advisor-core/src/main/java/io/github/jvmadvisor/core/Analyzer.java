package io.github.jvmadvisor.core;

import io.github.jvmadvisor.core.ingest.InputDetector;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.ingest.gclog.GcLogResult;
import io.github.jvmadvisor.core.ingest.hdr.HdrLogReader;
import io.github.jvmadvisor.core.ingest.hdr.HdrLogResult;
import io.github.jvmadvisor.core.ingest.hdr.HdrPercentilesReader;
import io.github.jvmadvisor.core.ingest.jfr.AllocationSink;
import io.github.jvmadvisor.core.ingest.jfr.CpuSink;
import io.github.jvmadvisor.core.ingest.jfr.JfrReader;
import io.github.jvmadvisor.core.ingest.jfr.JitSink;
import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.ingest.jmh.JmhResult;
import io.github.jvmadvisor.core.ingest.jmh.JmhResultReader;
import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.ingest.jfr.JfrResult;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseSum;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.model.SourceAgreement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads inputs into {@link Evidence}: the entry point for files.
 *
 * <p>Each input's kind is detected by content. All unified GC log files given together are one log
 * of one JVM (a rotated set, possibly with restarts) and are ordered by content. Inputs of kinds this
 * version does not read yet are listed with an issue, never dropped silently. Compressed inputs and
 * archives are read within the {@link io.github.jvmadvisor.core.ingest.ReadLimits} (system properties a
 * user can raise); an input that reaches one keeps what was read before, with a {@code limit-reached}
 * issue.
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
        return analyze(inputs, listener, null);
    }

    /**
     * Reads the inputs and combines them with a configuration the user gave.
     *
     * @param inputs files (plain, gzip, or zip archives of several files), in any order
     * @param listener receives GC events; may be {@link GcEventListener#none()}
     * @param given the configuration the user described (a command line, where it will run), or
     *     {@code null}; its values take precedence over what the inputs say
     */
    public static Evidence analyze(Collection<Path> inputs, GcEventListener listener, JvmConfig given) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(listener, "listener");
        List<InputSource> opened = new ArrayList<>();
        try {
            return analyze(inputs, listener, given, opened);
        } finally {
            // the archives read stay open while their members are read: close them
            opened.forEach(InputSource::release);
        }
    }

    private static Evidence analyze(Collection<Path> inputs, GcEventListener listener, JvmConfig given,
            List<InputSource> opened) {
        List<Slot> slots = new ArrayList<>();
        List<InputSource> gcLog = new ArrayList<>();
        List<Integer> jfrSlots = new ArrayList<>();
        List<LatencyLog> latency = new ArrayList<>();
        List<BenchmarkResults> benchmarks = new ArrayList<>();
        List<InputSource> jfrs = new ArrayList<>();
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
            List<InputIssue> left = new ArrayList<>();
            try {
                sources = InputSource.expand(path, left);
            } catch (IOException e) {
                slots.add(new Slot(issueOnly(name, InputKind.UNKNOWN, null, InputIssue.IO_ERROR, "read error: " + e)));
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                slots.add(new Slot(internalError(name, InputKind.UNKNOWN, e)));
                continue;
            }
            for (InputIssue i : left) {
                slots.add(new Slot(issueOnly(name, InputKind.UNKNOWN, null, i.code(), i.message())));
            }
            opened.addAll(sources);
            for (InputSource src : sources) {
                InputDetector.Detection d;
                try {
                    d = InputDetector.detect(src);
                } catch (IOException e) {
                    slots.add(new Slot(issueOnly(src.name(), InputKind.UNKNOWN, null, InputIssue.IO_ERROR,
                            "read error: " + e)));
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    slots.add(new Slot(internalError(src.name(), InputKind.UNKNOWN, e)));
                    continue;
                }
                if (d.kind() == InputKind.GC_LOG && InputDetector.UNIFIED.equals(d.format())) {
                    if (gcSlot < 0) {
                        gcSlot = slots.size();
                        slots.add(new Slot(null));
                    }
                    gcLog.add(src);
                } else if (d.kind() == InputKind.HDR_LOG || d.kind() == InputKind.HDR_PERCENTILES) {
                    HdrLogResult h;
                    try {
                        h = d.kind() == InputKind.HDR_LOG ? HdrLogReader.read(src) : HdrPercentilesReader.read(src);
                    } catch (RuntimeException | StackOverflowError e) {
                        slots.add(new Slot(internalError(src.name(), d.kind(), e)));
                        continue;
                    }
                    slots.add(new Slot(h.summary()));
                    if (h.log() != null) {
                        latency.add(h.log());
                    }
                } else if (d.kind() == InputKind.JMH_RESULT) {
                    JmhResult j;
                    try {
                        j = JmhResultReader.read(src);
                    } catch (RuntimeException | StackOverflowError e) {
                        slots.add(new Slot(internalError(src.name(), d.kind(), e)));
                        continue;
                    }
                    slots.add(new Slot(j.summary()));
                    if (!j.runs().isEmpty()) {
                        benchmarks.add(new BenchmarkResults(src.name(), j.runs()));
                    }
                } else if (d.kind() == InputKind.JFR) {
                    jfrSlots.add(slots.size());
                    slots.add(new Slot(null));
                    jfrs.add(src);
                } else {
                    slots.add(new Slot(unsupported(src.name(), d)));
                }
            }
        }
        Optional<GcAnalysis> gc = Optional.empty();
        JvmConfig jvm = given;
        NavigableMap<Long, long[]> logPauses = jfrs.isEmpty() ? null : new TreeMap<>();
        String logName = null;
        if (!gcLog.isEmpty()) {
            GcEventListener both = logPauses == null ? listener : event -> {
                if (event instanceof Pause && ((Pause) event).gcId() >= 0) {
                    Pause p = (Pause) event;
                    long[] a = logPauses.computeIfAbsent(p.gcId(), k -> new long[3]);
                    a[0]++;
                    a[1] += p.durationNanos();
                    a[2] = Math.max(a[2], p.at().uptimeNanos());
                }
                listener.onEvent(event);
            };
            GcLogResult r;
            try {
                r = GcLogReader.read(gcLog, both);
            } catch (RuntimeException | StackOverflowError e) {
                // a defect of ours must not reach the caller: the log is reported as unreadable, the rest is read
                LOG.warn("reading the GC log {} failed: {}", gcLog.get(0).name(), e.toString());
                LOG.debug("reading the GC log failed", e);
                r = null;
                String name = gcLog.get(0).name();
                slots.set(gcSlot, new Slot(new InputSummary(name, InputKind.GC_LOG, null,
                        gcLog.stream().map(InputSource::name).toList(), 0, 0, 0, 0,
                        List.of(new InputIssue(name, 0, InputIssue.INTERNAL_ERROR,
                                "the GC log could not be analysed (" + e + "); please report this")))));
            }
            if (r != null) {
                slots.set(gcSlot, new Slot(r.summary()));
                gc = Optional.of(r.analysis());
                logName = r.summary().path();
                LOG.debug("read GC log {}: {} lines, {} unknown", r.summary().path(), r.summary().lines(),
                        r.summary().unknownLines());
            }
        }
        Optional<Resources> resources = Optional.empty();
        Optional<AllocationProfile> allocation = Optional.empty();
        Optional<JitProfile> jit = Optional.empty();
        Optional<CpuProfile> cpu = Optional.empty();
        List<SourceAgreement> agreements = new ArrayList<>();
        JvmConfig fromRecordings = null;
        for (int i = 0; i < jfrs.size(); i++) {
            AllocationSink allocSink = new AllocationSink();
            JitSink jitSink = new JitSink();
            CpuSink cpuSink = new CpuSink();
            JfrResult r;
            try {
                r = JfrReader.read(jfrs.get(i), List.of(allocSink, jitSink, cpuSink));
            } catch (RuntimeException | StackOverflowError e) {
                slots.set(jfrSlots.get(i), new Slot(internalError(jfrs.get(i).name(), InputKind.JFR, e)));
                continue;
            }
            if (r.summary().lines() > 0 && allocation.isEmpty()) {
                // the first recording with events gives the profiles; several recordings of one run
                // are not merged (their samples would overlap)
                allocation = Optional.of(allocSink.result());
                jit = Optional.of(jitSink.result());
                cpu = Optional.of(cpuSink.result());
            }
            slots.set(jfrSlots.get(i), new Slot(r.summary()));
            if (r.jvm().isPresent()) {
                fromRecordings = fromRecordings == null ? r.jvm().get() : fromRecordings.merge(r.jvm().get());
            }
            if (resources.isEmpty() && r.summary().lines() > 0) {
                resources = Optional.of(r.resources());
            }
            if (r.gc().isPresent()) {
                if (logName != null) {
                    agreements.add(SourceComparison.compare(logName, gc.get(), logPauses, r));
                } else if (gc.isEmpty()) {
                    gc = r.gc();
                }
            }
        }
        if (gc.isPresent()) {
            JvmConfig fromLog = SourceComparison.configOf(gc.get().setup(), logName != null ? "gc-log" : "jfr");
            JvmConfig seen = fromRecordings == null ? fromLog : fromRecordings.merge(fromLog);
            jvm = jvm == null ? seen : observedCollector(jvm, seen).merge(seen);
        } else if (fromRecordings != null) {
            jvm = jvm == null ? fromRecordings : observedCollector(jvm, fromRecordings).merge(fromRecordings);
        }
        List<InputSummary> summaries = new ArrayList<>();
        for (Slot s : slots) {
            summaries.add(s.summary);
        }
        return new Evidence(summaries, gc, Optional.ofNullable(jvm), resources, agreements, latency, benchmarks,
                allocation, jit, cpu);
    }

    /**
     * The given configuration with the collector the run's own evidence saw, when the given one was only the
     * ergonomic prediction (no {@code -XX:+Use...GC} option): a log that says "Using G1" is what ran, whatever a
     * container size predicts (a run with {@code -XX:MaxRAM=1g} and {@code --container-memory 1g} picked G1,
     * because MaxRAM does not change the collector, and GCSEL-01 said it had picked Serial).
     */
    static JvmConfig observedCollector(JvmConfig given, JvmConfig seen) {
        if (seen.collector() == null || given.collector() == seen.collector()
                || Collector.selectedBy(given.flags()) != null) {
            return given;
        }
        return new JvmConfig(given.sources(), given.jdkVersionString(), given.jdkFeature(), given.vmName(),
                seen.collector(), seen.generational() != null ? seen.generational() : given.generational(),
                given.jvmArguments(), given.flags(), given.container(), given.machine());
    }

    /** A defect of ours while reading one input: that input is reported unreadable, the others are read. */
    private static InputSummary internalError(String name, InputKind kind, Throwable e) {
        LOG.warn("reading {} failed: {}", name, e.toString());
        LOG.debug("reading {} failed", name, e);
        return issueOnly(name, kind, null, InputIssue.INTERNAL_ERROR,
                "the input could not be analysed (" + e + "); please report this");
    }

    private static InputSummary unsupported(String name, InputDetector.Detection d) {
        if (d.kind() == InputKind.UNKNOWN && d.format() != null
                && d.format().startsWith(InputDetector.NESTED_ARCHIVE + ":")) {
            String what = d.format().substring(InputDetector.NESTED_ARCHIVE.length() + 1);
            return issueOnly(name, InputKind.UNKNOWN, d.format(), InputIssue.UNSUPPORTED_FORMAT, "a " + what
                    + " archive or compressed file, which jvm-advisor does not open (it opens one level of zip or"
                    + " gzip): unpack it and give the files in it");
        }
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
