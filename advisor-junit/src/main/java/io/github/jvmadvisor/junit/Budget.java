package io.github.jvmadvisor.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Limits, each {@code null} when not set. Immutable.
 *
 * @param maxPauseMillis longest GC pause
 * @param maxStwFraction share of the window in GC pauses
 * @param maxGcCount collections in the window
 * @param maxFullGcs full collections in the window
 * @param maxAllocatedBytesPerTest bytes one test allocates on its thread
 * @param maxAllocationRateBytesPerSec allocation rate over the window
 */
record Budget(Double maxPauseMillis, Double maxStwFraction, Long maxGcCount, Long maxFullGcs,
        Long maxAllocatedBytesPerTest, Double maxAllocationRateBytesPerSec) {

    static final String PREFIX = "jvmadvisor.budget.";
    static final Budget NONE = new Budget(null, null, null, null, null, null);

    Budget {
        nonNegative("maxPauseMillis", maxPauseMillis);
        nonNegative("maxStwFraction", maxStwFraction);
        nonNegative("maxGcCount", maxGcCount);
        nonNegative("maxFullGcs", maxFullGcs);
        nonNegative("maxAllocatedBytesPerTest", maxAllocatedBytesPerTest);
        nonNegative("maxAllocationRateBytesPerSec", maxAllocationRateBytesPerSec);
    }

    /** This budget with every limit {@code over} sets replaced. */
    Budget with(Budget over) {
        return new Budget(pick(over.maxPauseMillis, maxPauseMillis), pick(over.maxStwFraction, maxStwFraction),
                pick(over.maxGcCount, maxGcCount), pick(over.maxFullGcs, maxFullGcs),
                pick(over.maxAllocatedBytesPerTest, maxAllocatedBytesPerTest),
                pick(over.maxAllocationRateBytesPerSec, maxAllocationRateBytesPerSec));
    }

    /** The limits an annotation sets (attributes below 0 are not set). */
    static Budget of(GcBudget a) {
        if (a == null) {
            return NONE;
        }
        return new Budget(set(a.maxPauseMillis()), set(a.maxStwFraction()), set(a.maxGcCount()),
                set(a.maxFullGcs()), set(a.maxAllocatedBytesPerTest()), set(a.maxAllocationRateBytesPerSec()));
    }

    /** Only the per-test allocation limit of an annotation on a test method. */
    static Budget ofMethod(GcBudget a) {
        return a == null ? NONE : new Budget(null, null, null, null, set(a.maxAllocatedBytesPerTest()), null);
    }

    /**
     * The limits in configuration parameters {@code jvmadvisor.budget.<name>}; byte counts take {@code k},
     * {@code m} and {@code g} suffixes (powers of 1024).
     *
     * @throws IllegalArgumentException on a value that is not a number
     */
    static Budget of(Function<String, Optional<String>> config) {
        return new Budget(dbl(config, "maxPauseMillis"), dbl(config, "maxStwFraction"), lng(config, "maxGcCount"),
                lng(config, "maxFullGcs"), lng(config, "maxAllocatedBytesPerTest"),
                dbl(config, "maxAllocationRateBytesPerSec"));
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    /** The GC limits broken by the figures of a window, one sentence each. */
    List<Breach> check(GcFigures f) {
        List<Breach> out = new ArrayList<>();
        if (maxPauseMillis != null && f.maxPauseMillis() != null && f.maxPauseMillis() > maxPauseMillis) {
            out.add(new Breach("maxPauseMillis", fmt(maxPauseMillis), fmt(f.maxPauseMillis()),
                    "longest GC pause " + fmt(f.maxPauseMillis()) + " ms > maxPauseMillis " + fmt(maxPauseMillis)));
        }
        if (maxStwFraction != null && f.stwFraction() != null && f.stwFraction() > maxStwFraction) {
            out.add(new Breach("maxStwFraction", fmt(maxStwFraction), fmt(f.stwFraction()),
                    "stop-the-world fraction " + fmt(f.stwFraction()) + " > maxStwFraction " + fmt(maxStwFraction)));
        }
        if (maxGcCount != null && f.gcCount() > maxGcCount) {
            out.add(new Breach("maxGcCount", String.valueOf(maxGcCount), String.valueOf(f.gcCount()),
                    f.gcCount() + " garbage collections > maxGcCount " + maxGcCount));
        }
        if (maxFullGcs != null && f.fullGcs() > maxFullGcs) {
            out.add(new Breach("maxFullGcs", String.valueOf(maxFullGcs), String.valueOf(f.fullGcs()),
                    f.fullGcs() + " full GC(s) " + f.fullGcsByCause() + " > maxFullGcs " + maxFullGcs));
        }
        if (maxAllocationRateBytesPerSec != null && f.allocationRateBytesPerSec() != null
                && f.allocationRateBytesPerSec() > maxAllocationRateBytesPerSec) {
            out.add(new Breach("maxAllocationRateBytesPerSec", fmt(maxAllocationRateBytesPerSec),
                    fmt(f.allocationRateBytesPerSec()), "allocation rate " + mb(f.allocationRateBytesPerSec())
                            + " MB/s > maxAllocationRateBytesPerSec " + mb(maxAllocationRateBytesPerSec) + " MB/s"));
        }
        return out;
    }

    /** The per-test allocation limit, if {@code allocatedBytes} breaks it. */
    Optional<Breach> checkTest(long allocatedBytes) {
        if (maxAllocatedBytesPerTest == null || allocatedBytes <= maxAllocatedBytesPerTest) {
            return Optional.empty();
        }
        return Optional.of(new Breach("maxAllocatedBytesPerTest", String.valueOf(maxAllocatedBytesPerTest),
                String.valueOf(allocatedBytes), "allocated " + bytes(allocatedBytes) + " on the test thread > "
                        + "maxAllocatedBytesPerTest " + bytes(maxAllocatedBytesPerTest)));
    }

    /**
     * One broken limit.
     *
     * @param limit the budget attribute
     * @param allowed its value
     * @param actual what was measured
     * @param message one sentence with both numbers
     */
    record Breach(String limit, String allowed, String actual, String message) {
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.4g", d);
    }

    /**
     * A byte count as people read it, in binary units as the budgets are written ({@code 8m} is 8 MB):
     * {@code 104861488} is {@code 100 MB}, {@code 1536} is {@code 1.5 KB}, {@code 512} is {@code 512 bytes}.
     */
    static String bytes(long n) {
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u < 0) {
            return n + " bytes";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " " + units[u];
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
    }

    private static <T> T pick(T over, T base) {
        return over != null ? over : base;
    }

    private static Double set(double v) {
        return v < 0 ? null : v;
    }

    private static Long set(long v) {
        return v < 0 ? null : v;
    }

    private static void nonNegative(String name, Number n) {
        if (n != null && (n.doubleValue() < 0 || Double.isNaN(n.doubleValue()))) {
            throw new IllegalArgumentException(name + " must be 0 or more: " + n);
        }
    }

    private static Double dbl(Function<String, Optional<String>> config, String name) {
        Optional<String> v = config.apply(PREFIX + name).map(String::trim).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(v.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + " is not a number: " + v.get(), e);
        }
    }

    private static Long lng(Function<String, Optional<String>> config, String name) {
        Optional<String> v = config.apply(PREFIX + name).map(String::trim).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return null;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(PREFIX + name + " is not a whole number: " + v.get(), e);
        }
    }
}
