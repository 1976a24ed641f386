package io.github.jvmadvisor.core.ingest.jfr.internal;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;

/**
 * Field access that never throws: recordings from other JDKs name and type fields differently, and
 * a damaged recording may lack them. Missing or mistyped values come back as -1, {@code null} or
 * {@code NaN}.
 */
public final class Fields {

    private Fields() {
    }

    /** An integral field, or -1 when absent, of another type, or negative (JFR's "unknown"). */
    public static long lng(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return -1;
        }
        try {
            return o.getLong(name);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A floating-point field, or {@code NaN}. */
    public static double dbl(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return Double.NaN;
        }
        try {
            return o.getDouble(name);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A boolean field, or {@code null}. */
    public static Boolean bool(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return null;
        }
        try {
            return o.getBoolean(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string field (any value rendered as text), or {@code null}. */
    public static String str(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return null;
        }
        try {
            Object v = o.getValue(name);
            return v == null ? null : v instanceof String ? (String) v : String.valueOf(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A nested object, or {@code null}. */
    public static RecordedObject obj(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return null;
        }
        try {
            Object v = o.getValue(name);
            return v instanceof RecordedObject ? (RecordedObject) v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A duration field in nanoseconds, or -1. */
    public static long nanos(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return -1;
        }
        try {
            Duration d = o.getDuration(name);
            return d == null || d.isNegative() ? -1 : saturatedNanos(d);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A time stamp field in epoch milliseconds, or -1. */
    public static long epochMillis(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return -1;
        }
        try {
            Instant i = o.getInstant(name);
            return i == null ? -1 : i.toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A thread field's Java name (or OS name), or {@code null}. */
    public static String threadName(RecordedObject o, String name) {
        if (o == null || !o.hasField(name)) {
            return null;
        }
        try {
            RecordedThread t = o.getThread(name);
            if (t == null) {
                return null;
            }
            return t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Nanoseconds since the epoch of an instant, saturating. */
    public static long epochNanos(Instant i) {
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException e) {
            return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
