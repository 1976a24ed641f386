package io.github.jvmadvisor.core.ingest;

import io.github.jvmadvisor.core.ingest.gclog.internal.UnifiedLogSniffer;
import io.github.jvmadvisor.core.model.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tells what an input is from its content: a JFR recording, a JMH result, an HdrHistogram log or
 * percentile file, or a GC log (unified, legacy JDK 8, or IBM verbose GC XML). File names are never
 * consulted. Reads at most the first megabyte (decompressed), so application output before the
 * first GC line is tolerated. A head that cannot be inflated to its end (a gzip file cut or damaged
 * within its first megabyte) is judged on what could be. Archives and compressed formats found after
 * the one level of gzip or zip that {@link InputSource} opens (a zip in a zip, bzip2, xz, zstd, 7z, tar)
 * are told apart, never taken for text.
 */
public final class InputDetector {

    /** Bytes of the head examined. */
    static final int HEAD_BYTES = 1 << 20;

    /** GC log format families. */
    public static final String UNIFIED = "unified";
    public static final String LEGACY = "legacy";
    public static final String IBM_XML = "ibm-verbose-xml";

    private InputDetector() {
    }

    /**
     * What an input is.
     *
     * @param kind the kind
     * @param format the format family within the kind (for GC logs), or {@code null}
     */
    public record Detection(InputKind kind, String format) {
    }

    /**
     * Detects the kind of {@code source}.
     *
     * @throws IOException if it cannot be read
     */
    public static Detection detect(InputSource source) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int n = 0;
        try (InputStream in = source.open()) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            // a gzip or zip member cut or damaged within the head: what could be inflated tells the kind,
            // and the reader reports the damage where it meets it
            if (n == 0) {
                throw e;
            }
        }
        return detect(head, n);
    }

    /** Format of a compressed or archive file found inside an archive or a gzip file. */
    public static final String NESTED_ARCHIVE = "nested-archive";

    /** The name of an archive or compression format {@code head} starts with, or {@code null}. */
    public static String archiveFormat(byte[] head, int n) {
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
            return "zip";
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return "bzip2";
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return "xz";
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return "zstd";
        }
        if (n >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xff) == 0xbc && (head[3] & 0xff) == 0xaf) {
            return "7z";
        }
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r') {
            return "tar";
        }
        return null;
    }

    /** Detects the kind of content whose first {@code n} bytes are in {@code head}. */
    public static Detection detect(byte[] head, int n) {
        if (n >= 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return new Detection(InputKind.JFR, null);
        }
        String archive = archiveFormat(head, n);
        if (archive != null) {
            // an archive in an archive (or a compressed file of a format not read) is no log text
            return new Detection(InputKind.UNKNOWN, NESTED_ARCHIVE + ":" + archive);
        }
        int first = 0;
        while (first < n && (head[first] == ' ' || head[first] == '\n' || head[first] == '\r' || head[first] == '\t'
                || (head[first] & 0xff) == 0xef || (head[first] & 0xff) == 0xbb || (head[first] & 0xff) == 0xbf)) {
            first++;
        }
        String text = new String(head, 0, Math.min(n, 64 * 1024), StandardCharsets.ISO_8859_1);
        if (first < n && (head[first] == '[' || head[first] == '{') && text.contains("\"benchmark\"")) {
            return new Detection(InputKind.JMH_RESULT, null);
        }
        if (text.contains("#[Histogram log format version") || text.contains("#[StartTime:")
                || text.contains("#[BaseTime:") || text.contains("\"Interval_Compressed_Histogram\"")) {
            return new Detection(InputKind.HDR_LOG, null);
        }
        if (text.contains("Percentile") && text.contains("TotalCount") && text.contains("1/(1-Percentile)")) {
            return new Detection(InputKind.HDR_PERCENTILES, null);
        }
        if (UnifiedLogSniffer.looksUnified(head, n)) {
            return new Detection(InputKind.GC_LOG, UNIFIED);
        }
        if (text.contains("<verbosegc") || text.contains("<af type=") || text.contains("<gc-op ")) {
            return new Detection(InputKind.GC_LOG, IBM_XML);
        }
        if (text.contains("[GC (") || text.contains("[Full GC") || text.contains("[GC pause")
                || text.contains(": [GC") || text.contains("[GC concurrent") || text.contains("CommandLine flags:")
                || text.contains("[Times: user=") || text.contains("[GC ")) {
            return new Detection(InputKind.GC_LOG, LEGACY);
        }
        return new Detection(InputKind.UNKNOWN, null);
    }
}
