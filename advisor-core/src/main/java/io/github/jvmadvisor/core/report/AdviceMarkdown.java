package io.github.jvmadvisor.core.report;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link Report} as Markdown (CommonMark with GitHub tables), for pull requests and wikis.
 * Input text is escaped: it never becomes markup, links or HTML.
 */
public final class AdviceMarkdown {

    private AdviceMarkdown() {
    }

    /** The report. */
    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# JVM advice for JDK ").append(r.targetJdk()).append("\n\n");
        sb.append("Goal: **").append(r.goal().id()).append("**. ").append(r.rulesRun()).append(" rules run; flags checked against ")
                .append(esc(r.catalogue())).append(".\n\n");
        if (r.runContext() != io.github.jvmadvisor.core.rule.RunContext.SERVICE) {
            sb.append("Run as ").append(r.runContext().label()).append(".\n\n");
        }
        if (!r.evidence().inputs().isEmpty()) {
            sb.append("Inputs: ");
            sb.append(String.join(", ", r.evidence().inputs().stream()
                    .map(i -> "`" + code(i.path()) + "` (" + i.kind().id() + ")").toList()));
            sb.append("\n\n");
            for (io.github.jvmadvisor.core.model.InputSummary i : r.evidence().inputs()) {
                if (AdviceText.unread(i) && !i.issues().isEmpty()) {
                    i.issues().stream().limit(3).forEach(x -> sb.append("- `").append(code(i.path())).append("`: ")
                            .append(esc(x.message())).append('\n'));
                    sb.append('\n');
                }
            }
        }
        sb.append("## Recommendations\n\n");
        if (AdviceText.nothingRead(r)) {
            sb.append("Nothing could be read from the inputs, so there is no advice: see why above.\n\n");
        } else if (r.changes().isEmpty()) {
            sb.append(r.safetyNets().isEmpty() ? "Nothing to change: no rule found a problem in the evidence given.\n\n"
                    : "No change that moves the goal; only the safety nets below.\n\n");
        } else {
            ranked(sb, r.changes());
        }
        if (!r.safetyNets().isEmpty()) {
            sb.append("## Safety nets and observability\n\n");
            sb.append("They move no figure the goal is judged on; they limit the damage of a failure or give the next "
                    + "analysis more evidence.\n\n");
            ranked(sb, r.safetyNets());
        }
        Report.CommandLine c = r.commandLine();
        sb.append("## Suggested options\n\n");
        sb.append(c.startsOk() ? "The JVM starts with these options" : "**The JVM would not start with these options**")
                .append(" (JDK ").append(r.targetJdk()).append(").\n\n");
        sb.append("```\njava ").append(AnalysisText.safe(c.text()).replace("```", "'''")).append("\n```\n\n");
        for (OptionFinding p : c.problems()) {
            sb.append("- ").append(esc(p.option() + ": " + p.message())).append('\n');
        }
        if (!c.decisions().isEmpty()) {
            sb.append("Settled so that the options agree:\n\n");
            for (Report.Decision d : c.decisions()) {
                sb.append("- `").append(code(d.option())).append("`: ").append(esc(d.reason())).append('\n');
            }
            sb.append('\n');
        }
        if (!c.steps().isEmpty()) {
            sb.append("Before the first start:\n\n");
            int n = 1;
            for (Report.Step step : c.steps()) {
                sb.append(n++).append(". ").append(esc(step.toString())).append('\n');
            }
            sb.append('\n');
        }
        List<io.github.jvmadvisor.core.rule.Facts.Fact<?>> facts = r.facts(); // derived once per page
        if (!facts.isEmpty()) {
            sb.append("## Based on\n\n| fact | value | from | confidence |\n|---|---|---|---:|\n");
            for (io.github.jvmadvisor.core.rule.Facts.Fact<?> f : facts) {
                sb.append("| ").append(esc(f.key().label())).append(" | ").append(esc(f.valueText())).append(" | ")
                        .append(esc(f.source())).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", f.confidence())).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## All findings\n\n| rule | severity | score | finding |\n|---|---|---:|---|\n");
        for (Finding f : r.findings()) {
            sb.append("| ").append(f.ruleId()).append(" | ").append(f.severity().id()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", f.score())).append(" | ").append(cell(f.summary())).append(" |\n");
        }
        sb.append('\n');
        if (!r.notApplicable().isEmpty()) {
            sb.append("## Not judged\n\n");
            Set<String> collect = new LinkedHashSet<>();
            for (Report.NotApplicable n : r.notApplicable()) {
                sb.append("- ").append(n.ruleId()).append(" ").append(esc(n.title())).append(": ").append(esc(n.reason())).append('\n');
                collect.addAll(n.collect());
            }
            if (!collect.isEmpty()) {
                sb.append("\nTo judge them, record next time:\n\n");
                for (String s : collect) {
                    sb.append("- ").append(esc(s)).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void ranked(StringBuilder sb, List<Report.Ranked> list) {
        sb.append("| # | severity | rule | what to do | flags | expected effect | confidence |\n");
        sb.append("|---:|---|---|---|---|---|---:|\n");
        for (Report.Ranked x : list) {
            sb.append("| ").append(x.rank()).append(" | ").append(x.severity().id()).append(" | ").append(x.ruleId())
                    .append(" | ").append(cell(x.summary())).append(" | ")
                    .append(String.join("<br>", x.flags().stream().map(f -> "`" + code(f).replace("|", "\\|") + "`").toList()))
                    .append(" | ").append(cell(x.expectedEffect().description())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", x.confidence())).append(" |\n");
        }
        sb.append('\n');
        for (Report.Ranked x : list) {
            sb.append("### ").append(x.rank()).append(". ").append(esc(x.summary())).append(" (").append(x.ruleId())
                    .append(")\n\n");
            sb.append("**Why:** ").append(esc(x.finding())).append("\n\n");
            for (Figure f : x.figures()) {
                sb.append("- ").append(esc(f.name())).append(": ").append(esc(f.text())).append('\n');
            }
            if (!x.figures().isEmpty()) {
                sb.append('\n');
            }
            if (x.action() != null) {
                sb.append("**Do:** ").append(esc(x.action())).append("\n\n");
            }
            if (x.risk() != null) {
                sb.append("**Risk:** ").append(esc(x.risk())).append("\n\n");
            }
            if (!x.references().isEmpty()) {
                sb.append("References: ").append(esc(String.join("; ", x.references()))).append("\n\n");
            }
        }
    }

    /**
     * Input text made inert for Markdown (CommonMark and GitHub's tables): control characters shown as
     * {@code \u005cu001b}; backslash-escaped where Markdown would read markup and nowhere else, so that
     * {@code 3.5} and {@code 17.0.15+6} stay as they are. Escaped everywhere: {@code \ ` * _ [ ] < & | ~}
     * (emphasis, code, links and images, HTML and entities, table cells, strike-through). Escaped at the start,
     * where a block would begin: {@code # - + >} and the {@code .} or {@code )} of {@code 1.}.
     */
    public static String escape(String s) {
        String t = AnalysisText.safe(s);
        StringBuilder sb = new StringBuilder(t.length() + 8);
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        // an ordered-list marker is 1 to 9 digits, then . or ), then a space or the end
        int listMark = digits > 0 && digits < 10 && digits < t.length()
                && (t.charAt(digits) == '.' || t.charAt(digits) == ')')
                && (digits + 1 == t.length() || t.charAt(digits + 1) == ' ') ? digits : -1;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if ("\\`*_[]<&|~".indexOf(ch) >= 0 || (i == 0 && "#-+>".indexOf(ch) >= 0) || i == listMark) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** Input text for inside a code span: control characters shown, backticks (which would close it) as quotes. */
    public static String code(String s) {
        return AnalysisText.safe(s).replace('`', '\'');
    }

    private static String esc(String s) {
        return escape(s);
    }

    /** Text for a table cell. */
    private static String cell(String s) {
        return escape(s);
    }
}
