package io.github.jvmadvisor.rules.explicitgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.ExplicitGcWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXP-01 on GC logs of real runs: one that calls System.gc(), one that does not. */
class SystemGcFullPausesTest {

    @TempDir
    static Path dir;
    static Path explicit;
    static Path churn;
    final SystemGcFullPauses rule = new SystemGcFullPauses();

    @BeforeAll
    static void runs() throws Exception {
        explicit = dir.resolve("explicit.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx128m", "-Xlog:gc*:file=" + explicit),
                ExplicitGcWorkload.class, List.of("8", "100"), 120).requireSuccess();
        churn = dir.resolve("churn.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx128m", "-Xlog:gc*:file=" + churn),
                ChurnWorkload.class, List.of("1", "16", "2"), 120).requireSuccess();
    }

    @Test
    void firesOnSystemGcCallsAndRecommendsConcurrentCyclesForG1() {
        Evidence e = Advice.of(List.of(explicit), null, null, null, 17);
        Report r = Advice.run(rule, e, 17);
        Finding f = Advice.only(r);
        assertEquals(8.0, f.figures().get(0).value(), f::toString);
        assertEquals(List.of("-XX:+ExplicitGCInvokesConcurrent"), r.recommendations().get(0).flags());
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void quietWithoutSystemGcCalls() {
        Report r = Advice.run(rule, Advice.of(List.of(churn), null, null, null, 17), 17);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void notApplicableWithoutGcEvidence() {
        Report r = Advice.run(rule, Advice.ofCommandLine("-XX:+UseG1GC", null, null, 17), 17);
        assertEquals(List.of(EvidenceKind.GC), Advice.notApplicable(r).missing());
    }
}
