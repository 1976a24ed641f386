package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/** Numbers as people read them in findings and reports; also the sizes a flag takes. */
public final class Units {

    private static final long K = 1024;
    private static final long M = K * K;
    private static final long G = M * K;

    private Units() {
    }

    /** {@code 412 MB}, {@code 1.5 GB}, {@code 640 KB}, {@code 12 B}: binary units, as the JVM counts. */
    public static String bytes(long b) {
        if (b >= G) {
            return trim(b / (double) G) + " GB";
        }
        if (b >= M) {
            return trim(b / (double) M) + " MB";
        }
        if (b >= K) {
            return trim(b / (double) K) + " KB";
        }
        return b + " B";
    }

    /** {@code 12.3 ms}, {@code 1.25 s}, {@code 0.412 ms}. */
    public static String millis(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }

    /** A number with at most three significant decimals and no trailing zeros. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return trim(v);
    }

    /**
     * A size as a JVM option takes it, rounded down to a whole MB (or GB when exact):
     * {@code 1536m}, {@code 2g}. Never below 1m.
     */
    public static String optionSize(long bytes) {
        long mb = Math.max(1, bytes / M);
        return mb % 1024 == 0 ? (mb / 1024) + "g" : mb + "m";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
