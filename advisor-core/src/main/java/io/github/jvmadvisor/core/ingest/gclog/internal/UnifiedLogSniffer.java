package io.github.jvmadvisor.core.ingest.gclog.internal;

/** Recognises unified (JDK 9+) GC logging in the first bytes of an input. */
public final class UnifiedLogSniffer {

    private UnifiedLogSniffer() {
    }

    /**
     * Whether {@code head[0, n)} holds at least one unified GC log line: a decorated line with a
     * {@code gc} or {@code safepoint} tag set, or an undecorated {@code GC(n) Pause ...} /
     * {@code Using G1} line.
     */
    public static boolean looksUnified(byte[] head, int n) {
        Decorations d = new Decorations(new TagTable());
        int s = 0;
        int lines = 0;
        while (s < n && lines < 50_000) {
            int e = s;
            while (e < n && head[e] != '\n') {
                e++;
            }
            int end = e > s && head[e - 1] == '\r' ? e - 1 : e;
            lines++;
            if (d.parse(head, s, end) > 0 && d.tags != null) {
                String t = d.tags.name;
                if (t.equals("gc") || t.startsWith("gc,") || t.equals("safepoint")) {
                    return true;
                }
            } else if (d.count == 0 && undecoratedGcLine(head, s, end)) {
                return true;
            } else if (d.count > 0 && d.tags == null && undecoratedGcLine(head, d.messageStart, end)) {
                return true;
            }
            s = e + 1;
        }
        return false;
    }

    private static boolean undecoratedGcLine(byte[] b, int s, int e) {
        String line = new String(b, s, Math.min(e - s, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (line.startsWith("Using ") && (line.equals("Using G1") || line.equals("Using Serial")
                || line.equals("Using Parallel") || line.equals("Using Shenandoah")
                || line.equals("Using The Z Garbage Collector") || line.equals("Using Concurrent Mark Sweep"))) {
            return true;
        }
        return line.startsWith("GC(") && (line.contains(" Pause ") || line.contains(" Collection (")
                || line.contains(" Concurrent "));
    }
}
