package io.github.jvmadvisor.core.model;

/**
 * The input begins a new JVM run here: the first run of an input, or a restart found inside it
 * (a new init block, uptime going back, GC ids starting over).
 *
 * @param at the first time stamp of the run
 * @param run index of the run, 0 for the first
 * @param source the file the run starts in
 * @param line the line the run starts at
 * @param reason why the reader decided a new run starts, e.g. {@code "uptime went back"}
 */
public record RunStart(Stamp at, int run, String source, long line, String reason) implements GcEvent {

    public RunStart {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }
}
