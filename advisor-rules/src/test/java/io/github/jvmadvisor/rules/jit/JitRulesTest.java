package io.github.jvmadvisor.rules.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.JitRuns;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JIT-03 and JIT-05 on command lines; JIT-01 on recordings with a 3 MB and a default code cache. */
class JitRulesTest {

    static final int JDK = 17;

    static Figure figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no figure " + name + " in " + f));
    }

    @Test
    void aSmallCodeCacheFillingUpIsDoubled() {
        Report r = Advice.run(new CodeCacheFull(), JitRuns.smallCodeCache(), JDK);
        Finding f = Advice.only(r);
        double occ = figure(f, "peak code heap occupancy").value();
        assertTrue(occ >= 0.5 && occ <= 1, f::toString);
        assertEquals(3 * 1024 * 1024.0, figure(f, "reserved code cache").value());
        assertEquals(List.of("-XX:ReservedCodeCacheSize=6m"),
                Advice.recommending(r, "ReservedCodeCacheSize").orElseThrow().flags());
    }

    @Test
    void theDefaultCodeCacheIsQuiet() {
        Report r = Advice.run(new CodeCacheFull(), JitRuns.inlining(), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void codeCacheNeedsJitEvidence() {
        Report r = Advice.run(new CodeCacheFull(), Advice.ofCommandLine("-Xmx1g", null, null, JDK), JDK);
        assertEquals(List.of(EvidenceKind.JIT), Advice.notApplicable(r).missing());
    }

    @Test
    void xintAndNoTieredAreRemoved() {
        Report r = Advice.run(new CrippledJit(), Advice.ofCommandLine("-Xint -XX:-TieredCompilation -Xmx1g", null, null, JDK), JDK);
        List<Finding> f = Advice.findings(r);
        assertEquals(2, f.size(), f::toString);
        assertEquals(Severity.WARNING, f.stream().filter(x -> x.summary().startsWith("-Xint")).findFirst().orElseThrow().severity());
        assertTrue(Advice.recommending(r, "-Xint").isPresent(), r.recommendations()::toString);
        assertTrue(Advice.recommending(r, "TieredCompilation").isPresent(), r.recommendations()::toString);
        assertTrue(!r.commandLine().options().contains("-Xint"), r.commandLine()::toString);
    }

    @Test
    void aNormalJitIsQuiet() {
        Report r = Advice.run(new CrippledJit(), Advice.ofCommandLine("-XX:+TieredCompilation -Xshare:auto", null, null, JDK), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void crippledJitNeedsAConfiguration() {
        Report r = Advice.run(new CrippledJit(), new Evidence(List.of(), Optional.empty()), JDK);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }

    @Test
    void minInliningThresholdIsAnErrorOn25AndInfoOn17() {
        String line = "-XX:MinInliningThreshold=100 -XX:CompileThreshold=1000";
        Report r25 = Advice.run(new IgnoredJitFlags(), Advice.ofCommandLine(line, null, null, 17), 25);
        Finding mit = Advice.findings(r25).stream().filter(x -> x.summary().contains("MinInliningThreshold"))
                .findFirst().orElseThrow();
        assertEquals(Severity.ERROR, mit.severity());
        assertTrue(Advice.recommending(r25, "MinInliningThreshold").isPresent());
        assertTrue(Advice.findings(r25).stream().anyMatch(x -> x.summary().contains("CompileThreshold=1000")));
        Report r17 = Advice.run(new IgnoredJitFlags(), Advice.ofCommandLine(line, null, null, 17), 17);
        assertEquals(Severity.INFO, Advice.findings(r17).stream().filter(x -> x.summary().contains("MinInliningThreshold"))
                .findFirst().orElseThrow().severity());
    }

    @Test
    void compileThresholdWithoutTieredIsQuiet() {
        Report r = Advice.run(new IgnoredJitFlags(),
                Advice.ofCommandLine("-XX:-TieredCompilation -XX:CompileThreshold=1000", null, null, JDK), JDK);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void ignoredJitFlagsNeedAConfiguration() {
        Report r = Advice.run(new IgnoredJitFlags(), new Evidence(List.of(), Optional.empty()), JDK);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }
}
