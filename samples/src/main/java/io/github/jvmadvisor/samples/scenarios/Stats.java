package io.github.jvmadvisor.samples.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians and ranges for the table. */
final class Stats {

    private Stats() {
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** {@code 123 (110-130)}: the median and, with more than one run, the range. */
    static String show(List<Double> values, String unit) {
        Double m = median(values);
        if (m == null) {
            return "n/a";
        }
        String u = unit.isEmpty() || unit.equals("%") ? unit : " " + unit;
        if (values.size() == 1) {
            return num(m) + u;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return num(m) + u + " (" + num(min) + "–" + num(max) + ")";
    }

    static String num(double v) {
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String percent(Double change) {
        return change == null ? "n/a" : String.format(Locale.ROOT, "%+.0f %%", 100 * change);
    }
}
