package io.github.jvmadvisor.jmh.compare;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AnalysisText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders a {@link ComparisonReport} as text, Markdown or JSON. Stateless. Text from the files (benchmark names,
 * units, parameters, paths) is inert in every format: control characters are shown, not sent, and Markdown
 * metacharacters are escaped.
 */
public final class ComparisonRender {

    private static final JsonFactory JSON = new JsonFactory();

    private ComparisonRender() {
    }

    /** Plain text: a summary line, then one block per benchmark. */
    public static String text(ComparisonReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Baseline: ").append(safe(r.baseline())).append('\n');
        sb.append(String.format(Locale.ROOT, "Gate: significant at alpha %s and worse by more than %s%n", num(r.alpha()),
                pct(r.threshold())));
        sb.append(summary(r)).append("\n\n");
        for (BenchmarkComparison c : r.comparisons()) {
            sb.append(c.verdict().id().toUpperCase(Locale.ROOT)).append("  ").append(safe(c.id())).append('\n');
            sb.append("    ").append(safe(c.candidate())).append(" against the baseline");
            if (c.baselineScore() != null || c.candidateScore() != null) {
                sb.append(": ").append(num(c.baselineScore())).append(" -> ").append(num(c.candidateScore())).append(' ')
                        .append(c.unit() == null ? "" : safe(c.unit()));
                if (c.relativeChange() != null) {
                    sb.append(" (").append(signedPct(c.relativeChange())).append(", ")
                            .append(c.improvement() == null ? "" : c.improvement() >= 0 ? "better" : "worse")
                            .append(Boolean.TRUE.equals(c.higherIsBetter()) ? ", higher is better" : ", lower is better")
                            .append(')');
                }
            }
            sb.append('\n');
            if (c.pValue() != null) {
                sb.append("    ").append(safe(c.test())).append(" p=").append(p(c.pValue()));
                if (c.ciLow() != null) {
                    sb.append(", difference ").append(num(c.ciHigh() / 2 + c.ciLow() / 2)).append(" [")
                            .append(num(c.ciLow())).append(", ").append(num(c.ciHigh())).append("] at ")
                            .append(pct(1 - r.alpha()));
                }
                if (c.cohensD() != null) {
                    sb.append(", d=").append(num(c.cohensD()));
                }
                if (c.hodgesLehmann() != null) {
                    sb.append(", HL shift ").append(num(c.hodgesLehmann()));
                }
                if (c.superiority() != null) {
                    sb.append(", P(candidate > baseline)=").append(num(c.superiority()));
                }
                sb.append(", n=").append(c.baselineN()).append('/').append(c.candidateN()).append('\n');
            }
            if (c.note() != null) {
                sb.append("    note: ").append(safe(c.note())).append('\n');
            }
        }
        appendIssues(sb, r.issues(), "", AnalysisText::safe);
        return sb.toString();
    }

    /** GitHub-flavoured Markdown: a table, for a pull-request comment. */
    public static String markdown(ComparisonReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("## JMH comparison\n\n");
        sb.append("Baseline `").append(AdviceMarkdown.code(r.baseline())).append("`; gate: significant at alpha ").append(num(r.alpha()))
                .append(" and worse by more than ").append(pct(r.threshold())).append(".\n\n");
        sb.append(summary(r)).append("\n\n");
        sb.append("| verdict | benchmark | candidate | baseline | candidate score | change | p | CI of difference | effect |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---|---|\n");
        for (BenchmarkComparison c : r.comparisons()) {
            sb.append("| ").append(c.verdict() == Verdict.REGRESSION ? "**regression**" : c.verdict().id()).append(" | `")
                    .append(AdviceMarkdown.code(c.id()).replace("|", "\\|")).append("` | ")
                    .append(AdviceMarkdown.escape(c.candidate())).append(" | ").append(num(c.baselineScore())).append(' ')
                    .append(c.unit() == null ? "" : AdviceMarkdown.escape(c.unit()))
                    .append(" | ").append(num(c.candidateScore())).append(" | ")
                    .append(c.relativeChange() == null ? "" : signedPct(c.relativeChange())).append(" | ")
                    .append(c.pValue() == null ? "" : p(c.pValue())).append(" | ")
                    .append(c.ciLow() == null ? "" : "[" + num(c.ciLow()) + ", " + num(c.ciHigh()) + "]").append(" | ")
                    .append(c.cohensD() == null ? "" : "d=" + num(c.cohensD()))
                    .append(c.superiority() == null ? "" : " P(sup)=" + num(c.superiority()))
                    .append(c.note() == null ? "" : " " + AdviceMarkdown.escape(c.note())).append(" |\n");
        }
        appendIssues(sb, r.issues(), "- ", AdviceMarkdown::escape);
        return sb.toString();
    }

    /** JSON: {@code {"schema":1,"baseline":..., "comparisons":[...], "issues":[...]}}. */
    public static String json(ComparisonReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schema", ComparisonReport.SCHEMA);
            g.writeStringField("baseline", r.baseline());
            g.writeArrayFieldStart("candidates");
            for (String c : r.candidates()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeNumberField("threshold", r.threshold());
            g.writeNumberField("alpha", r.alpha());
            g.writeBooleanField("regressed", r.regressed());
            g.writeObjectFieldStart("counts");
            for (Verdict v : Verdict.values()) {
                g.writeNumberField(v.id(), r.with(v).size());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("comparisons");
            for (BenchmarkComparison c : r.comparisons()) {
                g.writeStartObject();
                g.writeStringField("benchmark", c.benchmark());
                g.writeStringField("mode", c.mode());
                g.writeObjectFieldStart("params");
                for (Map.Entry<String, String> e : c.params().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeStringField("candidate", c.candidate());
                g.writeStringField("verdict", c.verdict().id());
                g.writeStringField("unit", c.unit());
                if (c.higherIsBetter() == null) {
                    g.writeNullField("higherIsBetter");
                } else {
                    g.writeBooleanField("higherIsBetter", c.higherIsBetter());
                }
                g.writeStringField("test", c.test());
                number(g, "baselineScore", c.baselineScore());
                number(g, "candidateScore", c.candidateScore());
                number(g, "relativeChange", c.relativeChange());
                number(g, "improvement", c.improvement());
                number(g, "pValue", c.pValue());
                number(g, "ciLow", c.ciLow());
                number(g, "ciHigh", c.ciHigh());
                number(g, "cohensD", c.cohensD());
                number(g, "hodgesLehmann", c.hodgesLehmann());
                number(g, "superiority", c.superiority());
                g.writeNumberField("baselineN", c.baselineN());
                g.writeNumberField("candidateN", c.candidateN());
                g.writeStringField("note", c.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("issues");
            for (InputIssue i : r.issues()) {
                g.writeStartObject();
                g.writeStringField("source", i.source());
                g.writeNumberField("line", i.line());
                g.writeStringField("code", i.code());
                g.writeStringField("message", i.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8) + "\n";
    }

    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static String summary(ComparisonReport r) {
        StringBuilder sb = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            int n = r.with(v).size();
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(v.id());
            }
        }
        return (r.regressed() ? "REGRESSED: " : "No regression: ") + (sb.length() == 0 ? "nothing compared" : sb);
    }

    private static void appendIssues(StringBuilder sb, List<InputIssue> issues, String bullet,
            UnaryOperator<String> inert) {
        if (issues.isEmpty()) {
            return;
        }
        sb.append("\nInput issues:\n");
        for (InputIssue i : issues) {
            sb.append(bullet.isEmpty() ? "  " : bullet).append(inert.apply(i.source()))
                    .append(i.line() > 0 ? ":" + i.line() : "").append(": ").append(inert.apply(i.message())).append('\n');
        }
    }

    private static String safe(String s) {
        return AnalysisText.safe(s);
    }

    static String num(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
    }

    private static String p(double p) {
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f %%", f * 100);
    }

    private static String signedPct(double f) {
        return String.format(Locale.ROOT, "%+.1f %%", f * 100);
    }
}
