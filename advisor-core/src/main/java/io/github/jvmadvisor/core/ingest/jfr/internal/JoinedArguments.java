package io.github.jvmadvisor.core.ingest.jfr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits the JVM's arguments back into a list when a source has them only joined with spaces, as JFR's
 * {@code jdk.JVMInformation.jvmArguments} does ({@code -XX:OnOutOfMemoryError=kill -9 %p -Xmx256m} for the four
 * arguments {@code "-XX:OnOutOfMemoryError=kill -9 %p" -Xmx256m}).
 *
 * <p>An argument whose exact text another source of the same recording gives is taken whole: a
 * {@code -XX:Name=value} whose value is the recorded flag's value ({@code jdk.StringFlag}), a {@code -Dkey=value}
 * whose value is the recorded system property ({@code jdk.InitialSystemProperty}). Otherwise a word that cannot
 * begin a JVM option (it does not start with {@code -} and a letter) continues the argument before it, and is
 * reported as ambiguous: the JVM's arguments never hold a bare word except after the few options that take
 * their value as the next argument. Stateless.
 */
public final class JoinedArguments {

    /** Options whose value is the next argument. */
    private static final Set<String> SEPARATE_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--upgrade-module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads",
            "--patch-module", "--limit-modules", "--enable-native-access");

    private JoinedArguments() {
    }

    /**
     * What splitting gave.
     *
     * @param arguments one element per argument
     * @param ambiguous the arguments rebuilt from several words without a source confirming them
     */
    public record Split(List<String> arguments, List<String> ambiguous) {
        public Split {
            arguments = List.copyOf(arguments);
            ambiguous = List.copyOf(ambiguous);
        }
    }

    /**
     * Splits joined arguments.
     *
     * @param joined the arguments joined with single spaces, or {@code null}
     * @param flagValue a recorded flag's value by name, or {@code null} when not recorded
     * @param property a recorded system property's value by key, or {@code null} when not recorded
     */
    public static Split split(String joined, Function<String, String> flagValue, Function<String, String> property) {
        List<String> out = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        if (joined == null) {
            return new Split(out, ambiguous);
        }
        String s = joined.strip();
        int n = s.length();
        int i = 0;
        boolean lastAmbiguous = false;
        while (i < n) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            String known = known(s, i, flagValue, property);
            if (known != null) {
                out.add(known);
                i += known.length();
                lastAmbiguous = false;
                continue;
            }
            int end = s.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String word = s.substring(i, end);
            i = end;
            if (!optionStart(word) && !out.isEmpty() && !SEPARATE_VALUE.contains(out.get(out.size() - 1))) {
                String joinedArg = out.get(out.size() - 1) + " " + word;
                out.set(out.size() - 1, joinedArg);
                if (lastAmbiguous) {
                    ambiguous.set(ambiguous.size() - 1, joinedArg);
                } else {
                    ambiguous.add(joinedArg);
                }
                lastAmbiguous = true;
            } else {
                out.add(word);
                lastAmbiguous = false;
            }
        }
        return new Split(out, ambiguous);
    }

    /** Splits joined arguments with recorded flag values and system properties from maps. */
    public static Split split(String joined, Map<String, String> flagValues, Map<String, String> properties) {
        return split(joined, flagValues::get, properties::get);
    }

    /** The whole argument at {@code i} when a recorded value with a space confirms it, else {@code null}. */
    private static String known(String s, int i, Function<String, String> flagValue,
            Function<String, String> property) {
        String prefix;
        Function<String, String> values;
        if (s.startsWith("-XX:", i)) {
            prefix = "-XX:";
            values = flagValue;
        } else if (s.startsWith("-D", i)) {
            prefix = "-D";
            values = property;
        } else {
            return null;
        }
        int eq = s.indexOf('=', i);
        int sp = s.indexOf(' ', i);
        if (eq < 0 || (sp >= 0 && sp < eq)) {
            return null;
        }
        String name = s.substring(i + prefix.length(), eq);
        String value = values.apply(name);
        if (value == null || value.indexOf(' ') < 0) {
            return null;
        }
        String candidate = prefix + name + "=" + value;
        int end = i + candidate.length();
        return s.startsWith(candidate, i) && (end == s.length() || s.charAt(end) == ' ') ? candidate : null;
    }

    /** Whether a word can begin a JVM option: a dash and a letter ({@code -Xmx1g}, {@code --add-opens=...}). */
    private static boolean optionStart(String word) {
        int k = word.startsWith("--") ? 2 : word.startsWith("-") ? 1 : -1;
        return k > 0 && word.length() > k && Character.isLetter(word.charAt(k));
    }
}
