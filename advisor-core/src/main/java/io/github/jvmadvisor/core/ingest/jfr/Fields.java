package io.github.jvmadvisor.core.ingest.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Field access that never throws: a field missing from this JDK's version of an event, or of an
 * unexpected type, reads as {@code null}. Event names of JDK 9 and 10 recordings
 * ({@code com.oracle.jdk.X}) are normalised to today's ({@code jdk.X}).
 */
final class Fields {

    private static final String ORACLE_PREFIX = "com.oracle.";

    private Fields() {
    }

    /** The event's type name with a JDK 9/10 {@code com.oracle.} prefix removed. */
    static String type(RecordedEvent e) {
        String n = e.getEventType().getName();
        return n.startsWith(ORACLE_PREFIX) ? n.substring(ORACLE_PREFIX.length()) : n;
    }

    /** {@code names} plus their JDK 9/10 spellings, for {@link JfrSink#eventTypes()}. */
    static Set<String> withOldNames(String... names) {
        Set<String> s = new HashSet<>();
        for (String n : names) {
            s.add(n);
            s.add(ORACLE_PREFIX + n);
        }
        return Set.copyOf(s);
    }

    static Long getLong(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getLong(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Integer getInt(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getInt(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Double getDouble(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            double d = o.getDouble(f);
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Boolean getBoolean(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getBoolean(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String getString(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getString(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A time span in nanoseconds, or {@code null}. */
    static Long getNanos(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            Duration d = o.getDuration(f);
            return d == null ? null : d.toNanos();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RecordedThread getThread(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getThread(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RecordedClass getClass(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            return o.getClass(f);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RecordedMethod getMethod(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
            return null;
        }
        try {
            Object v = o.getValue(f);
            return v instanceof RecordedMethod m ? m : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RecordedObject getObject(RecordedObject o, String f) {
        if (o == null || !o.hasField(f)) {
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
    static Instant start(RecordedEvent e) {
        try {
            return e.getStartTime();
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The event's duration in nanoseconds, 0 when it has none. */
    static long durationNanos(RecordedEvent e) {
        try {
            return Math.max(0, e.getDuration().toNanos());
        } catch (RuntimeException x) {
            return 0;
        }
    }

    /** A thread's Java name, else its OS name, else {@code "?"}. */
    static String threadName(RecordedThread t) {
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
    static List<RecordedFrame> frames(RecordedEvent e) {
        return frames(stackTrace(e));
    }

    /** The event's stack trace, or {@code null}. */
    static RecordedStackTrace stackTrace(RecordedEvent e) {
        try {
            return e.getStackTrace();
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The frames of a stack trace, top first; empty for {@code null}. */
    static List<RecordedFrame> frames(RecordedStackTrace st) {
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
    static Integer line(RecordedFrame f) {
        try {
            int l = f.getLineNumber();
            return l > 0 ? l : null;
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** The frame's method name in {@link MethodNames} format. */
    static String method(RecordedFrame f) {
        try {
            return MethodNames.of(f.getMethod());
        } catch (RuntimeException x) {
            return "?";
        }
    }

    /** Whether the frame ran compiled code ({@code JIT compiled} or {@code Inlined}). */
    static boolean compiled(RecordedFrame f) {
        try {
            String t = f.getType();
            return "JIT compiled".equals(t) || "Inlined".equals(t);
        } catch (RuntimeException x) {
            return false;
        }
    }
}
