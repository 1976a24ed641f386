package io.github.jvmadvisor.runtime;

/**
 * The JMX view of a {@link JvmAdvisor.Watch}, registered as {@code io.github.jvmadvisor:type=Advisor}
 * (a second watch in the same JVM adds {@code ,name=2}, and so on). Attributes are read-only and describe
 * the last closed window.
 */
public interface AdvisorMXBean {

    /** The ranked advice as text, one recommendation per line; empty before the first window closes. */
    String getAdvice();

    /** The last report as JSON (the schema of {@code docs/advise.md}); empty before the first window. */
    String getReportJson();

    /** Recommendations in the last report. */
    int getRecommendationCount();

    /** Recommendations at warning or error. */
    int getWarningCount();

    /** Windows evaluated so far. */
    long getWindowsEvaluated();

    /** Times the advice changed (and was logged). */
    long getAdviceChanges();

    /** End of the last window, ISO-8601, or empty. */
    String getLastWindowEnd();

    /** The runtime adjustments made and rolled back, one per line, oldest first; empty when none. */
    String getAuditTrail();

    /** Runtime adjustments made. */
    int getAdjustmentCount();

    /** Runtime adjustments rolled back. */
    int getRollbackCount();
}
