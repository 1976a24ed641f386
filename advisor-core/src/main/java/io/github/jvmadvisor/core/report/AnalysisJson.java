package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.bool;
import static io.github.jvmadvisor.core.report.JsonValues.dbl;
import static io.github.jvmadvisor.core.report.JsonValues.num;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.model.SourceAgreement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Evidence} as the {@code analyze} JSON document, schema version {@value #SCHEMA_VERSION}.
 *
 * <p>The field names are a contract (documented in {@code docs/analyze-json.md}): later versions add
 * fields but never rename or remove these. Values the input could not give are {@code null}, never 0.
 * Output is deterministic: the same evidence gives the same bytes.
 */
public final class AnalysisJson {

    /** Version of the document's schema; raised only for incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private AnalysisJson() {
    }

    /** The document as a string (pretty-printed, two-space indent, trailing newline). */
    public static String toJson(Evidence evidence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(evidence, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the document to {@code out} (UTF-8); does not close it. */
    public static void write(Evidence evidence, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            sections(g, evidence);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the fields of the analysis, {@code inputs} to {@code cpu}, into the object being written:
     * the {@code analyze} document is these fields after {@code schemaVersion}, and the {@code advise}
     * document carries them after its own.
     */
    static void sections(JsonGenerator g, Evidence evidence) throws IOException {
        g.writeArrayFieldStart("inputs");
        for (InputSummary s : evidence.inputs()) {
            input(g, s);
        }
        g.writeEndArray();
        g.writeFieldName("gc");
        if (evidence.gc().isPresent()) {
            gc(g, evidence.gc().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("jvm");
        if (evidence.jvm().isPresent()) {
            jvm(g, evidence.jvm().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("resources");
        if (evidence.resources().isPresent()) {
            resources(g, evidence.resources().get());
        } else {
            g.writeNull();
        }
        g.writeArrayFieldStart("agreements");
        for (SourceAgreement a : evidence.agreements()) {
            agreement(g, a);
        }
        g.writeEndArray();
        g.writeFieldName("latency");
        LatencyJson.write(g, evidence.latency());
        g.writeFieldName("benchmarks");
        BenchmarksJson.write(g, evidence.benchmarks());
        g.writeFieldName("allocation");
        if (evidence.allocation().isPresent()) {
            AllocationJson.write(g, evidence.allocation().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("jit");
        if (evidence.jit().isPresent()) {
            JitJson.write(g, evidence.jit().get());
        } else {
            g.writeNull();
        }
        g.writeFieldName("cpu");
        if (evidence.cpu().isPresent()) {
            CpuJson.write(g, evidence.cpu().get());
        } else {
            g.writeNull();
        }
    }

    /** A generator for the documents: UTF-8, two-space indent, not closing {@code out}. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
        return g;
    }

    private static void input(JsonGenerator g, InputSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", s.path());
        g.writeStringField("kind", s.kind().id());
        g.writeStringField("format", s.format());
        g.writeArrayFieldStart("members");
        for (String m : s.members()) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeNumberField("lines", s.lines());
        g.writeNumberField("unknownLines", s.unknownLines());
        g.writeNumberField("ignoredLines", s.ignoredLines());
        g.writeNumberField("foreignLines", s.foreignLines());
        g.writeArrayFieldStart("issues");
        for (InputIssue i : s.issues()) {
            g.writeStartObject();
            g.writeStringField("path", i.source());
            g.writeNumberField("line", i.line());
            g.writeStringField("code", i.code());
            g.writeStringField("message", i.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void gc(JsonGenerator g, GcAnalysis a) throws IOException {
        GcSetup s = a.setup();
        GcMetrics m = a.metrics();
        g.writeStartObject();
        g.writeStringField("collector", s.collector() == null ? null : s.collector().displayName());
        g.writeBooleanField("collectorInferred", s.collectorInferred());
        bool(g, "generational", s.generational());
        num(g, "jdkVersion", s.jdkVersion());
        g.writeStringField("jdkVersionString", s.jdkVersionString());
        num(g, "durationSeconds", m.durationSeconds());
        g.writeNumberField("runs", m.runs());
        g.writeFieldName("pauses");
        if (m.pauses() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            pauseFields(g, m.pauses());
            g.writeObjectFieldStart("byKind");
            for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByKind().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                pauseFields(g, e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("byCause");
            for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                pauseFields(g, e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("collectionsByCause");
            for (Map.Entry<String, Long> e : m.collectionsByCause().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        num(g, "stwFraction", m.stwFraction());
        num(g, "stwFractionMaxWindow", m.stwFractionMaxWindow());
        num(g, "windowSeconds", m.windowSeconds());
        num(g, "gcCpuFraction", m.gcCpuFraction());
        num(g, "allocationRateBytesPerSec", m.allocationRateBytesPerSec());
        num(g, "promotionRateBytesPerSec", m.promotionRateBytesPerSec());
        GcMetrics.LiveSet ls = m.liveSet();
        num(g, "liveSetBytes", ls.bytes());
        num(g, "liveSetTrendBytesPerSec", ls.trendBytesPerSec());
        g.writeObjectFieldStart("liveSet");
        num(g, "bytes", ls.bytes());
        num(g, "peakBytes", ls.peakBytes());
        g.writeStringField("source", ls.source());
        g.writeNumberField("samples", ls.samples());
        num(g, "trendBytesPerSec", ls.trendBytesPerSec());
        num(g, "trendSignificance", ls.trendSignificance());
        g.writeStringField("trendSource", ls.trendSource());
        g.writeBooleanField("leakSuspect", ls.leakSuspect());
        g.writeEndObject();
        num(g, "effectiveGogc", m.effectiveGogc());
        g.writeObjectFieldStart("fullGcs");
        g.writeNumberField("count", m.fullGcs().count());
        dbl(g, "totalMillis", m.fullGcs().totalMillis());
        g.writeNumberField("afterAbandonedYoung", m.fullGcs().afterAbandonedYoung());
        g.writeObjectFieldStart("byCause");
        for (Map.Entry<String, Long> e : m.fullGcs().byCause().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("humongousAllocations", m.humongousAllocations());
        num(g, "humongousRegionsPeak", m.humongousRegionsPeak());
        g.writeNumberField("evacuationFailures", m.evacuationFailures());
        stalls(g, "allocationStalls", m.allocationStalls());
        stalls(g, "relocationStalls", m.relocationStalls());
        g.writeNumberField("degeneratedCycles", m.degeneratedCycles());
        g.writeObjectFieldStart("concurrentCycles");
        g.writeNumberField("count", m.concurrentCycles().count());
        dbl(g, "totalMillis", m.concurrentCycles().totalMillis());
        dbl(g, "maxMillis", m.concurrentCycles().maxMillis());
        g.writeNumberField("aborted", m.concurrentCycles().aborted());
        g.writeEndObject();
        g.writeObjectFieldStart("heap");
        num(g, "maxCapacityBytes", m.heap().maxCapacityBytes());
        num(g, "peakUsedBytes", m.heap().peakUsedBytes());
        num(g, "peakCommittedBytes", m.heap().peakCommittedBytes());
        g.writeEndObject();
        g.writeObjectFieldStart("metaspace");
        num(g, "peakUsedBytes", m.metaspace().peakUsedBytes());
        num(g, "peakCommittedBytes", m.metaspace().peakCommittedBytes());
        num(g, "unloadedBytes", m.metaspace().unloadedBytes());
        num(g, "unloadings", m.metaspace().unloadings());
        g.writeEndObject();
        g.writeFieldName("safepoints");
        GcMetrics.SafepointStats sp = m.safepoints();
        if (sp == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("count", sp.count());
            dbl(g, "totalMillis", sp.totalMillis());
            dbl(g, "maxMillis", sp.maxMillis());
            dbl(g, "timeToSafepointTotalMillis", sp.timeToSafepointTotalMillis());
            dbl(g, "timeToSafepointMaxMillis", sp.timeToSafepointMaxMillis());
            num(g, "haltFraction", sp.haltFraction());
            g.writeObjectFieldStart("byOperation");
            for (Map.Entry<String, GcMetrics.OperationStats> e : sp.byOperation().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("count", e.getValue().count());
                dbl(g, "totalMillis", e.getValue().totalMillis());
                dbl(g, "maxMillis", e.getValue().maxMillis());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        setup(g, s);
        longest(g, a.longestPauses());
        windows(g, m.windows());
        g.writeEndObject();
    }

    private static void setup(JsonGenerator g, GcSetup s) throws IOException {
        g.writeObjectFieldStart("setup");
        g.writeStringField("mode", s.mode());
        g.writeStringField("heuristics", s.heuristics());
        num(g, "cpusTotal", s.cpusTotal());
        num(g, "cpusAvailable", s.cpusAvailable());
        num(g, "memoryBytes", s.memoryBytes());
        num(g, "heapMinBytes", s.heapMinBytes());
        num(g, "heapInitialBytes", s.heapInitialBytes());
        num(g, "heapMaxBytes", s.heapMaxBytes());
        num(g, "softMaxHeapBytes", s.softMaxHeapBytes());
        num(g, "regionSizeBytes", s.regionSizeBytes());
        g.writeStringField("compressedOops", s.compressedOops());
        g.writeStringField("largePages", s.largePages());
        bool(g, "preTouch", s.preTouch());
        num(g, "parallelWorkers", s.parallelWorkers());
        num(g, "concurrentWorkers", s.concurrentWorkers());
        g.writeStringField("periodicGc", s.periodicGc());
        g.writeStringField("uncommit", s.uncommit());
        g.writeArrayFieldStart("ergonomicFlags");
        for (String f : s.ergonomicFlags()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void longest(JsonGenerator g, List<Pause> pauses) throws IOException {
        g.writeArrayFieldStart("longestPauses");
        for (Pause p : pauses) {
            g.writeStartObject();
            num(g, "atSeconds", p.at().hasTime() ? round3(p.at().timelineSeconds()) : null);
            num(g, "uptimeSeconds", p.at().uptimeNanos() >= 0 ? round3(p.at().uptimeNanos() / 1e9) : null);
            g.writeNumberField("run", p.at().run());
            num(g, "gcId", p.gcId() >= 0 ? p.gcId() : null);
            g.writeStringField("kind", p.kind().id());
            g.writeStringField("name", p.name());
            g.writeStringField("cause", p.cause());
            dbl(g, "durationMillis", p.durationNanos() / 1e6);
            num(g, "heapBeforeBytes", p.heap() == null ? null : p.heap().beforeBytes());
            num(g, "heapAfterBytes", p.heap() == null ? null : p.heap().afterBytes());
            num(g, "heapCapacityBytes", p.heap() == null || p.heap().capacityBytes() < 0 ? null
                    : p.heap().capacityBytes());
            g.writeBooleanField("evacuationFailure", p.evacuationFailure());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void windows(JsonGenerator g, List<GcMetrics.Window> windows) throws IOException {
        g.writeArrayFieldStart("windows");
        for (GcMetrics.Window w : windows) {
            g.writeStartObject();
            dbl(g, "startSeconds", w.startSeconds());
            dbl(g, "durationSeconds", w.durationSeconds());
            g.writeNumberField("pauseCount", w.pauseCount());
            dbl(g, "pauseMillis", w.pauseMillis());
            dbl(g, "maxPauseMillis", w.maxPauseMillis());
            dbl(g, "stwFraction", w.stwFraction());
            num(g, "allocatedBytes", w.allocatedBytes());
            num(g, "gcCpuFraction", w.gcCpuFraction());
            num(g, "heapAfterMinBytes", w.heapAfterMinBytes());
            num(g, "heapAfterMaxBytes", w.heapAfterMaxBytes());
            num(g, "liveSetBytes", w.liveSetBytes());
            g.writeNumberField("stallCount", w.stallCount());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void pauseFields(JsonGenerator g, GcMetrics.PauseStats p) throws IOException {
        g.writeNumberField("count", p.count());
        dbl(g, "totalMillis", p.totalMillis());
        dbl(g, "maxMillis", p.maxMillis());
        dbl(g, "meanMillis", p.meanMillis());
        dbl(g, "p50Millis", p.p50Millis());
        dbl(g, "p90Millis", p.p90Millis());
        dbl(g, "p99Millis", p.p99Millis());
        dbl(g, "p999Millis", p.p999Millis());
    }

    private static void jvm(JsonGenerator g, JvmConfig c) throws IOException {
        g.writeStartObject();
        strings(g, "sources", c.sources());
        g.writeStringField("jdkVersion", c.jdkVersionString());
        num(g, "jdkFeature", c.jdkFeature());
        g.writeStringField("vmName", c.vmName());
        g.writeStringField("collector", c.collector() == null ? null : c.collector().displayName());
        bool(g, "generational", c.generational());
        strings(g, "jvmArguments", c.jvmArguments());
        g.writeArrayFieldStart("askedFlags");
        for (JvmFlag f : c.askedFlags()) {
            flag(g, f);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("keyFlags");
        for (String name : KEY_FLAGS) {
            JvmFlag f = c.flag(name);
            if (f != null) {
                g.writeFieldName(name);
                flag(g, f);
            }
        }
        g.writeEndObject();
        num(g, "flagCount", c.flags().size());
        g.writeFieldName("container");
        ContainerLimits k = c.container();
        if (k == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("source", k.source());
            num(g, "memoryLimitBytes", k.memoryLimitBytes());
            num(g, "memorySoftLimitBytes", k.memorySoftLimitBytes());
            num(g, "swapLimitBytes", k.swapLimitBytes());
            num(g, "cpuQuotaCores", k.cpuQuotaCores());
            num(g, "cpuShares", k.cpuShares());
            num(g, "effectiveCpus", k.effectiveCpus());
            num(g, "memoryUsageBytes", k.memoryUsageBytes());
            g.writeEndObject();
        }
        Machine m = c.machine();
        g.writeObjectFieldStart("machine");
        num(g, "hwThreads", m.hwThreads());
        num(g, "cores", m.cores());
        num(g, "sockets", m.sockets());
        g.writeStringField("cpu", m.cpuDescription());
        num(g, "physicalMemoryBytes", m.physicalMemoryBytes());
        num(g, "swapBytes", m.swapBytes());
        g.writeStringField("transparentHugePages", m.transparentHugePages());
        g.writeStringField("os", m.os());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Flags every report shows when the source knows them, whatever their origin. */
    private static final List<String> KEY_FLAGS = List.of("MaxHeapSize", "InitialHeapSize", "MinHeapSize",
            "SoftMaxHeapSize", "MaxRAMPercentage", "InitialRAMPercentage", "MaxRAM", "UseContainerSupport",
            "ActiveProcessorCount", "ParallelGCThreads", "ConcGCThreads", "G1HeapRegionSize", "MaxGCPauseMillis",
            "MaxMetaspaceSize", "MaxDirectMemorySize", "ReservedCodeCacheSize", "ThreadStackSize",
            "UseCompressedOops", "AlwaysPreTouch", "UseStringDeduplication", "TieredCompilation",
            "NativeMemoryTracking");

    private static void flag(JsonGenerator g, JvmFlag f) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("value", f.value());
        g.writeStringField("origin", f.origin().id());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void resources(JsonGenerator g, Resources r) throws IOException {
        g.writeStartObject();
        Resources.NativeMemory m = r.memory();
        g.writeObjectFieldStart("memory");
        num(g, "metaspaceUsedPeakBytes", m.metaspaceUsedPeakBytes());
        num(g, "metaspaceCommittedPeakBytes", m.metaspaceCommittedPeakBytes());
        num(g, "classSpaceCommittedPeakBytes", m.classSpaceCommittedPeakBytes());
        num(g, "metaspaceGcThresholdBytes", m.metaspaceGcThresholdBytes());
        num(g, "directUsedPeakBytes", m.directUsedPeakBytes());
        num(g, "directCountPeak", m.directCountPeak());
        num(g, "directMaxCapacityBytes", m.directMaxCapacityBytes());
        num(g, "threadsPeak", m.threadsPeak());
        num(g, "threadsStarted", m.threadsStarted());
        num(g, "rssPeakBytes", m.rssPeakBytes());
        num(g, "rssLastBytes", m.rssLastBytes());
        num(g, "nmtCommittedPeakBytes", m.nmtCommittedPeakBytes());
        g.writeObjectFieldStart("nmtByCategory");
        for (Map.Entry<String, Resources.NmtCategory> en : m.nmtByCategory().entrySet()) {
            g.writeObjectFieldStart(en.getKey());
            g.writeNumberField("committedPeakBytes", en.getValue().committedPeakBytes());
            g.writeNumberField("committedLastBytes", en.getValue().committedLastBytes());
            g.writeNumberField("reservedPeakBytes", en.getValue().reservedPeakBytes());
            g.writeEndObject();
        }
        g.writeEndObject();
        num(g, "physicalUsedPeakBytes", m.physicalUsedPeakBytes());
        num(g, "swapUsedPeakBytes", m.swapUsedPeakBytes());
        num(g, "classesUnloaded", m.classesUnloaded());
        num(g, "classesLoadedPeak", m.classesLoadedPeak());
        g.writeEndObject();
        g.writeFieldName("container");
        Resources.ContainerUsage c = r.container();
        if (c == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            num(g, "memoryUsagePeakBytes", c.memoryUsagePeakBytes());
            num(g, "memoryFailCount", c.memoryFailCount());
            num(g, "cpuElapsedSlices", c.cpuElapsedSlices());
            num(g, "cpuThrottledSlices", c.cpuThrottledSlices());
            num(g, "cpuThrottledNanos", c.cpuThrottledNanos());
            Double share = c.throttledShare();
            num(g, "cpuThrottledShare", share == null ? null : Math.round(share * 1e6) / 1e6);
            g.writeEndObject();
        }
        g.writeFieldName("oldObjects");
        Resources.OldObjects o = r.oldObjects();
        if (o == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("samples", o.samples());
            dbl(g, "oldestAgeSeconds", round3(o.oldestAgeNanos() / 1e9));
            g.writeArrayFieldStart("byClass");
            for (Resources.ClassCount cc : o.byClass()) {
                g.writeStartObject();
                g.writeStringField("class", cc.className());
                g.writeNumberField("samples", cc.samples());
                g.writeNumberField("bytes", cc.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void agreement(JsonGenerator g, SourceAgreement a) throws IOException {
        g.writeStartObject();
        g.writeStringField("gcLog", a.gcLog());
        g.writeStringField("recording", a.recording());
        g.writeBooleanField("sameRun", a.sameRun());
        g.writeNumberField("pairedCollections", a.pairedCollections());
        g.writeNumberField("onlyInLog", a.onlyInLog());
        g.writeNumberField("onlyInRecording", a.onlyInRecording());
        dbl(g, "logPauseMillis", a.logPauseMillis());
        dbl(g, "recordingPauseMillis", a.recordingPauseMillis());
        dbl(g, "maxDifferenceMillis", a.maxDifferenceMillis());
        strings(g, "disagreements", a.disagreements());
        g.writeEndObject();
    }

    private static void stalls(JsonGenerator g, String name, GcMetrics.StallStats s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", s.count());
        dbl(g, "totalMillis", s.totalMillis());
        dbl(g, "maxMillis", s.maxMillis());
        g.writeEndObject();
    }

    private static Double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
