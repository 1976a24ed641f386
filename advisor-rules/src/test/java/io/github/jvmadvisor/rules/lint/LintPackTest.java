package io.github.jvmadvisor.rules.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.Changes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LINT-02..06 on command lines, and on the JVM arguments of a real recording. */
class LintPackTest {

    @TempDir
    static Path dir;
    /** A run whose line has a duplicate, a Serial-only no-op and an ignored percentage. */
    static Path jfr;

    @BeforeAll
    static void run() throws Exception {
        jfr = dir.resolve("lint.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xmx96m", "-XX:MaxGCPauseMillis=50",
                "-XX:MaxRAMPercentage=60", "-XX:StartFlightRecording=filename=" + jfr + ",settings=default"),
                ChurnWorkload.class, List.of("1", "8", "1"), 120).requireSuccess();
    }

    static Report cl(Rule rule, String line, int jdk) {
        return Advice.run(rule, Advice.ofCommandLine(line, null, null, jdk), jdk);
    }

    static Evidence none() {
        return new Evidence(List.of(), Optional.empty());
    }

    // ------------------------------------------------------------------------------------ LINT-02

    @Test
    void lint02ExperimentalFlagWithoutUnlockIsAnErrorFixedByTheUnlockFirst() {
        Report r = cl(new UnlockMissing(), "-XX:+UseG1GC -XX:G1NewSizePercent=20", 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("-XX:+UnlockExperimentalVMOptions", f.figures().get(1).text());
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions"), Changes.flags(r.recommendations().get(0)));
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseG1GC", "-XX:G1NewSizePercent=20"),
                r.commandLine().options());
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
    }

    @Test
    void lint02UnlockAfterTheFlagDoesNotCount() {
        Report r = cl(new UnlockMissing(), "-XX:G1NewSizePercent=20 -XX:+UnlockExperimentalVMOptions", 25);
        Finding f = Advice.only(r);
        assertTrue(f.explanation().contains("must precede"), f::toString);
        assertEquals("-XX:+UnlockExperimentalVMOptions", r.commandLine().options().get(0));
    }

    @Test
    void lint02QuietWithTheUnlockFirstAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new UnlockMissing(),
                "-XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation2 -XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=20",
                17)).stream().noneMatch(f -> f.summary().contains("G1NewSizePercent")));
        assertTrue(Advice.findings(cl(new UnlockMissing(), "-XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=20", 17))
                .isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new UnlockMissing(), none(), 17)).missing());
    }

    // ------------------------------------------------------------------------------------ LINT-03

    @Test
    void lint03PauseGoalWithSerialIsRemoved() {
        Report r = cl(new IneffectiveForCollector(), "-XX:+UseSerialGC -XX:MaxGCPauseMillis=50 -Xmx1g", 17);
        Finding f = Advice.only(r);
        assertEquals("-XX:MaxGCPauseMillis=50", f.figures().get(0).text());
        assertEquals("Serial", f.figures().get(1).text());
        assertEquals(List.of("remove MaxGCPauseMillis"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void lint03UsesTheCollectorTheContainerMakesErgonomicsPick() {
        // no collector flag, 1 CPU: ergonomics pick Serial, where ParallelGCThreads does nothing
        Report r = Advice.run(new IneffectiveForCollector(),
                Advice.ofCommandLine("-XX:ParallelGCThreads=4", 1L << 30, 1.0, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("Serial", f.figures().get(1).text(), f::toString);
        // with 2 CPUs and 2 GB it is G1, which uses it
        assertTrue(Advice.findings(Advice.run(new IneffectiveForCollector(),
                Advice.ofCommandLine("-XX:ParallelGCThreads=4", 2L << 30, 2.0, 17), 17)).isEmpty());
    }

    @Test
    void lint03QuietWhenTheCollectorUsesTheFlagAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new IneffectiveForCollector(), "-XX:+UseG1GC -XX:MaxGCPauseMillis=50", 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG),
                Advice.notApplicable(Advice.run(new IneffectiveForCollector(), none(), 17)).missing());
    }

    @Test
    void lint03OnTheArgumentsOfARealSerialRun() {
        Report r = Advice.run(new IneffectiveForCollector(), Advice.of(List.of(jfr), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("-XX:MaxGCPauseMillis=50", f.figures().get(0).text());
        assertEquals("Serial", f.figures().get(1).text());
    }

    // ------------------------------------------------------------------------------------ LINT-04

    @Test
    void lint04NamesTheFlagsItMasksAndRemovesThemWithIt() {
        Report r = cl(new IgnoreUnrecognized(), "-XX:+IgnoreUnrecognizedVMOptions -XX:+UseConcMarkSweepGC -XX:MaxHeapSise=1g", 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(2.0, f.figures().get(0).value());
        assertEquals(List.of("remove IgnoreUnrecognizedVMOptions", "remove UseConcMarkSweepGC", "remove MaxHeapSise"),
                Changes.flags(r.recommendations().get(0)));
        assertEquals(List.of(), r.commandLine().options());
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void lint04QuietWithoutTheOptionAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new IgnoreUnrecognized(), "-XX:+UseG1GC", 17)).isEmpty());
        Finding alone = Advice.only(cl(new IgnoreUnrecognized(), "-XX:+IgnoreUnrecognizedVMOptions -XX:+UseG1GC", 17));
        assertEquals(Severity.INFO, alone.severity());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new IgnoreUnrecognized(), none(), 17)).missing());
    }

    // ------------------------------------------------------------------------------------ LINT-05

    @Test
    void lint05DuplicateKeepsTheValueInForce() {
        Report r = cl(new DuplicateFlags(), "-Xmx1g -XX:+UseG1GC -Xmx2g", 17);
        Finding f = Advice.only(r);
        assertEquals(2.0, f.figures().get(0).value());
        assertEquals("-Xmx2g", f.figures().get(1).text());
        assertEquals(List.of("remove MaxHeapSize", "-Xmx2g"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void lint05TwoCollectorsAreAnErrorAndTheLastIsKept() {
        Report r = cl(new DuplicateFlags(), "-XX:+UseParallelGC -XX:+UseG1GC", 25);
        Finding f = Advice.only(r);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("remove UseParallelGC"), Changes.flags(r.recommendations().get(0)));
        assertEquals(List.of("-XX:+UseG1GC"), r.commandLine().options());
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void lint05InitialAboveMaximumBecomesTheMaximum() {
        Report r = cl(new DuplicateFlags(), "-Xms2g -Xmx1g", 17);
        assertEquals(Severity.ERROR, Advice.only(r).severity());
        assertEquals(List.of("-Xmx1g", "-Xms1g"), r.commandLine().options());
        assertTrue(r.commandLine().startsOk());
    }

    @Test
    void lint05LeavesTheExplicitGcPairToExp02AndIsQuietOnACleanLine() {
        assertTrue(Advice.findings(cl(new DuplicateFlags(), "-XX:+DisableExplicitGC -XX:+ExplicitGCInvokesConcurrent", 17))
                .isEmpty());
        assertTrue(Advice.findings(cl(new DuplicateFlags(), "-Xms1g -Xmx1g -XX:+UseG1GC", 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new DuplicateFlags(), none(), 17)).missing());
    }

    @Test
    void lint05OnTheArgumentsOfARealRun() {
        Report r = Advice.run(new DuplicateFlags(), Advice.of(List.of(jfr), null, null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("-Xmx96m", f.figures().get(1).text());
    }

    // ------------------------------------------------------------------------------------ LINT-06

    @Test
    void lint06AllTheMemoryForTheHeapIsAnError() {
        Report r = cl(new RamPercentage(), "-XX:MaxRAMPercentage=100", 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(100.0, f.figures().get(1).value());
        assertEquals(List.of("-XX:MaxRAMPercentage=75"), Changes.flags(r.recommendations().get(0)));
    }

    @Test
    void lint06InitialAboveMaximumAndIgnoredPercentage() {
        Report r = cl(new RamPercentage(), "-XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=80", 17);
        Finding f = Advice.only(r);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("-XX:InitialRAMPercentage=50"), Changes.flags(r.recommendations().get(0)));
        Report real = Advice.run(new RamPercentage(), Advice.of(List.of(jfr), null, null, null, 17), 17);
        Finding ignored = Advice.only(real);
        assertEquals(60.0, ignored.figures().get(1).value());
        assertEquals(List.of("remove MaxRAMPercentage"), Changes.flags(real.recommendations().get(0)));
    }

    @Test
    void lint06QuietOnSanePercentagesAndNotApplicableWithoutConfig() {
        assertTrue(Advice.findings(cl(new RamPercentage(), "-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50", 17)).isEmpty());
        assertFalse(Advice.findings(cl(new RamPercentage(), "-XX:MinRAMPercentage=100", 17)).isEmpty());
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(Advice.run(new RamPercentage(), none(), 17)).missing());
    }
}
