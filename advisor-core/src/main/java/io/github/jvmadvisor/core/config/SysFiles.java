package io.github.jvmadvisor.core.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Small readers for the pseudo files of {@code /proc} and {@code /sys}: read whole, decode leniently,
 * and turn every failure into {@code null}, because a missing or unreadable file is an ordinary answer
 * there (a controller not enabled, a kernel without swap accounting, another operating system).
 */
final class SysFiles {

    private SysFiles() {
    }

    /** The file's text, or {@code null} when it is absent or unreadable. */
    static String read(Path file) {
        if (file == null) {
            return null;
        }
        // java.io rather than Files.readAllBytes: the JVM has loaded it at boot, while the NIO channel classes
        // cost a few milliseconds to load at startup. readAllBytes reads to end of file, which matters for
        // pseudo files that report a size of 0 or 4096.
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The first line of the file without its line end, trimmed, or {@code null}. */
    static String firstLine(Path file) {
        String text = read(file);
        if (text == null) {
            return null;
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** A decimal integer, or {@code null} when the text is not one or does not fit a long. */
    static Long parseLong(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value of a {@code key value} line of a flat-keyed file such as {@code memory.stat}, or
     * {@code null}.
     */
    static String keyedValue(String text, String key) {
        if (text == null) {
            return null;
        }
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            if (text.startsWith(key, from) && end > from + key.length()
                    && Character.isWhitespace(text.charAt(from + key.length()))) {
                return text.substring(from + key.length(), end).trim();
            }
            from = end + 1;
        }
        return null;
    }

    /**
     * The value after {@code key} and a colon in a file such as {@code /proc/meminfo} or {@code
     * /proc/<pid>/status} ({@code "MemTotal:   24684092 kB"} gives {@code "24684092 kB"}), or {@code null}.
     */
    static String colonValue(String text, String key) {
        if (text == null) {
            return null;
        }
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            int colon = text.indexOf(':', from);
            if (colon > from && colon < end && text.substring(from, colon).trim().equals(key)) {
                return text.substring(colon + 1, end).trim();
            }
            from = end + 1;
        }
        return null;
    }

    /**
     * The number of CPUs in a Linux CPU list such as {@code "0-3,8,10-11"} (7), or {@code null} when
     * the text is not one.
     */
    static Integer countCpuList(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        int count = 0;
        for (String part : list.trim().split(",")) {
            int dash = part.indexOf('-');
            try {
                if (dash < 0) {
                    Integer.parseInt(part.trim());
                    count++;
                } else {
                    int lo = Integer.parseInt(part.substring(0, dash).trim());
                    int hi = Integer.parseInt(part.substring(dash + 1).trim());
                    if (hi < lo) {
                        return null;
                    }
                    count += hi - lo + 1;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return count;
    }

    /**
     * The path {@code absolute} (an absolute path as the kernel prints it) inside {@code root}, or
     * {@code null} when it is not absolute.
     */
    static Path under(Path root, String absolute) {
        if (absolute == null || !absolute.startsWith("/")) {
            return null;
        }
        int start = 0;
        while (start < absolute.length() && absolute.charAt(start) == '/') {
            start++;
        }
        return start == absolute.length() ? root : root.resolve(absolute.substring(start));
    }
}
