package io.github.jvmadvisor.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a stream line by line as raw bytes, without decoding or copying lines.
 *
 * <p>Lines end at {@code \n}; a {@code \r} before it is dropped. A line longer than
 * {@code maxLineBytes} is cut: the consumer sees its first {@code maxLineBytes} bytes once and the
 * rest is skipped, so a file without line breaks cannot exhaust memory. Memory use is the buffer,
 * whatever the size of the stream.
 *
 * <p>Not thread-safe; one reader per stream.
 */
public final class ByteLineReader {

    /** Receives each line as a range of a shared buffer, valid only during the call. */
    @FunctionalInterface
    public interface LineConsumer {
        /**
         * One line.
         *
         * @param buf the buffer holding the line
         * @param start index of the first byte
         * @param end index after the last byte (line terminator excluded)
         * @param lineNumber 1-based line number
         */
        void line(byte[] buf, int start, int end, long lineNumber);
    }

    /** Default buffer size: large enough that most reads fill it in one call. */
    public static final int DEFAULT_BUFFER = 1 << 20;
    /** Default longest line passed on whole. */
    public static final int DEFAULT_MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private long lineNumber;
    private long longLines;
    private long firstLongLine;
    private boolean endedWithoutNewline;
    private boolean stopRequested;

    /** A reader with the default buffer and line limit. */
    public ByteLineReader(InputStream in) {
        this(in, DEFAULT_BUFFER, DEFAULT_MAX_LINE);
    }

    /**
     * A reader.
     *
     * @param in the stream; not closed by this reader
     * @param bufferBytes buffer size, at least {@code maxLineBytes + 1}
     * @param maxLineBytes longest line passed on whole
     */
    public ByteLineReader(InputStream in, int bufferBytes, int maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 16 || bufferBytes <= maxLineBytes) {
            throw new IllegalArgumentException("need 16 <= maxLineBytes < bufferBytes, got " + maxLineBytes + " and "
                    + bufferBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[bufferBytes];
    }

    /**
     * Reads the whole stream, passing every line to {@code consumer}.
     *
     * @return the number of lines read
     * @throws IOException if the stream fails; lines read before the failure were already passed on
     */
    public long readAll(LineConsumer consumer) throws IOException {
        byte[] b = buf;
        int filled = 0;
        int lineStart = 0;
        boolean skipping = false; // inside the tail of an over-long line
        while (!stopRequested) {
            int n = in.read(b, filled, b.length - filled);
            if (n < 0) {
                break;
            }
            int scanFrom = filled;
            filled += n;
            int i = scanFrom;
            while (i < filled && !stopRequested) {
                i = indexOfNewline(b, i, filled);
                if (i >= filled) {
                    break;
                }
                if (skipping) {
                    skipping = false;
                } else {
                    deliver(consumer, b, lineStart, i);
                }
                i++;
                lineStart = i;
            }
            // no more complete lines in the buffer
            if (skipping) {
                lineStart = filled; // drop the tail bytes
            } else if (filled - lineStart > maxLineBytes) {
                deliverCut(consumer, b, lineStart);
                skipping = true;
                lineStart = filled;
            }
            if (lineStart > 0) {
                System.arraycopy(b, lineStart, b, 0, filled - lineStart);
                filled -= lineStart;
                lineStart = 0;
            }
        }
        if (!stopRequested && !skipping && filled > lineStart) {
            endedWithoutNewline = true;
            deliver(consumer, b, lineStart, filled);
        }
        return lineNumber;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Index of the first {@code \n} in {@code b[from, to)}, or {@code to}. Eight bytes at a time: a byte
     * equal to the newline becomes zero after the XOR, and the classic zero-byte test finds the first.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        int last = to - 8;
        while (i <= last) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < to && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private void deliver(LineConsumer consumer, byte[] b, int start, int end) {
        if (end > start && b[end - 1] == '\r') {
            end--;
        }
        lineNumber++;
        if (end - start > maxLineBytes) {
            noteLongLine();
            end = start + maxLineBytes;
        }
        consumer.line(b, start, end, lineNumber);
    }

    private void deliverCut(LineConsumer consumer, byte[] b, int start) {
        lineNumber++;
        noteLongLine();
        consumer.line(b, start, start + maxLineBytes, lineNumber);
    }

    private void noteLongLine() {
        if (longLines++ == 0) {
            firstLongLine = lineNumber;
        }
    }

    /** Asks {@link #readAll} to return after the current line; call from the consumer. */
    public void stop() {
        stopRequested = true;
    }

    /** Lines read so far. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Lines longer than the limit (they were cut). */
    public long longLines() {
        return longLines;
    }

    /** Line number of the first cut line, or 0. */
    public long firstLongLine() {
        return firstLongLine;
    }

    /** Whether the stream's last line had no line terminator (a file still being written, or cut). */
    public boolean endedWithoutNewline() {
        return endedWithoutNewline;
    }
}
