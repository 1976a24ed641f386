package io.github.jvmadvisor.core.model;

import java.util.Arrays;

/**
 * The samples of one JMH sample-mode iteration as a histogram: distinct values with how many times
 * each was seen, in the order JMH wrote them ({@code rawDataHistogram}).
 *
 * <p>Immutable; held as primitive arrays because sample-mode files carry many thousands of pairs.
 */
public final class SampleCounts {

    private static final SampleCounts EMPTY = new SampleCounts(new double[0], new long[0]);

    private final double[] values;
    private final long[] counts;

    private SampleCounts(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
    }

    /**
     * Value-count pairs.
     *
     * @param values the values, in the score's unit
     * @param counts how many samples had each value, each at least 0
     * @param size how many pairs of the arrays to take
     * @throws IllegalArgumentException if the arrays are shorter than {@code size} or a count is negative
     */
    public static SampleCounts of(double[] values, long[] counts, int size) {
        if (size < 0 || values.length < size || counts.length < size) {
            throw new IllegalArgumentException("arrays shorter than " + size);
        }
        if (size == 0) {
            return EMPTY;
        }
        long[] c = Arrays.copyOf(counts, size);
        for (long n : c) {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n);
            }
        }
        return new SampleCounts(Arrays.copyOf(values, size), c);
    }

    /** Number of distinct values. */
    public int size() {
        return values.length;
    }

    /** The value of pair {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** The count of pair {@code i}. */
    public long count(int i) {
        return counts[i];
    }

    /** Samples in the iteration: the sum of the counts. */
    public long totalCount() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleCounts s && Arrays.equals(values, s.values) && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "SampleCounts[" + values.length + " values, " + totalCount() + " samples]";
    }
}
