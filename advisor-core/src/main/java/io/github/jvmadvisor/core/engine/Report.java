package io.github.jvmadvisor.core.engine;

import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Role;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.rule.Severity;
import java.util.List;

/**
 * What the advisor concluded from one body of evidence: ranked recommendations, every finding, the
 * rules that could not run and why, and the full command line for the target JDK. Immutable; the same
 * evidence and settings give an equal report.
 *
 * @param targetJdk the JDK feature release the advice is for
 * @param catalogue the flag catalogue the flags were checked against ({@code "JDK 25 (25.0.3+9-LTS)"})
 * @param goal the goal that shaped the ranking
 * @param recommendations ranked, best first, merged and conflict-free: first every change that moves the goal
 *     ({@link #changes()}), then the safety nets and observability changes ({@link #safetyNets()})
 * @param findings every finding, highest score first (including those that recommend nothing)
 * @param notApplicable rules that did not run, with what was missing
 * @param errors rules that failed
 * @param suppressed recommendations left out, with why (a conflict, a flag the target JDK lacks, a
 *     collector that is being replaced)
 * @param commandLine the options with every warning- and error-level recommendation applied
 * @param rulesRun how many rules were evaluated
 * @param evidence what the advice was made from
 * @param runContext in what role the JVM ran (a service, a test JVM, a JMH fork, a start-up check)
 */
public record Report(int targetJdk, String catalogue, Goal goal, List<Ranked> recommendations, List<Finding> findings,
        List<NotApplicable> notApplicable, List<RuleError> errors, List<Suppressed> suppressed, CommandLine commandLine,
        int rulesRun, Evidence evidence, RunContext runContext) {

    /**
     * Version of the report's JSON form: 2 since safety nets and observability changes left {@code recommendations}
     * for {@code safetyNets}, and the command line gained {@code decisions} and {@code steps}.
     */
    public static final int SCHEMA = 2;

    /** A report on a service ({@link RunContext#SERVICE}). */
    public Report(int targetJdk, String catalogue, Goal goal, List<Ranked> recommendations, List<Finding> findings,
            List<NotApplicable> notApplicable, List<RuleError> errors, List<Suppressed> suppressed, CommandLine commandLine,
            int rulesRun, Evidence evidence) {
        this(targetJdk, catalogue, goal, recommendations, findings, notApplicable, errors, suppressed, commandLine, rulesRun,
                evidence, RunContext.SERVICE);
    }

    public Report {
        runContext = runContext == null ? RunContext.SERVICE : runContext;
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        notApplicable = List.copyOf(notApplicable);
        errors = List.copyOf(errors);
        suppressed = List.copyOf(suppressed);
    }

    /** The recommendations that move the goal ({@link Role#CHANGE}), best first. */
    public List<Ranked> changes() {
        return recommendations.stream().filter(r -> r.role() == Role.CHANGE).toList();
    }

    /** The safety nets and observability changes, listed apart: they move no figure the goal is judged on. */
    public List<Ranked> safetyNets() {
        return recommendations.stream().filter(r -> r.role() != Role.CHANGE).toList();
    }

    /**
     * The facts the advice stands on ({@link Facts}): the maximum heap, the live set, the GC cost and the rest, each
     * with its source and confidence; the known ones, in {@link Facts.Key} order. Empty without evidence.
     */
    public List<Facts.Fact<?>> facts() {
        return evidence == null ? List.of() : Facts.of(evidence).known();
    }

    /** The recommendations at or above a severity. */
    public List<Ranked> recommendations(Severity atLeast) {
        return recommendations.stream().filter(r -> r.severity().compareTo(atLeast) >= 0).toList();
    }

    /**
     * One recommendation in the ranking.
     *
     * @param rank 1 for the first
     * @param ruleId the rule that made it
     * @param pack the rule's pack
     * @param severity its finding's severity
     * @param score 0 to 100: the finding's score shaped by the goal and the confidence
     * @param summary what to do
     * @param flags the options as they go on a command line ({@code "-XX:+UseParallelGC"}); removals as
     *     {@code "remove -XX:+DisableExplicitGC"}
     * @param changes the same as structured changes
     * @param action a code-level or environment action, or {@code null}
     * @param finding the finding's summary: why
     * @param figures the numbers behind it
     * @param expectedEffect what it should change
     * @param confidence 0 to 1: the rule's confidence times how complete the evidence was
     * @param risk what may go wrong, or {@code null}
     * @param jdks the JDK feature releases it is written for; empty for all
     * @param references sources
     * @param alsoFrom other rules that recommended the same change
     * @param collector the collector the advice is for, or {@code null} for any; applying it pins that
     *     collector on a command line that does not select one
     * @param validOn the JDK releases with a bundled flag catalogue (17, 21, 25) on which every flag the
     *     recommendation sets exists, checked, not declared
     * @param role a change that moves the goal, or a safety net or observability change (listed apart)
     */
    public record Ranked(int rank, String ruleId, String pack, Severity severity, double score, String summary,
            List<String> flags, List<FlagChange> changes, String action, String finding, List<Figure> figures,
            Effect expectedEffect, double confidence, String risk, List<Integer> jdks, List<String> references,
            List<String> alsoFrom, Collector collector, List<Integer> validOn, Role role) {
        public Ranked {
            flags = List.copyOf(flags);
            changes = List.copyOf(changes);
            figures = List.copyOf(figures);
            jdks = List.copyOf(jdks);
            references = List.copyOf(references);
            alsoFrom = List.copyOf(alsoFrom);
            validOn = List.copyOf(validOn);
        }
    }

    /**
     * A rule that did not run.
     *
     * @param ruleId the rule
     * @param pack its pack
     * @param title its title
     * @param reason why, in one sentence
     * @param missing the evidence that was missing (empty when the rule does not apply to the collector)
     * @param collect what to record next time
     */
    public record NotApplicable(String ruleId, String pack, String title, String reason, List<EvidenceKind> missing,
            List<String> collect) {
        public NotApplicable {
            missing = List.copyOf(missing);
            collect = List.copyOf(collect);
        }
    }

    /** A rule that threw; its message, not a stack trace. */
    public record RuleError(String ruleId, String pack, String message) {
    }

    /** A recommendation left out of the ranking, and why. */
    public record Suppressed(String ruleId, String summary, List<String> flags, String reason) {
        public Suppressed {
            flags = List.copyOf(flags);
        }
    }

    /**
     * The full suggested options.
     *
     * @param options one option per element, unlock options first
     * @param text the options joined with spaces, quoted where a shell needs it
     * @param startsOk whether the target JDK's catalogue says a JVM starts with these options
     * @param problems what the check found (errors and warnings)
     * @param applied the ranks of the recommendations applied
     * @param decisions what the planner settled so that the options agree with each other and with what the
     *     user set (the initial heap following a new maximum, a cap raised above a threshold), and why
     * @param steps what to do before the first start with these options (a training run that creates an
     *     archive), and the options to add once it is done; empty when the options stand on their own
     */
    public record CommandLine(List<String> options, String text, boolean startsOk, List<OptionFinding> problems,
            List<Integer> applied, List<Decision> decisions, List<Step> steps) {
        public CommandLine {
            options = List.copyOf(options);
            problems = List.copyOf(problems);
            applied = List.copyOf(applied);
            decisions = List.copyOf(decisions);
            steps = List.copyOf(steps);
        }
    }

    /**
     * One thing the planner settled on the suggested command line.
     *
     * @param option the option as planned ({@code "-Xms1536m"}), or what was left off ({@code "without -XX:..."})
     * @param reason why, naming the recommendations involved
     */
    public record Decision(String option, String reason) {
    }

    /**
     * Something to do before the suggested options can be used in full.
     *
     * @param action what to do ({@code "Training run: java -XX:ArchiveClassesAtExit=app.jsa <app>, ..."})
     * @param thenAdd the options to add to the suggested ones once it is done ({@code -XX:SharedArchiveFile=app.jsa})
     */
    public record Step(String action, List<String> thenAdd) {
        public Step {
            thenAdd = List.copyOf(thenAdd);
        }

        /** The step as one sentence. */
        @Override
        public String toString() {
            return action + (thenAdd.isEmpty() ? "" : "; then add " + String.join(" ", thenAdd));
        }
    }
}
