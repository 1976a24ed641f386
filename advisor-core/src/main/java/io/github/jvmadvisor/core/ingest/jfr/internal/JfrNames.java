package io.github.jvmadvisor.core.ingest.jfr.internal;

/** Event type names across JDK generations. */
public final class JfrNames {

    private static final String ORACLE_PREFIX = "com.oracle.jdk.";

    private JfrNames() {
    }

    /**
     * The JDK 11+ name of an event type: JDK 9 and 10 recordings (format 1.0) call
     * {@code jdk.GarbageCollection} {@code com.oracle.jdk.GarbageCollection}.
     */
    public static String canonical(String name) {
        return name.startsWith(ORACLE_PREFIX) ? "jdk." + name.substring(ORACLE_PREFIX.length()) : name;
    }

    /** The JDK 9/10 name of a {@code jdk.X} event type: {@code com.oracle.jdk.X}. */
    public static String oldName(String name) {
        return name.startsWith("jdk.") ? ORACLE_PREFIX + name.substring("jdk.".length()) : name;
    }
}
