package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one method and class name format: descriptors as a recording carries them. */
class MethodNamesTest {

    @Test
    void parametersAsJavaSpellsThem() {
        assertEquals("java.util.HashMap.getNode(int, java.lang.Object)",
                MethodNames.of("java/util/HashMap", "getNode", "(ILjava/lang/Object;)Ljava/util/HashMap$Node;"));
        assertEquals("a.B$C.<init>(int[][], java.lang.String[], long, boolean)",
                MethodNames.of("a.B$C", "<init>", "([[I[Ljava/lang/String;JZ)V"));
        assertEquals("a.B.run()", MethodNames.of("a/B", "run", "()V"));
    }

    @Test
    void malformedInputNeverThrows() {
        assertEquals("a.B.m(?)", MethodNames.of("a/B", "m", "(Ljava/lang/Str"));
        assertEquals("a.B.m(?)", MethodNames.of("a/B", "m", "(Q)V"));
        assertEquals("a.B.m(?)", MethodNames.of("a/B", "m", null));
        assertEquals("?.?(?)", MethodNames.of(null, null, ""));
        assertEquals("?", MethodNames.of((jdk.jfr.consumer.RecordedMethod) null));
    }

    @Test
    void classNamesFromEverySpelling() {
        assertEquals("byte[]", MethodNames.className("[B"));
        assertEquals("java.lang.String[][]", MethodNames.className("[[Ljava.lang.String;"));
        assertEquals("java.lang.String[]", MethodNames.className("[Ljava/lang/String;"));
        assertEquals("java.lang.String", MethodNames.className("java/lang/String"));
        assertEquals("byte[]", MethodNames.className("byte[]"));
        assertEquals("?", MethodNames.className(""));
        assertEquals("[Q", MethodNames.className("[Q"));
    }

    @Test
    void partsOfAName() {
        String m = "com.example.Foo$Bar.baz(java.lang.String, int)";
        assertEquals("com.example.Foo$Bar", MethodNames.declaringClass(m));
        assertEquals("baz", MethodNames.methodName(m));
        assertTrue(MethodNames.isJdk("java.util.HashMap.get(java.lang.Object)"));
        assertTrue(MethodNames.isJdk("jdk.internal.misc.Unsafe.park(boolean, long)"));
        assertFalse(MethodNames.isJdk("javafx.Foo.bar()"));
        assertFalse(MethodNames.isJdk(m));
    }

    @Test
    void allocationPlumbing() {
        assertTrue(AllocationSink.isPlumbing("jdk.internal.misc.Unsafe.allocateUninitializedArray(java.lang.Class, int)"));
        assertTrue(AllocationSink.isPlumbing("java.lang.invoke.DirectMethodHandle.allocateInstance(java.lang.Object)"));
        assertTrue(AllocationSink.isPlumbing("java.lang.StringConcatHelper.newArray(long)"));
        assertTrue(AllocationSink.isPlumbing("java.lang.Class.newInstance()"));
        assertFalse(AllocationSink.isPlumbing("java.lang.Class.getName()"));
        assertFalse(AllocationSink.isPlumbing("java.lang.Integer.valueOf(int)"));
        assertFalse(AllocationSink.isPlumbing("java.util.Arrays.copyOf(java.lang.Object[], int)"));
    }
}
