package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.flags.OptionFinding.Severity;
import io.github.jvmadvisor.core.model.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker's findings in detail, without starting JVMs ({@link CheckOnRealJvmsTest} proves the verdicts on
 * real ones): messages, advice, the collector, and the derived (21) and approximate (26) catalogues.
 */
class CommandLineCheckTest {

    private static CheckResult check(int jdk, String options) {
        return CommandLineCheck.check(JavaOptions.parse(options), FlagCatalogue.forJdk(jdk));
    }

    private static OptionFinding only(CheckResult r, String code) {
        List<OptionFinding> l = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, l.size(), code + " in " + r.findings());
        return l.get(0);
    }

    @Test
    void cleanLineHasNoFindings() {
        CheckResult r = check(25, "java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=100 -Xlog:gc*:file=gc.log "
                + "-cp app.jar com.example.Main --verbose");
        assertTrue(r.startsOk());
        assertEquals(List.of(), r.findings());
        assertEquals(Collector.G1, r.collector());
        assertEquals("selected by -XX:+UseG1GC", r.collectorReason());
    }

    @Test
    void ergonomicCollectorIsNamed() {
        CheckResult r = check(17, "-Xmx1g");
        assertEquals(Collector.G1, r.collector());
        assertTrue(r.collectorReason().startsWith("chosen by JDK 17 ergonomics: G1 on a server-class machine"));
        CheckResult serial = check(17, "-XX:ActiveProcessorCount=1 -XX:MaxGCPauseMillis=50");
        assertEquals(Collector.SERIAL, serial.collector());
        OptionFinding f = only(serial, OptionFinding.INEFFECTIVE_FOR_COLLECTOR);
        assertEquals("MaxGCPauseMillis has no effect with Serial (chosen by JDK 17 ergonomics: Serial, because "
                + "-XX:ActiveProcessorCount=1 makes this a client-class machine); on JDK 17 only Parallel, G1 use it",
                f.message());
    }

    @Test
    void didYouMean() {
        OptionFinding f = only(check(25, "-XX:+UseParalelGC"), OptionFinding.UNKNOWN_FLAG);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Unrecognized VM option 'UseParalelGC'", f.message());
        assertEquals("Did you mean '(+/-)UseParallelGC'?", f.advice());
        OptionFinding g = only(check(25, "-XX:MaxGCPauseMilis=5"), OptionFinding.UNKNOWN_FLAG);
        assertEquals("Unrecognized VM option 'MaxGCPauseMilis=5'", g.message());
        assertTrue(g.advice().startsWith("Did you mean 'MaxGCPauseMillis=<value>'"), g.advice());
    }

    @Test
    void removedFlagsCarryAdvice() {
        OptionFinding f = only(check(25, "-XX:MaxRAMFraction=2"), OptionFinding.REMOVED_FLAG);
        assertEquals("Unrecognized VM option 'MaxRAMFraction=2'", f.message());
        assertTrue(f.advice().contains("MaxRAMPercentage"));
        OptionFinding d = only(check(17, "-XX:MaxRAMFraction=2"), OptionFinding.DEPRECATED);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().startsWith("Option MaxRAMFraction was deprecated in version 10.0"));
        OptionFinding z = only(check(25, "-XX:+UseZGC -XX:+ZGenerational"), OptionFinding.OBSOLETE_IGNORED);
        assertEquals("Ignoring option ZGenerational; support was removed in 24.0", z.message());
    }

    @Test
    void unlockAfterTheFlag() {
        OptionFinding f = only(check(17, "-XX:G1MixedGCLiveThresholdPercent=75 -XX:+UnlockExperimentalVMOptions"),
                OptionFinding.NEEDS_UNLOCK);
        assertTrue(f.message().endsWith("The unlock option must precede 'G1MixedGCLiveThresholdPercent'."));
        assertEquals("move -XX:+UnlockExperimentalVMOptions before -XX:G1MixedGCLiveThresholdPercent=75", f.advice());
        assertFalse(check(17, "-XX:+UnlockExperimentalVMOptions -XX:-UnlockExperimentalVMOptions "
                + "-XX:G1NewSizePercent=10").startsOk(), "unlocking and locking again");
    }

    @Test
    void duplicatesAndLastWins() {
        CheckResult r = check(25, "-Xmx1g -XX:MaxHeapSize=2g -XX:+UseG1GC -XX:+UseG1GC");
        List<OptionFinding> d = r.findings().stream().filter(f -> f.code().equals(OptionFinding.DUPLICATE)).toList();
        assertEquals(2, d.size(), r.findings().toString());
        assertEquals(Severity.WARNING, d.get(0).severity());
        assertTrue(d.get(0).message().endsWith("the last one wins: -XX:MaxHeapSize=2g"), d.get(0).message());
        assertEquals(Severity.INFO, d.get(1).severity());
        assertTrue(check(25, "-Xmn1g").findings().isEmpty(), "-Xmn sets two flags from one option: no duplicate");
        assertFalse(check(25, "-XX:CompileCommand=quiet -XX:CompileCommand=print,*.foo").has(OptionFinding.DUPLICATE),
                "ccstrlist flags add up");
    }

    @Test
    void collectorSpecificFlags() {
        CheckResult soft = check(25, "-XX:SoftMaxHeapSize=1g");
        assertTrue(only(soft, OptionFinding.INEFFECTIVE_FOR_COLLECTOR).message().contains("only ZGC, Shenandoah use"));
        assertFalse(check(25, "-XX:+UseZGC -XX:SoftMaxHeapSize=1g").has(OptionFinding.INEFFECTIVE_FOR_COLLECTOR));
        assertTrue(check(17, "-XX:+UseParallelGC -XX:+UseStringDeduplication")
                .has(OptionFinding.INEFFECTIVE_FOR_COLLECTOR));
        assertFalse(check(25, "-XX:+UseParallelGC -XX:+UseStringDeduplication")
                .has(OptionFinding.INEFFECTIVE_FOR_COLLECTOR), "all collectors since 18");
        assertFalse(check(25, "-XX:+UseParallelGC -XX:-G1UseAdaptiveIHOP").has(OptionFinding.INEFFECTIVE_FOR_COLLECTOR),
                "switching off what the collector does not use is harmless");
        CheckResult gen = check(25, "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational "
                + "-XX:ShenandoahGCHeuristics=compact");
        assertEquals("Shenandoah-generational", gen.gcMode());
        assertTrue(gen.startsOk());
        assertTrue(gen.has(OptionFinding.CONTRADICTION), "generational supports only adaptive");
        assertTrue(check(25, "-XX:ShenandoahGCMode=nonsense").startsOk(), "read only when Shenandoah runs");
    }

    @Test
    void ramPercentages() {
        CheckResult r = check(25, "-XX:InitialRAMPercentage=80 -XX:MaxRAMPercentage=50 -XX:MinRAMPercentage=100 -Xmx1g");
        assertTrue(r.startsOk());
        assertEquals(3, r.findings().stream().filter(f -> f.code().equals(OptionFinding.RAM_PERCENTAGE)).count(),
                r.findings().toString());
    }

    @Test
    void filesAreNotFollowed() {
        CheckResult r = check(25, "@jvm.args -XX:Flags=.hotspotrc -XX:VMOptionsFile=opts");
        assertTrue(r.startsOk());
        assertEquals(3, r.findings(Severity.INFO).size());
    }

    @Test
    void unknownXOptionsWarn() {
        OptionFinding f = only(check(25, "-Xquux"), OptionFinding.UNKNOWN_OPTION);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(check(25, "-Xint -Xshare:off -XshowSettings:vm -Xcheck:jni -Xbatch").findings().isEmpty());
    }

    @Test
    void derived21() {
        CheckResult z = check(21, "-XX:+UseZGC -XX:+ZGenerational");
        assertTrue(z.startsOk());
        assertEquals("ZGC-generational", z.gcMode());
        assertEquals(List.of(), z.findings());
        assertTrue(check(21, "-XX:MaxRAMFraction=4").has(OptionFinding.DEPRECATED));
        assertFalse(check(21, "-XX:AOTCache=app.aot").startsOk(), "documented: 24+");
        assertFalse(check(21, "-XX:+UseCompactObjectHeaders").startsOk(), "documented: 24+");
        assertTrue(check(21, "-XX:+UseG1GC -XX:G1HeapRegionSize=64m").startsOk(), "documented: 512 MB since 18");
        CheckResult biased = check(21, "-XX:+UseBiasedLocking");
        assertTrue(biased.startsOk(), "not documented for 21: a warning, not an error");
        assertTrue(biased.findings().stream().anyMatch(f -> f.message().startsWith("cannot tell whether JDK 21 has")),
                biased.findings().toString());
        CheckResult iu = check(21, "-XX:+UseShenandoahGC -XX:ShenandoahGCMode=iu");
        assertFalse(iu.startsOk(), "documented: iu is experimental on 21");
        assertEquals(Severity.ERROR, only(iu, OptionFinding.NEEDS_UNLOCK).severity());
    }

    @Test
    void approximateCatalogueOnlyWarns() {
        CheckResult r = check(26, "-XX:+UseConcMarkSweepGC -XX:+NoSuchFlagYet");
        assertTrue(r.startsOk(), "JDK 26 is checked with 25's catalogue: nothing is certain");
        assertEquals(2, r.findings(Severity.WARNING).size());
        assertTrue(r.findings().get(0).message().contains("not verified on JDK 26"), r.findings().toString());
        assertTrue(r.catalogue().contains("standing in for JDK 26"));
    }

    @Test
    void nothingThrows() {
        for (String line : List.of("", "   ", "-XX:", "-XX:+", "-XX:=", "-XX:MaxHeapSize=-1", "-Xmx", "-Xss",
                "-XX:MaxRAMPercentage=.", "-XX:MaxRAMPercentage=+", "'unterminated", "\"", "\\", "-cp", "-jar",
                "-XX:ThreadStackSize=abc", "-XX:SoftMaxHeapSize=1t -Xmx", "@", "-D", "-XX:+UseG1GC=")) {
            for (int jdk : List.of(17, 21, 25, 30)) {
                CheckResult r = check(jdk, line);
                assertTrue(r.findings().size() < 10, line);
            }
        }
        assertNull(check(25, "-XX:+UseG1GC -XX:+UseSerialGC").collector());
    }
}
