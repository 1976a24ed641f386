package io.github.jvmadvisor.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A damage done to a real input: a few edits of its (inflated) bytes, then optionally a gzip wrapping, which
 * may itself be cut. Edits take their positions as fractions of the current length and their randomness
 * from a seed, so a mutation is a small value that prints as what it does and gives the same bytes again.
 *
 * @param edits applied in order to the plain bytes
 * @param wrap how the result is stored
 * @param cutAt for {@link Wrap#GZIP_CUT}: where the gzip bytes are cut, as a fraction of their length
 */
public record Mutation(List<Edit> edits, Wrap wrap, double cutAt) {

    /** How the mutated bytes are stored. */
    public enum Wrap {
        /** As they are. */
        NONE,
        /** Gzip-compressed, whole. */
        GZIP,
        /** Gzip-compressed, then cut inside the compressed stream (before its last byte). */
        GZIP_CUT
    }

    /** Lines an attacker or a broken tool could put into any input: markup, escapes, NULs, odd numbers. */
    static final List<String> GARBAGE = List.of(
            "<script>alert(1)</script><img src=x onerror=alert(2)><fuzz-marker>",
            "\u001b[2J\u001b[31mred\u0007\u0000\u009b31m",
            "*_[link](javascript:alert(1))_* | `tick` # heading ~~s~~ <b>bold</b> &amp;",
            "[0.000s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 99999999999999999999M->-1M(0M) NaNms",
            "[9223372036854775807.000s][info][gc,init] CPUs: 0 total, -1 available",
            "Tag=<script>,0.000,1e400,-5.0,HISTFAAAACh4nJNpmSzMwMBgyAABzFCaEUzKz4GY",
            "{\"benchmark\":\"<script>\",\"primaryMetric\":{\"score\":null,\"scoreUnit\":\"\\u001b[31m\"}}",
            "\uFEFF\u202Eevil\u200B\uD800",
            "");

    /** The result stored as a file. */
    public byte[] apply(byte[] plain) {
        byte[] b = plain;
        for (Edit e : edits) {
            b = e.apply(b);
        }
        return switch (wrap) {
            case NONE -> b;
            case GZIP -> gzip(b);
            case GZIP_CUT -> {
                byte[] z = gzip(b);
                yield Arrays.copyOf(z, gzipCut(z.length));
            }
        };
    }

    /** Where {@link Wrap#GZIP_CUT} cuts a gzip stream of {@code length} bytes: at least 1, at most length - 1. */
    int gzipCut(int length) {
        return 1 + (int) Math.min(length - 2, (long) (cutAt * (length - 1)));
    }

    @Override
    public String toString() {
        return edits + " " + wrap + (wrap == Wrap.GZIP_CUT ? "@" + cutAt : "");
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One edit of the bytes. */
    public sealed interface Edit {
        byte[] apply(byte[] in);
    }

    private static int position(double fraction, int length) {
        return (int) Math.min(length, (long) (fraction * length));
    }

    /** Keeps the bytes before a point. */
    public record Truncate(double at) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, position(at, in.length));
        }
    }

    /** Flips {@code count} random bits. */
    public record BitFlips(long seed, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            byte[] b = in.clone();
            Random r = new Random(seed);
            for (int i = 0; i < count && b.length > 0; i++) {
                int p = r.nextInt(b.length);
                b[p] ^= (byte) (1 << r.nextInt(8));
            }
            return b;
        }
    }

    /** Inserts random bytes at a point. */
    public record Insert(double at, long seed, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            byte[] add = new byte[count];
            new Random(seed).nextBytes(add);
            int p = position(at, in.length);
            byte[] b = new byte[in.length + count];
            System.arraycopy(in, 0, b, 0, p);
            System.arraycopy(add, 0, b, p, count);
            System.arraycopy(in, p, b, p + count, in.length - p);
            return b;
        }
    }

    /** Deletes a run of bytes from a point. */
    public record Delete(double at, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            int p = position(at, in.length);
            int n = Math.min(count, in.length - p);
            byte[] b = new byte[in.length - n];
            System.arraycopy(in, 0, b, 0, p);
            System.arraycopy(in, p + n, b, p, in.length - p - n);
            return b;
        }
    }

    /** Repeats a few random lines right after themselves (a log written twice, a replayed chunk). */
    public record DuplicateLines(long seed, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            Random r = new Random(seed);
            for (int i = 0; i < count && !lines.isEmpty(); i++) {
                int p = r.nextInt(lines.size());
                int n = 1 + r.nextInt(Math.min(20, lines.size() - p));
                lines.addAll(p + n, new ArrayList<>(lines.subList(p, p + n)));
            }
            return join(lines);
        }
    }

    /** Shuffles a window of lines (lines out of order: interleaved writers, a bad merge). */
    public record ShuffleLines(double at, long seed, int span) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            int p = position(at, lines.size());
            Collections.shuffle(lines.subList(p, Math.min(lines.size(), p + span)), new Random(seed));
            return join(lines);
        }
    }

    /** Inserts lines of garbage: markup, terminal escapes, NULs, absurd numbers. */
    public record GarbageLines(long seed, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            Random r = new Random(seed);
            for (int i = 0; i < count; i++) {
                String g = GARBAGE.get(r.nextInt(GARBAGE.size()));
                lines.add(r.nextInt(lines.size() + 1), (g + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return join(lines);
        }
    }

    /** Inserts one line of {@code size} bytes (no line end for that long: a binary blob, a runaway writer). */
    public record HugeLine(double at, int size) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            List<byte[]> lines = lines(in);
            byte[] huge = new byte[size + 1];
            byte[] unit = "[1.234s][info][gc] <b>x</b>\u001b ".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < size; i++) {
                huge[i] = unit[i % unit.length];
            }
            huge[size] = '\n';
            lines.add(position(at, lines.size()), huge);
            return join(lines);
        }
    }

    /** Values that break what a number means: zero, negative, overflowing, not finite, absurdly long. */
    static final List<String> EXTREME_NUMBERS = List.of("0", "-1", "-0.0", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "NaN", "Infinity", "1e400", "99999999999999999999", "0.000000000000000000001");

    /** Replaces {@code count} random runs of digits with extreme numbers (counts, sizes, times, scores). */
    public record ExtremeNumbers(long seed, int count) implements Edit {
        @Override
        public byte[] apply(byte[] in) {
            List<int[]> runs = new ArrayList<>();
            for (int i = 0; i < in.length; i++) {
                if (in[i] >= '0' && in[i] <= '9') {
                    int start = i;
                    while (i < in.length && (in[i] >= '0' && in[i] <= '9' || in[i] == '.')) {
                        i++;
                    }
                    runs.add(new int[] {start, i});
                }
            }
            if (runs.isEmpty()) {
                return in;
            }
            Random r = new Random(seed);
            java.util.TreeMap<Integer, int[]> chosen = new java.util.TreeMap<>();
            for (int k = 0; k < count; k++) {
                int[] run = runs.get(r.nextInt(runs.size()));
                chosen.put(run[0], run);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 32 * count);
            int at = 0;
            for (int[] run : chosen.values()) {
                out.write(in, at, run[0] - at);
                byte[] v = EXTREME_NUMBERS.get(r.nextInt(EXTREME_NUMBERS.size())).getBytes(StandardCharsets.US_ASCII);
                out.write(v, 0, v.length);
                at = run[1];
            }
            out.write(in, at, in.length - at);
            return out.toByteArray();
        }
    }

    /**
     * Writes a big-endian long at {@code offset}: on a JFR recording, a field of the first chunk header
     * (8 chunk size, 16 constant pool offset, 24 metadata offset, 32 start time, 40 duration, 48 start ticks,
     * 56 ticks per second) set to an absurd value.
     */
    public record HeaderLong(int offset, long value) implements Edit {
        /** The chunk header's long fields. */
        static final int[] JFR_FIELDS = {8, 16, 24, 32, 40, 48, 56};

        @Override
        public byte[] apply(byte[] in) {
            byte[] b = in.clone();
            for (int i = 0; i < 8 && offset + i < b.length; i++) {
                b[offset + i] = (byte) (value >>> (56 - 8 * i));
            }
            return b;
        }
    }

    /** The lines, each with its line end (the last may have none). */
    static List<byte[]> lines(byte[] in) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                out.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            out.add(Arrays.copyOfRange(in, start, in.length));
        }
        return out;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l, 0, l.length);
        }
        return out.toByteArray();
    }
}
