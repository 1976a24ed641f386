package io.github.jvmadvisor.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Units#fixed} stands in for {@code String.format("%.nf")} on the startup path: it must give the same text. */
class UnitsTest {

    @Test
    void fixedAgreesWithStringFormat() {
        Random r = new Random(42);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.125, 0.375, 1.005, 2.675, 4.35, 0.045, 9.995, 99.95,
                999.5, 0.5, 1.5, 2.5, -0.5, -2.5, -0.001, 1e-5, -1e-5, 1e15, 1e16, 1e17, 1e22, 1e23,
                123456789012345678.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int i = 0; i < 200_000; i++) {
            switch (i % 5) {
                case 0 -> values.add(r.nextDouble() * 100);
                case 1 -> values.add(Math.round(r.nextDouble() * 100_000) / 1000.0); // halfway cases at 2 decimals
                case 2 -> values.add(Math.round(r.nextDouble() * 20_000) / 200.0 - 50);
                case 3 -> values.add(r.nextGaussian() * Math.pow(10, r.nextInt(30) - 10));
                default -> values.add(Math.round(r.nextDouble() * 1e7) / 1e4 + 0.0005);
            }
        }
        int checked = 0;
        List<String> diffs = new ArrayList<>();
        for (double v : values) {
            for (int p = 0; p <= 3; p++) {
                String want = String.format(Locale.ROOT, "%." + p + "f", v);
                String got = Units.fixed(v, p);
                checked++;
                if (!want.equals(got) && diffs.size() < 10) {
                    diffs.add(v + " %." + p + "f: " + want + " vs " + got);
                }
            }
        }
        assertTrue(diffs.isEmpty(), diffs.toString());
        assertTrue(checked > 800_000, "checked " + checked);
    }

    @Test
    void readableNumbers() {
        assertEquals("1.5 GB", Units.bytes(1536L * 1024 * 1024));
        assertEquals("412 MB", Units.bytes(412L * 1024 * 1024));
        assertEquals("12.3 ms", Units.millis(12.34));
        assertEquals("1.25 s", Units.millis(1249.5));
        assertEquals("0.412 ms", Units.millis(0.4123));
        assertEquals("2.5", Units.number(2.5));
        assertEquals("0.13", Units.number(0.125));
        assertEquals("100", Units.number(100.4));
        assertEquals("12.5 %", Figure.share("x", 0.125).text());
    }
}
