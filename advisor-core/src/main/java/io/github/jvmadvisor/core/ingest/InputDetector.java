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
 * first GC line is tolerated.
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
        byte[] head;
        int n;
        try (InputStream in = source.open()) {
            head = new byte[HEAD_BYTES];
            n = in.readNBytes(head, 0, head.length);
        }
        return detect(head, n);
    }

    /** Detects the kind of content whose first {@code n} bytes are in {@code head}. */
    public static Detection detect(byte[] head, int n) {
        if (n >= 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return new Detection(InputKind.JFR, null);
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
