package io.github.jvmadvisor.rules.explicitgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.parallel.ParallelFullGcs;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.ExplicitGcStormWorkload;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Causes before symptoms for explicit GC, with every rule run on GC logs of real runs (JDK 17, and 25 when
 * installed): System.gc() full collections that shrink G1's heap and the young pauses that follow; System.gc() on
 * Parallel, where only DisableExplicitGC keeps the full collections off the command line; and quiet runs where
 * System.gc() shrinks nothing.
 */
class ExplicitGcCausesFirstTest {

    @TempDir
    Path dir;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    /** The workload for 5 s with a 1 GB heap: System.gc() every 0.5 s, 30 MB live, the last 32,768 arrays held. */
    private Path run(Jdks.Jdk jdk, String name, List<String> jvmArgs, String intervalMillis, String ring,
            String perSecond) throws Exception {
        Path log = dir.resolve(name + "-" + jdk.feature() + ".log");
        List<String> args = new java.util.ArrayList<>(jvmArgs);
        args.add("-Xlog:gc*:file=" + log);
        ChildJvm.run(jdk, dir, args, ExplicitGcStormWorkload.class, List.of("5000", intervalMillis, "30", ring,
                perSecond), 120).requireSuccess();
        return log;
    }

    private static Report advise(Path log, int jdk, Goal goal) {
        Evidence e = Analyzer.analyze(List.of(log));
        return Advisor.builder().rules(RuleSet.load()).targetJdk(jdk).goal(goal).build().advise(e);
    }

    private static Finding finding(Report r, String id) {
        return r.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst().orElse(null);
    }

    private static Optional<Figure> figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void g1ShrinksAndTheYoungPausesThatFollowRankExplicitGcFirst(Jdks.Jdk jdk) throws Exception {
        Path log = run(jdk, "g1-storm", List.of("-XX:+UseG1GC", "-Xmx1g"), "500", "32768", "0");
        Report r = advise(log, jdk.feature(), Goal.BALANCED);
        GcMetrics.ExplicitGcShrinks s = r.evidence().gc().orElseThrow().metrics().explicitGcShrinks();
        assertNotNull(s, "explicit full collections with committed sizes");
        assertTrue(s.shrinks() >= s.explicitFullGcs() / 2, s::toString);
        assertTrue(s.committedAfterBytes() < 0.9 * s.committedBeforeBytes(), s::toString);
        assertTrue(s.youngPauses() > 0 && s.attributedYoungPauses() <= s.youngPauses(), s::toString);

        Report.Ranked first = r.recommendations().get(0);
        assertEquals("EXP-01", first.ruleId(), r.recommendations()::toString);
        assertTrue(first.severity().compareTo(Severity.WARNING) >= 0, first::toString);
        assertEquals(List.of("-XX:+ExplicitGCInvokesConcurrent"), first.flags());
        assertTrue(r.commandLine().options().contains("-XX:+ExplicitGCInvokesConcurrent"), r.commandLine()::text);
        Finding exp = finding(r, "EXP-01");
        assertTrue(exp.summary().contains("shrink the committed heap from")
                && exp.summary().contains("young pauses"), exp::summary);
        assertEquals((double) s.youngPauses(), figure(exp, "young pauses while the heap regrows").orElseThrow().value());
        assertEquals((double) s.committedAfterBytes(), figure(exp, "committed heap after them").orElseThrow().value());
        // the share it is scored by counts the attributed young pauses: above its own pauses' share
        assertTrue(figure(exp, "share of pause time with the attributed young pauses").orElseThrow().value()
                > figure(exp, "share of pause time").orElseThrow().value(), exp.figures()::toString);
        // the symptom rules that fired point to it and rank below it, for each goal but footprint (where a heap
        // several times the live set is rightly called over-sized, storm or not)
        for (Goal goal : List.of(Goal.BALANCED, Goal.LATENCY, Goal.THROUGHPUT)) {
            Report g = goal == Goal.BALANCED ? r : advise(log, jdk.feature(), goal);
            Finding cause = finding(g, "EXP-01");
            int causeRank = g.recommendations().stream().filter(x -> x.ruleId().equals("EXP-01"))
                    .mapToInt(Report.Ranked::rank).min().orElseThrow();
            for (String id : SYMPTOMS) {
                Finding f = finding(g, id);
                if (f != null) {
                    assertTrue(f.explanation().contains("(EXP-01)"), goal + " " + id + ": " + f.explanation());
                    assertTrue(f.score() <= cause.score(), goal + " " + id + " " + f.score() + " over " + cause.score());
                }
                g.recommendations().stream().filter(x -> x.ruleId().equals(id)).forEach(x -> assertTrue(
                        x.rank() > causeRank, goal + ": " + id + " ranks " + x.rank() + ", EXP-01 " + causeRank));
            }
        }
    }

    /** Rules that treat the young-collection storm rather than its cause. */
    private static final List<String> SYMPTOMS = List.of("HEAP-04", "HEAP-10", "G1-04", "G1-05", "G1-09", "GCSEL-04",
            "ALLOC-01", "PAR-01");

    @ParameterizedTest
    @MethodSource("jdks")
    void parallelOffersDisableExplicitGc(Jdks.Jdk jdk) throws Exception {
        // a service's pace: about 200 MB/s of allocation, System.gc() every 0.3 s
        Path log = run(jdk, "parallel-paced", List.of("-XX:+UseParallelGC", "-Xmx1g"), "300", "4096", "200");
        Report r = advise(log, jdk.feature(), Goal.LATENCY);
        Report.Ranked first = r.recommendations().get(0);
        assertEquals("EXP-01", first.ruleId(), r.recommendations()::toString);
        assertTrue(first.severity().compareTo(Severity.WARNING) >= 0, first::toString);
        assertEquals(List.of("-XX:+DisableExplicitGC"), first.flags());
        assertTrue(first.risk().contains("Direct buffer memory"), first::risk);
        assertTrue(r.commandLine().options().contains("-XX:+DisableExplicitGC"), r.commandLine()::text);
        assertTrue(r.commandLine().startsOk(), r.commandLine()::text);

        // the same run where RMI's distributed GC calls System.gc(): the flag stays, with less confidence and a check
        Evidence rmi = Advice.of(List.of(log), "-XX:+UseParallelGC -Xmx1g -Dsun.rmi.dgc.server.gcInterval=600000",
                null, null, jdk.feature());
        Report.Ranked risky = Advice.recommending(Advice.run(new SystemGcFullPauses(), rmi, jdk.feature(), Goal.LATENCY),
                "DisableExplicitGC").orElseThrow();
        assertTrue(risky.confidence() < first.confidence(), risky.confidence() + " against " + first.confidence());
        assertTrue(risky.risk().startsWith("Check before applying: this run sets an RMI"), risky::risk);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void parallelFullGcsLeaveSystemGcTimeToExplicitGc(Jdks.Jdk jdk) throws Exception {
        // flat out in 80 MB, System.gc() every second: the replaced live arrays fill the old generation between
        // the calls, so adaptive sizing has full GCs of its own beside the explicit ones (JDK 17: 40 and 4)
        Path busy = run(jdk, "parallel-busy", List.of("-XX:+UseParallelGC", "-Xmx80m"), "1000", "4096", "0");
        Evidence e = Analyzer.analyze(List.of(busy));
        GcMetrics m = e.gc().orElseThrow().metrics();
        Report par = Advice.run(new ParallelFullGcs(), e, jdk.feature());
        Finding f = finding(par, "PAR-01");
        assumeTrue(f != null, "this run had no full GC of adaptive sizing's own");
        double explicitMs = m.pausesByCause().entrySet().stream().filter(x -> x.getKey().contains("System.gc"))
                .mapToDouble(x -> x.getValue().totalMillis()).sum();
        double fullMs = figure(f, "full GC pause time").orElseThrow().value();
        assertTrue(fullMs <= m.fullGcs().totalMillis() - explicitMs + 0.01, fullMs + " ms of " + m.fullGcs());
        assertTrue(f.explanation().contains("EXP-01"), f::explanation);
        assertFalse(f.summary().contains("System.gc"), f::summary);
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void quietWhenSystemGcShrinksNothing(Jdks.Jdk jdk) throws Exception {
        // -Xms = -Xmx: a full collection cannot shrink the heap
        Path fixed = run(jdk, "g1-fixed", List.of("-XX:+UseG1GC", "-Xms1g", "-Xmx1g"), "500", "32768", "0");
        Report r = advise(fixed, jdk.feature(), Goal.BALANCED);
        GcMetrics.ExplicitGcShrinks s = r.evidence().gc().orElseThrow().metrics().explicitGcShrinks();
        assertEquals(0, s.shrinks(), s::toString);
        assertNull(s.committedBeforeBytes());
        Finding exp = finding(r, "EXP-01");
        assertFalse(exp.summary().contains("shrink"), exp::summary);
        assertTrue(figure(exp, "young pauses while the heap regrows").isEmpty(), exp.figures()::toString);
        for (Finding f : r.findings()) {
            assertFalse(f.explanation().contains("(EXP-01)"), f.ruleId() + ": " + f.explanation());
        }
        // no System.gc() at all: nothing to attribute
        Path none = run(jdk, "g1-none", List.of("-XX:+UseG1GC", "-Xmx1g"), "0", "32768", "0");
        Report q = advise(none, jdk.feature(), Goal.BALANCED);
        assertNull(q.evidence().gc().orElseThrow().metrics().explicitGcShrinks());
        assertNull(finding(q, "EXP-01"), q.findings()::toString);
    }
}
