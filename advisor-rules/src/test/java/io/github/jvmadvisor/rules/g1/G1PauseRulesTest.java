package io.github.jvmadvisor.rules.g1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G1-04, G1-05, G1-07, G1-09 on real G1 logs: a child run with a 2 ms pause goal it cannot meet, one whose
 * mixed collections take every old candidate at once (G1MixedGCCountTarget=1) under a tiny young generation,
 * one with a user-lowered GCTimeRatio and room to grow, and the corpus's 40 s runs at -Xmx1g (JDK 17 full
 * logging: young p90 18 ms, pause p99 41 ms, GC CPU 12 %).
 */
class G1PauseRulesTest {

    @TempDir
    static Path dir;
    static Path tight;
    static Path mixed;
    static Path ratio;

    static Path run(String name, List<String> flags, List<String> args) throws Exception {
        Path log = dir.resolve(name + ".log");
        List<String> all = new ArrayList<>(List.of("-XX:+UseG1GC", "-Xlog:gc*:file=" + log));
        all.addAll(flags);
        ChildJvm.run(Jdks.current(), dir, all, ChurnWorkload.class, args, 120).requireSuccess();
        return log;
    }

    @BeforeAll
    static void runs() throws Exception {
        tight = run("tight", List.of("-Xmx256m", "-XX:MaxGCPauseMillis=2"), List.of("3", "64", "1", "0"));
        // a large, churning old generation (280 MiB live in 480 MiB), all of whose candidate regions go
        // into one mixed collection, behind a small young generation: mixed p90 about 9 ms, young about 4 ms
        // the pause times depend on the host's speed and load: repeated (up to three times) until the mixed
        // collections miss the goal and the young ones meet it
        for (int i = 0; i < 3; i++) {
            mixed = run("mixed", List.of("-Xms480m", "-Xmx480m", "-XX:MaxGCPauseMillis=6",
                    "-XX:G1MixedGCCountTarget=1", "-XX:G1HeapWastePercent=0", "-XX:+UnlockExperimentalVMOptions",
                    "-XX:G1MaxNewSizePercent=10", "-XX:G1MixedGCLiveThresholdPercent=100",
                    "-XX:InitiatingHeapOccupancyPercent=30"), List.of("5", "280", "2", "0"));
            if (mixedMissesTheGoalAlone()) {
                break;
            }
        }
        // G1-09 needs GC above 5 % of the CPU; on a loaded host the small heap may collect less than that,
        // so the run is repeated (up to three times) until it does
        for (int i = 0; i < 3; i++) {
            ratio = run("ratio", List.of("-Xms32m", "-Xmx2g", "-XX:GCTimeRatio=4"), List.of("3", "8", "2", "0"));
            Double cpu = metrics(Advice.of(List.of(ratio), null, null, null, 17)).gcCpuFraction();
            if (cpu != null && cpu > 0.05) {
                break;
            }
        }
    }

    static boolean mixedMissesTheGoalAlone() {
        GcMetrics m = metrics(Advice.of(List.of(mixed), "-XX:+UseG1GC -XX:MaxGCPauseMillis=6", null, null, 17));
        GcMetrics.PauseStats mx = m.pausesByKind().get("mixed");
        GcMetrics.PauseStats young = m.pausesByKind().get("young");
        return mx != null && young != null && mx.p90Millis() > 6 && young.p90Millis() <= 6;
    }

    static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated").resolve(name);
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).map(Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static GcMetrics metrics(Evidence e) {
        return e.gc().orElseThrow().metrics();
    }

    // G1-04

    @Test
    void pauseGoalFiresWhenYoungPausesMissA2msGoal() {
        Evidence e = Advice.of(List.of(tight), "-XX:+UseG1GC -Xmx256m -XX:MaxGCPauseMillis=2", null, null, 17);
        GcMetrics.PauseStats young = metrics(e).pausesByKind().get("young");
        assertTrue(young.p90Millis() > 2, "young p90 " + young.p90Millis());
        Report r = Advice.run(new G1PauseGoal(), e, 17);
        Finding f = Advice.only(r);
        assertEquals(2.0, figure(f, "MaxGCPauseMillis"));
        assertEquals(young.p90Millis(), figure(f, "young pause p90"));
        assertEquals(young.p90Millis() / 2, figure(f, "young pause p90 over goal"), 1e-9);
        assertTrue(f.score() >= 25, f::toString);
        assertEquals(List.of("-XX:G1NewSizePercent=2"), Advice.recommending(r, "G1NewSizePercent").orElseThrow().flags());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void pauseGoalFiresAgainstAStatedSloAndDefersToG1_06WithAFixedYoungGen() {
        Evidence e = Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17);
        double p99 = metrics(e).pauses().p99Millis(); // 41 ms
        Report r = Advisor.builder().rules(RuleSet.of(new G1PauseGoal())).targetJdk(17)
                .parameter("G1-04.sloMillis", "100").build().advise(e);
        Finding f = Advice.only(r);
        assertEquals(100.0, figure(f, "request SLO"));
        assertEquals(p99, figure(f, "pause p99"));
        assertTrue(p99 > 20, "pause p99 " + p99);
        // min(200, 0.1 x 100 ms) = 10 ms
        assertEquals(List.of("-XX:MaxGCPauseMillis=10"), Advice.recommending(r, "MaxGCPauseMillis").orElseThrow().flags());

        Evidence fixed = Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), "-XX:+UseG1GC -Xmx1g -Xmn256m", null, null, 17);
        Report d = Advisor.builder().rules(RuleSet.of(new G1PauseGoal())).targetJdk(17)
                .parameter("G1-04.sloMillis", "100").build().advise(fixed);
        Advice.only(d);
        assertTrue(d.recommendations().stream().allMatch(x -> x.changes().isEmpty()), d.recommendations()::toString);
        assertTrue(d.recommendations().get(0).summary().contains("G1-06"), d.recommendations()::toString);
    }

    @Test
    void pauseGoalQuietWhenPausesMeetTheGoalAndTheSlo() {
        Evidence e = Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17);
        assertTrue(Advice.findings(Advice.run(new G1PauseGoal(), e, 17)).isEmpty());
        Report withSlo = Advisor.builder().rules(RuleSet.of(new G1PauseGoal())).targetJdk(17)
                .parameter("G1-04.sloMillis", "1000").build().advise(e);
        assertTrue(Advice.findings(withSlo).isEmpty(), withSlo.findings()::toString);
    }

    @Test
    void pauseGoalNotApplicableWithoutGc() {
        Report r = Advice.run(new G1PauseGoal(), Advice.ofCommandLine("-XX:+UseG1GC -XX:MaxGCPauseMillis=50", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
    }

    // G1-05

    @Test
    void throughputSlackFiresOnTheJdk17CorpusWithShortPausesAnd12PercentGcCpu() {
        Evidence e = Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17);
        GcMetrics m = metrics(e);
        Report r = Advice.run(new G1ThroughputSlack(), e, 17);
        Finding f = Advice.only(r);
        assertEquals(m.gcCpuFraction(), figure(f, "GC CPU"));
        assertTrue(m.gcCpuFraction() > 0.05 && m.pauses().p99Millis() < 60, f::toString);
        assertEquals(m.pauses().p99Millis() / 200, figure(f, "pause p99 over goal"), 1e-9);
        assertEquals(List.of("-XX:MaxGCPauseMillis=400"), Advice.recommending(r, "MaxGCPauseMillis").orElseThrow().flags());
        assertEquals(List.of("-XX:G1MaxNewSizePercent=75"), Advice.recommending(r, "G1MaxNewSizePercent").orElseThrow().flags());
        // live set ~460 MB, heap 1 GB < 3 x live set: heap advice merges with HEAP-04's 3.5 x target
        long lds = m.liveSet().bytes();
        long expectedHeap = (long) Math.ceil(Math.ceil(3.5 * lds) / (64.0 * 1024 * 1024)) * 64;
        assertEquals(List.of("-Xmx" + expectedHeap + "m"), Advice.recommending(r, "MaxHeapSize").orElseThrow().flags());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void throughputSlackQuietWithLongPausesOrForLatency() {
        // JDK 17 default logging run: pause p99 121 ms > 0.3 x 200
        Report longer = Advice.run(new G1ThroughputSlack(),
                Advice.of(List.of(corpus("jdk17-g1-default.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.findings(longer).isEmpty(), longer.findings()::toString);
        Report latency = Advice.run(new G1ThroughputSlack(),
                Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17), 17, Goal.LATENCY);
        assertTrue(Advice.findings(latency).isEmpty(), latency.findings()::toString);
    }

    @Test
    void throughputSlackNotApplicableWithoutGcCpu() {
        Report r = Advice.run(new G1ThroughputSlack(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertTrue(Advice.notApplicable(r).missing().contains(EvidenceKind.GC), r.notApplicable()::toString);
    }

    // G1-07

    @Test
    void mixedTooLongFiresWhenEveryCandidateGoesInOneMixedCollection() {
        // the goal comes from the options the JVM ran with, as a user gives them with --jvm-args
        Evidence e = Advice.of(List.of(mixed), "-XX:+UseG1GC -XX:MaxGCPauseMillis=6", null, null, 17);
        GcMetrics m = metrics(e);
        GcMetrics.PauseStats mx = m.pausesByKind().get("mixed");
        GcMetrics.PauseStats young = m.pausesByKind().get("young");
        // the rule's case; a host too loaded to give it in three runs skips rather than tests something else
        org.junit.jupiter.api.Assumptions.assumeTrue(mx.p90Millis() > 6 && young.p90Millis() <= 6,
                "three runs without mixed p90 over 6 ms and young p90 under it: mixed " + mx + " young " + young);
        Report r = Advice.run(new G1MixedTooLong(), e, 17);
        Finding f = Advice.only(r);
        assertEquals(mx.p90Millis(), figure(f, "mixed pause p90"));
        assertEquals(List.of("-XX:G1MixedGCCountTarget=16"), Advice.recommending(r, "G1MixedGCCountTarget").orElseThrow().flags());
        assertEquals(List.of("-XX:G1HeapWastePercent=10"), Advice.recommending(r, "G1HeapWastePercent").orElseThrow().flags());
        assertEquals(List.of("-XX:G1MixedGCLiveThresholdPercent=75"),
                Advice.recommending(r, "G1MixedGCLiveThresholdPercent").orElseThrow().flags());
    }

    @Test
    void mixedTooLongQuietWhenMixedMeetTheGoalOrYoungMissItToo() {
        Report corpus = Advice.run(new G1MixedTooLong(),
                Advice.of(List.of(corpus("jdk25-g1-full.log.gz")), null, null, null, 25), 25);
        assertTrue(Advice.findings(corpus).isEmpty(), corpus.findings()::toString);
        // 2 ms goal: mixed p90 is over it, but so is young p90 -> G1-04's case, not G1-07's
        Evidence e = Advice.of(List.of(tight), "-XX:+UseG1GC -XX:MaxGCPauseMillis=2", null, null, 17);
        assertTrue(metrics(e).pausesByKind().get("mixed").p90Millis() > 2);
        assertTrue(metrics(e).pausesByKind().get("young").p90Millis() > 2);
        Report t = Advice.run(new G1MixedTooLong(), e, 17);
        assertTrue(Advice.findings(t).isEmpty(), t.findings()::toString);
    }

    @Test
    void mixedTooLongNotApplicableWithoutGc() {
        Report r = Advice.run(new G1MixedTooLong(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
    }

    // G1-09

    @Test
    void gcTimeRatioFiresWhenALowRatioKeepsTheHeapSmall() {
        Evidence e = Advice.of(List.of(ratio), "-XX:+UseG1GC -Xms32m -Xmx2g -XX:GCTimeRatio=4", null, null, 17);
        GcMetrics m = metrics(e);
        org.junit.jupiter.api.Assumptions.assumeTrue(m.gcCpuFraction() != null && m.gcCpuFraction() > 0.05,
                "three runs without GC above 5 % of the CPU: " + m.gcCpuFraction());
        Report r = Advice.run(new G1GcTimeRatio(), e, 17);
        Finding f = Advice.only(r);
        assertEquals(m.gcCpuFraction(), figure(f, "GC CPU"));
        assertEquals(4.0, figure(f, "GCTimeRatio"));
        assertEquals((double) m.heap().peakCommittedBytes() / (2L << 30), figure(f, "committed over max heap"), 1e-9);
        assertTrue(figure(f, "committed over max heap") < 0.8, f::toString);
        assertEquals(List.of("-XX:GCTimeRatio=24"), Advice.recommending(r, "GCTimeRatio").orElseThrow().flags());
    }

    @Test
    void gcTimeRatioQuietWhenTheHeapIsAtItsMaximumOrForFootprint() {
        Report full = Advice.run(new G1GcTimeRatio(), Advice.of(List.of(corpus("jdk17-g1-full.log.gz")), null, null, null, 17), 17);
        assertTrue(Advice.findings(full).isEmpty(), full.findings()::toString);
        Evidence e = Advice.of(List.of(ratio), "-XX:+UseG1GC -Xms32m -Xmx2g -XX:GCTimeRatio=4", null, null, 17);
        assertTrue(Advice.findings(Advice.run(new G1GcTimeRatio(), e, 17, Goal.FOOTPRINT)).isEmpty());
    }

    @Test
    void gcTimeRatioNotApplicableWithoutGcCpu() {
        Report r = Advice.run(new G1GcTimeRatio(), Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertTrue(Advice.notApplicable(r).missing().contains(EvidenceKind.GC_CPU), r.notApplicable()::toString);
    }
}
