package io.github.jvmadvisor.rules.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.WarmupWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JIT-02 on the warm-up workload run with one CPU ({@code -XX:ActiveProcessorCount=1}: the application
 * and both compilers share it), and the same workload with two.
 */
class WarmupCompilerStarvationTest {

    @TempDir
    static Path dir;
    static Path oneCpu;
    static Path twoCpus;
    /** The one-CPU fixture's warm-up ratio, measured by the test, not by the rule. */
    static double oneCpuRatio;

    @BeforeAll
    static void runs() throws Exception {
        oneCpu = Files.createDirectories(dir.resolve("one"));
        twoCpus = Files.createDirectories(dir.resolve("two"));
        // how cold the start looks depends on the host (an idle one compiles fast enough that a run can show a
        // warm-up p99 under 3 times the steady one): repeated, up to 3 times, until the log itself shows 3.5
        for (int attempt = 0; attempt < 3; attempt++) {
            ChildJvm.run(Jdks.current(), dir, List.of("-Xmx128m", "-XX:ActiveProcessorCount=1"), WarmupWorkload.class,
                    List.of(oneCpu.toString(), "30", "100"), 120).requireSuccess();
            oneCpuRatio = Advice.warmupRatio(Advice.of(List.of(oneCpu.resolve("warmup.hlog")), null, null, null, 17), 0.3);
            if (oneCpuRatio >= 3.5) {
                break;
            }
        }
        ChildJvm.run(Jdks.current(), dir, List.of("-Xmx128m", "-XX:ActiveProcessorCount=2"), WarmupWorkload.class,
                List.of(twoCpus.toString(), "30", "100"), 120).requireSuccess();
    }

    static Report advise(Evidence e) {
        return Advisor.builder().rules(RuleSet.of(new WarmupCompilerStarvation())).targetJdk(17)
                .parameter("JIT-02.warmupSeconds", "0.3").build().advise(e);
    }

    @Test
    void oneCpuAndAWarmUpTailFire() {
        org.junit.jupiter.api.Assumptions.assumeTrue(oneCpuRatio >= 3.5,
                "three one-CPU runs never started cold enough here (warm-up p99 ratio " + oneCpuRatio + ")");
        Report r = advise(Advice.of(List.of(oneCpu.resolve("warmup.hlog")), "-Xmx128m -XX:ActiveProcessorCount=1",
                null, null, 17));
        Finding f = Advice.only(r);
        assertEquals(1.0, f.figures().get(1).value(), f::toString);
        assertTrue(f.figures().get(0).value() >= 3, f::toString);
        assertTrue(r.recommendations().get(0).action().contains("2 or more"), r.recommendations().get(0)::action);
    }

    @Test
    void twoCpusAreAot02sCaseAlone() {
        Report r = advise(Advice.of(List.of(twoCpus.resolve("warmup.hlog")), "-Xmx128m -XX:ActiveProcessorCount=2",
                null, null, 17));
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void notApplicableWithoutTheCpuCount() {
        Report r = advise(Advice.of(List.of(oneCpu.resolve("warmup.hlog")), null, null, null, 17));
        assertEquals(List.of(EvidenceKind.CPUS), Advice.notApplicable(r).missing());
    }
}
