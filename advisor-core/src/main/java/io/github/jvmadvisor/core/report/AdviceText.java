package io.github.jvmadvisor.core.report;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link Report} for a terminal: at most 80 columns, ranked recommendations first, then the
 * command line, then what could not be judged and what to record next time. Input text is stripped of
 * control characters.
 */
public final class AdviceText {

    private AdviceText() {
    }

    /** The report. */
    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        AnalysisText.line(sb, "jvm-advisor: advice for JDK " + r.targetJdk() + ", goal " + r.goal().id() + " ("
                + r.rulesRun() + " rules run)");
        if (r.runContext() != io.github.jvmadvisor.core.rule.RunContext.SERVICE) {
            AnalysisText.line(sb, "  run as " + r.runContext().label() + " (advice for the JVM's role there; see not applicable)");
        }
        for (InputSummary s : r.evidence().inputs()) {
            AnalysisText.wrapAtoms(sb, "  from ", List.of(s.path(), "(" + s.kind().id() + ")"));
            if (unread(s)) {
                // why nothing came from it, or an empty report would look like a healthy JVM
                s.issues().stream().limit(3).forEach(i -> AnalysisText.wrap(sb, "    ! ", i.message()));
                if (s.issues().size() > 3) {
                    AnalysisText.wrap(sb, "    ", "and " + (s.issues().size() - 3) + " more: jvm-advisor analyze shows them all");
                }
            }
        }
        r.evidence().jvm().filter(j -> !j.jvmArguments().isEmpty() && r.evidence().inputs().isEmpty())
                .ifPresent(j -> AnalysisText.wrapAtoms(sb, "  from the options ",
                        shellWords(io.github.jvmadvisor.core.flags.JavaOptions.shellJoin(j.jvmArguments()))));
        sb.append('\n');
        if (nothingRead(r)) {
            AnalysisText.wrap(sb, "", "Nothing could be read from the inputs, so there is no advice: see why above.");
        } else if (r.changes().isEmpty()) {
            sb.append(r.safetyNets().isEmpty() ? "Nothing to change: no rule found a problem in the evidence given.\n"
                    : "No change that moves the goal; only the safety nets below.\n");
        }
        ranked(sb, r.changes());
        if (!r.safetyNets().isEmpty()) {
            sb.append('\n');
            AnalysisText.wrap(sb, "", "Safety nets and observability (they move no figure the goal is judged on, so "
                    + "they are listed apart):");
            ranked(sb, r.safetyNets());
        }
        Report.CommandLine c = r.commandLine();
        if (!c.applied().isEmpty() || !c.options().isEmpty()) {
            sb.append('\n');
            // wrapped, never clipped, and the verdict at its end kept on one line: it must be read
            List<String> head = new ArrayList<>(List.of(("Suggested options for JDK " + r.targetJdk() + " (recommendations "
                    + (c.applied().isEmpty() ? "none" : String.join(", ", c.applied().stream().map(String::valueOf).toList()))
                    + " applied;").split(" ")));
            head.add(c.startsOk() ? "the JVM starts with them):" : "the JVM would NOT start):");
            AnalysisText.wrapAtoms(sb, "", head);
            // between options only: each stays whole, so that it can be copied
            AnalysisText.wrapAtoms(sb, "  java ", shellWords(c.text()));
            for (OptionFinding p : c.problems()) {
                AnalysisText.wrap(sb, "  ! ", AnalysisText.safe(p.option() + ": " + p.message()));
            }
            for (Report.Decision d : c.decisions()) {
                AnalysisText.wrap(sb, "  planned: ", AnalysisText.safe(d.option() + " (" + d.reason() + ")"));
            }
            int n = 1;
            for (Report.Step step : c.steps()) {
                AnalysisText.wrap(sb, "  first, step " + n++ + ": ", AnalysisText.safe(step.toString()));
            }
        }
        if (!r.changes().isEmpty()) {
            // what the advice stands on, so that a reader can tell a wrong premise from a wrong conclusion
            sb.append('\n');
            AnalysisText.wrap(sb, "", "Based on:");
            for (io.github.jvmadvisor.core.rule.Facts.Fact<?> f : r.facts()) {
                AnalysisText.wrap(sb, "  " + f.key().label() + ": ", AnalysisText.safe(f.valueText() + ", from "
                        + f.source()));
            }
        }
        if (!r.errors().isEmpty()) {
            sb.append('\n');
            for (Report.RuleError e : r.errors()) {
                AnalysisText.wrap(sb, "! rule " + e.ruleId() + " failed: ", AnalysisText.safe(e.message()));
            }
        }
        if (!r.notApplicable().isEmpty()) {
            sb.append('\n');
            List<Report.NotApplicable> missing = r.notApplicable().stream().filter(n -> !n.missing().isEmpty()).toList();
            AnalysisText.wrap(sb, "", r.notApplicable().size() + " rules could not be judged"
                    + (missing.isEmpty() ? " (they apply to other collectors)." : "; to judge them, record next time:"));
            Set<String> collect = new LinkedHashSet<>();
            missing.forEach(n -> collect.addAll(n.collect()));
            for (String s : collect) {
                AnalysisText.wrap(sb, "  - ", s);
            }
        }
        return sb.toString();
    }

    private static void ranked(StringBuilder sb, List<Report.Ranked> list) {
        for (Report.Ranked x : list) {
            String head = String.format(Locale.ROOT, "%2d. %s %s ", x.rank(), label(x.severity()), x.ruleId());
            AnalysisText.wrap(sb, head, AnalysisText.safe(x.summary()));
            String pad = " ".repeat(4);
            for (String f : x.flags()) {
                AnalysisText.line(sb, pad + "  " + AnalysisText.safe(f));
            }
            if (x.action() != null) {
                AnalysisText.wrap(sb, pad + "do: ", AnalysisText.safe(x.action()));
            }
            AnalysisText.wrap(sb, pad + "why: ", AnalysisText.safe(x.finding()) + figures(x.figures()));
            Effect e = x.expectedEffect();
            // the predicted change names what it is a change of: "-100 %" alone did not say of what
            AnalysisText.wrap(sb, pad + "effect: ", AnalysisText.safe(e.description()) + " (" + e.metric().id()
                    + (e.predictedChange() == null ? "" : ": " + AnalysisText.safe(e.check())
                            + String.format(Locale.ROOT, " %+.0f %%", e.predictedChange() * 100))
                    + ", confidence " + String.format(Locale.ROOT, "%.2f", x.confidence()) + ")");
            if (x.risk() != null) {
                AnalysisText.wrap(sb, pad + "risk: ", AnalysisText.safe(x.risk()));
            }
            if (!x.alsoFrom().isEmpty()) {
                AnalysisText.wrap(sb, pad + "also from: ", String.join(", ", x.alsoFrom()));
            }
        }
    }

    /**
     * A shell-quoted command line split into its words: a space inside single quotes (the only quoting the
     * suggested line uses, {@code 'a b'} and {@code '\''}) does not end a word.
     */
    public static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == '\\' && !quoted && i + 1 < text.length()) {
                cur.append(ch);
                ch = text.charAt(++i); // an escaped character, as in '\'' for a quote inside quotes
            } else if (ch == ' ' && !quoted) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(ch);
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Inputs were given and nothing was read from any of them, and no rule found anything (in the options). */
    static boolean nothingRead(Report r) {
        return !r.evidence().inputs().isEmpty() && r.evidence().inputs().stream().allMatch(AdviceText::unread)
                && r.changes().isEmpty() && r.safetyNets().isEmpty();
    }

    /** An input nothing was read from: of no known kind, or with no line or event read. */
    static boolean unread(InputSummary s) {
        return s.kind() == InputKind.UNKNOWN || s.lines() == 0;
    }

    static String label(Severity s) {
        return switch (s) {
            case ERROR -> "[ERROR]";
            case WARNING -> "[WARN] ";
            case INFO -> "[info] ";
            case OK -> "[ok]   ";
        };
    }

    private static String figures(List<Figure> figures) {
        if (figures.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" [");
        for (int i = 0; i < figures.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(figures.get(i).name()).append(' ').append(figures.get(i).text());
        }
        return sb.append(']').toString();
    }
}
