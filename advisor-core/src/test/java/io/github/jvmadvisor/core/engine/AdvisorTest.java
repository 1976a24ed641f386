package io.github.jvmadvisor.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.rule.Unjudged;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on the bundled real G1 log (examples/g1-small-heap) with a command line, and rules
 * registered in code: gating, errors, ranking by goal, merging, conflicts, validity per JDK, collector
 * switches, unlock options, parameters, determinism.
 */
class AdvisorTest {

    static Evidence g1Log;

    @BeforeAll
    static void read() {
        Path log = Path.of("..", "examples", "g1-small-heap", "gc.log.gz");
        g1Log = Analyzer.analyze(List.of(log), GcEventListener.none(),
                CommandLineConfig.of("-XX:+UseG1GC -Xmx64m", null, null, 17));
        assertTrue(g1Log.gc().isPresent(), "the bundled log reads");
    }

    static final Parameter<Double> LIMIT = Parameter.number("limit", 0.5, "a threshold", true);

    /** A rule that always finds one thing with a fixed score and recommends fixed changes. */
    static class Fixed implements Rule {
        final String id;
        final double score;
        final Metric metric;
        final String conflictKey;
        final Collector forCollector;
        final Set<Collector> collectors;
        final List<FlagChange> changes;

        Fixed(String id, double score, Metric metric, String conflictKey, Collector forCollector,
                Set<Collector> collectors, FlagChange... changes) {
            this.id = id;
            this.score = score;
            this.metric = metric;
            this.conflictKey = conflictKey;
            this.forCollector = forCollector;
            this.collectors = collectors;
            this.changes = List.of(changes);
        }

        Fixed(String id, double score, Metric metric, FlagChange... changes) {
            this(id, score, metric, null, null, Set.of(), changes);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String pack() {
            return "heap";
        }

        @Override
        public String title() {
            return "test rule " + id;
        }

        @Override
        public Set<EvidenceKind> requires() {
            return Set.of(EvidenceKind.GC);
        }

        @Override
        public Set<Collector> collectors() {
            return collectors;
        }

        @Override
        public List<Parameter<?>> parameters() {
            return List.of(LIMIT);
        }

        @Override
        public List<Finding> evaluate(RuleContext ctx) {
            Recommendation.Builder r = Recommendation.flags(id + " advice", changes.toArray(FlagChange[]::new))
                    .effect(metric, "x", Effect.Direction.DECREASE, -0.5, id + " effect").confidence(1.0)
                    .forCollector(forCollector);
            if (conflictKey != null) {
                r.conflictKey(conflictKey);
            }
            return List.of(Finding.of(this, score * ctx.param(LIMIT) / 0.5).summary(id + " found").recommend(r.build())
                    .build());
        }
    }

    static Advisor advisor(Goal goal, Rule... rules) {
        return Advisor.builder().rules(RuleSet.of(rules)).goal(goal).targetJdk(17).build();
    }

    @Test
    void aRuleWithoutItsEvidenceIsNotApplicableAndSaysWhatToCollect() {
        Rule needsJfr = new Fixed("ALLOC-90", 90, Metric.THROUGHPUT, FlagChange.set("MaxHeapSize", "1g")) {
            @Override
            public Set<EvidenceKind> requires() {
                return Set.of(EvidenceKind.ALLOCATION, EvidenceKind.GC);
            }
        };
        Report r = advisor(Goal.BALANCED, needsJfr).advise(g1Log);
        assertEquals(0, r.rulesRun());
        Report.NotApplicable na = r.notApplicable().get(0);
        assertEquals(List.of(EvidenceKind.ALLOCATION), na.missing());
        assertTrue(na.collect().get(0).contains("jdk.ObjectAllocationSample"), na::toString);
    }

    @Test
    void aRuleForAnotherCollectorIsNotApplicable() {
        Rule zgcOnly = new Fixed("ZGC-90", 90, Metric.LATENCY, null, Collector.ZGC, Set.of(Collector.ZGC),
                FlagChange.set("ConcGCThreads", 2));
        Report r = advisor(Goal.BALANCED, zgcOnly).advise(g1Log);
        assertEquals("applies to ZGC; the run used G1", r.notApplicable().get(0).reason());
        assertTrue(r.notApplicable().get(0).missing().isEmpty());
    }

    @Test
    void aRuleThatThrowsIsAnErrorAndTheOthersStillRun() {
        Rule broken = new Fixed("HEAP-91", 90, Metric.LATENCY) {
            @Override
            public List<Finding> evaluate(RuleContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        Rule fine = new Fixed("HEAP-92", 80, Metric.LATENCY, FlagChange.set("MaxGCPauseMillis", 100));
        Report r = advisor(Goal.BALANCED, broken, fine).advise(g1Log);
        assertEquals(List.of("HEAP-91"), r.errors().stream().map(Report.RuleError::ruleId).toList());
        assertTrue(r.errors().get(0).message().contains("boom"));
        assertEquals(List.of("HEAP-92"), r.recommendations().stream().map(Report.Ranked::ruleId).toList());
    }

    @Test
    void theGoalReordersRecommendations() {
        Rule latency = new Fixed("HEAP-93", 80, Metric.LATENCY, FlagChange.set("MaxGCPauseMillis", 100));
        Rule footprint = new Fixed("HEAP-94", 85, Metric.FOOTPRINT, FlagChange.set("MaxHeapFreeRatio", 30));
        assertEquals(List.of("HEAP-94", "HEAP-93"), ids(advisor(Goal.BALANCED, latency, footprint).advise(g1Log)));
        assertEquals(List.of("HEAP-93", "HEAP-94"), ids(advisor(Goal.LATENCY, latency, footprint).advise(g1Log)));
        assertEquals(List.of("HEAP-94", "HEAP-93"), ids(advisor(Goal.FOOTPRINT, latency, footprint).advise(g1Log)));
    }

    @Test
    void findingsAtTheTopOfTheScaleKeepTheOrderTheGoalGivesThem() {
        // 95 x 1.4 = 133 and 100 x 1.4 = 140 before the cap: both report 100, and the rule id (AOT before
        // GCSEL) used to decide between them
        Rule lower = new Fixed("AOT-93", 95, Metric.LATENCY, FlagChange.set("MaxGCPauseMillis", 50));
        Rule higher = new Fixed("GCSEL-92", 100, Metric.LATENCY, FlagChange.enable("UseZGC"));
        Report r = advisor(Goal.LATENCY, lower, higher).advise(g1Log);
        assertEquals(List.of("GCSEL-92", "AOT-93"), ids(r));
        assertEquals(List.of(100.0, 100.0), r.recommendations().stream().map(Report.Ranked::score).toList());
    }

    @Test
    void equalChangesMergeAndConflictingOnesGoToTheHigherScore() {
        Rule a = new Fixed("HEAP-95", 90, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 24));
        Rule same = new Fixed("HEAP-96", 80, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 24));
        Rule other = new Fixed("HEAP-97", 85, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 4));
        Report r = advisor(Goal.BALANCED, a, same, other).advise(g1Log);
        assertEquals(List.of("HEAP-95"), ids(r));
        assertEquals(List.of("HEAP-96"), r.recommendations().get(0).alsoFrom());
        assertEquals("HEAP-97", r.suppressed().get(0).ruleId());
        assertTrue(r.suppressed().get(0).reason().startsWith("conflicts with HEAP-95"), r.suppressed()::toString);
    }

    @Test
    void conflictKeysExcludeOpposedIntents() {
        Rule fixed = new Fixed("HEAP-06", 90, Metric.LATENCY, "heap-elasticity=fixed", null, Set.of(),
                FlagChange.option("-Xms64m"));
        Rule elastic = new Fixed("HEAP-07", 80, Metric.FOOTPRINT, "heap-elasticity=elastic", null, Set.of(),
                FlagChange.set("G1PeriodicGCInterval", 60000));
        Report r = advisor(Goal.BALANCED, fixed, elastic).advise(g1Log);
        assertEquals(List.of("HEAP-06"), ids(r));
        assertTrue(r.suppressed().get(0).reason().contains("heap-elasticity=fixed"), r.suppressed()::toString);
    }

    @Test
    void aFlagTheTargetJdkLacksIsSuppressed() {
        // ZGenerational does not exist on 17 (the JVM would not start), AOTCacheOutput only from 25
        Rule gen = new Fixed("ZGC-91", 90, Metric.LATENCY, FlagChange.enable("ZGenerational"));
        Rule aot = new Fixed("HEAP-98", 80, Metric.STARTUP, FlagChange.set("AOTCacheOutput", "app.aot"));
        Report on17 = advisor(Goal.BALANCED, gen, aot).advise(g1Log);
        assertTrue(on17.recommendations().isEmpty(), on17.recommendations()::toString);
        assertEquals("ZGenerational does not exist on JDK 17", on17.suppressed().get(0).reason());
        assertEquals("AOTCacheOutput does not exist on JDK 17", on17.suppressed().get(1).reason());
        Report on25 = Advisor.builder().rules(RuleSet.of(aot)).targetJdk(25).build().advise(g1Log);
        assertEquals(List.of("HEAP-98"), ids(on25));
        assertEquals(List.of(25), on25.recommendations().get(0).validOn(), "checked against each bundled catalogue");
    }

    @Test
    void switchingCollectorDropsAdviceForTheOldOne() {
        Rule toParallel = new Fixed("GCSEL-91", 95, Metric.THROUGHPUT, FlagChange.enable("UseParallelGC"));
        Rule g1Tuning = new Fixed("G1-91", 80, Metric.LATENCY, null, Collector.G1, Set.of(Collector.G1),
                FlagChange.set("G1ReservePercent", 15));
        Report r = advisor(Goal.BALANCED, toParallel, g1Tuning).advise(g1Log);
        assertEquals(List.of("GCSEL-91"), ids(r));
        assertTrue(r.suppressed().get(0).reason().contains("the collector changes to Parallel"));
        // the old selection flag leaves the command line
        assertEquals(List.of("-Xmx64m", "-XX:+UseParallelGC"), r.commandLine().options());
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void experimentalFlagsComeWithTheirUnlockOptionAndARiskNote() {
        Rule young = new Fixed("G1-92", 90, Metric.LATENCY, FlagChange.set("G1NewSizePercent", 10));
        Report r = advisor(Goal.BALANCED, young).advise(g1Log);
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseG1GC", "-Xmx64m", "-XX:G1NewSizePercent=10"),
                r.commandLine().options());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        assertTrue(r.recommendations().get(0).risk().contains("experimental"), r.recommendations().get(0)::risk);
        assertEquals(List.of(17, 21, 25), r.recommendations().get(0).validOn());
    }

    @Test
    void infoLevelAdviceIsListedButNotAppliedToTheCommandLine() {
        Rule info = new Fixed("HEAP-99", 40, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 24));
        Report r = advisor(Goal.BALANCED, info).advise(g1Log);
        assertEquals(Severity.INFO, r.recommendations().get(0).severity());
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx64m"), r.commandLine().options());
        assertTrue(r.commandLine().applied().isEmpty());
    }

    @Test
    void parametersAreOverriddenByNameAndCheckedWhenTheAdvisorIsBuilt() {
        Rule a = new Fixed("HEAP-95", 60, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 24));
        Advisor doubled = Advisor.builder().rules(RuleSet.of(a)).parameter("HEAP-95.limit", "1.0").targetJdk(17).build();
        assertEquals(100.0, doubled.advise(g1Log).findings().get(0).score(), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> Advisor.builder().rules(RuleSet.of(a)).parameter("HEAP-95.nope", "1").build());
        assertThrows(IllegalArgumentException.class,
                () -> Advisor.builder().rules(RuleSet.of(a)).parameter("HEAP-95.limit", "lots").build());
        assertThrows(IllegalArgumentException.class,
                () -> Advisor.builder().rules(RuleSet.of(a)).parameter("NOPE-01.limit", "1").build());
    }

    @Test
    void sameEvidenceSameReportByteForByteInEveryFormat() {
        Rule a = new Fixed("HEAP-95", 90, Metric.THROUGHPUT, FlagChange.set("GCTimeRatio", 24));
        Rule b = new Fixed("HEAP-93", 90, Metric.THROUGHPUT, FlagChange.set("MaxGCPauseMillis", 100));
        Report one = advisor(Goal.BALANCED, a, b).advise(g1Log);
        Report two = advisor(Goal.BALANCED, b, a).advise(g1Log);
        assertEquals(AdviceJson.toJson(one), AdviceJson.toJson(two));
        assertEquals(AdviceText.render(one), AdviceText.render(two));
        assertEquals(AdviceMarkdown.render(one), AdviceMarkdown.render(two));
        // equal scores: rule id breaks the tie
        assertEquals(List.of("HEAP-93", "HEAP-95"), ids(one));
        assertTrue(AdviceText.render(one).lines().allMatch(l -> l.length() <= 80), AdviceText.render(one));
    }

    @Test
    void ruleIdsAreCheckedAndUnique() {
        Rule a = new Fixed("HEAP-95", 90, Metric.THROUGHPUT);
        assertThrows(IllegalArgumentException.class, () -> RuleSet.of(a, new Fixed("HEAP-95", 1, Metric.LATENCY)));
        assertThrows(IllegalArgumentException.class, () -> RuleSet.of(new Fixed("heap four", 1, Metric.LATENCY)));
        assertFalse(RuleSet.of(a).without(List.of("heap")).rule("HEAP-95").isPresent());
    }

    @Test
    void theRunContextGatesRulesForAServiceAndStartUpTrades() {
        Rule production = new Fixed("OBS-91", 80, Metric.RELIABILITY, FlagChange.enable("HeapDumpOnOutOfMemoryError")) {
            @Override
            public Set<RunContext> runContexts() {
                return Set.of(RunContext.SERVICE, RunContext.STARTUP_CHECK);
            }
        };
        Rule c1Only = new Fixed("JIT-91", 80, Metric.STARTUP, FlagChange.set("TieredStopAtLevel", 1)) {
            @Override
            public boolean tradesSteadyStateForStartup() {
                return true;
            }
        };
        RuleSet rules = RuleSet.of(production, c1Only);
        Report service = Advisor.builder().rules(rules).targetJdk(17).build().advise(g1Log);
        assertEquals(RunContext.SERVICE, service.runContext());
        assertEquals(List.of("OBS-91", "JIT-91"), service.findings().stream().map(Finding::ruleId).sorted(
                java.util.Comparator.reverseOrder()).toList());
        Report fork = Advisor.builder().rules(rules).targetJdk(17).runContext(RunContext.JMH_FORK).build().advise(g1Log);
        assertTrue(fork.findings().isEmpty(), fork.findings()::toString);
        assertEquals(2, fork.notApplicable().size());
        assertTrue(fork.notApplicable().get(0).reason().contains("a JMH fork"), fork.notApplicable()::toString);
        assertTrue(AdviceText.render(fork).contains("run as a JMH fork"));
        assertTrue(AdviceJson.toJson(fork).contains("jmh-fork"));
        assertFalse(AdviceJson.toJson(service).contains("runContext"));
        // a single-shot fork measures start-up: the C1-only rule runs, the production one still does not
        Report ss = Advisor.builder().rules(rules).targetJdk(17).runContext(RunContext.JMH_FORK).measuresStartup(true)
                .build().advise(g1Log);
        assertEquals(List.of("JIT-91"), ss.findings().stream().map(Finding::ruleId).toList());
        // withRunContext: a copy in another role, the same advisor in the same one
        Advisor a = Advisor.builder().rules(rules).targetJdk(17).build();
        assertEquals(RunContext.TEST_JVM, a.withRunContext(RunContext.TEST_JVM).runContext());
        assertTrue(a == a.withRunContext(RunContext.SERVICE));
    }

    @Test
    void aRuleThatCannotJudgeTheEvidenceIsNotApplicableWithWhatToRecord() {
        Rule unjudged = new Fixed("GCSEL-91", 80, Metric.LATENCY, FlagChange.enable("UseZGC")) {
            @Override
            public Unjudged unjudged(RuleContext ctx) {
                return new Unjudged("the latency log's unit is unknown", List.of(EvidenceKind.LATENCY),
                        List.of("the unit"));
            }
        };
        Report r = Advisor.builder().rules(RuleSet.of(unjudged)).targetJdk(17).build().advise(g1Log);
        assertTrue(r.findings().isEmpty());
        assertEquals(0, r.rulesRun());
        Report.NotApplicable na = r.notApplicable().get(0);
        assertEquals("the latency log's unit is unknown", na.reason());
        assertEquals(List.of(EvidenceKind.LATENCY), na.missing());
        assertEquals(List.of("the unit"), na.collect());
    }

    static List<String> ids(Report r) {
        return r.recommendations().stream().map(Report.Ranked::ruleId).toList();
    }
}
