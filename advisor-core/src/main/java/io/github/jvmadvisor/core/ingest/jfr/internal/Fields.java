package io.github.jvmadvisor.core.ingest.jfr.internal;

import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.ingest.jfr.MethodNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Field access that never throws: recordings from other JDKs name and type fields differently, and
 * a damaged recording may lack them. Missing or mistyped values come back as {@code null} (the
 * {@code getX} methods), or as -1 or {@code NaN} (the short-named ones, for primitive bookkeeping).
 *
 * <p>Fields are read directly and a missing one is told by the exception the JDK throws, not looked up
 * first with {@code hasField}: both scan the type's fields by name, and the fields asked for are there
 * in nearly every event, so the look-up would double the cost of every read.
 */
public final class Fields {

    private Fields() {
    }

    /**
     * Whether events of a type have a field, asked once per type. For fields that only some JDKs
     * write (read through the methods above, a field missing from every event would cost an exception
     * per event). Not thread-safe; one per reader.
     */
    public static final class Presence {
        private final Map<EventType, Map<String, Boolean>> known = new IdentityHashMap<>();

        /** Whether {@code e}'s type has the field {@code name}. */
        public boolean has(RecordedEvent e, String name) {
            Map<String, Boolean> m = known.computeIfAbsent(e.getEventType(), k -> new HashMap<>());
            Boolean b = m.get(name);
            if (b == null) {
                b = e.hasField(name);
                m.put(name, b);
            }
            return b;
        }
    }

    /** An integral field, or -1 when absent or of another type. */
    public static long lng(RecordedObject o, String name) {
        Long v = getLong(o, name);
        return v == null ? -1 : v;
    }

    /** A floating-point field, or {@code NaN}. */
    public static double dbl(RecordedObject o, String name) {
        Double v = getDouble(o, name);
        return v == null ? Double.NaN : v;
    }

    /** A boolean field, or {@code null}. */
    public static Boolean bool(RecordedObject o, String name) {
        return getBoolean(o, name);
    }

    /** A string field (any value rendered as text), or {@code null}. */
    public static String str(RecordedObject o, String name) {
        if (o == null) {
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
        return getObject(o, name);
    }

    /** A duration field in nanoseconds, or -1. */
    public static long nanos(RecordedObject o, String name) {
        if (o == null) {
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
        if (o == null) {
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
        if (o == null) {
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

    /** The event's type name with a JDK 9/10 {@code com.oracle.} prefix removed. */
    public static String type(RecordedEvent e) {
        return JfrNames.canonical(e.getEventType().getName());
    }

    /** {@code names} plus their JDK 9/10 spellings, for {@link JfrSink#eventTypes()}. */
    public static Set<String> withOldNames(String... names) {
        Set<String> s = new HashSet<>();
        for (String n : names) {
            s.add(n);
            s.add(JfrNames.oldName(n));
        }
        return Set.copyOf(s);
    }

    public static Long getLong(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getLong(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Integer getInt(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getInt(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Double getDouble(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            double d = o.getDouble(f);
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Boolean getBoolean(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getBoolean(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String getString(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getString(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A time span in nanoseconds, or {@code null}. */
    public static Long getNanos(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            Duration d = o.getDuration(f);
            return d == null ? null : d.toNanos();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static RecordedThread getThread(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getThread(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static RecordedClass getClass(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            return o.getClass(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static RecordedMethod getMethod(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            Object v = o.getValue(f);
            return v instanceof RecordedMethod m ? m : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static RecordedObject getObject(RecordedObject o, String f) {
        if (o == null) {
            return null;
        }
        try {
            Object v = o.getValue(f);
            return v instanceof RecordedObject r ? r : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The event's start time, or {@code null}. */
    public static Instant start(RecordedEvent e) {
        try {
            return e.getStartTime();
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The event's duration in nanoseconds, 0 when it has none. */
    public static long durationNanos(RecordedEvent e) {
        try {
            return Math.max(0, e.getDuration().toNanos());
        } catch (RuntimeException x) {
            return 0;
        }
    }

    /** A thread's Java name, else its OS name, else {@code "?"}. */
    public static String threadName(RecordedThread t) {
        if (t == null) {
            return "?";
        }
        String n = t.getJavaName();
        if (n == null || n.isEmpty()) {
            n = t.getOSName();
        }
        return n == null || n.isEmpty() ? "?" : n;
    }

    /** The Java frames of the event's stack trace, top first; empty when it has none. */
    public static List<RecordedFrame> frames(RecordedEvent e) {
        return frames(stackTrace(e));
    }

    /** The event's stack trace, or {@code null}. */
    public static RecordedStackTrace stackTrace(RecordedEvent e) {
        try {
            return e.getStackTrace();
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The frames of a stack trace, top first; empty for {@code null}. */
    public static List<RecordedFrame> frames(RecordedStackTrace st) {
        if (st == null) {
            return List.of();
        }
        try {
            List<RecordedFrame> f = st.getFrames();
            return f == null ? List.of() : f;
        } catch (RuntimeException x) {
            return List.of();
        }
    }

    /** The frame's line number, or {@code null} when unknown. */
    public static Integer line(RecordedFrame f) {
        try {
            int l = f.getLineNumber();
            return l > 0 ? l : null;
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The frame's method name in {@link MethodNames} format. */
    public static String method(RecordedFrame f) {
        try {
            return MethodNames.of(f.getMethod());
        } catch (RuntimeException x) {
            return "?";
        }
    }

    /** Whether the frame ran compiled code ({@code JIT compiled} or {@code Inlined}). */
    public static boolean compiled(RecordedFrame f) {
        try {
            String t = f.getType();
            return "JIT compiled".equals(t) || "Inlined".equals(t);
        } catch (RuntimeException x) {
            return false;
        }
    }
}
