package io.github.jvmadvisor.core.report;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencyWindow;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Report} as one self-contained HTML page: ranked advice, the suggested options,
 * findings, and charts (pause timeline, heap after GC with the live set, pause distribution by kind,
 * request latency against GC pauses) as inline SVG. No script, no external asset; a Content Security
 * Policy forbids loading any. Every piece of input text is escaped.
 */
public final class AdviceHtml {

    private AdviceHtml() {
    }

    /** The page. */
    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.append("<title>JVM advice for JDK ").append(r.targetJdk()).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}")
                .append("code,pre{font:12px ui-monospace,monospace;background:#f5f5f5}pre{padding:8px;white-space:pre-wrap}")
                .append(".error{color:#b00020;font-weight:bold}.warning{color:#b36b00;font-weight:bold}.info{color:#1f5fa8}.ok{color:#2a7a2a}")
                .append("svg{max-width:100%;height:auto;margin:8px 0}.t{font-size:13px;font-weight:bold}.a{font-size:11px;fill:#444}.g{stroke:#eee}")
                .append("</style></head><body>\n");
        sb.append("<h1>JVM advice for JDK ").append(r.targetJdk()).append("</h1>\n<p>Goal <b>").append(esc(r.goal().id()))
                .append("</b>; ").append(r.rulesRun()).append(" rules run; flags checked against ").append(esc(r.catalogue()))
                .append(".</p>\n");
        if (!r.evidence().inputs().isEmpty()) {
            sb.append("<p>Inputs: ");
            List<String> in = new ArrayList<>();
            r.evidence().inputs().forEach(i -> in.add("<code>" + esc(i.path()) + "</code> (" + esc(i.kind().id()) + ")"));
            sb.append(String.join(", ", in)).append("</p>\n");
            for (io.github.jvmadvisor.core.model.InputSummary i : r.evidence().inputs()) {
                if (AdviceText.unread(i) && !i.issues().isEmpty()) {
                    sb.append("<ul>");
                    i.issues().stream().limit(3).forEach(x -> sb.append("<li><code>").append(esc(i.path()))
                            .append("</code>: ").append(esc(x.message())).append("</li>"));
                    sb.append("</ul>\n");
                }
            }
        }
        sb.append("<h2 id=\"recommendations\">Recommendations</h2>\n");
        if (AdviceText.nothingRead(r)) {
            sb.append("<p>Nothing could be read from the inputs, so there is no advice: see why above.</p>\n");
        } else if (r.changes().isEmpty()) {
            sb.append(r.safetyNets().isEmpty() ? "<p>Nothing to change: no rule found a problem in the evidence given.</p>\n"
                    : "<p>No change that moves the goal; only the safety nets below.</p>\n");
        } else {
            ranked(sb, r.changes());
        }
        if (!r.safetyNets().isEmpty()) {
            sb.append("<h2 id=\"safety-nets\">Safety nets and observability</h2>\n<p>They move no figure the goal is "
                    + "judged on; they limit the damage of a failure or give the next analysis more evidence.</p>\n");
            ranked(sb, r.safetyNets());
        }
        Report.CommandLine c = r.commandLine();
        sb.append("<h2 id=\"options\">Suggested options</h2>\n<p>")
                .append(c.startsOk() ? "The JVM starts with these options." : "<span class=\"error\">The JVM would not start with these options.</span>")
                .append("</p><pre>java ").append(esc(c.text())).append("</pre>\n");
        if (!c.decisions().isEmpty()) {
            sb.append("<p>Settled so that the options agree:</p><ul>");
            for (Report.Decision d : c.decisions()) {
                sb.append("<li><code>").append(esc(d.option())).append("</code>: ").append(esc(d.reason())).append("</li>");
            }
            sb.append("</ul>\n");
        }
        if (!c.steps().isEmpty()) {
            sb.append("<p>Before the first start:</p><ol>");
            for (Report.Step step : c.steps()) {
                sb.append("<li>").append(esc(step.toString())).append("</li>");
            }
            sb.append("</ol>\n");
        }
        List<io.github.jvmadvisor.core.rule.Facts.Fact<?>> facts = r.facts(); // derived once per page
        if (!facts.isEmpty()) {
            sb.append("<h2 id=\"based-on\">Based on</h2>\n<table><tr><th>fact</th><th>value</th><th>from</th>"
                    + "<th>confidence</th></tr>\n");
            for (io.github.jvmadvisor.core.rule.Facts.Fact<?> f : facts) {
                sb.append("<tr><td>").append(esc(f.key().label())).append("</td><td>").append(esc(f.valueText()))
                        .append("</td><td>").append(esc(f.source())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f", f.confidence())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        charts(sb, r);
        sb.append("<h2 id=\"findings\">All findings</h2>\n<table><tr><th>rule</th><th>severity</th><th>score</th><th>finding</th></tr>\n");
        for (Finding f : r.findings()) {
            sb.append("<tr><td>").append(esc(f.ruleId())).append("</td><td class=\"").append(f.severity().id()).append("\">")
                    .append(f.severity().id()).append("</td><td>").append(String.format(Locale.ROOT, "%.0f", f.score()))
                    .append("</td><td>").append(esc(f.summary())).append("<br><small>").append(esc(f.explanation()))
                    .append("</small></td></tr>\n");
        }
        sb.append("</table>\n");
        if (!r.notApplicable().isEmpty()) {
            sb.append("<h2 id=\"not-judged\">Not judged</h2>\n<ul>");
            Set<String> collect = new LinkedHashSet<>();
            for (Report.NotApplicable n : r.notApplicable()) {
                sb.append("<li>").append(esc(n.ruleId())).append(" ").append(esc(n.title())).append(": ").append(esc(n.reason())).append("</li>");
                collect.addAll(n.collect());
            }
            sb.append("</ul>\n");
            if (!collect.isEmpty()) {
                sb.append("<p>To judge them, record next time:</p><ul>");
                collect.forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
                sb.append("</ul>\n");
            }
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void ranked(StringBuilder sb, List<Report.Ranked> list) {
        sb.append("<table><tr><th>#</th><th>severity</th><th>rule</th><th>what to do</th><th>why</th><th>expected effect</th></tr>\n");
        for (Report.Ranked x : list) {
            sb.append("<tr><td>").append(x.rank()).append("</td><td class=\"").append(x.severity().id()).append("\">")
                    .append(x.severity().id()).append(" ").append(String.format(Locale.ROOT, "%.0f", x.score()))
                    .append("</td><td>").append(esc(x.ruleId())).append("</td><td>").append(esc(x.summary()));
            for (String f : x.flags()) {
                sb.append("<br><code>").append(esc(f)).append("</code>");
            }
            if (x.action() != null) {
                sb.append("<br>").append(esc(x.action()));
            }
            sb.append("</td><td>").append(esc(x.finding()));
            if (!x.figures().isEmpty()) {
                sb.append("<ul>");
                for (Figure f : x.figures()) {
                    sb.append("<li>").append(esc(f.name())).append(": ").append(esc(f.text())).append("</li>");
                }
                sb.append("</ul>");
            }
            sb.append("</td><td>").append(esc(x.expectedEffect().description()));
            sb.append(String.format(Locale.ROOT, " <small>(confidence %.2f)</small>", x.confidence()));
            if (x.risk() != null) {
                sb.append("<br><small>risk: ").append(esc(x.risk())).append("</small>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void charts(StringBuilder sb, Report r) {
        GcMetrics m = r.evidence().gc().map(g -> g.metrics()).orElse(null);
        List<LatencyLog> latency = r.evidence().latency();
        if (m == null && latency.isEmpty()) {
            return;
        }
        sb.append("<h2 id=\"charts\">Charts</h2>\n");
        if (m != null && !m.windows().isEmpty()) {
            List<GcMetrics.Window> w = m.windows();
            double[] x = w.stream().mapToDouble(GcMetrics.Window::startSeconds).toArray();
            sb.append(new Svg("Pause timeline (per window of " + Math.round(m.windowSeconds() == null ? 0 : m.windowSeconds()) + " s)",
                    "seconds since start", "ms")
                    .add("longest pause", Svg.Style.POINTS, x, w.stream().mapToDouble(GcMetrics.Window::maxPauseMillis).toArray())
                    .add("pause time in window", Svg.Style.LINE, x, w.stream().mapToDouble(GcMetrics.Window::pauseMillis).toArray())
                    .render()).append('\n');
            Svg heap = new Svg("Heap after GC and live set", "seconds since start", "MB")
                    .add("heap after GC, max", Svg.Style.LINE, x, mb(w.stream().map(GcMetrics.Window::heapAfterMaxBytes).toList()))
                    .add("heap after GC, min", Svg.Style.LINE, x, mb(w.stream().map(GcMetrics.Window::heapAfterMinBytes).toList()))
                    .add("live set", Svg.Style.POINTS, x, mb(w.stream().map(GcMetrics.Window::liveSetBytes).toList()));
            GcMetrics.LiveSet ls = m.liveSet();
            if (ls != null && ls.bytes() != null && ls.trendBytesPerSec() != null && x.length > 1) {
                double x0 = x[0];
                double x1 = x[x.length - 1];
                double b = ls.bytes();
                heap.add("live-set trend", Svg.Style.LINE, new double[] {x0, x1},
                        new double[] {(b + ls.trendBytesPerSec() * (x0 - x1)) / 1048576.0, b / 1048576.0});
            }
            sb.append(heap.render()).append('\n');
        }
        if (m != null && m.pausesByKind() != null && !m.pausesByKind().isEmpty()) {
            List<String> kinds = new ArrayList<>(m.pausesByKind().keySet());
            double[] idx = new double[kinds.size()];
            double[] p50 = new double[kinds.size()];
            double[] p99 = new double[kinds.size()];
            double[] max = new double[kinds.size()];
            int i = 0;
            for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByKind().entrySet()) {
                idx[i] = i;
                p50[i] = e.getValue().p50Millis();
                p99[i] = e.getValue().p99Millis();
                max[i] = e.getValue().maxMillis();
                i++;
            }
            sb.append(new Svg("Pause distribution by kind", "", "ms").categories(kinds.toArray(String[]::new))
                    .add("p50", Svg.Style.BARS, idx, p50).add("p99", Svg.Style.BARS, idx, p99).add("max", Svg.Style.BARS, idx, max)
                    .render()).append('\n');
        }
        for (LatencyLog log : latency) {
            for (LatencySeries s : log.series()) {
                if (s.windows() == null || s.windows().isEmpty() || !s.unit().known()) {
                    continue;
                }
                List<LatencyWindow> w = s.windows();
                double[] x = w.stream().mapToDouble(LatencyWindow::startSeconds).toArray();
                Svg chart = new Svg("Request latency" + (s.tag() == null ? "" : " (" + s.tag() + ")") + " against GC pauses",
                        "seconds since the latency log's start", "ms")
                        .add("p50", Svg.Style.LINE, x, ms(s, w.stream().map(v -> v.summary().p50()).toList()))
                        .add("p99", Svg.Style.LINE, x, ms(s, w.stream().map(v -> v.summary().p99()).toList()))
                        .add("max", Svg.Style.LINE, x, ms(s, w.stream().map(v -> v.summary().max()).toList()));
                if (m != null && !m.windows().isEmpty()) {
                    chart.add("longest GC pause", Svg.Style.POINTS,
                            m.windows().stream().mapToDouble(GcMetrics.Window::startSeconds).toArray(),
                            m.windows().stream().mapToDouble(GcMetrics.Window::maxPauseMillis).toArray());
                }
                sb.append(chart.render()).append('\n');
            }
        }
    }

    private static double[] mb(List<Long> bytes) {
        return bytes.stream().mapToDouble(b -> b == null ? Double.NaN : b / 1048576.0).toArray();
    }

    private static double[] ms(LatencySeries s, List<Double> values) {
        return values.stream().mapToDouble(v -> {
            Double d = s.unit().toMillis(v);
            return d == null ? Double.NaN : d;
        }).toArray();
    }

    /** Text for HTML content and attribute values: {@code & < > " '} escaped, control characters dropped. */
    static String esc(String s) {
        String t = AnalysisText.safe(s);
        StringBuilder sb = new StringBuilder(t.length());
        for (char ch : t.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
