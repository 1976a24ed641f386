package io.github.jvmadvisor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Value writers shared by every JSON writer of this package: {@code null} for unknown, plain-notation numbers. */
final class JsonValues {

    private JsonValues() {
    }

    /** A number: integers as they are, doubles as {@link #dbl}; {@code null} for {@code null}. */
    static void num(JsonGenerator g, String name, Number v) throws IOException {
        if (v instanceof Double || v instanceof Float) {
            dbl(g, name, v.doubleValue());
        } else if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v.longValue());
        }
    }

    /** A double in plain notation, {@code null} for {@code null}, NaN or infinity. */
    static void dbl(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        dblValue(g, v);
    }

    /** An array element: a double in plain notation, {@code null} for {@code null}, NaN or infinity. */
    static void dblValue(JsonGenerator g, Double v) throws IOException {
        if (v == null || v.isNaN() || v.isInfinite()) {
            g.writeNull();
        } else {
            g.writeNumber(plain(v));
        }
    }

    /** {@code 294711788.2}, never {@code 2.947117882E8}; whole numbers keep one decimal ({@code 3.0}). */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return BigDecimal.valueOf(v).setScale(1).toPlainString();
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A fraction (0 to 1) rounded to six decimals, or {@code null}. */
    static void fraction(JsonGenerator g, String name, Double v) throws IOException {
        dbl(g, name, v == null ? null : Math.round(v * 1e6) / 1e6);
    }

    /** A rate or other measured double rounded to one decimal, or {@code null}. */
    static void rounded(JsonGenerator g, String name, Double v) throws IOException {
        dbl(g, name, v == null ? null : Math.round(v * 10) / 10.0);
    }

    /** Nanoseconds as milliseconds (microsecond precision). */
    static void millis(JsonGenerator g, String name, long nanos) throws IOException {
        dbl(g, name, Math.round(nanos / 1e3) / 1e3);
    }

    /** Nanoseconds as milliseconds, or {@code null}. */
    static void millis(JsonGenerator g, String name, Long nanos) throws IOException {
        if (nanos == null) {
            g.writeNullField(name);
        } else {
            millis(g, name, nanos.longValue());
        }
    }

    /** A boolean, or {@code null}. */
    static void bool(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, v);
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-02T03:04:05.123456789Z}), or {@code null}. */
    static void instant(JsonGenerator g, String name, Instant v) throws IOException {
        g.writeStringField(name, v == null ? null : v.toString());
    }

    /** {@code part / whole} when {@code whole > 0}, else {@code null}. */
    static Double share(long part, long whole) {
        return whole > 0 ? (double) part / whole : null;
    }
}
