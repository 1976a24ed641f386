package io.github.jvmadvisor.core.ingest.gclog.internal;

/**
 * Turns a Shenandoah trigger line into a short, stable cause name:
 * {@code Trigger: Average GC time (254.64 ms) is above the time for average allocation rate (3403 MB/s)
 * to deplete free headroom (377M) (margin of error = 1.80)} becomes {@code "Average GC time"}.
 */
final class ShenandoahTriggers {

    private ShenandoahTriggers() {
    }

    static String cause(String line) {
        String t = line;
        if (t.startsWith("Trigger (")) {
            int close = t.indexOf("):");
            t = close > 0 ? t.substring(close + 2) : t;
        } else if (t.startsWith("Trigger:")) {
            t = t.substring("Trigger:".length());
        }
        t = t.trim();
        if (t.contains("System.gc()")) {
            return "System.gc()";
        }
        if (t.startsWith("Learning")) {
            return "Learning";
        }
        if (t.startsWith("Free (") && t.contains("minimum threshold")) {
            return "Free below minimum threshold";
        }
        if (t.startsWith("Handle Allocation Failure")) {
            return "Allocation Failure";
        }
        // generic: up to the first parenthesis, period, colon or comma
        int cut = t.length();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '(' || ch == '.' || ch == ':' || ch == ',') {
                cut = i;
                break;
            }
        }
        String r = t.substring(0, cut).trim();
        return r.isEmpty() ? "Shenandoah trigger" : r;
    }
}
