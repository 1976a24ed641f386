package io.github.jvmadvisor.rules.escapeanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.InliningWorkload;
import io.github.jvmadvisor.rules.testing.JitRuns;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ALLOC-02 on command lines; ALLOC-03, ALLOC-06 and ALLOC-07 on the recordings of {@link JitRuns}: the
 * inlining workload passes a fresh {@code Point} to a callee too big to inline, boxes, and allocates large
 * arrays; the profiled workload's dominant allocation escapes into an array (no inlining failure at it),
 * with few large arrays and no boxing.
 */
class EscapeAnalysisRulesTest {

    static final String IW = InliningWorkload.class.getName();
    static final int JDK = 17;

    static Figure figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no figure " + name + " in " + f));
    }

    @Test
    void disabledEscapeAnalysisIsRemoved() {
        Report r = Advice.run(new EscapeAnalysisDisabled(),
                Advice.ofCommandLine("-XX:-DoEscapeAnalysis -XX:-EliminateLocks -Xmx1g", null, null, JDK), JDK);
        Finding f = Advice.only(r);
        assertEquals("DoEscapeAnalysis, EliminateLocks", figure(f, "flags off").text());
        assertEquals(List.of("REMOVE DoEscapeAnalysis", "REMOVE EliminateLocks"), r.recommendations().get(0).changes().stream()
                .map(c -> c.op() + " " + c.name()).toList());
        assertEquals(List.of("-Xmx1g"), r.commandLine().options());
    }

    @Test
    void enabledEscapeAnalysisIsQuiet() {
        Report r = Advice.run(new EscapeAnalysisDisabled(), Advice.ofCommandLine("-XX:+DoEscapeAnalysis", null, null, JDK), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void escapeAnalysisFlagsNeedAConfiguration() {
        Report r = Advice.run(new EscapeAnalysisDisabled(), new Evidence(List.of(), Optional.empty()), JDK);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }

    @Test
    void blockedEscapeAnalysisJoinsThePointAllocationWithTheRefusedConsumer() {
        Report r = Advice.run(new EscapeBlockedByInlining(), JitRuns.inlining(), JDK);
        Finding f = Advice.only(r);
        assertTrue(figure(f, "allocation site").text().startsWith(IW + ".eaLoop(int, int):"), f::toString);
        assertEquals(IW + "$Point", figure(f, "allocated class").text());
        assertTrue(figure(f, "refused call").text().endsWith(" -> " + IW + ".bigConsumer(" + IW + "$Point)"), f::toString);
        assertEquals("hot method too big", figure(f, "reason").text());
        double share = figure(f, "blocked allocation share").value();
        assertTrue(share > 0.1 && share < 1, f::toString);
        assertEquals(List.of("-XX:FreqInlineSize=500"), Advice.recommending(r, "FreqInlineSize").orElseThrow().flags());
    }

    @Test
    void blockedEscapeAnalysisIsQuietWhenTheObjectEscapesAnyway() {
        Report r = Advice.run(new EscapeBlockedByInlining(), JitRuns.profiled(), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void blockedEscapeAnalysisNeedsAllocationAndInlining() {
        Report r = Advice.run(new EscapeBlockedByInlining(), Advice.ofCommandLine("-Xmx1g", null, null, JDK), JDK);
        assertEquals(List.of(EvidenceKind.ALLOCATION, EvidenceKind.INLINING), Advice.notApplicable(r).missing());
    }

    @Test
    void outsideTlabFiresOnLargeArrays() {
        Report r = Advice.run(new OutsideTlabAllocation(), JitRuns.inlining(), JDK);
        Finding f = Advice.only(r);
        double ratio = figure(f, "outside-TLAB share").value();
        assertTrue(ratio > 0.10 && ratio < 0.6, f::toString);
        assertTrue(figure(f, "top outside-TLAB site").text().startsWith(IW + ".largeArrays():"), f::toString);
        assertTrue(figure(f, "outside-TLAB allocations").value() > 100, f::toString);
    }

    @Test
    void outsideTlabIsQuietWithFewLargeArrays() {
        Report r = Advice.run(new OutsideTlabAllocation(), JitRuns.profiled(), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void outsideTlabNeedsAllocationSamples() {
        Report r = Advice.run(new OutsideTlabAllocation(), Advice.ofCommandLine("-Xmx1g", null, null, JDK), JDK);
        assertEquals(List.of(EvidenceKind.ALLOCATION), Advice.notApplicable(r).missing());
    }

    @Test
    void boxingFiresOnIntegerValueOf() {
        Report r = Advice.run(new Autoboxing(), JitRuns.inlining(), JDK);
        Finding f = Advice.only(r);
        double share = figure(f, "boxing share of allocation").value();
        assertTrue(share >= 0.2 && share < 0.8, f::toString);
        assertTrue(figure(f, "top boxing caller").text().startsWith(IW + ".boxLoop(int, int):"), f::toString);
        assertTrue(f.score() >= 25 && f.score() < 75, f::toString);
    }

    @Test
    void boxingIsQuietWithoutBoxing() {
        Report r = Advice.run(new Autoboxing(), JitRuns.profiled(), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void boxingNeedsAllocationSamples() {
        Report r = Advice.run(new Autoboxing(), Advice.ofCommandLine("-Xmx1g", null, null, JDK), JDK);
        assertEquals(List.of(EvidenceKind.ALLOCATION), Advice.notApplicable(r).missing());
    }
}
