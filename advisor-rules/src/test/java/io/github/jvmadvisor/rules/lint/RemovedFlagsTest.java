package io.github.jvmadvisor.rules.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemovedFlagsTest {

    final RemovedFlags rule = new RemovedFlags();

    @TempDir
    Path dir;

    @Test
    void aFlagJdk25RemovedIsAnErrorAndItsReplacementStartsOnJdk25() throws Exception {
        Evidence e = Advice.ofCommandLine("-XX:MaxRAMFraction=2 -XX:+UseParallelGC", 2L << 30, 2.0, 17);
        Report r = Advice.run(rule, e, 25);
        Finding f = Advice.only(r);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("remove -XX:MaxRAMFraction=2", "-XX:MaxRAMPercentage=50"), r.recommendations().get(0).flags());
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:MaxRAMPercentage=50"), r.commandLine().options());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        // the proof: the suggested line starts a real JDK 25, and the original does not
        Jdks.Jdk jdk25 = Jdks.feature(25).orElse(null);
        Assumptions.assumeTrue(jdk25 != null, "no JDK 25 here");
        assertEquals(0, version(jdk25, r.commandLine().options()).exitCode());
        assertTrue(version(jdk25, List.of("-XX:MaxRAMFraction=2")).exitCode() != 0);
    }

    @Test
    void aDeprecatedFlagIsAWarningOnJdk17() {
        Report r = Advice.run(rule, Advice.ofCommandLine("-XX:MaxRAMFraction=4", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.INFO, f.severity(), f::toString);
        assertEquals("-XX:MaxRAMPercentage=25", r.recommendations().get(0).flags().get(1));
    }

    @Test
    void aValidCommandLineIsQuiet() {
        Report r = Advice.run(rule, Advice.ofCommandLine("-Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=100", null, null, 25), 25);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void withoutAConfigurationItIsNotApplicable() {
        Report r = Advice.run(rule, new Evidence(List.of(), java.util.Optional.empty()), 25);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }

    ChildJvm.Result version(Jdks.Jdk jdk, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(options);
        args.add("-version");
        return ChildJvm.raw(jdk, dir, args, 60);
    }
}
