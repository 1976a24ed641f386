package io.github.jvmadvisor.core.rule;

import java.util.Locale;
import java.util.Objects;

/**
 * A named, typed threshold of a rule, with its default. Users override it by name
 * ({@code "HEAP-04.gcCpuShare=0.05"} on the command line, or a map in the API); the rule reads it through
 * {@link RuleContext#param(Parameter)}. Thresholds that rules.md marks as heuristics say so, so that
 * reports and docs can tell a calibrated number from a proposed one.
 *
 * @param <T> {@code Double}, {@code Long}, {@code Integer}, {@code Boolean} or {@code String}
 * @param name the name, unique within its rule, in lowerCamelCase
 * @param type the value type
 * @param defaultValue the default
 * @param description what it is, with its unit
 * @param heuristic whether the default is a proposed threshold rather than a published or measured one
 */
public record Parameter<T>(String name, Class<T> type, T defaultValue, String description, boolean heuristic) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!lowerCamelCase(name)) {
            throw new IllegalArgumentException("parameter names are lowerCamelCase: " + name);
        }
        if (!type.isInstance(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a " + type.getSimpleName());
        }
    }

    /**
     * Whether {@code name} matches {@code [a-z][A-Za-z0-9]*}. A loop, not {@code String.matches}: rules make their
     * parameters when they are loaded, and compiling the pattern each time cost milliseconds in
     * {@code JvmAdvisor.atStartup}.
     */
    private static boolean lowerCamelCase(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A number threshold. */
    public static Parameter<Double> number(String name, double defaultValue, String description, boolean heuristic) {
        return new Parameter<>(name, Double.class, defaultValue, description, heuristic);
    }

    /** A whole-number threshold (counts, bytes, milliseconds). */
    public static Parameter<Long> whole(String name, long defaultValue, String description, boolean heuristic) {
        return new Parameter<>(name, Long.class, defaultValue, description, heuristic);
    }

    /** A switch. */
    public static Parameter<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Parameter<>(name, Boolean.class, defaultValue, description, false);
    }

    /**
     * Parses a user's value for this parameter.
     *
     * @throws IllegalArgumentException when the text is not a value of the parameter's type
     */
    public T parse(String text) {
        String t = text.trim();
        try {
            Object v;
            if (type == Double.class) {
                v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            } else if (type == Long.class) {
                v = Long.parseLong(t.replace("_", ""));
            } else if (type == Integer.class) {
                v = Integer.parseInt(t.replace("_", ""));
            } else if (type == Boolean.class) {
                String l = t.toLowerCase(Locale.ROOT);
                if (!l.equals("true") && !l.equals("false")) {
                    throw new IllegalArgumentException();
                }
                v = Boolean.parseBoolean(l);
            } else {
                v = t;
            }
            return type.cast(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + name + " takes a " + type.getSimpleName().toLowerCase(Locale.ROOT)
                    + ", not '" + text + "'");
        }
    }
}
