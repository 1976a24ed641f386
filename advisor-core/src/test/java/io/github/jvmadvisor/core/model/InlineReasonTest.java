package io.github.jvmadvisor.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every inlining failure message of C1 and C2 that JDK 17 and 25 were seen to record, or that their
 * sources contain ({@code knowledge/jfr.md} sections 4.2 to 4.4), maps to its reason class.
 */
class InlineReasonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // C2
        "too big|SIZE_COLD",
        "hot method too big|SIZE_HOT",
        "already compiled into a big method|CODE_SIZE",
        "already compiled into a medium method|CODE_SIZE",
        "size > DesiredMethodLimit|BUDGET",
        "NodeCountInliningCutoff|BUDGET",
        "inlining too deep|DEPTH",
        "MaxForceInlineLevel|DEPTH",
        "recursive inlining is too deep|RECURSION",
        "low call site frequency|COLD_SITE",
        "executed < MinInliningThreshold times|COLD_SITE",
        "never executed|COLD_SITE",
        "call site not reached|COLD_SITE",
        "too cold to inline|COLD_SITE",
        "exception method|UNINLINABLE",
        "abstract method|UNINLINABLE",
        "native method|UNINLINABLE",
        "method holder not initialized|UNINLINABLE",
        "don't inline by annotation|UNINLINABLE",
        "method changes current thread|UNINLINABLE",
        "unloaded signature classes|UNINLINABLE",
        "failed initial checks|UNINLINABLE",
        "not compilable (unbalanced monitors)|UNINLINABLE",
        "not compilable (flow analysis failed)|UNINLINABLE",
        "cannot be parsed|UNINLINABLE",
        "not an accessor|UNINLINABLE",
        "disallowed by CompileCommand|UNINLINABLE",
        "disallowed by ciReplay|UNINLINABLE",
        "virtual call|POLYMORPHIC",
        "late inline failed|OTHER",
        // C1
        "callee is too large|SIZE_HOT",
        "callee uses too much stack|SIZE_HOT",
        "no static binding|POLYMORPHIC",
        "receiver not constant|POLYMORPHIC",
        "MemberName not constant|POLYMORPHIC",
        "not inlineable|UNINLINABLE",
        "recursive inlining too deep|RECURSION",
        "recursively inlining too deep|RECURSION",
        "inlining prohibited by policy|UNINLINABLE",
        "don't inline Throwable constructors|UNINLINABLE",
        "callee's klass not linked yet|UNINLINABLE",
        "total inlining greater than DesiredMethodLimit|BUDGET",
        // unknown, kept verbatim by the sink
        "some future message|OTHER",
        "inline (hot)|OTHER",
    })
    void classOfMessage(String message, InlineReason expected) {
        assertEquals(expected, InlineReason.ofMessage(message));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {"  Hot Method Too Big |SIZE_HOT", "''|OTHER"})
    void caseAndSpaceIgnored(String message, InlineReason expected) {
        assertEquals(expected, InlineReason.ofMessage(message));
        assertEquals(InlineReason.OTHER, InlineReason.ofMessage(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"C1 CompilerThread0,C1", "C2 CompilerThread12,C2", "c2,C2", "JVMCI CompilerThread0,JVMCI",
        "main,UNKNOWN"})
    void compilerFromThreadName(String name, JitCompiler expected) {
        assertEquals(expected, JitCompiler.of(name));
    }
}
