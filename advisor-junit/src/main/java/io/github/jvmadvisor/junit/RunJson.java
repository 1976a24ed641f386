package io.github.jvmadvisor.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.report.AdviceJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's JSON file: the run's GC figures and budget, each class's figures and tests, and core's advice report
 * under {@code "advice"} (the same document as {@code jvm-advisor advise --format json}).
 */
final class RunJson {

    /** Version of this document's shape. */
    static final int SCHEMA = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    static String render(Scope scope, GcFigures gc, List<Budget.Breach> breaches, List<ClassResult> classes,
            Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("tool", "jvm-advisor junit");
        root.put("scope", scope.name().toLowerCase(Locale.ROOT));
        ObjectNode run = root.putObject("run");
        run.set("gc", figures(gc));
        run.set("breaches", breaches(breaches));
        ArrayNode cs = root.putArray("classes");
        for (ClassResult c : classes) {
            ObjectNode n = cs.addObject();
            n.put("class", c.className());
            n.put("scope", c.scope().name().toLowerCase(Locale.ROOT));
            n.put("allocatedBytes", c.allocatedBytes());
            if (c.gc() != null) {
                n.set("gc", figures(c.gc()));
            }
            n.set("breaches", breaches(c.breaches()));
            ArrayNode ts = n.putArray("tests");
            for (TestResult t : c.tests()) {
                ObjectNode tn = ts.addObject();
                tn.put("test", t.uniqueId());
                tn.put("displayName", t.displayName());
                tn.put("allocatedBytes", t.allocatedBytes());
                tn.put("millis", t.nanos() / 1e6);
                if (t.breach() != null) {
                    tn.set("breach", breach(t.breach()));
                }
            }
        }
        if (report != null) {
            try {
                root.set("advice", MAPPER.readTree(AdviceJson.toJson(report)));
            } catch (JsonProcessingException e) {
                Failures.internal("the advice JSON", e);
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode figures(GcFigures g) {
        ObjectNode n = MAPPER.createObjectNode();
        if (g.collector() != null) {
            n.put("collector", g.collector());
        }
        if (g.durationSeconds() != null) {
            n.put("windowSeconds", g.durationSeconds());
        }
        n.put("gcCount", g.gcCount());
        n.put("pauses", g.pauses());
        n.put("totalPauseMillis", g.totalPauseMillis());
        if (g.maxPauseMillis() != null) {
            n.put("maxPauseMillis", g.maxPauseMillis());
        }
        if (g.stwFraction() != null) {
            n.put("stwFraction", g.stwFraction());
        }
        n.put("fullGcs", g.fullGcs());
        ObjectNode causes = n.putObject("fullGcsByCause");
        for (Map.Entry<String, Long> e : g.fullGcsByCause().entrySet()) {
            causes.put(e.getKey(), e.getValue());
        }
        if (g.allocationRateBytesPerSec() != null) {
            n.put("allocationRateBytesPerSec", g.allocationRateBytesPerSec());
        }
        return n;
    }

    private static ArrayNode breaches(List<Budget.Breach> bs) {
        ArrayNode a = MAPPER.createArrayNode();
        bs.forEach(b -> a.add(breach(b)));
        return a;
    }

    private static ObjectNode breach(Budget.Breach b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("limit", b.limit());
        n.put("allowed", b.allowed());
        n.put("actual", b.actual());
        n.put("message", b.message());
        return n;
    }
}
