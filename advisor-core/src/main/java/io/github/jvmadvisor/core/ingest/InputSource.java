package io.github.jvmadvisor.core.ingest;

import io.github.jvmadvisor.core.model.InputIssue;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One readable input: a plain file, a gzip file (read decompressed), or a member of a zip archive.
 * Compression is recognised by content (magic bytes), not by file name.
 *
 * <p>Decompressed content is bounded by the {@link ReadLimits} in force when {@link #open()} is called:
 * a stream that reaches one throws {@link InputLimitException} after delivering the bytes before it.
 *
 * <p>The members of one archive share one open {@link ZipFile}, so reading every member of an archive
 * costs one pass over its directory, not one per member; {@link #release()} closes it (a later
 * {@link #open()} opens it again). Immutable apart from that shared handle; {@link #open()} returns a new
 * stream each time and may be called from several threads.
 *
 * <p>A zip archive whose central directory is missing or damaged (a zip cut short) is read from its local
 * headers: the members found before the damage, at most {@value #MAX_STREAMED_MEMBERS}, with a
 * {@code truncated} issue.
 */
public final class InputSource {

    private static final int GZIP_BUFFER = 1 << 16;

    private final Path file;
    private final String member;
    private final String name;
    /** The shared archive of a member, or {@code null}. */
    private final Archive archive;
    /** For a member of an archive read from its start (its directory is missing), its place; else -1. */
    private final int ordinal;

    private InputSource(Path file, String member, Archive archive) {
        this(file, member, archive, -1);
    }

    private InputSource(Path file, String member, Archive archive, int ordinal) {
        this.file = file;
        this.member = member;
        this.archive = archive;
        this.ordinal = ordinal;
        this.name = member == null ? file.toString() : file + "!/" + member;
    }

    /** A source for one plain or gzip file. */
    public static InputSource of(Path file) {
        return new InputSource(Objects.requireNonNull(file, "file"), null, null);
    }

    /**
     * The sources in a path: the file itself, or each file member of a zip archive (in name order).
     *
     * @throws IOException if the file cannot be read
     */
    public static List<InputSource> expand(Path path) throws IOException {
        return expand(path, new ArrayList<>());
    }

    /**
     * The sources in a path, as {@link #expand(Path)}, adding to {@code issues} what was left out: the
     * members past {@link ReadLimits#maxArchiveMembers()}.
     *
     * @throws IOException if the file cannot be read
     */
    public static List<InputSource> expand(Path path, List<InputIssue> issues) throws IOException {
        if (!isZip(path)) {
            return List.of(of(path));
        }
        int max = ReadLimits.current().maxArchiveMembers();
        Archive archive = new Archive(path);
        List<InputSource> out = new ArrayList<>();
        long skipped = 0;
        ZipFile zip;
        try {
            zip = archive.zip();
        } catch (java.util.zip.ZipException e) {
            return streamed(path, issues, e);
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String n = e.getName();
            if (!e.isDirectory() && !n.startsWith("__MACOSX/") && !n.endsWith("/.DS_Store")) {
                if (out.size() < max) {
                    out.add(new InputSource(path, n, archive));
                } else {
                    skipped++;
                }
            }
        }
        if (skipped > 0) {
            issues.add(new InputIssue(path.toString(), 0, InputIssue.LIMIT_REACHED, "the archive holds "
                    + (out.size() + skipped) + " files; the first " + max + " (in archive order) were read and "
                    + skipped + " left out. Raise the limit with -D" + ReadLimits.MAX_ARCHIVE_MEMBERS + "=N"));
        }
        out.sort((a, b) -> a.member.compareTo(b.member));
        return Collections.unmodifiableList(out);
    }

    /** Most members of an archive without its directory read: each is found by reading the archive from its start. */
    static final int MAX_STREAMED_MEMBERS = 1000;

    /**
     * The members of a zip archive whose central directory is missing or damaged (a zip cut short), found by
     * reading its local headers from the start until they end or fail.
     */
    private static List<InputSource> streamed(Path path, List<InputIssue> issues, java.util.zip.ZipException why) {
        Archive archive = new Archive(path);
        List<InputSource> out = new ArrayList<>();
        int max = Math.min(MAX_STREAMED_MEMBERS, ReadLimits.current().maxArchiveMembers());
        String stopped = null;
        boolean more = false;
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(
                new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER))) {
            int ordinal = 0;
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry(), ordinal++) {
                String n = e.getName();
                if (!e.isDirectory() && !n.startsWith("__MACOSX/") && !n.endsWith("/.DS_Store")) {
                    if (out.size() == max) {
                        more = true;
                        break;
                    }
                    out.add(new InputSource(path, n, archive, ordinal));
                }
            }
        } catch (IOException | RuntimeException e) {
            stopped = e.getMessage();
        }
        issues.add(new InputIssue(path.toString(), 0, InputIssue.TRUNCATED, "the zip archive's directory is missing "
                + "or damaged (" + why.getMessage() + "; a file cut short?): " + out.size() + " member(s) were found "
                + "by reading it from the start" + (stopped != null ? ", which stopped at damage (" + stopped + ")" : "")
                + (more ? "; past " + max + " members the rest were left out (each is found by reading from the "
                        + "start; repair the archive, e.g. with zip -FF, to read them all)" : "")));
        out.sort((a, b) -> a.member.compareTo(b.member));
        return Collections.unmodifiableList(out);
    }

    /** The name used in reports: the path, or {@code archive.zip!/member}. */
    public String name() {
        return name;
    }

    /** The file on disk (the archive for a zip member). */
    public Path file() {
        return file;
    }

    /** The member inside a zip archive, or {@code null}. */
    public String member() {
        return member;
    }

    /** Whether the content is compressed (a zip member, or a gzip file): what {@link #open()} gives is inflated. */
    public boolean compressed() throws IOException {
        return member != null || isGzip(file);
    }

    /**
     * Closes the archive this member's archive handle holds open, shared by all members of the archive;
     * nothing for a plain file. A later {@link #open()} opens the archive again.
     */
    public void release() {
        if (archive != null) {
            archive.close();
        }
    }

    /**
     * Opens the content, decompressed when it is gzip.
     *
     * @throws IOException if it cannot be opened
     */
    public InputStream open() throws IOException {
        ReadLimits limits = ReadLimits.current();
        InputStream raw;
        long memberCompressed = -1;
        long memberCrc = -1;
        if (member == null) {
            raw = Files.newInputStream(file);
        } else if (ordinal >= 0) {
            raw = openStreamed();
            memberCompressed = Files.size(file); // its own size is not known: the ratio to the whole archive
        } else {
            ZipFile zip = archive.zip();
            ZipEntry e = zip.getEntry(member);
            if (e == null) {
                throw new IOException("no member " + member + " in " + file);
            }
            memberCompressed = e.getCompressedSize();
            memberCrc = e.getCrc();
            // said to have nothing available, so that the buffer below returns what one inflation gave instead
            // of reading on, and a failure later in the member cannot take the bytes before it with it
            raw = new FilterInputStream(zip.getInputStream(e)) {
                @Override
                public int available() {
                    return 0;
                }
            };
        }
        BufferedInputStream in = new BufferedInputStream(raw, GZIP_BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            Counting counted = new Counting(in);
            try {
                return new Limited(new GZIPInputStream(counted, GZIP_BUFFER), counted, -1, limits);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
        if (member != null) {
            Limited l = new Limited(in, null, Math.max(1, memberCompressed), limits);
            l.expectCrc(memberCrc);
            return l;
        }
        return in;
    }

    /** This member of an archive without its directory: the archive read from its start up to the member. */
    private InputStream openStreamed() throws IOException {
        java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(
                new BufferedInputStream(Files.newInputStream(file), GZIP_BUFFER));
        try {
            ZipEntry e = null;
            for (int i = 0; i <= ordinal; i++) {
                e = z.getNextEntry();
                if (e == null) {
                    throw new java.io.EOFException("no member " + member + " in " + file);
                }
            }
            if (!e.getName().equals(member)) {
                throw new IOException("member " + ordinal + " of " + file + " is no longer " + member);
            }
            return new FilterInputStream(z) {
                @Override
                public int available() {
                    return 0;
                }
            };
        } catch (IOException | RuntimeException x) {
            z.close();
            throw x;
        }
    }

    private static boolean isZip(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 'P' && in.read() == 'K' && in.read() == 3 && in.read() == 4;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** A zip archive opened once for all its members. */
    private static final class Archive {
        private final Path file;
        private ZipFile zip;

        Archive(Path file) {
            this.file = file;
        }

        synchronized ZipFile zip() throws IOException {
            if (zip == null) {
                zip = new ZipFile(file.toFile());
            }
            return zip;
        }

        synchronized void close() {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // nothing was written; closing a read handle that fails leaves nothing to undo
                }
                zip = null;
            }
        }
    }

    /** Counts the bytes read through it: the compressed bytes a gzip stream consumed. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }

    /**
     * Stops inflated content at the limits: the bytes up to the limit are delivered, the next read throws
     * {@link InputLimitException}.
     */
    private static final class Limited extends FilterInputStream {
        private final Counting compressed;
        private final long compressedSize;
        private final ReadLimits limits;
        private long delivered;
        private String reached;
        /** The CRC-32 the content must have (a zip member's), or -1: checked at its end, which the zip reader skips. */
        private long expectedCrc = -1;
        private java.util.zip.CRC32 crc;

        Limited(InputStream in, Counting compressed, long compressedSize, ReadLimits limits) {
            super(in);
            this.compressed = compressed;
            this.compressedSize = compressedSize;
            this.limits = limits;
        }

        private final byte[] one = new byte[1];

        void expectCrc(long value) {
            expectedCrc = value;
            crc = value < 0 ? null : new java.util.zip.CRC32();
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (reached != null) {
                throw new InputLimitException(reached, delivered);
            }
            if (len == 0) {
                return 0;
            }
            long room = limits.maxInflatedBytes() - delivered;
            if (room <= 0) {
                reached = "stopped after " + delivered + " bytes of decompressed content, the limit of "
                        + ReadLimits.human(limits.maxInflatedBytes()) + "; raise it with -D"
                        + ReadLimits.MAX_INFLATED_BYTES + "=SIZE (e.g. 64g)";
                throw new InputLimitException(reached, delivered);
            }
            int n = super.read(b, off, (int) Math.min(len, room));
            if (n < 0 && crc != null && crc.getValue() != expectedCrc) {
                long got = crc.getValue();
                crc = null;
                throw new java.util.zip.ZipException(String.format("the member's content does not match its CRC-32"
                        + " (%08x, read %08x): it is damaged, and some lines read may be", expectedCrc, got));
            }
            if (n > 0) {
                if (crc != null) {
                    crc.update(b, off, n);
                }
                delivered += n;
                long in = compressed != null ? compressed.count : compressedSize;
                if (delivered > limits.ratioAfterBytes() && in > 0 && delivered / in > limits.maxInflationRatio()) {
                    reached = "stopped after " + delivered + " bytes of decompressed content inflated from "
                            + in + " bytes: more than " + limits.maxInflationRatio() + " times its compressed size"
                            + " (a decompression bomb?); raise the limit with -D" + ReadLimits.MAX_INFLATION_RATIO
                            + "=N";
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
            long done = 0;
            while (done < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
