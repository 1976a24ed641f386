package io.github.jvmadvisor.core.model;

/** The kinds of input the advisor knows; {@link #id()} is the name used in reports. */
public enum InputKind {
    /** A GC log (unified logging of JDK 9+, or a legacy format). */
    GC_LOG("gc-log"),
    /** A JDK Flight Recorder recording. */
    JFR("jfr"),
    /** An HdrHistogram interval log. */
    HDR_LOG("hlog"),
    /** An HdrHistogram percentile distribution ({@code .hgrm}). */
    HDR_PERCENTILES("hgrm"),
    /** A JMH result file (JSON). */
    JMH_RESULT("jmh"),
    /** Not recognised. */
    UNKNOWN("unknown");

    private final String id;

    InputKind(String id) {
        this.id = id;
    }

    /** Stable name for reports, e.g. {@code "gc-log"}. */
    public String id() {
        return id;
    }
}
