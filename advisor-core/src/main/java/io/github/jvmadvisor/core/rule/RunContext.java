package io.github.jvmadvisor.core.rule;

import java.util.Locale;

/**
 * In what role the JVM ran: a service (the default), a test JVM, a JMH benchmark fork, or a service checked at
 * start-up. Advice is for the JVM's own job: a benchmark fork measures steady-state speed (unless it measures
 * start-up, JMH's {@code SingleShotTime}), so trading steady-state speed for start-up (C1 only, a CDS or AOT
 * archive) is harmful there (following C1-only inside a JMH fork cost 62 % of the score); and the GC log and
 * recording of a test or benchmark JVM are the harness's own options, not a production setup to fix.
 */
public enum RunContext {
    /** A service or application, operated in production: the default. */
    SERVICE("a service"),
    /** A JVM running tests (the JUnit extension). */
    TEST_JVM("a test JVM"),
    /** A JMH benchmark fork (the JMH profiler, JMH result files). */
    JMH_FORK("a JMH fork"),
    /** A service checking its own configuration as it starts ({@code JvmAdvisor.atStartup}). */
    STARTUP_CHECK("a start-up check");

    private final String label;

    RunContext(String label) {
        this.label = label;
    }

    /** What it is, for a sentence ({@code "a JMH fork"}). */
    public String label() {
        return label;
    }

    /** Lower-case, hyphenated name, as it appears in reports ({@code "jmh-fork"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a harness (test framework, benchmark runner) started the JVM and chose its logging and recording. */
    public boolean harness() {
        return this == TEST_JVM || this == JMH_FORK;
    }
}
