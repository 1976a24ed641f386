package io.github.jvmadvisor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Recommendation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code advise} document: the ranked recommendations, the suggested command line, every finding,
 * the rules that did not run, then every section of the {@code analyze} document. Schema in
 * {@code docs/advise-json.md}; the same report gives the same bytes.
 */
public final class AdviceJson {

    /** Version of the document's schema; raised only for incompatible changes. */
    public static final int SCHEMA_VERSION = Report.SCHEMA;

    private AdviceJson() {
    }

    /** The document as a string (pretty-printed, two-space indent, trailing newline). */
    public static String toJson(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The facts the advice stands on: id, label, value in its unit, source, confidence. */
    private static void facts(JsonGenerator g, Report r) throws java.io.IOException {
        g.writeArrayFieldStart("facts");
        for (io.github.jvmadvisor.core.rule.Facts.Fact<?> f : r.facts()) {
            g.writeStartObject();
            g.writeStringField("id", f.key().id());
            g.writeStringField("label", f.key().label());
            Object v = f.value();
            if (v instanceof io.github.jvmadvisor.core.rule.Facts.GcCost c) {
                g.writeNumberField("value", c.share());
                g.writeStringField("unit", "share");
                g.writeStringField("figure", c.name());
                if (c.cpuShare() != null) {
                    g.writeNumberField("gcCpuShare", c.cpuShare());
                }
                if (c.pauseShare() != null) {
                    g.writeNumberField("pauseShare", c.pauseShare());
                }
            } else if (v instanceof io.github.jvmadvisor.core.model.Collector c) {
                g.writeStringField("value", c.displayName());
            } else if (v instanceof Long l) {
                g.writeNumberField("value", l);
                g.writeStringField("unit", "bytes");
            } else if (v instanceof Integer i) {
                g.writeNumberField("value", i);
                g.writeStringField("unit", "cpus");
            } else if (v instanceof Double d) {
                g.writeNumberField("value", d);
                g.writeStringField("unit", "bytes/s");
            } else {
                g.writeStringField("value", String.valueOf(v));
            }
            g.writeStringField("source", f.source());
            g.writeNumberField("confidence", f.confidence());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes the document to {@code out} (UTF-8); does not close it. */
    public static void write(Report r, OutputStream out) {
        try (JsonGenerator g = AnalysisJson.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("document", "advise");
            g.writeNumberField("targetJdk", r.targetJdk());
            g.writeStringField("catalogue", r.catalogue());
            g.writeStringField("goal", r.goal().id());
            if (r.runContext() != io.github.jvmadvisor.core.rule.RunContext.SERVICE) {
                g.writeStringField("runContext", r.runContext().id()); // absent for a service: older documents stay equal
            }
            g.writeNumberField("rulesRun", r.rulesRun());
            g.writeArrayFieldStart("recommendations");
            for (Report.Ranked x : r.changes()) {
                ranked(g, x);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("safetyNets");
            for (Report.Ranked x : r.safetyNets()) {
                ranked(g, x);
            }
            g.writeEndArray();
            commandLine(g, r.commandLine());
            facts(g, r);
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notApplicable");
            for (Report.NotApplicable n : r.notApplicable()) {
                g.writeStartObject();
                g.writeStringField("ruleId", n.ruleId());
                g.writeStringField("pack", n.pack());
                g.writeStringField("title", n.title());
                g.writeStringField("reason", n.reason());
                strings(g, "missing", n.missing().stream().map(EvidenceKind::id).toList());
                strings(g, "collect", n.collect());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("suppressed");
            for (Report.Suppressed s : r.suppressed()) {
                g.writeStartObject();
                g.writeStringField("ruleId", s.ruleId());
                g.writeStringField("summary", s.summary());
                strings(g, "flags", s.flags());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (Report.RuleError e : r.errors()) {
                g.writeStartObject();
                g.writeStringField("ruleId", e.ruleId());
                g.writeStringField("pack", e.pack());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            AnalysisJson.sections(g, r.evidence());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ranked(JsonGenerator g, Report.Ranked x) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rank", x.rank());
        g.writeStringField("ruleId", x.ruleId());
        g.writeStringField("pack", x.pack());
        g.writeStringField("role", x.role().id());
        g.writeStringField("severity", x.severity().id());
        JsonValues.dbl(g, "score", x.score());
        g.writeStringField("summary", x.summary());
        strings(g, "flags", x.flags());
        g.writeStringField("action", x.action());
        g.writeStringField("finding", x.finding());
        figures(g, x.figures());
        effect(g, x.expectedEffect());
        JsonValues.dbl(g, "confidence", x.confidence());
        g.writeStringField("risk", x.risk());
        g.writeArrayFieldStart("jdks");
        for (int j : x.jdks()) {
            g.writeNumber(j);
        }
        g.writeEndArray();
        strings(g, "references", x.references());
        strings(g, "alsoFrom", x.alsoFrom());
        g.writeStringField("collector", x.collector() == null ? null : x.collector().displayName());
        g.writeArrayFieldStart("validOn");
        for (int j : x.validOn()) {
            g.writeNumber(j);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void commandLine(JsonGenerator g, Report.CommandLine c) throws IOException {
        g.writeObjectFieldStart("commandLine");
        strings(g, "options", c.options());
        g.writeStringField("text", c.text());
        g.writeBooleanField("startsOk", c.startsOk());
        g.writeArrayFieldStart("applied");
        for (int a : c.applied()) {
            g.writeNumber(a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("decisions");
        for (Report.Decision d : c.decisions()) {
            g.writeStartObject();
            g.writeStringField("option", d.option());
            g.writeStringField("reason", d.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("steps");
        for (Report.Step st : c.steps()) {
            g.writeStartObject();
            g.writeStringField("action", st.action());
            strings(g, "thenAdd", st.thenAdd());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (OptionFinding f : c.problems()) {
            g.writeStartObject();
            g.writeStringField("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("code", f.code());
            g.writeStringField("option", f.option());
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("pack", f.pack());
        g.writeStringField("severity", f.severity().id());
        JsonValues.dbl(g, "score", Math.round(f.score() * 10) / 10.0);
        g.writeStringField("summary", f.summary());
        g.writeStringField("explanation", f.explanation());
        figures(g, f.figures());
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : f.recommendations()) {
            g.writeString(r.summary());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void figures(JsonGenerator g, List<Figure> figures) throws IOException {
        g.writeArrayFieldStart("figures");
        for (Figure f : figures) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            JsonValues.dbl(g, "value", f.value());
            g.writeStringField("unit", f.unit());
            g.writeStringField("text", f.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void effect(JsonGenerator g, Effect e) throws IOException {
        g.writeObjectFieldStart("expectedEffect");
        g.writeStringField("metric", e.metric().id());
        g.writeStringField("check", e.check());
        g.writeStringField("direction", e.direction().id());
        JsonValues.dbl(g, "predictedChange", e.predictedChange());
        g.writeStringField("description", e.description());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
