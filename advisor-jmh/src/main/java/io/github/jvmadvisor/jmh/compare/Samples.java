package io.github.jvmadvisor.jmh.compare;

import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.SampleCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurements of one benchmark run as weighted values: iteration scores (weight 1 each) for
 * throughput, average time and single shot, the samples of {@code rawDataHistogram} for sample mode.
 * Values are scaled into a common unit on the way in. Immutable.
 */
final class Samples {

    /** Distinct values, ascending, and how often each was measured. */
    final double[] values;
    final long[] counts;
    final long n;
    final double mean;
    final double variance;
    final boolean histogram;

    private Samples(TreeMap<Double, Long> byValue, boolean histogram) {
        this.histogram = histogram;
        values = new double[byValue.size()];
        counts = new long[byValue.size()];
        int i = 0;
        long total = 0;
        double sum = 0;
        for (Map.Entry<Double, Long> e : byValue.entrySet()) {
            values[i] = e.getKey();
            counts[i] = e.getValue();
            total += e.getValue();
            sum += e.getKey() * e.getValue();
            i++;
        }
        n = total;
        mean = total == 0 ? Double.NaN : sum / total;
        double ss = 0;
        for (int k = 0; k < values.length; k++) {
            double d = values[k] - mean;
            ss += d * d * counts[k];
        }
        variance = total < 2 ? Double.NaN : ss / (total - 1);
    }

    /**
     * The measurements of a primary metric, multiplied by {@code scale}.
     *
     * @return the samples; {@code n == 0} when the file holds no raw data
     */
    static Samples of(BenchmarkMetric m, double scale) {
        TreeMap<Double, Long> byValue = new TreeMap<>();
        boolean hist = !m.rawDataHistogram().isEmpty();
        if (hist) {
            for (List<SampleCounts> fork : m.rawDataHistogram()) {
                for (SampleCounts it : fork) {
                    for (int i = 0; i < it.size(); i++) {
                        double v = it.value(i);
                        if (Double.isFinite(v) && it.count(i) > 0) {
                            byValue.merge(v * scale, it.count(i), Long::sum);
                        }
                    }
                }
            }
        } else {
            for (List<Double> fork : m.rawData()) {
                for (Double v : fork) {
                    if (v != null && Double.isFinite(v)) {
                        byValue.merge(v * scale, 1L, Long::sum);
                    }
                }
            }
        }
        return new Samples(byValue, hist);
    }

    /** Plain values, one per measurement (tests and small inputs). */
    static Samples of(double... xs) {
        TreeMap<Double, Long> byValue = new TreeMap<>();
        for (double x : xs) {
            byValue.merge(x, 1L, Long::sum);
        }
        return new Samples(byValue, false);
    }

    /** The median: the lower middle value for an even count. */
    double median() {
        long half = (n + 1) / 2;
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= half) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /** Every value with its count, for small inputs. */
    List<double[]> pairs() {
        List<double[]> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(new double[] {values[i], counts[i]});
        }
        return out;
    }
}
