package io.github.jvmadvisor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link BenchmarkResults} (JMH runs) as the {@code benchmarks} section of the {@code analyze}
 * JSON document (fields documented in {@code docs/latency-and-benchmarks.md}).
 *
 * <p>Values the input did not give are {@code null}, never 0; so are JMH's {@code NaN} and, since JSON
 * has no way to write them, infinities. Maps are ordered by key. Secondary metrics are written without
 * their raw data, and sample-mode histograms as their sample count only, to keep the document small.
 * Stateless and thread-safe.
 */
public final class BenchmarksJson {

    private BenchmarksJson() {
    }

    /** Writes several result files as a JSON array of objects, in the order given. */
    public static void write(JsonGenerator g, List<BenchmarkResults> results) throws IOException {
        g.writeStartArray();
        for (BenchmarkResults r : results) {
            write(g, r);
        }
        g.writeEndArray();
    }

    /** Writes one result file's runs as a JSON object. */
    public static void write(JsonGenerator g, BenchmarkResults results) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", results.source());
        g.writeNumberField("runCount", results.runs().size());
        g.writeArrayFieldStart("runs");
        for (BenchmarkRun r : results.runs()) {
            run(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void run(JsonGenerator g, BenchmarkRun r) throws IOException {
        g.writeStartObject();
        g.writeStringField("benchmark", r.benchmark());
        g.writeStringField("mode", r.mode());
        whole(g, "line", r.line() > 0 ? r.line() : null);
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> e : r.params().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        whole(g, "threads", r.threads());
        whole(g, "forks", r.forks());
        g.writeStringField("jmhVersion", r.jmhVersion());
        g.writeStringField("jdkVersion", r.jdkVersion());
        g.writeStringField("vmName", r.vmName());
        g.writeStringField("vmVersion", r.vmVersion());
        g.writeStringField("jvm", r.jvm());
        g.writeArrayFieldStart("jvmArgs");
        for (String a : r.jvmArgs()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("warmup");
        whole(g, "iterations", r.warmupIterations());
        g.writeStringField("time", r.warmupTime());
        whole(g, "batchSize", r.warmupBatchSize());
        g.writeEndObject();
        g.writeObjectFieldStart("measurement");
        whole(g, "iterations", r.measurementIterations());
        g.writeStringField("time", r.measurementTime());
        whole(g, "batchSize", r.measurementBatchSize());
        g.writeEndObject();
        truth(g, "higherIsBetter", r.isHigherBetter());
        g.writeFieldName("primary");
        metric(g, r.primary(), true);
        g.writeObjectFieldStart("gc");
        g.writeBooleanField("profiled", r.gcProfiled());
        decimal(g, "allocRateMbPerSec", r.gcAllocRateMbPerSec());
        decimal(g, "allocRateBytesPerOp", r.gcAllocRateBytesPerOp());
        whole(g, "count", r.gcCount());
        decimal(g, "timeMillis", r.gcTimeMillis());
        g.writeEndObject();
        g.writeObjectFieldStart("secondary");
        for (Map.Entry<String, BenchmarkMetric> e : r.secondary().entrySet()) {
            g.writeFieldName(e.getKey());
            metric(g, e.getValue(), false);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void metric(JsonGenerator g, BenchmarkMetric m, boolean withRawData) throws IOException {
        g.writeStartObject();
        g.writeStringField("originalName", m.originalName());
        decimal(g, "score", m.score());
        decimal(g, "scoreError", m.scoreError());
        decimal(g, "scoreConfidenceLow", m.scoreConfidenceLow());
        decimal(g, "scoreConfidenceHigh", m.scoreConfidenceHigh());
        g.writeStringField("unit", m.unit());
        truth(g, "higherIsBetter", m.higherIsBetter());
        g.writeObjectFieldStart("percentiles");
        for (Map.Entry<Double, Double> e : m.percentiles().entrySet()) {
            decimal(g, plain(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        if (withRawData) {
            g.writeArrayFieldStart("rawData");
            for (List<Double> fork : m.rawData()) {
                g.writeStartArray();
                for (Double v : fork) {
                    decimalValue(g, v);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        whole(g, "samples", m.rawDataHistogram().isEmpty() ? null : m.sampleCount());
        g.writeEndObject();
    }

    private static void whole(JsonGenerator g, String name, Number v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v.longValue());
        }
    }

    private static void truth(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, v);
        }
    }

    private static void decimal(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        decimalValue(g, v);
    }

    /** A decimal in plain notation; {@code null} when missing, NaN or infinite. */
    private static void decimalValue(JsonGenerator g, Double v) throws IOException {
        if (v == null || v.isNaN() || v.isInfinite()) {
            g.writeNull();
        } else {
            g.writeNumber(plain(v));
        }
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return BigDecimal.valueOf(v).setScale(1).toPlainString();
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
