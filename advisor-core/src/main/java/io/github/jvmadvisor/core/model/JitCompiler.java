package io.github.jvmadvisor.core.model;

/**
 * The HotSpot just-in-time compiler that made a decision, as far as a recording shows it.
 *
 * <p>{@code jdk.CompilerInlining} has no compiler field: the compiler is read from the name of the
 * thread that emitted the event ({@code "C1 CompilerThread0"}, {@code "C2 CompilerThread1"},
 * {@code "JVMCI CompilerThread0"}); {@link #UNKNOWN} when the name does not say.
 */
public enum JitCompiler {
    /** The client compiler (tiers 1 to 3). */
    C1,
    /** The server compiler (tier 4). */
    C2,
    /** A JVMCI compiler such as Graal. */
    JVMCI,
    /** Not known from the recording. */
    UNKNOWN;

    /** The compiler named by a compiler thread's name or by a {@code compiler} field value; never null. */
    public static JitCompiler of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        String n = name.trim();
        if (n.regionMatches(true, 0, "C1", 0, 2)) {
            return C1;
        }
        if (n.regionMatches(true, 0, "C2", 0, 2)) {
            return C2;
        }
        if (n.regionMatches(true, 0, "JVMCI", 0, 5)) {
            return JVMCI;
        }
        return UNKNOWN;
    }
}
