package io.github.jvmadvisor.core.flags;

/**
 * A launcher option (not {@code -XX}) that a JDK no longer supports or warns about, e.g. {@code -Xincgc},
 * {@code --illegal-access}. Immutable.
 *
 * @param option the option as given up to its value, e.g. {@code "-Xverify:none"}, {@code "--illegal-access"}
 * @param availability {@link Availability#REMOVED} when the JVM refuses to start, {@link Availability#OBSOLETE}
 *     when it ignores the option with a warning, {@link Availability#DEPRECATED} when it warns and obeys
 * @param since the release named by the JVM's message, or {@code null}
 * @param jvmMessage what the JVM prints
 * @param advice what to use instead, or {@code null}
 */
public record LauncherOption(String option, Availability availability, String since, String jvmMessage,
        String advice) {

    public LauncherOption {
        if (option == null || option.isEmpty() || availability == null) {
            throw new IllegalArgumentException("a launcher option needs a name and an availability");
        }
    }
}
