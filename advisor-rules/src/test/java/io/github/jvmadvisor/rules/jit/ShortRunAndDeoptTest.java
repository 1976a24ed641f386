package io.github.jvmadvisor.rules.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import io.github.jvmadvisor.rules.testing.JitRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JIT-04 and JIT-06 on recordings of real runs: a 2.6 s allocation-profiling run (compiles for longer than it
 * computes), a 3 s run spinning on 2 threads with C1 only (the advice applied: it compiles a fraction), and a 4 s run deoptimizing hidden copies of one loop.
 */
class ShortRunAndDeoptTest {

    static final int JDK = 17;

    @TempDir
    static Path dir;
    static Evidence spin;
    static Evidence deopt;

    @BeforeAll
    static void runs() throws Exception {
        Path s = dir.resolve("spin.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:StartFlightRecording:filename=" + s),
                SpinWorkload.class, List.of("3", "2"), 120).requireSuccess();
        spin = Advice.of(List.of(s), null, null, null, JDK);
        Path d = dir.resolve("deopt.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-XX:StartFlightRecording:filename=" + d),
                DeoptWorkload.class, List.of("4"), 120).requireSuccess();
        deopt = Advice.of(List.of(d), null, null, null, JDK);
    }

    static double figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + f.figures()));
    }

    static Report advise(Rule rule, Evidence e, int jdk, Map<String, String> params) {
        Advisor.Builder b = Advisor.builder().rules(RuleSet.of(rule)).targetJdk(jdk);
        params.forEach(b::parameter);
        return b.build().advise(e);
    }

    // JIT-04

    @Test
    void jit04FiresOnAShortRunThatMostlyCompiles() {
        Evidence e = JitRuns.profiled();
        Report r = Advice.run(new ShortLivedCompilation(), e, JDK);
        Finding f = Advice.only(r);
        double seconds = figure(f, "run length");
        assertTrue(seconds > 1 && seconds < 10, f::toString);
        double compileMs = figure(f, "compilation time");
        assertEquals(e.jit().orElseThrow().statistics().totalTimeNanos() / 1e6, compileMs, 1e-6);
        assertTrue(figure(f, "compilation share of JVM CPU") >= 0.25, f::toString);
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), Changes.flags(r.recommendations().get(0)));
        assertTrue(r.recommendations().get(0).action().contains("-XX:ArchiveClassesAtExit"), r.recommendations()::toString);
        Report r25 = Advice.run(new ShortLivedCompilation(), e, 25);
        assertTrue(r25.recommendations().get(0).action().contains("-XX:AOTCacheOutput"), r25.recommendations()::toString);
    }

    @Test
    void jit04QuietWhenTheShortRunComputesOrTheRunIsLong() {
        // the advice applied: C1 only compiles a fraction of what the tiered profiled run compiled
        long c1Only = spin.jit().orElseThrow().statistics().totalTimeNanos();
        assertTrue(c1Only < JitRuns.profiled().jit().orElseThrow().statistics().totalTimeNanos() / 2, () -> "" + c1Only);
        Report busy = Advice.run(new ShortLivedCompilation(), spin, JDK);
        assertTrue(Advice.findings(busy).isEmpty(), busy.findings()::toString);
        Report longer = advise(new ShortLivedCompilation(), JitRuns.profiled(), JDK, Map.of("JIT-04.maxSeconds", "1"));
        assertTrue(Advice.findings(longer).isEmpty(), longer.findings()::toString);
    }

    @Test
    void jit04NotApplicableWithoutARecording() {
        assertEquals(List.of(EvidenceKind.JIT), Advice.notApplicable(Advice.run(new ShortLivedCompilation(),
                Advice.ofCommandLine("-Xmx64m", null, null, JDK), JDK)).missing());
    }

    // JIT-06

    @Test
    void jit06FiresOnASteadyStreamOfDeoptimizations() {
        Report r = advise(new DeoptimizationStorm(), deopt, JDK, Map.of("JIT-06.minSpanSeconds", "1"));
        Finding f = Advice.only(r);
        double count = figure(f, "deoptimizations");
        double span = figure(f, "span");
        assertEquals(deopt.jit().orElseThrow().deoptimizations().count(), (long) count);
        assertTrue(span >= 1 && span < 5, f::toString);
        assertEquals(count / span, figure(f, "rate"), 1e-9);
        assertTrue(count / span >= 10, f::toString);
        assertTrue(f.summary().contains("unstable_if"), f::toString);
        assertTrue(f.figures().stream().anyMatch(x -> x.name().contains("DeoptWorkload$Target")), f::toString);
        assertTrue(r.recommendations().get(0).changes().isEmpty());
    }

    @Test
    void jit06QuietAtWarmUpOrWithTheDefaultSpan() {
        // the default: a storm must outlast a minute of warm-up
        Report shortSpan = Advice.run(new DeoptimizationStorm(), deopt, JDK);
        assertTrue(Advice.findings(shortSpan).isEmpty(), shortSpan.findings()::toString);
        // a spinning run deoptimizes a handful of times, all at start-up
        Report spinning = advise(new DeoptimizationStorm(), spin, JDK, Map.of("JIT-06.minSpanSeconds", "1"));
        assertTrue(Advice.findings(spinning).isEmpty(), spinning.findings()::toString);
    }

    @Test
    void jit06NotApplicableWithoutARecording() {
        assertEquals(List.of(EvidenceKind.JIT), Advice.notApplicable(Advice.run(new DeoptimizationStorm(),
                Advice.ofCommandLine("-Xmx64m", null, null, JDK), JDK)).missing());
    }
}
