package io.github.jvmadvisor.rules.inlining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.InliningWorkload;
import io.github.jvmadvisor.rules.testing.JitRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INL-01 on command lines; INL-02 to INL-06 on recordings of child JVMs ({@link JitRuns}) that make C2
 * refuse inlining in known ways, against one that only has {@code hot method too big} and one where
 * {@code -XX:FreqInlineSize=500} makes even that inline.
 */
class InliningRulesTest {

    static final String IW = InliningWorkload.class.getName();
    static final int JDK = 17;

    static String text(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).map(Figure::text).findFirst().orElseThrow(
                () -> new AssertionError("no figure " + name + " in " + f));
    }

    static double value(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).map(Figure::value).findFirst().orElseThrow();
    }

    /**
     * The rule with every site counted however few samples its caller has: on a loaded 2-CPU machine a
     * 4 s recording may hold only a few dozen execution samples, too few to rank a small caller reliably.
     */
    static Report anyHotness(Rule rule, Evidence e) {
        return io.github.jvmadvisor.core.engine.Advisor.builder()
                .rules(io.github.jvmadvisor.core.engine.RuleSet.of(rule)).targetJdk(JDK)
                .parameter(rule.id() + ".minCallerShare", "0").build().advise(e);
    }

    /**
     * Every site the rule weighs with every caller counted ({@code "caller @bci -> callee: message"}): with
     * callers of any hotness the hottest one may be JDK code (JFR's own start-up), so the tests look for
     * the workload's site among them rather than at the top.
     */
    static List<String> sites(InliningFailureRule rule, Evidence e) {
        io.github.jvmadvisor.core.rule.RuleContext ctx = new io.github.jvmadvisor.core.rule.RuleContext(e, JDK,
                io.github.jvmadvisor.core.rule.Goal.BALANCED, io.github.jvmadvisor.core.flags.FlagCatalogue.forJdk(JDK),
                java.util.Map.of(rule.id() + ".minCallerShare", "0"), rule);
        return HotSites.find(ctx, rule.compilers(), rule.reasons(), 20, 0).stream()
                .map(h -> h.describe() + ": " + h.site().failureMessage()).toList();
    }

    static List<String> options(Finding f) {
        return f.recommendations().stream().flatMap(r -> r.changes().stream()).map(c -> c.option()).toList();
    }

    static void notApplicable(Rule rule) {
        Report r = Advice.run(rule, Advice.ofCommandLine("-Xmx1g", null, null, JDK), JDK);
        assertEquals(List.of(EvidenceKind.INLINING), Advice.notApplicable(r).missing());
    }

    @Test
    void staleMaxInlineLevelIsRemoved() {
        Report r = Advice.run(new StaleMaxInlineLevel(), Advice.ofCommandLine("-XX:MaxInlineLevel=9 -Xmx1g", null, null, JDK), JDK);
        Finding f = Advice.only(r);
        assertEquals(9.0, f.figures().get(0).value());
        assertEquals(List.of("REMOVE MaxInlineLevel"), r.recommendations().get(0).changes().stream()
                .map(c -> c.op() + " " + c.name()).toList());
    }

    @Test
    void defaultMaxInlineLevelIsQuiet() {
        Report r = Advice.run(new StaleMaxInlineLevel(), Advice.ofCommandLine("-XX:MaxInlineLevel=15", null, null, JDK), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void staleMaxInlineLevelNeedsAConfiguration() {
        Report r = Advice.run(new StaleMaxInlineLevel(), new Evidence(List.of(), java.util.Optional.empty()), JDK);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }

    @Test
    void tooDeepFiresAtTheEndOfTheChainAndRaisesMaxInlineLevel() {
        Report r = anyHotness(new InliningTooDeep(), JitRuns.inlining());
        Finding f = Advice.only(r);
        // C2 stops at depth 15: d15 calls d16
        List<String> sites = sites(new InliningTooDeep(), JitRuns.inlining());
        assertTrue(sites.contains(IW + ".d15(int) @4 -> " + IW + ".d16(int): inlining too deep"), sites::toString);
        assertTrue(options(f).contains("-XX:MaxInlineLevel=20"), f::toString);
    }

    @Test
    void tooDeepIsQuietWithoutDeepChains() {
        assertTrue(Advice.findings(Advice.run(new InliningTooDeep(), JitRuns.profiled(), JDK)).isEmpty());
    }

    @Test
    void tooDeepNeedsInliningEvents() {
        notApplicable(new InliningTooDeep());
    }

    @Test
    void hotMethodTooBigFiresAtTheSiteTheWorkloadBuilt() {
        Report r = Advice.run(new HotMethodTooBig(), JitRuns.profiled(), JDK);
        Finding f = Advice.only(r);
        String pw = io.github.jvmadvisor.core.testing.ProfiledWorkload.class.getName();
        assertTrue(text(f, "hottest call site").startsWith(pw + ".hotLoop(int, int) @"), f::toString);
        assertTrue(text(f, "hottest call site").endsWith(" -> " + pw + ".bigCallee(int)"), f::toString);
        assertEquals("hot method too big", text(f, "message"));
        // most samples are in hotLoop and bigCallee: a warning
        assertTrue(value(f, "caller share of samples") > 0.5, f::toString);
        assertTrue(f.score() >= 75, f::toString);
        assertEquals(List.of("-XX:FreqInlineSize=500"), Advice.recommending(r, "FreqInlineSize").orElseThrow().flags());
    }

    @Test
    void hotMethodTooBigIsQuietOnceFreqInlineSizeIsRaised() {
        // the A/B: the recommended flag makes bigCallee (340 bytes) inline
        assertTrue(Advice.findings(Advice.run(new HotMethodTooBig(), JitRuns.profiledBigInline(), JDK)).isEmpty());
    }

    @Test
    void hotMethodTooBigNeedsInliningEvents() {
        notApplicable(new HotMethodTooBig());
    }

    @Test
    void alreadyCompiledBigFiresForTheMediumMethod() {
        Report r = anyHotness(new AlreadyCompiledBig(), JitRuns.inlining());
        Finding f = Advice.only(r);
        List<String> sites = sites(new AlreadyCompiledBig(), JitRuns.inlining());
        assertTrue(sites.contains(IW + ".codeLoop(int, int) @13 -> " + IW + ".medium(int): already compiled into a big "
                + "method"), sites::toString);
        assertTrue(options(f).contains("-XX:InlineSmallCode=4000"), f::toString);
    }

    @Test
    void alreadyCompiledBigIsQuietWithoutSuchSites() {
        assertTrue(Advice.findings(Advice.run(new AlreadyCompiledBig(), JitRuns.profiled(), JDK)).isEmpty());
    }

    @Test
    void alreadyCompiledBigNeedsInliningEvents() {
        notApplicable(new AlreadyCompiledBig());
    }

    @Test
    void megamorphicFiresAtTheInterfaceCall() {
        Report r = anyHotness(new Megamorphic(), JitRuns.inlining());
        Finding f = Advice.only(r);
        List<String> sites = sites(new Megamorphic(), JitRuns.inlining());
        assertTrue(sites.contains(IW + ".megaLoop(int, int) @22 -> " + IW + "$Shape.area(int): no static binding"),
                sites::toString);
        assertTrue(f.recommendations().get(0).action().contains("CompileCommand=inline," + IW + "$Shape::area"),
                f.recommendations().get(0)::action);
    }

    @Test
    void megamorphicIsQuietWithMonomorphicCalls() {
        Report r = Advice.run(new Megamorphic(), JitRuns.profiled(), JDK);
        // the workload's own calls are monomorphic; a JDK site with a barely sampled caller may appear, scored
        // below 25 (OK): quiet means nothing at info or above, so nothing is recommended
        assertTrue(Advice.findings(r).stream().allMatch(f -> f.severity() == io.github.jvmadvisor.core.rule.Severity.OK),
                r.findings()::toString);
        assertTrue(r.recommendations().isEmpty(), r.recommendations()::toString);
        assertTrue(Advice.findings(r).stream().noneMatch(f -> f.summary().contains("ProfiledWorkload")), r.findings()::toString);
    }

    @Test
    void megamorphicNeedsInliningEvents() {
        notApplicable(new Megamorphic());
    }

    @Test
    void coldSiteTooBigFiresAtTheRarelyTakenCallInAHotMethod() {
        // the run made the refusal: C2 declined rareBig at coldStep's rarely taken call as "too big"
        Evidence e = JitRuns.inlining();
        assertTrue(e.jit().orElseThrow().inliningFailuresIn(IW + ".coldStep(int, int)").stream()
                .anyMatch(s -> s.callee().equals(IW + ".rareBig(int)") && "too big".equals(s.failureMessage())),
                () -> "no C2 'too big' at coldStep in " + e.jit().orElseThrow().inliningFailuresIn(IW + ".coldStep(int, int)"));
        // every site counted however few samples the caller got (see anyHotness)
        Report r = anyHotness(new ColdSiteTooBig(), e);
        Finding f = Advice.only(r);
        List<String> sites = sites(new ColdSiteTooBig(), e);
        assertTrue(sites.contains(IW + ".coldStep(int, int) @57 -> " + IW + ".rareBig(int): too big"), sites::toString);
        // information only, and no flag: a refactoring hint
        assertTrue(f.score() <= 50, f::toString);
        assertTrue(options(f).isEmpty(), f::toString);
        assertTrue(f.recommendations().get(0).action().contains("MaxInlineSize"), f.recommendations().get(0)::action);
    }

    @Test
    void coldSiteTooBigIsQuietWhenNoHotCallerHasColdSiteRefusals() {
        Report r = Advice.run(new ColdSiteTooBig(), JitRuns.profiled(), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void coldSiteTooBigNeedsInliningEvents() {
        notApplicable(new ColdSiteTooBig());
    }
}
