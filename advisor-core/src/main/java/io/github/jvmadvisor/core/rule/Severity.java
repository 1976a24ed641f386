package io.github.jvmadvisor.core.rule;

/**
 * How much a finding matters, from its score: {@code OK} below 25, {@code INFO} from 25, {@code WARNING}
 * from 75. {@code ERROR} is set explicitly for a configuration that fails (the JVM will not start, the
 * heap cannot fit in the container) and always ranks first.
 */
public enum Severity {
    /** Nothing to change. */
    OK,
    /** Worth knowing; a change may help. */
    INFO,
    /** A change is recommended. */
    WARNING,
    /** The configuration fails or will fail. */
    ERROR;

    /** The severity of a score from 0 to 100. */
    public static Severity ofScore(double score) {
        return score >= 75 ? WARNING : score >= 25 ? INFO : OK;
    }

    /** Lower-case name, as it appears in reports. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
