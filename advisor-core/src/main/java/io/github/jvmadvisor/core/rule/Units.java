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
            return fixed(ms / 1000, 2) + " s";
        }
        if (ms >= 10) {
            return fixed(ms, 1) + " ms";
        }
        return fixed(ms, 3) + " ms";
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
        String s = fixed(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }

    /**
     * What {@code String.format(Locale.ROOT, "%.<decimals>f", v)} gives (the shortest decimal that reads back as
     * {@code v}, rounded half up), without {@link java.util.Formatter}: its first use in a JVM loads the locale
     * data, about 9 ms of CPU, and findings are formatted on the path of {@code JvmAdvisor.atStartup}.
     * {@code UnitsTest} checks the two agree.
     */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        String s = new java.math.BigDecimal(Double.toString(v)).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        // Formatter keeps the sign of a negative number that rounds to zero, and of -0.0
        return (v < 0 || v == 0 && 1 / v < 0) && s.charAt(0) != '-' ? "-" + s : s;
    }
}
