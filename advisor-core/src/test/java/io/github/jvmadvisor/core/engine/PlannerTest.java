package io.github.jvmadvisor.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Role;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The planner and the safety-net section on the bundled real G1 log (examples/g1-small-heap), with rules
 * registered in code that write what the real rules wrote when the suggested line contradicted itself
 * (issue 15): a fixed heap at the old maximum beside a new maximum, a size beside a percentage, a metaspace
 * threshold above its cap, an archive no step creates, a safety net above a change.
 */
class PlannerTest {

    static Evidence run(String options, Long containerMemory) {
        return Analyzer.analyze(List.of(Path.of("..", "examples", "g1-small-heap", "gc.log.gz")), GcEventListener.none(),
                CommandLineConfig.of(options, containerMemory, null, 17));
    }

    /** A rule with one warning-level finding and one recommendation shaped by {@code shape}. */
    record Says(String id, double score, UnaryOperator<Recommendation.Builder> shape, FlagChange... changes) implements Rule {
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
        public List<Finding> evaluate(RuleContext ctx) {
            Recommendation.Builder b = Recommendation.flags(id + " advice", changes)
                    .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, -0.3, id + " effect").confidence(1.0);
            return List.of(Finding.of(this, score).summary(id + " found").recommend(shape.apply(b).build()).build());
        }
    }

    static Says says(String id, double score, FlagChange... changes) {
        return new Says(id, score, b -> b, changes);
    }

    static Report advise(Evidence e, Rule... rules) {
        return Advisor.builder().rules(RuleSet.of(rules)).targetJdk(17).goal(Goal.BALANCED).build().advise(e);
    }

    static List<String> options(Report r) {
        return r.commandLine().options();
    }

    @Test
    void aFixedHeapFollowsTheMaximumAnotherRuleSets() {
        // HEAP-06 wrote -Xms at the old maximum and ranked above the rule that raises it: -Xmx1536m -Xms1g before
        Rule fix = new Says("HEAP-91", 95, b -> b.intent(Intent.fixedHeap()), FlagChange.option("-Xms1g"));
        Rule raise = says("ZGC-91", 90, FlagChange.option("-Xmx1536m"));
        Report r = advise(run("-XX:+UseG1GC", null), fix, raise);
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx1536m", "-Xms1536m"), options(r));
        assertTrue(r.commandLine().startsOk());
        Report.Decision d = r.commandLine().decisions().get(0);
        assertEquals("-Xms1536m", d.option());
        assertTrue(d.reason().contains("HEAP-91 fixes the heap and ZGC-91 sets its maximum"), d::reason);
        // the entry says what the line says
        Report.Ranked fixed = r.recommendations().get(0);
        assertEquals("HEAP-91", fixed.ruleId());
        assertEquals(List.of("-Xms1536m"), fixed.flags());
    }

    @Test
    void aHeapTheUserFixedStaysFixedWhenTheMaximumMoves() {
        Report r = advise(run("-XX:+UseG1GC -Xms256m -Xmx256m", null), says("HEAP-92", 90, FlagChange.option("-Xmx567m")));
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx567m", "-Xms567m"), options(r));
        assertTrue(r.commandLine().decisions().get(0).reason().contains("the heap was fixed (-Xms256m -Xmx256m)"));
    }

    @Test
    void anInitialHeapAboveANewMaximumComesDownToIt() {
        Report r = advise(run("-XX:+UseG1GC -Xms512m -Xmx1g", null), says("HEAP-93", 90, FlagChange.option("-Xmx384m")));
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx384m", "-Xms384m"), options(r));
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void aFixedHeapBesideAPercentageIsAPercentage() {
        // the Serial-in-a-container run: -XX:MaxRAMPercentage=53 -Xms376m before
        Rule budget = new Says("HEAP-94", 95, b -> b, FlagChange.remove("MaxHeapSize"), FlagChange.set("MaxRAMPercentage", 53));
        Rule fix = new Says("HEAP-95", 90, b -> b.intent(Intent.fixedHeap()), FlagChange.option("-Xms376m"));
        Report r = advise(run("-XX:+UseSerialGC -Xmx376m", 1536L << 20), budget, fix);
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=53", "-XX:InitialRAMPercentage=53"), options(r));
        assertEquals(List.of("-XX:InitialRAMPercentage=53"), r.recommendations().get(1).flags());
    }

    @Test
    void aSizeBesideAPercentageBecomesAShareOfTheSameMemory() {
        Report r = advise(run("-XX:+UseG1GC -Xms256m", 1L << 30), says("HEAP-96", 90, FlagChange.set("MaxRAMPercentage", 50)));
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxRAMPercentage=50", "-XX:InitialRAMPercentage=25"), options(r));
    }

    @Test
    void twoHeapNeedsComposeToTheLarger() {
        // SHEN-04 ranked first with -Xmx1280m and SHEN-01's 3.7 GB for the live set was dropped as a conflict: the
        // plan now takes the larger need, and the fixed heap follows it
        Rule first = new Says("SHEN-91", 95, b -> b.intent(Intent.heapAtLeast(1280L << 20, "the allocation during a cycle")),
                FlagChange.option("-Xmx1280m"));
        Rule second = new Says("SHEN-92", 90, b -> b.intent(Intent.heapAtLeast(3788L << 20, "3.5 times the live set")),
                FlagChange.option("-Xmx3788m"));
        Rule fix = new Says("HEAP-97", 85, b -> b.intent(Intent.fixedHeap()), FlagChange.option("-Xms256m"));
        Report r = advise(run("-XX:+UseG1GC -Xmx256m", null), first, second, fix);
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx3788m", "-Xms3788m"), options(r));
        Report.Decision d = r.commandLine().decisions().get(0);
        assertEquals("-Xmx3788m", d.option());
        assertTrue(d.reason().contains("replaces -Xmx1280m: SHEN-92 needs at least 3.7 GB (3.5 times the live set)"),
                d::reason);
        assertTrue(r.suppressed().get(0).reason().contains("its need of at least 3.7 GB of heap goes into the plan"),
                () -> r.suppressed().toString());
        // the smaller need second: nothing to settle
        Rule small = new Says("SHEN-93", 90, b -> b.intent(Intent.heapAtLeast(1L << 30, "less")), FlagChange.option("-Xmx1g"));
        Report kept = advise(run("-XX:+UseG1GC -Xmx256m", null), second, small);
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx3788m"), options(kept));
        assertTrue(kept.commandLine().decisions().isEmpty(), () -> kept.commandLine().decisions().toString());
    }

    @Test
    void aHeapNeedTheMemoryLimitCannotHoldIsMetInPartAndSaysSo() {
        Rule first = new Says("SHEN-94", 95, b -> b.intent(Intent.heapAtLeast(1L << 30, "a cycle's allocation")),
                FlagChange.option("-Xmx1g"));
        Rule second = new Says("SHEN-95", 90, b -> b.intent(Intent.heapAtLeast(3L << 30, "the live set")),
                FlagChange.option("-Xmx3g"));
        // a 2 GB container: 75 % of it is the most a need may take, 1536 MB
        Report r = advise(run("-XX:+UseG1GC -Xmx512m", 2L << 30), first, second);
        assertEquals(List.of("-XX:+UseG1GC", "-Xmx1536m"), options(r));
        assertTrue(r.commandLine().decisions().get(0).reason().contains("met only in part"),
                () -> r.commandLine().decisions().toString());
        // a percentage stays a percentage
        Rule pctFirst = new Says("HEAP-98", 95, b -> b.intent(Intent.heapAtLeast(512L << 20, "x")),
                FlagChange.set("MaxRAMPercentage", 25));
        Rule pctSecond = new Says("HEAP-99", 90, b -> b.intent(Intent.heapAtLeast(1L << 30, "y")), FlagChange.option("-Xmx1g"));
        Report p = advise(run("-XX:+UseG1GC", 2L << 30), pctFirst, pctSecond);
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxRAMPercentage=50"), options(p));
    }

    @Test
    void aMetaspaceThresholdAboveItsCapRaisesTheCap() {
        Report r = advise(run("-XX:+UseG1GC -XX:MetaspaceSize=8m -XX:MaxMetaspaceSize=16m", null),
                says("NAT-92", 90, FlagChange.set("MetaspaceSize", "18m")));
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MetaspaceSize=18m", "-XX:MaxMetaspaceSize=36m"), options(r));
        assertTrue(r.commandLine().decisions().get(0).reason().contains("clamps MetaspaceSize"));
    }

    @Test
    void anArchiveNoStepCreatesComesOffTheLineAndBecomesAStep() {
        Rule aot = new Says("AOT-92", 90, b -> b.action("Training run: java -XX:ArchiveClassesAtExit=app.jsa <app>"),
                FlagChange.set("SharedArchiveFile", "app.jsa"));
        Report r = advise(run("-XX:+UseG1GC", null), aot);
        assertEquals(List.of("-XX:+UseG1GC"), options(r));
        assertEquals(1, r.commandLine().steps().size());
        assertEquals("Training run: java -XX:ArchiveClassesAtExit=app.jsa <app>", r.commandLine().steps().get(0).action());
        assertEquals(List.of("-XX:SharedArchiveFile=app.jsa"), r.commandLine().steps().get(0).thenAdd());
        // one that creates itself stays
        Rule auto = says("AOT-93", 90, FlagChange.enable("AutoCreateSharedArchive"), FlagChange.set("SharedArchiveFile", "app.jsa"));
        Report self = Advisor.builder().rules(RuleSet.of(auto)).targetJdk(25).build().advise(run("-XX:+UseG1GC", null));
        assertTrue(self.commandLine().options().contains("-XX:SharedArchiveFile=app.jsa"), self.commandLine()::toString);
        assertTrue(self.commandLine().steps().isEmpty());
    }

    @Test
    void aSafetyNetNeverOutranksAChangeAndIsListedApartInEveryFormat() throws Exception {
        Rule net = new Says("HEAP-97", 100, Recommendation.Builder::safetyNet, FlagChange.enable("ExitOnOutOfMemoryError"));
        Rule change = says("GCSEL-97", 76, FlagChange.enable("UseParallelGC"));
        Report r = advise(run("-XX:+UseSerialGC", null), net, change);
        assertEquals(List.of("GCSEL-97", "HEAP-97"), r.recommendations().stream().map(Report.Ranked::ruleId).toList());
        assertEquals(List.of("GCSEL-97"), r.changes().stream().map(Report.Ranked::ruleId).toList());
        assertEquals(Role.SAFETY_NET, r.safetyNets().get(0).role());
        // still on the suggested line
        assertTrue(options(r).contains("-XX:+ExitOnOutOfMemoryError"));
        JsonNode json = new ObjectMapper().readTree(AdviceJson.toJson(r));
        assertEquals(2, json.get("schemaVersion").asInt());
        assertEquals("GCSEL-97", json.get("recommendations").get(0).get("ruleId").asText());
        assertEquals(1, json.get("recommendations").size());
        assertEquals("HEAP-97", json.get("safetyNets").get(0).get("ruleId").asText());
        assertEquals("safety-net", json.get("safetyNets").get(0).get("role").asText());
        assertTrue(AdviceText.render(r).contains("Safety nets and observability"));
        assertTrue(AdviceMarkdown.render(r).contains("## Safety nets and observability"));
        assertTrue(AdviceHtml.render(r).contains("id=\"safety-nets\""));
    }

    @Test
    void aSymptomRanksAfterItsCauseWhateverItsScore() {
        Rule cause = says("EXP-91", 80, FlagChange.enable("ExplicitGCInvokesConcurrent"));
        Says inner = new Says("G1-91", 95, b -> b, FlagChange.set("MaxGCPauseMillis", 400));
        Rule symptom = new Rule() {
            @Override
            public String id() {
                return inner.id();
            }

            @Override
            public String pack() {
                return inner.pack();
            }

            @Override
            public String title() {
                return inner.title();
            }

            @Override
            public Set<EvidenceKind> requires() {
                return inner.requires();
            }

            @Override
            public List<Finding> evaluate(RuleContext ctx) {
                Finding f = inner.evaluate(ctx).get(0);
                return List.of(new Finding(f.ruleId(), f.pack(), f.severity(), f.score(), f.summary(), f.explanation(),
                        f.figures(), f.recommendations(), List.of("EXP-91")));
            }
        };
        Report r = advise(run("-XX:+UseG1GC", null), cause, symptom);
        assertEquals(List.of("EXP-91", "G1-91"), r.recommendations().stream().map(Report.Ranked::ruleId).toList());
        // without the cause's finding, the symptom keeps its place
        assertEquals(List.of("G1-91"), advise(run("-XX:+UseG1GC", null), symptom).recommendations().stream()
                .map(Report.Ranked::ruleId).toList());
    }

    @Test
    void observabilityIsAnObservabilityRoleWithoutBeingTold() {
        Rule log = new Says("OBS-97", 100, b -> b.effect(Metric.OBSERVABILITY, "gc log", Effect.Direction.APPEAR, null, "a log"),
                FlagChange.option("-Xlog:gc*:file=gc.log"));
        Rule change = says("GCSEL-98", 80, FlagChange.enable("UseParallelGC"));
        Report r = advise(run("-XX:+UseSerialGC", null), log, change);
        assertEquals(List.of("GCSEL-98", "OBS-97"), r.recommendations().stream().map(Report.Ranked::ruleId).toList());
        assertEquals(Role.OBSERVABILITY, r.recommendations().get(1).role());
    }

    @Test
    void aPredictionWhoseSignContradictsItsDirectionIsLeftOut() {
        // HEAP-04 once predicted "GC CPU share from 27 % to about 90 %" as a +2.3 change labelled decrease
        Rule wrong = new Says("HEAP-98", 90, b -> b.effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE,
                2.3, "GC CPU share from 27 % to about 90 %"), FlagChange.option("-Xmx382m"));
        Report r = advise(run("-XX:+UseParallelGC -Xmx1g", null), wrong);
        assertTrue(r.recommendations().isEmpty());
        assertTrue(r.suppressed().get(0).reason().contains("contradicts its direction"), r.suppressed()::toString);
        assertFalse(options(r).contains("-Xmx382m"));
    }

    @Test
    void aYoungGenerationAtTheMaximumIsHalved() {
        Report r = advise(run("-XX:+UseParallelGC -Xmn700m -Xmx1120m", null), says("HEAP-99", 90, FlagChange.option("-Xmx600m")));
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx600m", "-Xmn300m"), options(r));
        assertTrue(r.commandLine().startsOk());
        assertEquals(Collector.PARALLEL, r.evidence().jvm().orElseThrow().collector());
    }
}
