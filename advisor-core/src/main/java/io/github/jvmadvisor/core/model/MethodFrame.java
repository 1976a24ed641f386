package io.github.jvmadvisor.core.model;

/**
 * One frame of a recorded stack: a method and, when the recording has it, the source line.
 *
 * <p>{@code method} is in the format of {@code io.github.jvmadvisor.core.ingest.jfr.MethodNames}, e.g.
 * {@code com.example.Foo.bar(int, java.lang.String[])}: the same string for the same method in every
 * JFR profile, so allocation sites, inlining call sites and hot methods can be joined on it.
 *
 * @param method the method, never {@code null}
 * @param line the source line, or {@code null} when unknown (no line table, native frame)
 */
public record MethodFrame(String method, Integer line) {

    public MethodFrame {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        if (line != null && line < 0) {
            line = null;
        }
    }

    /** {@code method:line}, or the method alone when the line is unknown. */
    @Override
    public String toString() {
        return line == null ? method : method + ":" + line;
    }
}
