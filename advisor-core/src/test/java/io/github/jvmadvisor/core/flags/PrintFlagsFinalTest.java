package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrintFlagsFinalTest {

    @TempDir
    static Path dir;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    private static Map<String, PrintFlagsFinal.Entry> table(Jdks.Jdk jdk, String... options) throws Exception {
        RealJvm.Outcome o = RealJvm.version(jdk, List.of(options), dir);
        assertEquals(0, o.exitCode(), o.output());
        PrintFlagsFinal.Result r = PrintFlagsFinal.parse(o.output(), "java -version");
        assertEquals(0, r.badLines(), () -> r.issues().toString());
        assertTrue(r.foreignLines() >= 4, "the header and the -version banner are foreign lines");
        return r.entries().stream().collect(Collectors.toMap(PrintFlagsFinal.Entry::name, Function.identity()));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void readsEveryLineOfARealTable(Jdks.Jdk jdk) throws Exception {
        Map<String, PrintFlagsFinal.Entry> t = table(jdk, "-Xmx256m", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+UnlockExperimentalVMOptions", "-XX:HeapDumpPath=/tmp/a dump {x}.hprof", "-XX:+PrintFlagsFinal");
        assertTrue(t.size() > 850, "a JDK has about 900 flags: " + t.size());
        PrintFlagsFinal.Entry max = t.get("MaxHeapSize");
        assertEquals(FlagType.SIZE_T, max.type());
        assertEquals("268435456", max.value());
        assertEquals(FlagOrigin.COMMAND_LINE, max.origin());
        assertEquals(FlagKind.PRODUCT, max.kind());
        PrintFlagsFinal.Entry g1 = t.get("UseG1GC");
        assertEquals("true", g1.value());
        assertEquals(FlagOrigin.ERGONOMIC, g1.origin());
        assertEquals(FlagKind.EXPERIMENTAL, t.get("G1NewSizePercent").kind());
        assertEquals(FlagKind.DIAGNOSTIC, t.get("LogCompilation").kind());
        assertEquals(FlagKind.MANAGEABLE, t.get("SoftMaxHeapSize").kind());
        assertEquals("C2 pd product", t.get("InteriorEntryAlignment").kindText());
        assertEquals(FlagKind.PRODUCT, t.get("InteriorEntryAlignment").kind());
        assertEquals("/tmp/a dump {x}.hprof", t.get("HeapDumpPath").value(), "values keep spaces and braces");
        assertEquals("", t.get("OnError").value(), "an empty string flag");
        assertEquals(FlagOrigin.DEFAULT, t.get("OnError").origin());
        assertEquals(FlagType.DOUBLE, t.get("MaxRAMPercentage").type());
        assertNull(t.get("MaxHeapSize").range(), "PrintFlagsFinal has no ranges");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void readsRanges(Jdks.Jdk jdk) throws Exception {
        Map<String, PrintFlagsFinal.Entry> t = table(jdk, "-XX:+PrintFlagsRanges");
        PrintFlagsFinal.Entry region = t.get("G1HeapRegionSize");
        assertNull(region.value(), "a ranges line has no value");
        assertEquals("0", region.range().min());
        assertEquals(jdk.feature() >= 18 ? "536870912" : "33554432", region.range().max(), "rules.md 4.3");
        assertEquals(new FlagRange("0.000", "100.000"), t.get("MaxRAMPercentage").range());
        assertNull(t.get("ActiveProcessorCount").range(), "[ ... ]: a constraint without a range");
    }

    @Test
    void jdk8FormHasOneBraceAndColonEquals() {
        PrintFlagsFinal.Result r = PrintFlagsFinal.parse("""
                [Global flags]
                    uintx MaxHeapSize                              := 4294967296                          {product}
                     bool UseG1GC                                   = false                               {product}
                """, "jdk8");
        assertEquals(2, r.entries().size());
        assertEquals(FlagOrigin.UNKNOWN, r.entries().get(0).origin(), ":= says changed, not by whom");
        assertEquals(FlagOrigin.DEFAULT, r.entries().get(1).origin());
        assertEquals(FlagKind.PRODUCT, r.entries().get(0).kind());
    }

    @Test
    void originsHotSpotPrints() {
        PrintFlagsFinal.Result r = PrintFlagsFinal.parse("""
                size_t MaxHeapSize = 1 {product} {command line, ergonomic}
                size_t MinHeapSize = 1 {product} {attach}
                size_t SoftMaxHeapSize = 1 {manageable} {management}
                size_t NewSize = 1 {product} {environment}
                """, "origins");
        assertEquals(List.of(FlagOrigin.ERGONOMIC, FlagOrigin.ATTACH_ON_DEMAND, FlagOrigin.MANAGEMENT,
                FlagOrigin.ENVIRONMENT), r.entries().stream().map(PrintFlagsFinal.Entry::origin).toList());
    }

    @Test
    void brokenLinesBecomeIssuesAndTheRestIsRead() {
        PrintFlagsFinal.Result r = PrintFlagsFinal.parse("""
                12345:
                     bool UseG1GC = true {product} {ergonomic}
                     bool Use G1GC = true {product} {ergonomic}
                     garbage }
                    uintx MaxHeapFreeRatio [ 0 ... x ] {manageable} {default}
                   size_t MaxHeapSize = 6320816128 {product} {ergonomic}
                """, "mixed");
        assertEquals(List.of("UseG1GC", "MaxHeapSize"), r.entries().stream().map(PrintFlagsFinal.Entry::name).toList());
        assertEquals(3, r.badLines());
        assertEquals(1, r.foreignLines(), "the jcmd pid line");
        InputIssue first = r.issues().get(0);
        assertEquals(3, first.line());
        assertEquals(InputIssue.UNKNOWN_LINE, first.code());
        assertEquals(0, PrintFlagsFinal.parse(null, "null").entries().size());
    }
}
