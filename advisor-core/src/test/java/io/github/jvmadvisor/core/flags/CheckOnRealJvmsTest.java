package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker against the JVM itself: for each case the checker's verdict must be what {@code java <options>
 * -version} does on JDK 17 and 25, the table's expectation must agree (so a case tests what it says), and where the
 * JVM prints a reason the checker's message must carry the same words.
 */
class CheckOnRealJvmsTest {

    @TempDir
    static Path dir;

    /**
     * One case: options, whether 17 and 25 start ({@code null}: not run there), a finding code the checker must
     * report on every JDK run, and words the JVM and the checker's ERROR must both say (or {@code null}).
     */
    record Case(String options, Boolean on17, Boolean on25, String code, String jvmSays) {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // valid everywhere
        c.add(new Case("-Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=100", true, true, null, null));
        c.add(new Case("-Xms256m -Xmx256m -Xss512k -Xmn64m", true, true, null, null));
        c.add(new Case("-XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=10", true, true, null, null));
        c.add(new Case("-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/dev/null", true, true, null,
                null));
        c.add(new Case("-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50", true, true, null, null));
        c.add(new Case("-Xlog:gc:stdout -Dapp.mode=test --add-opens java.base/java.lang=ALL-UNNAMED -ea", true, true,
                null, null));
        c.add(new Case("-XX:NativeMemoryTracking=summary -XX:CompilationMode=quick-only", true, true, null, null));
        c.add(new Case("-XX:HeapDumpPath= -XX:+HeapDumpOnOutOfMemoryError", true, true, null, null));
        c.add(new Case("-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx64m", true, true, null, null));
        c.add(new Case("-XX:+UnlockDiagnosticVMOptions -XX:+UseShenandoahGC -XX:ShenandoahGCHeuristics=aggressive",
                true, true, null, null));
        // starts, with a warning the checker must raise
        c.add(new Case("-XX:+UseZGC -XX:MaxGCPauseMillis=10", true, true, OptionFinding.INEFFECTIVE_FOR_COLLECTOR,
                null));
        c.add(new Case("-XX:+UseSerialGC -XX:ParallelGCThreads=4", true, true,
                OptionFinding.INEFFECTIVE_FOR_COLLECTOR, null));
        c.add(new Case("-XX:+DisableExplicitGC -XX:+ExplicitGCInvokesConcurrent", true, true,
                OptionFinding.CONTRADICTION, null));
        c.add(new Case("-Xmx1g -XX:MaxHeapSize=2g", true, true, OptionFinding.DUPLICATE, null));
        c.add(new Case("-XX:-UseSerialGC", true, true, null, null));
        c.add(new Case("-XX:+IgnoreUnrecognizedVMOptions -XX:+NoSuchFlag", true, true,
                OptionFinding.IGNORE_UNRECOGNIZED, null));
        c.add(new Case("--illegal-access=permit", true, true, OptionFinding.OBSOLETE_IGNORED, null));
        c.add(new Case("-XX:+PrintGCDetails", true, true, OptionFinding.DEPRECATED, null));
        c.add(new Case("-XX:MaxRAMPercentage=100", true, true, OptionFinding.RAM_PERCENTAGE, null));
        // refused everywhere
        c.add(new Case("-XX:+UseConcMarkSweepGC", false, false, OptionFinding.REMOVED_FLAG,
                "Unrecognized VM option 'UseConcMarkSweepGC'"));
        c.add(new Case("-XX:+UseParallelOldGC", false, false, OptionFinding.REMOVED_FLAG,
                "Unrecognized VM option 'UseParallelOldGC'"));
        c.add(new Case("-XX:+UseParalelGC", false, false, OptionFinding.UNKNOWN_FLAG,
                "Unrecognized VM option 'UseParalelGC'"));
        c.add(new Case("-XX:G1NewSizePercent=10", false, false, OptionFinding.NEEDS_UNLOCK,
                "VM option 'G1NewSizePercent' is experimental and must be enabled via -XX:+UnlockExperimentalVMOptions."));
        c.add(new Case("-XX:G1NewSizePercent=10 -XX:+UnlockExperimentalVMOptions", false, false,
                OptionFinding.NEEDS_UNLOCK, "The unlock option must precede 'G1NewSizePercent'."));
        c.add(new Case("-XX:+LogCompilation", false, false, OptionFinding.NEEDS_UNLOCK,
                "VM option 'LogCompilation' is diagnostic and must be enabled via -XX:+UnlockDiagnosticVMOptions."));
        c.add(new Case("-XX:+UseEpsilonGC", false, false, OptionFinding.NEEDS_UNLOCK, "is experimental"));
        c.add(new Case("-XX:MaxGCPauseMillis=abc", false, false, OptionFinding.BAD_VALUE,
                "Improperly specified VM option 'MaxGCPauseMillis=abc'"));
        c.add(new Case("-XX:MaxGCPauseMillis=0", false, false, OptionFinding.OUT_OF_RANGE,
                "uintx MaxGCPauseMillis=0 is outside the allowed range [ 1 ... 18446744073709551614 ]"));
        c.add(new Case("-XX:+MaxGCPauseMillis", false, false, OptionFinding.TYPE_MISMATCH,
                "Unexpected +/- setting in VM option 'MaxGCPauseMillis'"));
        c.add(new Case("-XX:UseG1GC=true", false, false, OptionFinding.TYPE_MISMATCH,
                "Missing +/- setting for VM option 'UseG1GC=true'"));
        c.add(new Case("-XX:UseG1GC", false, false, OptionFinding.TYPE_MISMATCH,
                "Missing +/- setting for VM option 'UseG1GC'"));
        c.add(new Case("-XX:MaxHeapSize=", false, false, OptionFinding.BAD_VALUE,
                "Invalid maximum heap size: -XX:MaxHeapSize="));
        c.add(new Case("-XX:+UseNUMA=1", false, false, OptionFinding.TYPE_MISMATCH,
                "Improperly specified VM option 'UseNUMA=1'"));
        c.add(new Case("-XX:+UseG1GC -XX:+UseZGC", false, false, OptionFinding.CONTRADICTION,
                "Multiple garbage collectors selected"));
        c.add(new Case("-XX:+UseG1GC -XX:-UseG1GC", false, false, OptionFinding.CONTRADICTION,
                "Garbage collector not selected (default collector explicitly disabled)"));
        c.add(new Case("-XX:ActiveProcessorCount=1 -XX:-UseSerialGC", false, false, OptionFinding.CONTRADICTION,
                "Garbage collector not selected (default collector explicitly disabled)"));
        c.add(new Case("-Xms2g -Xmx1g", false, false, OptionFinding.CONTRADICTION,
                "Initial heap size set to a larger value than the maximum heap size"));
        c.add(new Case("-Xmx1g -XX:+UseZGC -XX:SoftMaxHeapSize=2g", false, false, OptionFinding.CONTRADICTION,
                "SoftMaxHeapSize must be less than or equal to the maximum heap size"));
        c.add(new Case("-XX:MaxRAMPercentage=150", false, false, OptionFinding.OUT_OF_RANGE,
                "double MaxRAMPercentage=150.000000 is outside the allowed range [ 0.000000 ... 100.000000 ]"));
        // JDK 25 rejects the value at once; JDK 17 takes it modulo 2^32 and then spends about a minute failing to
        // allocate 28 GB of worker structures (57 s on an idle 2-CPU host, past the 60 s limit on a busy one): an out
        // of memory crash, not the range check, so it is not run on 17
        c.add(new Case("-XX:ParallelGCThreads=5000000000", null, false, OptionFinding.OUT_OF_RANGE, null));
        c.add(new Case("-Xss100k", false, false, OptionFinding.OUT_OF_RANGE,
                "The Java thread stack size specified is too small. Specify at least 136k"));
        c.add(new Case("-Xmx512q", false, false, OptionFinding.BAD_VALUE, "Invalid maximum heap size: -Xmx512q"));
        c.add(new Case("-XX:NativeMemoryTracking=bogus", false, false, OptionFinding.BAD_VALUE, null));
        c.add(new Case("-XX:+UseShenandoahGC -XX:ShenandoahGCHeuristics=aggressive", false, false,
                OptionFinding.NEEDS_UNLOCK, null));
        c.add(new Case("-d64", false, false, OptionFinding.REMOVED_FLAG, "Unrecognized option: -d64"));
        // the version differences
        c.add(new Case("-XX:MaxRAMFraction=4", true, false, null, "Unrecognized VM option 'MaxRAMFraction=4'"));
        c.add(new Case("-XX:+UseBiasedLocking", true, false, null, "Unrecognized VM option 'UseBiasedLocking'"));
        c.add(new Case("-XX:+UseZGC -XX:+ZGenerational", false, true, null, "Unrecognized VM option 'ZGenerational'"));
        c.add(new Case("-XX:+UseShenandoahGC -XX:ShenandoahGCMode=generational", false, true, null, null));
        c.add(new Case("-XX:+UnlockExperimentalVMOptions -XX:+UseShenandoahGC -XX:ShenandoahGCMode=iu", true, false,
                null, null));
        c.add(new Case("-XX:+UseShenandoahGC -XX:ShenandoahGCMode=iu", false, false, null, null));
        c.add(new Case("-XX:+UseG1GC -XX:G1HeapRegionSize=64m", false, true, null,
                "size_t G1HeapRegionSize=67108864 is outside the allowed range [ 0 ... 33554432 ]"));
        c.add(new Case("-XX:+UseCompactObjectHeaders", false, true, null,
                "Unrecognized VM option 'UseCompactObjectHeaders'"));
        c.add(new Case("-XX:+UseCompressedClassPointers", true, true, null, null));
        c.add(new Case("-XX:MinInliningThreshold=250", true, false, null, null));
        c.add(new Case("-Xfuture", true, false, null, "Unrecognized option: -Xfuture"));
        c.add(new Case("-XX:MaxRAMPercentage=1e1", false, true, null,
                "Improperly specified VM option 'MaxRAMPercentage=1e1'"));
        c.add(new Case("-XX:+UseSerialGC -XX:+UseStringDeduplication", true, true, null, null));
        return c;
    }

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            if (c.on17() != null) {
                out.add(Arguments.of(17, c.on17(), c));
            }
            if (c.on25() != null) {
                out.add(Arguments.of(25, c.on25(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "JDK {0}: {2}")
    @MethodSource("runs")
    void checkerAgreesWithTheJvm(int feature, boolean expected, Case c) throws Exception {
        Optional<Jdks.Jdk> jdk = Jdks.feature(feature);
        assumeTrue(jdk.isPresent(), "JDK " + feature + " is not installed here");
        List<String> args = JavaOptions.tokenize(c.options());
        CheckResult r = CommandLineCheck.check(JavaOptions.parse(args), FlagCatalogue.forJdk(feature));
        RealJvm.Outcome jvm = RealJvm.version(jdk.get(), args, dir);
        String why = "checker: " + r.findings() + "\nJVM (exit " + jvm.exitCode() + "):\n" + jvm.output();
        assertEquals(expected, jvm.started(), "the table's expectation is wrong about the JVM\n" + why);
        assertEquals(jvm.started(), r.startsOk(), "the checker disagrees with the JVM\n" + why);
        if (c.code() != null) {
            assertTrue(r.has(c.code()), "expected a " + c.code() + " finding\n" + why);
        }
        if (c.jvmSays() != null && !jvm.started()) {
            assertTrue(jvm.output().contains(c.jvmSays()), "the JVM no longer says '" + c.jvmSays() + "'\n" + why);
            assertTrue(r.findings(OptionFinding.Severity.ERROR).stream().anyMatch(f -> f.message().contains(c.jvmSays())),
                    "the checker's error does not repeat the JVM's words '" + c.jvmSays() + "'\n" + why);
        }
    }
}
