package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;

/**
 * A parser for one family of GC log formats (unified logging now; JDK 8 {@code PrintGCDetails}
 * next). It takes the lines of one log, possibly spread over several files, and emits the same
 * events whatever the format, so everything after it (metrics, reports, rules) is shared.
 */
public interface FormatParser extends ByteLineReader.LineConsumer {

    /** The next file of the log starts; line numbers count from 1 again. */
    void startFile(String name);

    /** No more lines: finish open collections and runs. */
    void endOfInput();

    /** What the log said about the JVM. */
    GcSetup setup();

    /** Where G1's young and mixed pauses spent their time, or {@code null}. */
    default GcMetrics.PausePhases youngPhases() {
        return null;
    }

    /** Shenandoah's pacer, or {@code null}. */
    default GcMetrics.Pacer pacer() {
        return null;
    }

    /** Whether the log records pauses at all (a ZGC log without {@code gc+phases} does not). */
    boolean hasPauseData();

    /** Lines read. */
    long lines();

    /** Lines of the format whose content was not recognised. */
    long unknownLines();

    /** Lines recognised and skipped. */
    long ignoredLines();

    /** Lines that are not log lines. */
    long foreignLines();

    /** The first foreign line, or 0. */
    long firstForeignLine();

    /** The file of the first foreign line, or {@code null}. */
    String firstForeignSource();

    /** Time covered in nanoseconds, summed over JVM runs; -1 without time stamps. */
    long durationNanos();

    /** JVM runs seen. */
    int runs();
}
