package io.github.jvmadvisor.core.rule;

import java.util.Objects;

/**
 * One number behind a finding, named and with its unit, so that reports can show why a rule fired and
 * tools can compare runs.
 *
 * @param name what it is ({@code "live set"}, {@code "GC CPU share"})
 * @param value the value in {@code unit}, or {@code null} for a figure that is text only
 * @param unit {@code "bytes"}, {@code "ms"}, {@code "fraction"}, {@code "count"}, {@code "bytes/s"}, {@code "cpus"},
 *     or {@code ""}
 * @param text the value as a person reads it ({@code "412 MB"}, {@code "12.5 %"})
 */
public record Figure(String name, Double value, String unit, String text) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(text, "text");
    }

    /** A size in bytes. */
    public static Figure bytes(String name, long bytes) {
        return new Figure(name, (double) bytes, "bytes", Units.bytes(bytes));
    }

    /** A share from 0 to 1, shown as a percentage. */
    public static Figure share(String name, double fraction) {
        return new Figure(name, fraction, "fraction", Units.fixed(fraction * 100, 1) + " %");
    }

    /** Milliseconds. */
    public static Figure millis(String name, double ms) {
        return new Figure(name, ms, "ms", Units.millis(ms));
    }

    /** A count. */
    public static Figure count(String name, long n) {
        return new Figure(name, (double) n, "count", Long.toString(n));
    }

    /** Any number with a unit. */
    public static Figure of(String name, double value, String unit) {
        if (unit.equals("bytes/s")) {
            return new Figure(name, value, unit, Units.bytes((long) value) + "/s");
        }
        if (unit.equals("bytes")) {
            // the value as measured (a mean object size of 23.1 bytes), the text in whole bytes: truncating the value
            // too made ALLOC-05's mean read 23.0 against a histogram's 23.1
            return new Figure(name, value, unit, Units.bytes(Math.round(value)));
        }
        return new Figure(name, value, unit, Units.number(value) + (unit.isEmpty() ? "" : " " + unit));
    }

    /** A figure that is text (a flag value, a collector). */
    public static Figure text(String name, String text) {
        return new Figure(name, null, "", text);
    }
}
