package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.flags.JavaOptions;
import java.util.List;
import java.util.Objects;

/**
 * One change to a JVM command line: set a flag (add it or change its value) or remove one.
 *
 * @param op set or remove
 * @param name the flag name ({@code "MaxHeapSize"} for {@code -Xmx}), or for other options their name
 *     ({@code "-Xshare"}, {@code "-Xint"})
 * @param option for {@code SET}, the option as it goes on a command line ({@code "-XX:MaxRAMPercentage=75"},
 *     {@code "-XX:+UseParallelGC"}, {@code "-Xmx2g"}); for {@code REMOVE}, the option or flag name to remove
 */
public record FlagChange(Op op, String name, String option) {

    /** What the change does. */
    public enum Op {
        /** Put the option on the command line, replacing any setting of the same flag. */
        SET,
        /** Take every setting of the flag off the command line. */
        REMOVE
    }

    public FlagChange {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(option, "option");
    }

    /** Sets {@code -XX:name=value}. */
    public static FlagChange set(String name, Object value) {
        return new FlagChange(Op.SET, name, "-XX:" + name + "=" + value);
    }

    /** Sets {@code -XX:+name} or {@code -XX:-name}. */
    public static FlagChange bool(String name, boolean on) {
        return new FlagChange(Op.SET, name, "-XX:" + (on ? "+" : "-") + name);
    }

    /** Sets {@code -XX:+name}. */
    public static FlagChange enable(String name) {
        return bool(name, true);
    }

    /** Puts an option as written ({@code "-Xmx2g"}, {@code "-Xlog:gc*:file=gc.log"}); its flag name is parsed from it. */
    public static FlagChange option(String option) {
        return new FlagChange(Op.SET, key(parse(option)), option);
    }

    /**
     * What identifies an option on a command line, so that setting it replaces earlier settings of the
     * same thing: the flag name for {@code -XX} flags and size shorthands, {@code -Dname} for a system
     * property, the whole option for {@code -Xlog} (several may stand side by side), else the option's
     * name ({@code -Xshare}).
     */
    public static String key(JavaOptions.Option o) {
        return switch (o.kind()) {
            case SYSTEM_PROPERTY -> {
                String v = o.value() == null ? "" : o.value();
                int eq = v.indexOf('=');
                yield "-D" + (eq < 0 ? v : v.substring(0, eq));
            }
            case X_OPTION -> o.name().equals("-Xlog") ? o.text() : o.name();
            default -> o.name();
        };
    }

    /** Removes every setting of a flag, or an option by its name ({@code "-Xshare"}). */
    public static FlagChange remove(String nameOrOption) {
        String name = nameOrOption.startsWith("-") ? key(parse(nameOrOption)) : nameOrOption;
        return new FlagChange(Op.REMOVE, name, nameOrOption);
    }

    private static JavaOptions.Option parse(String option) {
        List<JavaOptions.Option> opts = JavaOptions.parse(List.of(option)).options();
        if (opts.size() != 1) {
            throw new IllegalArgumentException("not one JVM option: " + option);
        }
        return opts.get(0);
    }

    /** The change as a user reads it: {@code "-XX:+UseParallelGC"} or {@code "remove -XX:+DisableExplicitGC"}. */
    @Override
    public String toString() {
        return op == Op.SET ? option : "remove " + option;
    }
}
