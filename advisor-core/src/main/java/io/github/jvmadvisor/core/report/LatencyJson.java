package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.bool;
import static io.github.jvmadvisor.core.report.JsonValues.dbl;
import static io.github.jvmadvisor.core.report.JsonValues.num;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencySummary;
import io.github.jvmadvisor.core.model.LatencyWindow;
import java.io.IOException;
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
        num(g, "startTimeEpochMillis", log.startTimeEpochMillis());
        bool(g, "absoluteTimestamps", log.absoluteTimestamps());
        dbl(g, "intervalMaxRatio", log.intervalMaxRatio());
        g.writeStringField("unitBasis", log.unitBasis());
        num(g, "totalCount", log.totalCount());
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
        dbl(g, "millisPerUnit", s.unit().toMillis(1.0));
        num(g, "significantDigits", s.significantDigits());
        num(g, "intervalCount", (long) s.intervals().size());
        g.writeFieldName("overall");
        summary(g, s.overall());
        g.writeFieldName("intervals");
        if (s.intervals().size() > MAX_INTERVALS) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (LatencyInterval i : s.intervals()) {
                g.writeStartObject();
                num(g, "line", i.line() > 0 ? i.line() : null);
                dbl(g, "startSeconds", i.startSeconds());
                num(g, "startEpochMillis", i.startEpochMillis());
                dbl(g, "lengthSeconds", i.lengthSeconds());
                summaryFields(g, i.summary());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        dbl(g, "windowSeconds", s.windowSeconds());
        g.writeArrayFieldStart("windows");
        for (LatencyWindow w : s.windows()) {
            g.writeStartObject();
            dbl(g, "startSeconds", w.startSeconds());
            num(g, "startEpochMillis", w.startEpochMillis());
            dbl(g, "lengthSeconds", w.lengthSeconds());
            num(g, "intervals", (long) w.intervals());
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
        dbl(g, "min", s.min());
        dbl(g, "mean", s.mean());
        dbl(g, "p50", s.p50());
        dbl(g, "p90", s.p90());
        dbl(g, "p99", s.p99());
        dbl(g, "p999", s.p999());
        dbl(g, "p9999", s.p9999());
        dbl(g, "max", s.max());
    }
}
