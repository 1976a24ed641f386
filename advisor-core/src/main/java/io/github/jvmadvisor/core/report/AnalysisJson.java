package io.github.jvmadvisor.core.report;

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
import io.github.jvmadvisor.core.model.Pause;
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
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
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
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void stalls(JsonGenerator g, String name, GcMetrics.StallStats s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", s.count());
        dbl(g, "totalMillis", s.totalMillis());
        dbl(g, "maxMillis", s.maxMillis());
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, Number v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else if (v instanceof Double || v instanceof Float) {
            double d = v.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNullField(name);
            } else {
                dbl(g, name, d);
            }
        } else {
            g.writeNumberField(name, v.longValue());
        }
    }

    /** A double in plain notation ({@code 294711788.2}, never {@code 2.947117882E8}). */
    private static void dbl(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber(java.math.BigDecimal.valueOf(v).setScale(1).toPlainString());
        } else {
            g.writeNumber(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, v);
        }
    }

    private static Double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
