package io.github.jvmadvisor.jmh.compare;

import java.util.Map;

/** Conversions between JMH score units of time ({@code ns/op} ... {@code s/op}, {@code ops/ns} ... {@code ops/s}). */
final class Units {

    private static final Map<String, Double> SECONDS = Map.of("ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0,
            "min", 60.0, "hr", 3600.0);

    private Units() {
    }

    /**
     * The factor that turns a value in {@code from} into {@code to}: 1 for equal units, the ratio for
     * two time units of the same shape, {@code null} otherwise.
     */
    static Double scale(String from, String to) {
        if (from == null || to == null) {
            return from == null && to == null ? 1.0 : null;
        }
        if (from.equals(to)) {
            return 1.0;
        }
        Double f = perOp(from);
        Double t = perOp(to);
        if (f != null && t != null) {
            return f / t;
        }
        f = opsPer(from);
        t = opsPer(to);
        if (f != null && t != null) {
            return t / f;
        }
        return null;
    }

    /** Seconds in the unit of {@code "<t>/op"}. */
    private static Double perOp(String unit) {
        return unit.endsWith("/op") ? SECONDS.get(unit.substring(0, unit.length() - 3)) : null;
    }

    /** Seconds in the unit of {@code "ops/<t>"}. */
    private static Double opsPer(String unit) {
        return unit.startsWith("ops/") ? SECONDS.get(unit.substring(4)) : null;
    }
}
