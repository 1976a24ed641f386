package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.bool;
import static io.github.jvmadvisor.core.report.JsonValues.dbl;
import static io.github.jvmadvisor.core.report.JsonValues.dblValue;
import static io.github.jvmadvisor.core.report.JsonValues.num;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import java.io.IOException;
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
        num(g, "line", r.line() > 0 ? r.line() : null);
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> e : r.params().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        num(g, "threads", r.threads());
        num(g, "forks", r.forks());
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
        num(g, "iterations", r.warmupIterations());
        g.writeStringField("time", r.warmupTime());
        num(g, "batchSize", r.warmupBatchSize());
        g.writeEndObject();
        g.writeObjectFieldStart("measurement");
        num(g, "iterations", r.measurementIterations());
        g.writeStringField("time", r.measurementTime());
        num(g, "batchSize", r.measurementBatchSize());
        g.writeEndObject();
        bool(g, "higherIsBetter", r.isHigherBetter());
        g.writeFieldName("primary");
        metric(g, r.primary(), true);
        g.writeObjectFieldStart("gc");
        g.writeBooleanField("profiled", r.gcProfiled());
        dbl(g, "allocRateMbPerSec", r.gcAllocRateMbPerSec());
        dbl(g, "allocRateBytesPerOp", r.gcAllocRateBytesPerOp());
        num(g, "count", r.gcCount());
        dbl(g, "timeMillis", r.gcTimeMillis());
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
        dbl(g, "score", m.score());
        dbl(g, "scoreError", m.scoreError());
        dbl(g, "scoreConfidenceLow", m.scoreConfidenceLow());
        dbl(g, "scoreConfidenceHigh", m.scoreConfidenceHigh());
        g.writeStringField("unit", m.unit());
        bool(g, "higherIsBetter", m.higherIsBetter());
        g.writeObjectFieldStart("percentiles");
        for (Map.Entry<Double, Double> e : m.percentiles().entrySet()) {
            dbl(g, JsonValues.plain(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        if (withRawData) {
            g.writeArrayFieldStart("rawData");
            for (List<Double> fork : m.rawData()) {
                g.writeStartArray();
                for (Double v : fork) {
                    dblValue(g, v);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        num(g, "samples", m.rawDataHistogram().isEmpty() ? null : m.sampleCount());
        g.writeEndObject();
    }
}
