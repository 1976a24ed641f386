package io.github.jvmadvisor.jmh.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The tests and effect sizes of {@code compare}: Welch's t-test with its confidence interval, the
 * Mann-Whitney U test on weighted (histogram) samples with the tie correction, Cohen's d and the
 * Hodges-Lehmann shift. Stateless; uses commons-math3 distributions only.
 */
final class Statistics {

    /** Above this many value pairs the Hodges-Lehmann estimate is left out (it sorts every pair). */
    static final long MAX_HL_PAIRS = 250_000;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Statistics() {
    }

    /**
     * Welch's unequal-variance t-test of {@code b - a}.
     *
     * @param confidence level of the interval, e.g. 0.95
     * @return {p, low, high, df}; {@code null} when either side has fewer than two values
     */
    static double[] welch(Samples a, Samples b, double confidence) {
        if (a.n < 2 || b.n < 2) {
            return null;
        }
        double va = a.variance / a.n;
        double vb = b.variance / b.n;
        double diff = b.mean - a.mean;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            // both constant: the difference is exact
            return new double[] {diff == 0 ? 1.0 : 0.0, diff, diff, Double.POSITIVE_INFINITY};
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
        TDistribution t = new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double stat = diff / se;
        double p = 2 * t.cumulativeProbability(-Math.abs(stat));
        double q = t.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new double[] {p, diff - q * se, diff + q * se, df};
    }

    /**
     * The two-sided Mann-Whitney U test (normal approximation with tie correction) and the probability
     * of superiority {@code P(b > a) + P(b = a) / 2}.
     *
     * @return {p, superiority}; {@code null} when a side is empty
     */
    static double[] mannWhitney(Samples a, Samples b) {
        if (a.n == 0 || b.n == 0) {
            return null;
        }
        int i = 0;
        int j = 0;
        double rankSumA = 0;
        double below = 0;
        double tieTerm = 0;
        while (i < a.values.length || j < b.values.length) {
            double v;
            if (j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j])) {
                v = a.values[i];
            } else {
                v = b.values[j];
            }
            long ca = i < a.values.length && a.values[i] == v ? a.counts[i++] : 0;
            long cb = j < b.values.length && b.values[j] == v ? b.counts[j++] : 0;
            double t = ca + cb;
            double avgRank = below + (t + 1) / 2;
            rankSumA += ca * avgRank;
            below += t;
            tieTerm += t * t * t - t;
        }
        double na = a.n;
        double nb = b.n;
        double nTotal = na + nb;
        double uA = rankSumA - na * (na + 1) / 2;
        double mean = na * nb / 2;
        double var = na * nb / 12 * ((nTotal + 1) - tieTerm / (nTotal * (nTotal - 1)));
        double p;
        if (var <= 0) {
            p = 1.0;
        } else {
            double z = Math.abs(uA - mean) / Math.sqrt(var);
            p = Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.max(0, z)));
        }
        // U of a counts pairs where a beats (is above) b; b's superiority is the rest
        double superiority = 1 - uA / (na * nb);
        return new double[] {p, superiority};
    }

    /** Cohen's d of {@code b - a} with the pooled standard deviation, or {@code null}. */
    static Double cohensD(Samples a, Samples b) {
        if (a.n < 2 || b.n < 2) {
            return null;
        }
        double pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
        if (pooled == 0) {
            return b.mean == a.mean ? 0.0 : null;
        }
        return (b.mean - a.mean) / pooled;
    }

    /**
     * The Hodges-Lehmann shift of {@code b} against {@code a}: the (weighted) median of all differences
     * {@code b_j - a_i}; {@code null} when there are too many distinct pairs to sort.
     */
    static Double hodgesLehmann(Samples a, Samples b) {
        long pairs = (long) a.values.length * b.values.length;
        if (pairs == 0 || pairs > MAX_HL_PAIRS) {
            return null;
        }
        double[] diffs = new double[(int) pairs];
        long[] weights = new long[(int) pairs];
        Integer[] order = new Integer[(int) pairs];
        int k = 0;
        for (int i = 0; i < a.values.length; i++) {
            for (int j = 0; j < b.values.length; j++) {
                diffs[k] = b.values[j] - a.values[i];
                weights[k] = a.counts[i] * b.counts[j];
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, (x, y) -> Double.compare(diffs[x], diffs[y]));
        double total = (double) a.n * b.n;
        double seen = 0;
        for (int idx : order) {
            seen += weights[idx];
            if (seen >= total / 2) {
                return diffs[idx];
            }
        }
        return null;
    }
}
