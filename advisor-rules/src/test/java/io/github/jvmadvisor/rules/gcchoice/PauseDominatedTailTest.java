package io.github.jvmadvisor.rules.gcchoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.TailWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GCSEL-03's graded choice on the case of issue 15: a request loop on Parallel with {@code -Xmx2g} and a live set of
 * about 700 MB, whose full collections make the latency tail. One child JVM writes two GC logs, one with wall-clock
 * time ({@code time,uptime,...}) and one as a plain {@code -Xlog:gc*:file=...} writes it (uptime only).
 */
class PauseDominatedTailTest {

    static final long MB = 1L << 20;
    static final long GB = 1L << 30;

    @TempDir
    static Path dir;

    static Path timedLog;
    static Path plainLog;
    static Path hlog;

    @BeforeAll
    static void run() throws Exception {
        timedLog = dir.resolve("timed.log");
        plainLog = dir.resolve("plain.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx2g",
                "-Xlog:gc*:file=" + timedLog + ":time,uptime,level,tags", "-Xlog:gc*:file=" + plainLog),
                TailWorkload.class, List.of(dir.toString(), "20", "700", "100"), 120).requireSuccess();
        hlog = dir.resolve("latency.hlog");
    }

    private static Report advise(Evidence e, int jdk, Goal goal, String... params) {
        Advisor.Builder b = Advisor.builder().rules(RuleSet.of(new PauseDominatedTail())).targetJdk(jdk).goal(goal)
                .parameter("GCSEL-03.latencyUnit", "ns"); // TailWorkload records nanoseconds
        for (int i = 0; i < params.length; i += 2) {
            b.parameter("GCSEL-03." + params[i], params[i + 1]);
        }
        return b.build().advise(e);
    }

    private static Figure figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f));
    }

    private static List<String> options(Recommendation r) {
        return r.changes().stream().map(FlagChange::option).toList();
    }

    @Test
    void parallel2gHeapMeasuredJustUnder2GiBGetsZgcWithG1AsTheAlternative() {
        Evidence e = Advice.of(List.of(timedLog, hlog), null, null, null, 17);
        Long measured = e.gc().orElseThrow().setup().heapMaxBytes();
        Finding f = Advice.only(advise(e, 17, Goal.LATENCY));
        System.out.println("GCSEL-03 aligned: " + f);
        assertEquals("yes", figure(f, "lined up on the clock").text());
        double maxHeap = figure(f, "max heap").value();
        assertTrue(maxHeap >= 0.95 * 2 * GB && maxHeap <= 2 * GB, () -> "measured heap " + measured);
        assertTrue(figure(f, "longest attributable pause").value() > 10, f::toString);
        // CPUs from the log's init lines: ZGC where there are two or more, then G1 with a pause goal
        List<Recommendation> recs = f.recommendations();
        assertEquals(List.of("-XX:+UseZGC"), options(recs.get(0)));
        Recommendation g1 = recs.get(recs.size() - 1);
        assertEquals("-XX:+UseG1GC", options(g1).get(0));
        assertTrue(options(g1).get(1).startsWith("-XX:MaxGCPauseMillis="), g1::toString);
        for (Recommendation r : recs) {
            Effect eff = r.effect();
            assertEquals(Metric.LATENCY, eff.metric());
            assertEquals("p99 GC pause", eff.check());
            assertNotNull(eff.predictedChange(), r::toString);
            assertTrue(eff.predictedChange() < 0 && eff.predictedChange() >= -1, r::toString);
            assertTrue(eff.description().contains("model:"), r::toString);
        }
        // G1's goal holds only with room for the live set: under 3x it the alternative says full compactions remain
        double live = figure(f, "live set").value();
        assertEquals(maxHeap < 3 * live, g1.effect().description().contains("full compactions are likely"), g1::toString);
        // the same from the configuration: -Xmx2g is a 2 GiB heap
        Finding cfg = Advice.only(advise(Advice.of(List.of(timedLog, hlog), "-XX:+UseParallelGC -Xmx2g", null, 2.0, 17),
                17, Goal.LATENCY));
        assertEquals(2.0 * GB, figure(cfg, "max heap").value());
        assertEquals(List.of("-XX:+UseZGC"), options(cfg.recommendations().get(0)));
        // graded at the edge: 1,950 MB (1.90 GiB) is within the 5 % tolerance of 2 GiB, 1,900 MB is a moderate heap
        assertEquals(List.of("-XX:+UseZGC"), options(Advice.only(advise(Advice.of(List.of(timedLog, hlog),
                "-XX:+UseParallelGC -Xmx1950m", null, 2.0, 17), 17, Goal.BALANCED)).recommendations().get(0)));
        assertEquals("-XX:+UseG1GC", options(Advice.only(advise(Advice.of(List.of(timedLog, hlog),
                "-XX:+UseParallelGC -Xmx1900m", null, 2.0, 17), 17, Goal.BALANCED)).recommendations().get(0)).get(0));
    }

    @Test
    void moderateHeapsOneCpuAndTheThroughputGoalGetG1WithAPauseGoal() {
        Evidence e = Advice.of(List.of(timedLog, hlog), null, null, null, 17);
        // a concurrent collector only from 4 GiB: the 2 GiB heap is moderate, G1 first with a goal of 10 to 200 ms
        Finding moderate = Advice.only(advise(e, 17, Goal.BALANCED, "concurrentHeap", Long.toString(4 * GB)));
        Recommendation first = moderate.recommendations().get(0);
        assertEquals("-XX:+UseG1GC", options(first).get(0), moderate::toString);
        long goal = Long.parseLong(options(first).get(1).substring("-XX:MaxGCPauseMillis=".length()));
        assertTrue(goal >= 10 && goal <= 200, first::toString);
        assertEquals(List.of("-XX:+UseZGC"), options(moderate.recommendations().get(1)));
        // with an objective of 250 ms the goal is a fifth of it
        Finding slo = Advice.only(advise(e, 17, Goal.BALANCED, "concurrentHeap", Long.toString(4 * GB), "sloMillis",
                "250"));
        assertEquals("-XX:MaxGCPauseMillis=50", options(slo.recommendations().get(0)).get(1));
        // one CPU: no concurrent collector at all
        Finding oneCpu = Advice.only(advise(Advice.of(List.of(timedLog, hlog), "-XX:+UseParallelGC -Xmx2g", null, 1.0,
                17), 17, Goal.LATENCY));
        assertEquals(1, oneCpu.recommendations().size(), oneCpu::toString);
        assertEquals("-XX:+UseG1GC", options(oneCpu.recommendations().get(0)).get(0));
        // throughput: G1 first whatever the heap
        Finding tp = Advice.only(advise(e, 17, Goal.THROUGHPUT));
        assertEquals("-XX:+UseG1GC", options(tp.recommendations().get(0)).get(0));
    }

    @Test
    void generationalZgcByFlagOnlyOn21() {
        Evidence e = Advice.of(List.of(timedLog, hlog), null, null, null, 17);
        assertEquals(List.of("-XX:+UseZGC", "-XX:+ZGenerational"),
                options(Advice.only(advise(e, 21, Goal.LATENCY)).recommendations().get(0)));
        Report on25 = advise(e, 25, Goal.LATENCY);
        assertEquals(List.of("-XX:+UseZGC"), options(Advice.only(on25).recommendations().get(0)));
        assertEquals(List.of("-XX:+UseZGC"), on25.commandLine().options().stream()
                .filter(o -> o.contains("ZGC") || o.contains("ZGenerational")).toList());
    }

    @Test
    void aPlainGcLogIsJudgedByMagnitudeWithLowerConfidence() {
        Evidence plain = Advice.of(List.of(plainLog, hlog), null, null, null, 17);
        assertTrue(plain.gc().orElseThrow().longestPauses().stream().allMatch(p -> p.at().epochMillis() < 0));
        Finding f = Advice.only(advise(plain, 17, Goal.LATENCY));
        System.out.println("GCSEL-03 by magnitude: " + f);
        assertEquals("no, by magnitude", figure(f, "lined up on the clock").text());
        Finding aligned = Advice.only(advise(Advice.of(List.of(timedLog, hlog), null, null, null, 17), 17, Goal.LATENCY));
        assertEquals(options(aligned.recommendations().get(0)), options(f.recommendations().get(0)));
        assertTrue(f.recommendations().get(0).confidence() < aligned.recommendations().get(0).confidence());
        assertTrue(f.score() <= aligned.score());
    }

    @Test
    void withoutALatencyLogTheObjectiveIsTheTarget() {
        Evidence gcOnly = Advice.of(List.of(timedLog), null, null, null, 17);
        // pauses of seconds against an objective of 200 ms: the same choice, weaker
        Finding f = Advice.only(advise(gcOnly, 17, Goal.LATENCY, "sloMillis", "200"));
        assertEquals("no latency log, against the objective", figure(f, "lined up on the clock").text());
        assertEquals(List.of("-XX:+UseZGC"), options(f.recommendations().get(0)));
        assertTrue(f.recommendations().get(0).confidence() < 0.7, f::toString);
        // neither a latency log nor an objective: not applicable, with what to record
        Report.NotApplicable na = Advice.notApplicable(advise(gcOnly, 17, Goal.LATENCY));
        assertEquals(List.of(io.github.jvmadvisor.core.rule.EvidenceKind.LATENCY), na.missing());
        assertTrue(na.collect().stream().anyMatch(c -> c.contains("sloMillis")), na::toString);
    }

    @Test
    void withoutTheLatencyUnitItSaysWhatToRecord() {
        Evidence plain = Advice.of(List.of(plainLog, hlog), null, null, null, 17);
        Report r = Advisor.builder().rules(RuleSet.of(new PauseDominatedTail())).targetJdk(17).goal(Goal.LATENCY).build()
                .advise(plain);
        Report.NotApplicable na = Advice.notApplicable(r);
        assertTrue(na.reason().contains("unit"), na::toString);
        assertTrue(na.collect().stream().anyMatch(c -> c.contains("GCSEL-03.latencyUnit")), na::toString);
        assertFalse(na.collect().isEmpty());
    }
}
