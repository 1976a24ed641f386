package io.github.jvmadvisor.rules.zgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.parallel.ParallelElastic;
import io.github.jvmadvisor.rules.shenandoah.ShenandoahCompact;
import io.github.jvmadvisor.rules.shenandoah.ShenandoahGenerationalHeuristics;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ZGC-02, ZGC-03, ZGC-04, PAR-03, SHEN-02, SHEN-03: configuration rules, on command lines (what --jvm-args
 * gives) and on the corpus's real ZGC and Shenandoah logs (-Xmx1g, gc,init lines).
 */
class ZgcShenParConfigRulesTest {

    static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/generated").resolve(name);
    }

    static Report run(io.github.jvmadvisor.core.rule.Rule rule, String args, int jdk, Goal goal) {
        return Advice.run(rule, Advice.ofCommandLine(args, null, null, jdk), jdk, goal);
    }

    // ZGC-02

    @Test
    void uncommitOffFiresOnXmsEqualXmxAndIsAWarningForFootprint() {
        Report r = run(new ZgcUncommitOff(), "-XX:+UseZGC -Xms2g -Xmx2g", 25, Goal.FOOTPRINT);
        Finding f = Advice.only(r);
        assertEquals(60.0, f.score());
        assertEquals(List.of("remove InitialHeapSize"), Changes.flags(r.recommendations().get(0)).stream()
                .map(x -> x.replace("remove -Xms", "remove InitialHeapSize")).toList());
        assertEquals(30.0, Advice.only(run(new ZgcUncommitOff(), "-XX:+UseZGC -Xms2g -Xmx2g", 25, Goal.BALANCED)).score());
    }

    @Test
    void uncommitOffQuietWithRoomToShrinkOrUncommitOffOnPurpose() {
        assertTrue(Advice.findings(run(new ZgcUncommitOff(), "-XX:+UseZGC -Xms512m -Xmx2g", 25, Goal.FOOTPRINT)).isEmpty());
        assertTrue(Advice.findings(run(new ZgcUncommitOff(), "-XX:+UseZGC -Xms2g -Xmx2g -XX:-ZUncommit", 25,
                Goal.FOOTPRINT)).isEmpty());
        // the corpus's ZGC run had only -Xmx1g: "Uncommit: Enabled"
        Report log = Advice.run(new ZgcUncommitOff(), Advice.of(List.of(corpus("jdk25-zgc-full.log.gz")), null, null, null, 25), 25);
        assertTrue(Advice.findings(log).isEmpty(), log.findings()::toString);
    }

    @Test
    void uncommitOffNotApplicableWithoutConfigOrForG1() {
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new ZgcUncommitOff(), Advice.of(List.of(), null, null, null, 25), 25)).missing());
        Advice.notApplicable(run(new ZgcUncommitOff(), "-XX:+UseG1GC -Xms2g -Xmx2g", 25, Goal.FOOTPRINT));
    }

    // ZGC-03

    @Test
    void softMaxFiresForFootprintOnTheCorpusAt90PercentOfXmx() {
        Evidence e = Advice.of(List.of(corpus("jdk25-zgc-full.log.gz")), null, null, null, 25);
        assertEquals(1L << 30, e.gc().orElseThrow().setup().softMaxHeapBytes()); // Soft Max Capacity: 1024M
        Report r = Advice.run(new ZgcSoftMax(), e, 25, Goal.FOOTPRINT);
        Finding f = Advice.only(r);
        long soft = (long) (0.9 * (1L << 30));
        assertTrue(f.figures().stream().anyMatch(x -> x.name().equals("recommended soft max heap") && x.value() == soft),
                f.figures()::toString);
        assertEquals("-XX:SoftMaxHeapSize=" + io.github.jvmadvisor.core.rule.Units.optionSize(soft),
                Advice.recommending(r, "SoftMaxHeapSize").orElseThrow().flags().get(0));
    }

    @Test
    void softMaxQuietWithoutPressureOrWhenSet() {
        Evidence e = Advice.of(List.of(corpus("jdk25-zgc-full.log.gz")), null, null, null, 25);
        assertTrue(Advice.findings(Advice.run(new ZgcSoftMax(), e, 25, Goal.BALANCED)).isEmpty());
        assertTrue(Advice.findings(run(new ZgcSoftMax(), "-XX:+UseZGC -Xmx2g -XX:SoftMaxHeapSize=1g", 25, Goal.FOOTPRINT))
                .isEmpty());
    }

    @Test
    void softMaxNotApplicableForG1() {
        Advice.notApplicable(run(new ZgcSoftMax(), "-XX:+UseG1GC -Xmx2g", 25, Goal.FOOTPRINT));
    }

    // ZGC-04

    @Test
    void stringDedupFiresWithGenerationalZgc() {
        Report r25 = run(new ZgcStringDedup(), "-XX:+UseZGC -XX:+UseStringDeduplication", 25, Goal.BALANCED);
        Advice.only(r25);
        assertEquals(List.of("remove UseStringDeduplication"), Changes.flags(r25.recommendations().get(0)));
        Advice.only(run(new ZgcStringDedup(), "-XX:+UseZGC -XX:+ZGenerational -XX:+UseStringDeduplication", 21, Goal.BALANCED));
    }

    @Test
    void stringDedupQuietWithNonGenerationalZgcOrWithoutDedup() {
        assertTrue(Advice.findings(run(new ZgcStringDedup(), "-XX:+UseZGC -XX:+UseStringDeduplication", 21, Goal.BALANCED))
                .isEmpty());
        assertTrue(Advice.findings(run(new ZgcStringDedup(), "-XX:+UseZGC", 25, Goal.BALANCED)).isEmpty());
    }

    @Test
    void stringDedupNotApplicableForG1() {
        Advice.notApplicable(run(new ZgcStringDedup(), "-XX:+UseG1GC -XX:+UseStringDeduplication", 25, Goal.BALANCED));
    }

    // PAR-03

    @Test
    void elasticParallelFiresForFootprintWithTheRedHatPattern() {
        Report r = run(new ParallelElastic(), "-XX:+UseParallelGC -Xmx2g", 17, Goal.FOOTPRINT);
        Advice.only(r);
        assertEquals(List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
                "-XX:AdaptiveSizePolicyWeight=90"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void elasticParallelQuietForOtherGoalsOrWhenAlreadyElastic() {
        assertTrue(Advice.findings(run(new ParallelElastic(), "-XX:+UseParallelGC -Xmx2g", 17, Goal.BALANCED)).isEmpty());
        assertTrue(Advice.findings(run(new ParallelElastic(), "-XX:+UseParallelGC -Xmx2g -XX:MinHeapFreeRatio=10 "
                + "-XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90", 17, Goal.FOOTPRINT)).isEmpty());
    }

    @Test
    void elasticParallelNotApplicableWithoutConfigOrForG1() {
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(
                Advice.run(new ParallelElastic(), Advice.of(List.of(), null, null, null, 17), 17, Goal.FOOTPRINT)).missing());
        Advice.notApplicable(run(new ParallelElastic(), "-XX:+UseG1GC", 17, Goal.FOOTPRINT));
    }

    // SHEN-02

    @Test
    void compactFiresForFootprintOnTheCorpusAdaptiveRun() {
        Report r = Advice.run(new ShenandoahCompact(),
                Advice.of(List.of(corpus("jdk17-shenandoah-full.log.gz")), null, null, null, 17), 17, Goal.FOOTPRINT);
        Finding f = Advice.only(r);
        assertEquals("adaptive", f.figures().get(0).text());
        assertEquals(List.of("-XX:ShenandoahGCHeuristics=compact"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void compactQuietForBalancedOrGenerationalOrCompact() {
        assertTrue(Advice.findings(Advice.run(new ShenandoahCompact(),
                Advice.of(List.of(corpus("jdk17-shenandoah-full.log.gz")), null, null, null, 17), 17)).isEmpty());
        assertTrue(Advice.findings(run(new ShenandoahCompact(), "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational",
                25, Goal.FOOTPRINT)).isEmpty());
        assertTrue(Advice.findings(run(new ShenandoahCompact(), "-XX:+UseShenandoahGC -XX:ShenandoahGCHeuristics=compact",
                25, Goal.FOOTPRINT)).isEmpty());
    }

    @Test
    void compactNotApplicableForG1() {
        Advice.notApplicable(run(new ShenandoahCompact(), "-XX:+UseG1GC", 17, Goal.FOOTPRINT));
    }

    // SHEN-03

    @Test
    void generationalHeuristicsFiresOnNonAdaptive() {
        Report r = run(new ShenandoahGenerationalHeuristics(),
                "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational -XX:ShenandoahGCHeuristics=compact", 25, Goal.BALANCED);
        Finding f = Advice.only(r);
        assertEquals("compact", f.figures().get(0).text());
        assertEquals(List.of("remove ShenandoahGCHeuristics"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void generationalHeuristicsQuietOnAdaptiveOrSatb() {
        assertTrue(Advice.findings(run(new ShenandoahGenerationalHeuristics(),
                "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational -XX:ShenandoahGCHeuristics=adaptive", 25,
                Goal.BALANCED)).isEmpty());
        assertTrue(Advice.findings(run(new ShenandoahGenerationalHeuristics(),
                "-XX:+UseShenandoahGC -XX:ShenandoahGCHeuristics=compact", 25, Goal.BALANCED)).isEmpty());
    }

    @Test
    void generationalHeuristicsNotApplicableForZgc() {
        Advice.notApplicable(run(new ShenandoahGenerationalHeuristics(), "-XX:+UseZGC -XX:ShenandoahGCHeuristics=compact",
                25, Goal.BALANCED));
    }
}
