package io.github.jvmadvisor.core.flags;

/**
 * One thing {@link CommandLineCheck} found about a command line. Immutable.
 *
 * @param severity {@link Severity#ERROR} when the JVM will not start because of it
 * @param code a stable identifier (the constants of this type), e.g. {@code "needs-unlock"}
 * @param option the option it is about as given, e.g. {@code "-XX:G1NewSizePercent=10"}; {@code ""} when it is
 *     about the whole line (no collector selected)
 * @param message what the JVM says or does, in its own words where it prints any
 * @param advice what to do instead, or {@code null}
 */
public record OptionFinding(Severity severity, String code, String option, String message, String advice) {

    /** How bad a finding is. */
    public enum Severity {
        /** The JVM will not start. */
        ERROR,
        /** The JVM starts, but the option does not do what it says, or prints a warning. */
        WARNING,
        /** Worth knowing; nothing is wrong. */
        INFO
    }

    /** The flag does not exist in this JDK and never did as far as the catalogue knows (a typo?). */
    public static final String UNKNOWN_FLAG = "unknown-flag";
    /** The flag or launcher option existed once; this JDK refuses it. */
    public static final String REMOVED_FLAG = "removed-flag";
    /** The JDK accepts the flag or option, ignores it, and prints a warning. */
    public static final String OBSOLETE_IGNORED = "obsolete-ignored";
    /** The JDK obeys the flag or option and prints a deprecation warning. */
    public static final String DEPRECATED = "deprecated";
    /** An experimental or diagnostic flag (or value) without its unlock flag before it. */
    public static final String NEEDS_UNLOCK = "needs-unlock";
    /** A value that is not a number, not a size, or not one of the accepted words. */
    public static final String BAD_VALUE = "bad-value";
    /** A number outside the flag's range or type. */
    public static final String OUT_OF_RANGE = "out-of-range";
    /** {@code +}/{@code -} on a flag that takes a value, or a value on a boolean flag. */
    public static final String TYPE_MISMATCH = "type-mismatch";
    /** The flag has no effect with the collector that will run. */
    public static final String INEFFECTIVE_FOR_COLLECTOR = "ineffective-for-collector";
    /** The same flag set more than once. */
    public static final String DUPLICATE = "duplicate";
    /** Options that contradict each other, such as two collectors or a larger initial than maximum heap. */
    public static final String CONTRADICTION = "contradiction";
    /** A questionable {@code MaxRAMPercentage}/{@code InitialRAMPercentage}/{@code MinRAMPercentage}. */
    public static final String RAM_PERCENTAGE = "ram-percentage";
    /** {@code -XX:+IgnoreUnrecognizedVMOptions} hides typos and removed flags. */
    public static final String IGNORE_UNRECOGNIZED = "ignore-unrecognized";
    /** An {@code -X} option the JDK's launcher does not list. */
    public static final String UNKNOWN_OPTION = "unknown-option";
    /** A derived catalogue cannot tell whether the release has the flag. */
    public static final String UNVERIFIED = "unverified";
    /** Options the check cannot see (a flags file, an argument file). */
    public static final String UNCHECKED = "unchecked";

    public OptionFinding {
        if (severity == null || code == null || option == null || message == null) {
            throw new IllegalArgumentException("a finding needs a severity, a code, an option and a message");
        }
    }

    /** One line for a terminal, e.g. {@code "ERROR needs-unlock -XX:G1NewSizePercent=10: ..."}. */
    @Override
    public String toString() {
        return severity + " " + code + (option.isEmpty() ? "" : " " + option) + ": " + message
                + (advice == null ? "" : " (" + advice + ")");
    }
}
