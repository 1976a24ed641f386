package io.github.jvmadvisor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencySummary;
import io.github.jvmadvisor.core.model.LatencyWindow;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a {@link LatencyLog} as the {@code latency} section of the {@code analyze} JSON document
 * (fields documented in {@code docs/latency-and-benchmarks.md}).
 *
 * <p>Values the input could not give are {@code null}, never 0. Latency values are in the series'
 * recorded unit ({@code "unit"}, {@code null} when unknown), with {@code "millisPerUnit"} to convert
 * them when the unit is known. Output is deterministic. Stateless and thread-safe.
 */
public final class LatencyJson {

    /** Series with more intervals than this have {@code "intervals": null}; their windows remain. */
    public static final int MAX_INTERVALS = 500;

    private LatencyJson() {
    }

    /** Writes the logs as a JSON array of objects, one per log, in the order given. */
    public static void write(JsonGenerator g, List<LatencyLog> logs) throws IOException {
        g.writeStartArray();
        for (LatencyLog log : logs) {
            write(g, log);
        }
        g.writeEndArray();
    }

    /** Writes one log as a JSON object. */
    public static void write(JsonGenerator g, LatencyLog log) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", log.source());
        g.writeStringField("formatVersion", log.formatVersion());
        g.writeStringField("comment", log.comment());
        integer(g, "startTimeEpochMillis", log.startTimeEpochMillis());
        flag(g, "absoluteTimestamps", log.absoluteTimestamps());
        decimal(g, "intervalMaxRatio", log.intervalMaxRatio());
        g.writeStringField("unitBasis", log.unitBasis());
        integer(g, "totalCount", log.totalCount());
        g.writeArrayFieldStart("series");
        for (LatencySeries s : log.series()) {
            series(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void series(JsonGenerator g, LatencySeries s) throws IOException {
        g.writeStartObject();
        g.writeStringField("tag", s.tag());
        g.writeStringField("unit", s.unit().id());
        decimal(g, "millisPerUnit", s.unit().toMillis(1.0));
        integer(g, "significantDigits", s.significantDigits());
        integer(g, "intervalCount", (long) s.intervals().size());
        g.writeFieldName("overall");
        summary(g, s.overall());
        g.writeFieldName("intervals");
        if (s.intervals().size() > MAX_INTERVALS) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (LatencyInterval i : s.intervals()) {
                g.writeStartObject();
                integer(g, "line", i.line() > 0 ? i.line() : null);
                decimal(g, "startSeconds", i.startSeconds());
                integer(g, "startEpochMillis", i.startEpochMillis());
                decimal(g, "lengthSeconds", i.lengthSeconds());
                summaryFields(g, i.summary());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        decimal(g, "windowSeconds", s.windowSeconds());
        g.writeArrayFieldStart("windows");
        for (LatencyWindow w : s.windows()) {
            g.writeStartObject();
            decimal(g, "startSeconds", w.startSeconds());
            integer(g, "startEpochMillis", w.startEpochMillis());
            decimal(g, "lengthSeconds", w.lengthSeconds());
            integer(g, "intervals", (long) w.intervals());
            summaryFields(g, w.summary());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, LatencySummary s) throws IOException {
        g.writeStartObject();
        summaryFields(g, s);
        g.writeEndObject();
    }

    private static void summaryFields(JsonGenerator g, LatencySummary s) throws IOException {
        g.writeNumberField("count", s.count());
        decimal(g, "min", s.min());
        decimal(g, "mean", s.mean());
        decimal(g, "p50", s.p50());
        decimal(g, "p90", s.p90());
        decimal(g, "p99", s.p99());
        decimal(g, "p999", s.p999());
        decimal(g, "p9999", s.p9999());
        decimal(g, "max", s.max());
    }

    private static void integer(JsonGenerator g, String name, Number v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v.longValue());
        }
    }

    /** A decimal in plain notation, {@code null} when missing or not finite. */
    private static void decimal(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        if (v == null || v.isNaN() || v.isInfinite()) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber(BigDecimal.valueOf(v).setScale(1).toPlainString());
        } else {
            g.writeNumber(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        }
    }

    private static void flag(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, v);
        }
    }
}
