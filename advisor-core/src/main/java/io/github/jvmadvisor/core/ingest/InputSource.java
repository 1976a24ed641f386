package io.github.jvmadvisor.core.ingest;

import java.io.BufferedInputStream;
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
 * <p>Immutable; {@link #open()} returns a new stream each time.
 */
public final class InputSource {

    private static final int GZIP_BUFFER = 1 << 16;

    private final Path file;
    private final String member;
    private final String name;

    private InputSource(Path file, String member) {
        this.file = file;
        this.member = member;
        this.name = member == null ? file.toString() : file + "!/" + member;
    }

    /** A source for one plain or gzip file. */
    public static InputSource of(Path file) {
        return new InputSource(Objects.requireNonNull(file, "file"), null);
    }

    /**
     * The sources in a path: the file itself, or each file member of a zip archive (in name order).
     *
     * @throws IOException if the file cannot be read
     */
    public static List<InputSource> expand(Path path) throws IOException {
        if (!isZip(path)) {
            return List.of(of(path));
        }
        List<InputSource> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (!e.isDirectory() && !n.startsWith("__MACOSX/") && !n.endsWith("/.DS_Store")) {
                    out.add(new InputSource(path, n));
                }
            }
        }
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

    /**
     * Opens the content, decompressed when it is gzip.
     *
     * @throws IOException if it cannot be opened
     */
    public InputStream open() throws IOException {
        InputStream raw;
        if (member == null) {
            raw = Files.newInputStream(file);
        } else {
            ZipFile zip = new ZipFile(file.toFile());
            ZipEntry e = zip.getEntry(member);
            if (e == null) {
                zip.close();
                throw new IOException("no member " + member + " in " + file);
            }
            raw = new ClosingStream(zip.getInputStream(e), zip);
        }
        BufferedInputStream in = new BufferedInputStream(raw, GZIP_BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, GZIP_BUFFER);
        }
        return in;
    }

    private static boolean isZip(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 'P' && in.read() == 'K' && in.read() == 3 && in.read() == 4;
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Closes the archive with the member's stream. */
    private static final class ClosingStream extends java.io.FilterInputStream {
        private final AutoCloseable owner;

        ClosingStream(InputStream in, AutoCloseable owner) {
            super(in);
            this.owner = owner;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw e instanceof IOException ? (IOException) e : new IOException(e);
                }
            }
        }
    }
}
