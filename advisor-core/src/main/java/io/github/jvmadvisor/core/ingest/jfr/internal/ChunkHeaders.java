package io.github.jvmadvisor.core.ingest.jfr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunk headers of a recording file, read without parsing events: how many chunks, their
 * versions, time spans and sizes, and whether the file ends inside a chunk or has bytes that are no
 * chunk at all.
 *
 * <p>A chunk header is {@code FLR\0}, major and minor version (2 bytes each), then big-endian longs:
 * chunk size, constant-pool offset, metadata offset, start time (epoch nanoseconds), duration
 * (nanoseconds), start ticks, ticks per second.
 *
 * <p>Every header field the JDK's parser trusts is checked here, before the file reaches it: a chunk size
 * of 0 (which the JDK takes for a chunk still being written and waits on forever) ends the scan like a cut
 * chunk; a chunk whose ticks per second are not positive (every duration would be 0), whose start time or
 * duration is not a physically plausible epoch time (overflows later), or whose constant-pool or metadata
 * offset lies outside it, or whose file-state byte says it is still being written (the JDK's parser waits
 * for it to change), is {@linkplain Scan#rejected() rejected} with the reason and skipped.
 */
public final class ChunkHeaders {

    /** Bytes of the header fields read, up to the file-state byte. */
    static final int HEADER_BYTES = 64;
    /** Position of the file-state byte: 0 in a finished chunk; the JDK's parser waits while it is not. */
    static final int FILE_STATE = 64;
    /** Earliest plausible chunk start: 2000-01-01T00:00:00Z, in epoch nanoseconds (JRockit's JFR came later). */
    static final long MIN_EPOCH_NANOS = 946_684_800L * 1_000_000_000L;
    /** Latest plausible chunk end: 2100-01-01T00:00:00Z, in epoch nanoseconds. */
    static final long MAX_EPOCH_NANOS = 4_102_444_800L * 1_000_000_000L;

    /** One chunk. */
    public record Chunk(int index, long offset, long size, int major, int minor, long startEpochNanos,
            long durationNanos, long startTicks, long constantPoolOffset) {

        /** Whether two chunks are copies of each other (a file concatenated with itself, overlapping dumps). */
        boolean sameAs(Chunk o) {
            return size == o.size && startEpochNanos == o.startEpochNanos && startTicks == o.startTicks
                    && durationNanos == o.durationNanos;
        }

        /** End of the chunk's time span, epoch nanoseconds. */
        public long endEpochNanos() {
            return durationNanos > 0 ? startEpochNanos + durationNanos : startEpochNanos;
        }
    }

    /** What the scan found. */
    public record Scan(List<Chunk> chunks, long fileSize, long truncatedAt, long declaredSize, long garbageAt,
            List<Integer> duplicates, java.util.Map<Integer, String> rejected) {

        /** A scan with no rejected chunk. */
        public Scan(List<Chunk> chunks, long fileSize, long truncatedAt, long declaredSize, long garbageAt,
                List<Integer> duplicates) {
            this(chunks, fileSize, truncatedAt, declaredSize, garbageAt, duplicates, java.util.Map.of());
        }

        /** Whether the last chunk declares more bytes than the file holds. */
        public boolean truncated() {
            return truncatedAt >= 0;
        }

        /** The chunks that are complete, valid and not copies of an earlier one. */
        public List<Chunk> usable() {
            List<Chunk> out = new ArrayList<>();
            for (Chunk c : chunks) {
                if (!duplicates.contains(c.index()) && !rejected.containsKey(c.index()) && c.size() > HEADER_BYTES
                        && c.offset() + c.size() <= fileSize) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private ChunkHeaders() {
    }

    /** Scans {@code file}; reads only the headers. */
    public static Scan scan(Path file) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        List<Integer> dups = new ArrayList<>();
        java.util.Map<Integer, String> rejected = new java.util.TreeMap<>();
        long truncatedAt = -1;
        long declared = -1;
        long garbageAt = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long off = 0;
            ByteBuffer b = ByteBuffer.allocate(FILE_STATE + 1);
            while (off < size) {
                b.clear();
                int n = 0;
                while (b.hasRemaining()) {
                    int r = ch.read(b, off + n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                b.flip();
                if (n < 8 || b.get(0) != 'F' || b.get(1) != 'L' || b.get(2) != 'R' || b.get(3) != 0) {
                    garbageAt = off;
                    break;
                }
                int major = b.getShort(4) & 0xffff;
                int minor = b.getShort(6) & 0xffff;
                if (n < HEADER_BYTES) {
                    truncatedAt = off;
                    declared = -1;
                    chunks.add(new Chunk(chunks.size(), off, -1, major, minor, -1, -1, -1, -1));
                    break;
                }
                long chunkSize = b.getLong(8);
                Chunk c = new Chunk(chunks.size(), off, chunkSize, major, minor, b.getLong(32), b.getLong(40),
                        b.getLong(48), b.getLong(16));
                chunks.add(c);
                if (chunkSize <= HEADER_BYTES) {
                    // a chunk still being written (size not yet filled in) or a damaged header
                    truncatedAt = off;
                    declared = chunkSize;
                    break;
                }
                if (chunkSize > size - off) {
                    truncatedAt = off;
                    declared = chunkSize;
                    break;
                }
                String bad = invalid(c, b.getLong(24), b.getLong(56));
                if (bad == null && n > FILE_STATE && b.get(FILE_STATE) != 0) {
                    bad = "its header says it is still being written (file state " + (b.get(FILE_STATE) & 0xff)
                            + "; a finished chunk has 0), and the JDK's parser would wait for it forever";
                }
                if (bad != null) {
                    rejected.put(c.index(), bad);
                    off += chunkSize;
                    continue;
                }
                for (Chunk earlier : chunks) {
                    if (earlier != c && !rejected.containsKey(earlier.index()) && earlier.sameAs(c)) {
                        dups.add(c.index());
                        break;
                    }
                }
                off += chunkSize;
            }
            return new Scan(List.copyOf(chunks), size, truncatedAt, declared, garbageAt, List.copyOf(dups),
                    java.util.Collections.unmodifiableMap(rejected));
        }
    }

    /** Why a chunk whose size is plausible cannot be read, or {@code null}. */
    private static String invalid(Chunk c, long metadataOffset, long ticksPerSecond) {
        if (ticksPerSecond <= 0) {
            return "its ticks per second are " + ticksPerSecond + ", so its event times and durations cannot be"
                    + " converted (every pause would read 0 ms)";
        }
        long start = c.startEpochNanos();
        long duration = c.durationNanos();
        if (start < MIN_EPOCH_NANOS || start >= MAX_EPOCH_NANOS) {
            return "its start time is " + start + " ns since 1970, not a time between 2000 and 2100";
        }
        if (duration < 0 || duration > MAX_EPOCH_NANOS - start) {
            return "its duration is " + duration + " ns, which is negative or ends after 2100";
        }
        if (c.constantPoolOffset() < HEADER_BYTES || c.constantPoolOffset() >= c.size()) {
            return "its constant-pool offset " + c.constantPoolOffset() + " lies outside the chunk's " + c.size()
                    + " bytes";
        }
        if (metadataOffset < HEADER_BYTES || metadataOffset >= c.size()) {
            return "its metadata offset " + metadataOffset + " lies outside the chunk's " + c.size() + " bytes";
        }
        return null;
    }

    /** Checkpoint event type id. */
    private static final long CHECKPOINT_TYPE = 1;
    /** Bit of a checkpoint's type byte that marks a flush. */
    private static final int FLUSH_BIT = 1;
    /** Bytes that hold a checkpoint's size, type, time stamp, duration, delta (varints) and type byte. */
    private static final int CHECKPOINT_HEAD = 5 * 9 + 1;

    /**
     * How many times a streaming parser reports a flush while it reads each of {@code chunks}: once
     * per checkpoint marked as a flush, plus once at the end of the chunk. A parser that stopped early
     * reported fewer. Found by walking each chunk's chain of checkpoints back from the header's
     * constant-pool offset (each checkpoint holds the distance to the one before it); no event is read.
     *
     * @return one count per chunk, or {@code null} when a chain cannot be walked (a damaged chunk)
     */
    public static long[] flushes(Path file, List<Chunk> chunks) throws IOException {
        long[] out = new long[chunks.size()];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(CHECKPOINT_HEAD);
            for (int i = 0; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                long at = c.constantPoolOffset();
                long n = 1;
                for (int guard = 0; ; guard++) {
                    if (at < HEADER_BYTES || at >= c.size() || guard > c.size() / 8) {
                        return null;
                    }
                    b.clear();
                    ch.read(b, c.offset() + at);
                    b.flip();
                    long[] v = new long[5];
                    for (int k = 0; k < 5; k++) {
                        v[k] = varint(b);
                        if (v[k] == Long.MIN_VALUE) {
                            return null;
                        }
                    }
                    if (v[1] != CHECKPOINT_TYPE || !b.hasRemaining()) {
                        return null;
                    }
                    if ((b.get() & FLUSH_BIT) != 0) {
                        n++;
                    }
                    long delta = v[4];
                    if (delta == 0) {
                        break;
                    }
                    if (delta > 0) {
                        return null;
                    }
                    at += delta;
                }
                out[i] = n;
            }
        }
        return out;
    }

    /** A LEB128 long as JFR writes them (the ninth byte holds 8 bits), or MIN_VALUE when cut. */
    private static long varint(ByteBuffer b) {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            if (!b.hasRemaining()) {
                return Long.MIN_VALUE;
            }
            int x = b.get();
            if (i == 8) {
                return v | ((long) (x & 0xff) << 56);
            }
            v |= (long) (x & 0x7f) << (7 * i);
            if (x >= 0) {
                return v;
            }
        }
        return v;
    }

    /** Copies {@code chunks} of {@code from} into a new file {@code to}, in order. */
    public static void copy(Path from, List<Chunk> chunks, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Chunk c : chunks) {
                long done = 0;
                while (done < c.size()) {
                    long n = in.transferTo(c.offset() + done, c.size() - done, out);
                    if (n <= 0) {
                        throw new IOException("short copy of chunk " + c.index());
                    }
                    done += n;
                }
            }
        }
    }
}
