package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.ingest.InputLimitException;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.model.InputIssue;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/** Feeds the lines of a source to a consumer, turning read errors into issues. */
public final class Lines {

    /** Longest line passed on whole: room for a histogram of very many distinct values. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private Lines() {
    }

    /** What the reading left to know: the last line number and whether it had no line end. */
    public record Outcome(long lines, boolean endedWithoutNewline) {
    }

    /** Reads every line of {@code source} into {@code consumer}; never throws for bad input. */
    public static Outcome read(InputSource source, ByteLineReader.LineConsumer consumer, Issues issues) {
        ByteLineReader reader = null;
        try (InputStream in = source.open()) {
            reader = new ByteLineReader(in, 2 * MAX_LINE_BYTES, MAX_LINE_BYTES);
            reader.readAll(consumer);
        } catch (InputLimitException e) {
            issues.add(source.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.LIMIT_REACHED,
                    e.getMessage() + (reader == null ? "" : "; the " + reader.lineNumber()
                            + " line(s) before were read"));
        } catch (EOFException | ZipException e) {
            issues.add(source.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.TRUNCATED,
                    "the input ends unexpectedly" + (reader == null ? "" : " after line " + reader.lineNumber())
                            + " (" + e.getMessage() + "); what came before was read");
        } catch (IOException e) {
            issues.add(source.name(), reader == null ? 0 : reader.lineNumber(), InputIssue.IO_ERROR,
                    "read error: " + e);
        }
        if (reader == null) {
            return new Outcome(0, false);
        }
        if (reader.longLines() > 0) {
            issues.add(source.name(), reader.firstLongLine(), InputIssue.LONG_LINE, reader.longLines()
                    + " line(s) longer than " + MAX_LINE_BYTES + " bytes were cut to that length");
        }
        return new Outcome(reader.lineNumber(), reader.endedWithoutNewline());
    }
}
