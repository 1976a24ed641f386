package io.github.jvmadvisor.core.ingest.hdr.internal;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers for the line-based HdrHistogram formats. */
public final class Text {

    private static final int MAX_NUMBER_CHARS = 40;

    private Text() {
    }

    /**
     * A plain decimal number ({@code 12}, {@code -0.5}, {@code 1.5e3}), or {@code null} when the text is
     * anything else: empty, too long, {@code NaN}, {@code Infinity}, hexadecimal, Java suffixes
     * ({@code 1d}), or a value that overflows to infinity.
     */
    public static Double decimal(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return null;
            }
        }
        if (!digit) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) || Double.isNaN(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The fields of a line separated by runs of commas, spaces and tabs. */
    public static List<String> fields(String line) {
        List<String> out = new ArrayList<>(6);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }

    /** Shortens input text for a message: at most 120 characters, control characters replaced. */
    public static String excerpt(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 130));
        for (int i = 0; i < text.length() && sb.length() < 120; i++) {
            char ch = text.charAt(i);
            sb.append(ch < ' ' || ch == 0x7f ? '?' : ch);
        }
        if (text.length() > 120) {
            sb.append("...");
        }
        return sb.toString();
    }
}
