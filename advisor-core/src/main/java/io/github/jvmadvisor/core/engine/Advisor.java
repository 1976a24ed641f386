package io.github.jvmadvisor.core.engine;

import io.github.jvmadvisor.core.flags.CheckResult;
import io.github.jvmadvisor.core.flags.CommandLineCheck;
import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.rule.Unjudged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rules over evidence and ranks what they recommend. Build one with {@link #builder()}; it is
 * immutable and thread-safe, and {@link #advise(Evidence)} never throws for anything a rule does.
 *
 * <p>What the engine does, in order: gates each rule on its evidence and collector (not applicable,
 * with what to collect); evaluates it (a rule that throws becomes an error entry); checks every
 * recommended flag against the target JDK's catalogue (a flag the JDK lacks suppresses the
 * recommendation); scores each recommendation from its finding's score, the user's goal and the
 * confidence; drops advice for a collector another recommendation replaces; merges equal changes and
 * resolves conflicts in favour of the higher score; and applies the warning- and error-level
 * recommendations to the current options, adding unlock options, then checks the result.
 */
public final class Advisor {

    private static final Logger LOG = LoggerFactory.getLogger(Advisor.class);

    private final RuleSet rules;
    private final Integer targetJdk;
    private final Goal goal;
    private final Map<String, String> parameters;
    private final RunContext runContext;
    private final boolean measuresStartup;

    private Advisor(Builder b) {
        this(b.rules, b.targetJdk, b.goal, Map.copyOf(b.parameters), b.runContext, b.measuresStartup);
    }

    private Advisor(RuleSet rules, Integer targetJdk, Goal goal, Map<String, String> parameters, RunContext runContext,
            boolean measuresStartup) {
        this.rules = rules;
        this.targetJdk = targetJdk;
        this.goal = goal;
        this.parameters = parameters;
        this.runContext = runContext;
        this.measuresStartup = measuresStartup;
    }

    /** In what role the advised JVMs ran; {@link RunContext#SERVICE} unless set. */
    public RunContext runContext() {
        return runContext;
    }

    /**
     * This advisor for JVMs that ran in another role (a post-processor of JMH results advises on JMH forks, whatever
     * advisor it was given); this one when the role is the same.
     */
    public Advisor withRunContext(RunContext c) {
        Objects.requireNonNull(c, "runContext");
        return c == runContext ? this : new Advisor(rules, targetJdk, goal, parameters, c, measuresStartup);
    }

    /** An advisor with the rules on the class path, the balanced goal, and the run's JDK as target. */
    public static Advisor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules this advisor runs. */
    public RuleSet rules() {
        return rules;
    }

    /**
     * The JDK the advice is for: the one set on the builder, else the JDK that ran (when 17 or later),
     * else 17.
     */
    public int targetJdk(Evidence e) {
        if (targetJdk != null) {
            return targetJdk;
        }
        JvmConfig jvm = e.jvm().orElse(null);
        Integer ran = jvm == null ? null : jvm.jdkFeature();
        if (ran == null && e.gc().isPresent()) {
            ran = e.gc().get().setup().jdkVersion();
        }
        return ran != null && ran >= FlagCatalogue.OLDEST ? ran : FlagCatalogue.OLDEST;
    }

    /** Advises on one body of evidence. */
    public Report advise(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        int target = targetJdk(evidence);
        FlagCatalogue catalogue = FlagCatalogue.forJdk(target);
        Set<EvidenceKind> present = EvidenceKind.present(evidence);
        List<Finding> findings = new ArrayList<>();
        List<Report.NotApplicable> notApplicable = new ArrayList<>();
        List<Report.RuleError> errors = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        int run = 0;
        Facts facts = Facts.of(evidence);
        for (Rule rule : rules.rules()) {
            RuleContext ctx = new RuleContext(evidence, target, goal, catalogue, parameters, rule, runContext,
                    measuresStartup, facts);
            Report.NotApplicable na = gate(rule, present, ctx, facts);
            if (na != null) {
                notApplicable.add(na);
                continue;
            }
            List<Finding> found;
            try {
                Unjudged u = rule.unjudged(ctx);
                if (u != null) {
                    notApplicable.add(new Report.NotApplicable(rule.id(), rule.pack(), rule.title(), u.reason(), u.missing(),
                            u.collect()));
                    continue;
                }
                run++;
                found = List.copyOf(rule.evaluate(ctx));
                for (Finding f : found) {
                    if (!f.ruleId().equals(rule.id())) {
                        throw new IllegalStateException("finding made for " + f.ruleId());
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                LOG.warn("rule {} failed: {}", rule.id(), e.toString());
                LOG.debug("rule {} failed", rule.id(), e);
                errors.add(new Report.RuleError(rule.id(), rule.pack(), e.toString()));
                continue;
            }
            double completeness = completeness(rule, present);
            for (Finding f : found) {
                findings.add(f);
                if (f.severity() == Severity.OK) {
                    continue;
                }
                for (Recommendation r : f.recommendations()) {
                    candidates.add(new Candidate(rule, f, r, weighted(f, r, completeness), r.confidence() * completeness));
                }
            }
        }
        findings.sort(FINDING_ORDER);
        candidates = causesFirst(candidates);
        candidates.sort(Candidate.ORDER);
        List<Report.Suppressed> suppressed = new ArrayList<>();
        List<Planner.Need> needs = new ArrayList<>();
        List<Candidate> kept = resolve(candidates, catalogue, target, currentCollector(evidence), suppressed, needs);
        List<Report.Ranked> ranked = new ArrayList<>();
        JavaOptions given = JavaOptions.parse(jvmArguments(evidence));
        for (Candidate c : kept) {
            ranked.add(c.ranked(ranked.size() + 1, catalogue, given));
        }
        Report.CommandLine line = commandLine(evidence, ranked, kept, needs, facts.memoryLimit().value(), catalogue);
        ranked = followPlan(ranked, kept, line);
        return new Report(target, catalogue.describe(), goal, ranked, findings, notApplicable, errors, suppressed, line,
                run, evidence, runContext);
    }

    /*
     * The code on the path of a first advice (JvmAdvisor.atStartup) uses loops and small classes rather than
     * lambdas and streams: each lambda is a class spun on first use, about 0.15 ms in a fresh JVM.
     */

    /** Errors first, then by score (highest first), rule id and summary. */
    private static final Comparator<Finding> FINDING_ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = Integer.compare(a.severity() == Severity.ERROR ? 0 : 1, b.severity() == Severity.ERROR ? 0 : 1);
            if (c == 0) {
                c = Double.compare(b.score(), a.score());
            }
            if (c == 0) {
                c = a.ruleId().compareTo(b.ruleId());
            }
            return c != 0 ? c : a.summary().compareTo(b.summary());
        }
    };

    private static List<String> jvmArguments(Evidence e) {
        JvmConfig jvm = e.jvm().orElse(null);
        return jvm == null ? List.of() : jvm.jvmArguments();
    }

    private static Collector currentCollector(Evidence e) {
        JvmConfig jvm = e.jvm().orElse(null);
        Collector c = jvm == null ? null : jvm.collector();
        return c != null || e.gc().isEmpty() ? c : e.gc().get().setup().collector();
    }

    /** Not applicable when evidence is missing or the collector does not match; else {@code null}. */
    private static Report.NotApplicable gate(Rule rule, Set<EvidenceKind> present, RuleContext ctx, Facts facts) {
        List<EvidenceKind> missing = new ArrayList<>();
        for (EvidenceKind k : EnumSet.copyOf(rule.requires().isEmpty() ? Set.of(EvidenceKind.CONFIG) : rule.requires())) {
            if (!rule.requires().isEmpty() && !present.contains(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder ids = new StringBuilder();
            List<String> collect = new ArrayList<>();
            for (EvidenceKind k : missing) {
                ids.append(ids.length() == 0 ? "" : ", ").append(k.id());
                collect.add(k.collect());
            }
            return new Report.NotApplicable(rule.id(), rule.pack(), rule.title(), "needs " + ids, missing, collect);
        }
        if (!rule.collectors().isEmpty()) {
            Collector c = facts.collector().value(); // the engine's read, not the rule's
            if (c == null) {
                return new Report.NotApplicable(rule.id(), rule.pack(), rule.title(),
                        "applies to " + names(rule.collectors()) + "; the collector is unknown", List.of(EvidenceKind.CONFIG),
                        List.of(EvidenceKind.CONFIG.collect()));
            }
            if (!rule.collectors().contains(c)) {
                return new Report.NotApplicable(rule.id(), rule.pack(), rule.title(),
                        "applies to " + names(rule.collectors()) + "; the run used " + c.displayName(), List.of(), List.of());
            }
        }
        if (!rule.runContexts().contains(ctx.runContext())) {
            return new Report.NotApplicable(rule.id(), rule.pack(), rule.title(), "advice for a production JVM; this JVM ran "
                    + "as " + ctx.runContext().label() + ", whose logging and recording the harness chose", List.of(),
                    List.of());
        }
        if (rule.tradesSteadyStateForStartup() && !ctx.startupAdviceFits()) {
            return new Report.NotApplicable(rule.id(), rule.pack(), rule.title(), "trades steady-state speed for start-up; "
                    + "this JVM ran as " + ctx.runContext().label() + " that measures steady state (JMH SingleShotTime "
                    + "measures start-up)", List.of(), List.of());
        }
        return null;
    }

    private static String names(Set<Collector> cs) {
        List<Collector> sorted = new ArrayList<>(cs);
        java.util.Collections.sort(sorted);
        StringBuilder b = new StringBuilder();
        for (Collector c : sorted) {
            b.append(b.length() == 0 ? "" : ", ").append(c.displayName());
        }
        return b.toString();
    }

    /** 0.6 with none of the evidence a rule can use beyond what it requires, up to 1.0 with all of it. */
    private static double completeness(Rule rule, Set<EvidenceKind> present) {
        Set<EvidenceKind> uses = rule.uses();
        if (uses.isEmpty()) {
            return 1.0;
        }
        long have = 0;
        for (EvidenceKind k : uses) {
            if (present.contains(k)) {
                have++;
            }
        }
        return 0.6 + 0.4 * have / uses.size();
    }

    /**
     * The finding's score shaped by the goal and the confidence, not yet capped at 100: two findings at the top
     * of their scale keep the order the goal and the confidence give them.
     */
    private double weighted(Finding f, Recommendation r, double completeness) {
        double confidence = r.confidence() * completeness;
        return f.score() * r.effect().metric().weight(goal) * (0.5 + 0.5 * confidence);
    }

    /**
     * A change whose finding another rule's finding explains ({@link Finding#causedBy()}) ranks after the best change
     * of that rule, whatever its own score: the goal weights and confidences could otherwise put the symptom's
     * remedy first (G1-05's throughput goal above EXP-01 on a young storm that System.gc()'s heap shrink causes).
     * One level: the causes' own positions come from their scores.
     */
    private static List<Candidate> causesFirst(List<Candidate> candidates) {
        Map<String, Double> best = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.rec.movesGoal()) {
                best.merge(c.rule.id(), c.weighted, Math::max);
            }
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            double cap = Double.POSITIVE_INFINITY;
            for (String cause : c.finding.causedBy()) {
                Double b = best.get(cause);
                if (b != null && !cause.equals(c.rule.id())) {
                    cap = Math.min(cap, b * 0.999);
                }
            }
            out.add(cap < c.weighted ? new Candidate(c.rule, c.finding, c.rec, cap, c.confidence) : c);
        }
        return out;
    }

    /** Validity, collector consistency, merging and conflicts; {@code candidates} sorted best first. */
    private static List<Candidate> resolve(List<Candidate> candidates, FlagCatalogue catalogue, int target,
            Collector current, List<Report.Suppressed> suppressed, List<Planner.Need> needs) {
        List<Candidate> valid = new ArrayList<>();
        for (Candidate c : candidates) {
            String why = invalid(c.rec, catalogue, target);
            if (why == null && c.rec.effect().contradictsDirection()) {
                LOG.warn("rule {} predicts {} labelled {}: left out", c.rule.id(), c.rec.effect().predictedChange(),
                        c.rec.effect().direction().id());
                why = "its predicted change (" + c.rec.effect().predictedChange() + ") contradicts its direction ("
                        + c.rec.effect().direction().id() + "): a defect of the rule";
            }
            if (why != null) {
                suppressed.add(c.suppressed(why));
            } else {
                valid.add(c);
            }
        }
        // a recommendation that switches collector (the best-ranked one wins) makes advice for the old one moot
        Collector switchTo = null;
        for (Candidate c : valid) {
            Collector to = switchesTo(c.rec);
            if (to != null && to != current && c.finding.severity().compareTo(Severity.WARNING) >= 0) {
                switchTo = to;
                break;
            }
        }
        List<Candidate> out = new ArrayList<>();
        Map<String, Candidate> byFlag = new HashMap<>();
        Map<String, String> optionOfFlag = new HashMap<>();
        Map<String, Candidate> byConflictKey = new HashMap<>();
        for (Candidate c : valid) {
            if (switchTo != null && c.rec.collector() != null && c.rec.collector() != switchTo) {
                suppressed.add(c.suppressed("advice for " + c.rec.collector().displayName() + ", and the collector changes to "
                        + switchTo.displayName()));
                continue;
            }
            Collector to = switchesTo(c.rec);
            if (switchTo != null && to != null && to != switchTo) {
                suppressed.add(c.suppressed("another recommendation switches to " + switchTo.displayName()));
                continue;
            }
            String conflict = null;
            boolean onMaxHeap = false;
            Candidate same = null;
            int sameCount = 0;
            for (FlagChange ch : c.rec.changes()) {
                String key = collectorAware(ch);
                String prev = optionOfFlag.get(key);
                if (prev == null) {
                    continue;
                }
                if (prev.equals(describe(ch))) {
                    same = byFlag.get(key);
                    sameCount++;
                } else {
                    conflict = "conflicts with " + byFlag.get(key).rule.id() + " (" + prev + ")";
                    onMaxHeap = key.equals(Planner.sameSetting("MaxHeapSize"));
                    break;
                }
            }
            if (conflict == null && c.rec.conflictKey() != null) {
                String k = c.rec.conflictKey().substring(0, c.rec.conflictKey().indexOf('='));
                Candidate other = byConflictKey.get(k);
                if (other != null && !other.rec.conflictKey().equals(c.rec.conflictKey())) {
                    conflict = "conflicts with " + other.rule.id() + " (" + other.rec.conflictKey() + " against "
                            + c.rec.conflictKey() + ")";
                    onMaxHeap = k.equals("heap-size");
                }
            }
            if (onMaxHeap && c.finding.severity().compareTo(Severity.WARNING) >= 0) {
                for (Intent i : c.rec.intents()) {
                    if (i instanceof Intent.HeapAtLeast h) {
                        needs.add(new Planner.Need(c.rule.id(), h));
                        conflict += "; its need of at least " + io.github.jvmadvisor.core.rule.Units.bytes(h.bytes())
                                + " of heap goes into the plan";
                    }
                }
            }
            if (conflict != null) {
                suppressed.add(c.suppressed(conflict));
                continue;
            }
            if (same != null && sameCount == c.rec.changes().size() && c.rec.action() == null) {
                // every change is already recommended: merge into the better-ranked one
                if (!same.alsoFrom.contains(c.rule.id()) && !same.rule.id().equals(c.rule.id())) {
                    same.alsoFrom.add(c.rule.id());
                }
                continue;
            }
            // within one recommendation a setting outweighs a removal of the same setting (remove
            // MaxRAMFraction, set MaxRAMPercentage): later conflicts are reported against the setting
            Map<String, String> mine = new LinkedHashMap<>();
            for (FlagChange ch : c.rec.changes()) {
                String key = collectorAware(ch);
                if (!mine.containsKey(key) || ch.op() == FlagChange.Op.SET) {
                    mine.put(key, describe(ch));
                }
            }
            for (Map.Entry<String, String> m : mine.entrySet()) {
                optionOfFlag.putIfAbsent(m.getKey(), m.getValue());
                byFlag.putIfAbsent(m.getKey(), c);
            }
            if (c.rec.conflictKey() != null) {
                byConflictKey.putIfAbsent(c.rec.conflictKey().substring(0, c.rec.conflictKey().indexOf('=')), c);
            }
            out.add(c);
        }
        return out;
    }

    /** All collector selection flags are one choice, and so are the flags of {@link Planner#SAME_SETTING}; other flags are their own. */
    private static String collectorAware(FlagChange ch) {
        return selects(ch) != null ? "<collector>" : Planner.sameSetting(ch.name());
    }

    private static String describe(FlagChange ch) {
        return ch.op() == FlagChange.Op.REMOVE ? "remove " + ch.name() : ch.option();
    }

    /** The collector a recommendation selects with {@code -XX:+Use...GC}, or {@code null}. */
    static Collector switchesTo(Recommendation r) {
        for (FlagChange ch : r.changes()) {
            Collector c = selects(ch);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The collector a change selects ({@code -XX:+UseZGC}), or {@code null}. */
    static Collector selects(FlagChange ch) {
        if (ch.op() != FlagChange.Op.SET || !ch.option().startsWith("-XX:+")) {
            return null;
        }
        return Collector.selectedBy(Map.of(ch.name(), new io.github.jvmadvisor.core.model.JvmFlag(ch.name(), "true",
                io.github.jvmadvisor.core.model.FlagOrigin.COMMAND_LINE)));
    }

    /** Why a recommendation cannot be made for the target JDK, or {@code null}. */
    private static String invalid(Recommendation r, FlagCatalogue catalogue, int target) {
        if (!r.jdks().isEmpty() && !r.jdks().contains(target)) {
            StringBuilder jdks = new StringBuilder();
            for (Integer j : r.jdks()) {
                jdks.append(jdks.length() == 0 ? "" : ", ").append(j);
            }
            return "written for JDK " + jdks + ", not JDK " + target;
        }
        return invalidFlag(r.changes(), catalogue, target);
    }

    /** Why one of the changes cannot be made on the catalogue's JDK, or {@code null}. */
    private static String invalidFlag(List<FlagChange> changes, FlagCatalogue catalogue, int target) {
        for (FlagChange ch : changes) {
            if (ch.op() != FlagChange.Op.SET) {
                continue;
            }
            JavaOptions.Option o = JavaOptions.parse(List.of(ch.option())).options().get(0);
            if (o.kind() == JavaOptions.Kind.FLAG) {
                FlagInfo info = catalogue.flag(o.name()).orElse(null);
                if (info == null || !info.exists()) {
                    return o.name() + " does not exist on JDK " + target;
                }
            } else if (o.kind() == JavaOptions.Kind.X_OPTION && !catalogue.isListedXOption(ch.option())) {
                return ch.option() + " is not an option of JDK " + target;
            }
        }
        return null;
    }

    /**
     * The current options with the warning- and error-level recommendations applied and settled into one plan
     * ({@link Planner}), then checked.
     */
    private static Report.CommandLine commandLine(Evidence e, List<Report.Ranked> ranked, List<Candidate> kept,
            List<Planner.Need> needs, Long memory, FlagCatalogue catalogue) {
        List<Integer> applied = new ArrayList<>();
        List<Planner.Applied> plan = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Report.Ranked r = ranked.get(i);
            if (r.severity().compareTo(Severity.WARNING) < 0 || r.changes().isEmpty()) {
                continue;
            }
            applied.add(r.rank());
            Recommendation rec = kept.get(i).rec;
            plan.add(new Planner.Applied(r.ruleId(), r.changes(), rec.intents(), rec.action()));
        }
        Planner.Plan planned = Planner.plan(jvmArguments(e), plan, needs, memory);
        List<String> options = new ArrayList<>(planned.options());
        List<String> names = new ArrayList<>();
        for (JavaOptions.Option o : JavaOptions.parse(options).options()) {
            names.add(FlagChange.key(o));
        }
        // advice for one collector needs that collector: pin it when the options leave the choice to ergonomics
        Collector pinned = null;
        for (Report.Ranked r : ranked) {
            if (applied.contains(r.rank()) && r.collector() != null) {
                pinned = r.collector();
                break;
            }
        }
        if (pinned != null && !selectsCollector(options)) {
            FlagChange pin = FlagChange.enable(pinned == Collector.ZGC ? "UseZGC" : "Use" + pinned.displayName() + "GC");
            options.add(0, pin.option());
            names.add(0, pin.name());
        }
        // unlock options go first: the JVM wants them before the flags they unlock
        Map<String, Boolean> unlocks = new TreeMap<>();
        for (String n : names) {
            FlagInfo info = catalogue.flag(n).orElse(null);
            if (info != null && info.unlockFlag() != null) {
                unlocks.put(info.unlockFlag(), true);
            }
        }
        List<String> finalOptions = new ArrayList<>();
        for (String u : unlocks.keySet()) {
            String opt = "-XX:+" + u;
            options.remove(opt);
            finalOptions.add(opt);
        }
        finalOptions.addAll(options);
        CheckResult check = CommandLineCheck.check(JavaOptions.parse(finalOptions), catalogue);
        List<OptionFinding> problems = new ArrayList<>();
        for (OptionFinding f : check.findings()) {
            if (f.severity() != OptionFinding.Severity.INFO) {
                problems.add(f);
            }
        }
        return new Report.CommandLine(finalOptions, shellJoin(finalOptions), check.startsOk(), problems, applied,
                planned.decisions(), planned.steps());
    }

    /**
     * The ranking with each applied recommendation that wants a fixed heap showing the initial heap the plan gave
     * it (HEAP-06 wrote {@code -Xms1g} for the old maximum; beside a new {@code -Xmx1536m} the plan has
     * {@code -Xms1536m}), so that the entry and the suggested options say the same.
     */
    private static List<Report.Ranked> followPlan(List<Report.Ranked> ranked, List<Candidate> kept, Report.CommandLine line) {
        List<Report.Ranked> out = new ArrayList<>(ranked.size());
        JavaOptions planned = JavaOptions.parse(line.options());
        for (int i = 0; i < ranked.size(); i++) {
            Report.Ranked r = ranked.get(i);
            boolean fixed = false;
            for (Intent in : kept.get(i).rec.intents()) {
                fixed |= in instanceof Intent.FixedHeap;
            }
            if (!fixed || !line.applied().contains(r.rank())) {
                out.add(r);
                continue;
            }
            List<FlagChange> changes = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            String summary = r.summary();
            for (int j = 0; j < r.changes().size(); j++) {
                FlagChange ch = r.changes().get(j);
                FlagChange now = ch;
                String sameAs = Planner.sameSetting(ch.name());
                if (ch.op() == FlagChange.Op.SET && sameAs.equals("<initial-heap>")) {
                    for (JavaOptions.Option o : planned.options()) {
                        if (o.isFlag() && Planner.sameSetting(o.name()).equals(sameAs)) {
                            now = FlagChange.option(o.text());
                        }
                    }
                }
                if (!now.equals(ch)) {
                    summary = summary.replace(ch.option(), now.option());
                }
                changes.add(now);
                flags.add(now.equals(ch) ? r.flags().get(j) : now.toString());
            }
            out.add(new Report.Ranked(r.rank(), r.ruleId(), r.pack(), r.severity(), r.score(), summary, flags, changes,
                    r.action(), r.finding(), r.figures(), r.expectedEffect(), r.confidence(), r.risk(), r.jdks(),
                    r.references(), r.alsoFrom(), r.collector(), r.validOn(), r.role()));
        }
        return out;
    }

    /** Whether one of the options selects a collector ({@code -XX:+UseG1GC}). */
    private static boolean selectsCollector(List<String> options) {
        for (String o : options) {
            if (o.startsWith("-XX:+") && selects(FlagChange.option(o)) != null) {
                return true;
            }
        }
        return false;
    }

    /** Options joined for a POSIX shell: single quotes around any with characters the shell would read. */
    static String shellJoin(List<String> options) {
        return JavaOptions.shellJoin(options);
    }

    /** One recommendation on its way to the ranking. */
    private static final class Candidate {
        /**
         * Changes that move the goal before safety nets and observability; within each, errors first, then by
         * weighted score before the cap (highest first), rule id and the recommendation's place in its finding.
         */
        static final Comparator<Candidate> ORDER = new Comparator<>() {
            @Override
            public int compare(Candidate a, Candidate b) {
                // a safety net or an observability change never outranks a change that moves the goal
                int c = Integer.compare(a.rec.movesGoal() ? 0 : 1, b.rec.movesGoal() ? 0 : 1);
                if (c == 0) {
                    c = Integer.compare(a.finding.severity() == Severity.ERROR ? 0 : 1,
                            b.finding.severity() == Severity.ERROR ? 0 : 1);
                }
                if (c == 0) {
                    c = Double.compare(b.weighted, a.weighted);
                }
                if (c == 0) {
                    c = a.rule.id().compareTo(b.rule.id());
                }
                return c != 0 ? c : Integer.compare(a.finding.recommendations().indexOf(a.rec),
                        b.finding.recommendations().indexOf(b.rec));
            }
        };

        final Rule rule;
        final Finding finding;
        final Recommendation rec;
        /** The score reported, 0 to 100. */
        final double score;
        /** The score before the cap, which orders candidates. */
        final double weighted;
        final double confidence;
        final List<String> alsoFrom = new ArrayList<>();

        Candidate(Rule rule, Finding finding, Recommendation rec, double weighted, double confidence) {
            this.rule = rule;
            this.finding = finding;
            this.rec = rec;
            this.weighted = weighted;
            this.score = Math.round(Math.max(0, Math.min(100, weighted)) * 10) / 10.0;
            this.confidence = Math.round(confidence * 100) / 100.0;
        }

        /** The bundled catalogues on which every flag the recommendation sets exists. */
        static List<Integer> validOn(Recommendation rec) {
            List<Integer> out = new ArrayList<>();
            for (int f : FlagCatalogue.bundled()) {
                FlagCatalogue c = FlagCatalogue.forJdk(f);
                if (invalidFlag(rec.changes(), c, f) == null) {
                    out.add(f);
                }
            }
            return out;
        }

        /** A change as the user reads it; a removal names the options as they were written, when given. */
        static String display(FlagChange ch, JavaOptions given) {
            if (ch.op() == FlagChange.Op.REMOVE) {
                List<String> written = new ArrayList<>();
                for (JavaOptions.Option o : given.options()) {
                    if (FlagChange.key(o).equals(ch.name()) && !written.contains(o.text())) {
                        written.add(o.text());
                    }
                }
                if (!written.isEmpty()) {
                    return "remove " + String.join(" ", written);
                }
                if (!ch.option().startsWith("-")) {
                    return "remove -XX:" + ch.option();
                }
            }
            return ch.toString();
        }

        Report.Suppressed suppressed(String why) {
            List<String> flags = new ArrayList<>();
            for (FlagChange ch : rec.changes()) {
                flags.add(ch.toString());
            }
            return new Report.Suppressed(rule.id(), rec.summary(), flags, why);
        }

        Report.Ranked ranked(int rank, FlagCatalogue catalogue, JavaOptions given) {
            String risk = rec.risk();
            for (FlagChange ch : rec.changes()) {
                FlagInfo info = ch.op() == FlagChange.Op.SET ? catalogue.flag(ch.name()).orElse(null) : null;
                if (info != null && info.unlockFlag() != null) {
                    String note = ch.name() + " is " + info.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " on this JDK and needs -XX:+" + info.unlockFlag() + " before it";
                    risk = risk == null ? note : risk + "; " + note;
                }
            }
            List<String> flags = new ArrayList<>();
            for (FlagChange ch : rec.changes()) {
                flags.add(display(ch, given));
            }
            List<String> also = new ArrayList<>(alsoFrom);
            java.util.Collections.sort(also);
            return new Report.Ranked(rank, rule.id(), rule.pack(), finding.severity(), score, rec.summary(), flags,
                    rec.changes(), rec.action(), finding.summary(), finding.figures(), rec.effect(), confidence, risk,
                    rec.jdks(), rec.references(), also, rec.collector(), validOn(rec), rec.role());
        }
    }

    /** Builds an {@link Advisor}. */
    public static final class Builder {
        private RuleSet rules;
        private Integer targetJdk;
        private Goal goal = Goal.BALANCED;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private RunContext runContext = RunContext.SERVICE;
        private boolean measuresStartup;

        private Builder() {
        }

        /** The rules to run; by default those {@link RuleSet#load()} finds. */
        public Builder rules(RuleSet r) {
            rules = Objects.requireNonNull(r, "rules");
            return this;
        }

        /** The JDK feature release to advise for; by default the one that ran. */
        public Builder targetJdk(int feature) {
            if (feature < 8) {
                throw new IllegalArgumentException("target JDK " + feature + " is not a JDK feature release");
            }
            targetJdk = feature;
            return this;
        }

        public Builder goal(Goal g) {
            goal = Objects.requireNonNull(g, "goal");
            return this;
        }

        /** In what role the JVMs to advise ran; {@link RunContext#SERVICE} by default. */
        public Builder runContext(RunContext c) {
            runContext = Objects.requireNonNull(c, "runContext");
            return this;
        }

        /**
         * Whether the harness measures start-up (a JMH {@code SingleShotTime} fork); then start-up advice fits a test
         * JVM or JMH fork too. Benchmark results in the evidence say it themselves (mode {@code ss}).
         */
        public Builder measuresStartup(boolean yes) {
            measuresStartup = yes;
            return this;
        }

        /** Overrides a rule parameter: {@code parameter("HEAP-04.gcCpuShare", "0.05")}. */
        public Builder parameter(String key, String value) {
            parameters.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @throws IllegalArgumentException when a parameter names no rule or parameter, or its value does not parse
         */
        public Advisor build() {
            if (rules == null) {
                rules = RuleSet.load();
            }
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                int dot = p.getKey().indexOf('.');
                String id = dot < 0 ? "" : p.getKey().substring(0, dot);
                String name = dot < 0 ? p.getKey() : p.getKey().substring(dot + 1);
                Rule r = rules.rule(id).orElseThrow(() -> new IllegalArgumentException("parameter " + p.getKey()
                        + ": no rule '" + id + "' (parameters are named RULE-ID.name, e.g. HEAP-04.gcCpuShare)"));
                Parameter<?> param = r.parameters().stream().filter(x -> x.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("parameter " + p.getKey() + ": " + id
                                + " has " + (r.parameters().isEmpty() ? "no parameters" : "only "
                                        + String.join(", ", r.parameters().stream().map(Parameter::name).toList()))));
                param.parse(p.getValue());
            }
            return new Advisor(this);
        }
    }
}
