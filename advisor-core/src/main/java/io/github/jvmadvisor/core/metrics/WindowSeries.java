package io.github.jvmadvisor.core.metrics;

import java.util.Arrays;

/**
 * Values summed, minimised or maximised per time bucket, in bounded memory.
 *
 * <p>Buckets start one second wide. When a value falls past the last of {@link #capacity} buckets,
 * neighbouring buckets merge pairwise and the width doubles, until it fits: a log of any length is
 * summarised in at most {@code capacity} buckets, with the finest width that allows it.
 *
 * <p>Not thread-safe.
 */
final class WindowSeries {

    enum Merge {
        SUM,
        MIN,
        MAX
    }

    private final Merge[] merges;
    private final int capacity;
    private long widthNanos;
    private long[][] buckets;
    private int used; // buckets[0, used) may be non-null

    WindowSeries(Merge[] merges, int capacity, long initialWidthNanos) {
        if (capacity < 2 || initialWidthNanos <= 0) {
            throw new IllegalArgumentException("capacity >= 2 and width > 0 required");
        }
        this.merges = merges.clone();
        this.capacity = capacity;
        this.widthNanos = initialWidthNanos;
        this.buckets = new long[capacity][];
    }

    /** Adds {@code value} to {@code slot} of the bucket holding time {@code t} (ns, >= 0). */
    void add(long t, int slot, long value) {
        long[] b = bucket(t);
        switch (merges[slot]) {
            case SUM:
                b[slot] += value;
                break;
            case MIN:
                if (value < b[slot]) {
                    b[slot] = value;
                }
                break;
            default:
                if (value > b[slot]) {
                    b[slot] = value;
                }
        }
    }

    private long[] bucket(long t) {
        long idx = Math.max(0, t) / widthNanos;
        while (idx >= capacity) {
            coarsen();
            idx = Math.max(0, t) / widthNanos;
        }
        int i = (int) idx;
        long[] b = buckets[i];
        if (b == null) {
            b = fresh();
            buckets[i] = b;
            used = Math.max(used, i + 1);
        }
        return b;
    }

    private long[] fresh() {
        long[] b = new long[merges.length];
        for (int s = 0; s < merges.length; s++) {
            b[s] = identity(merges[s]);
        }
        return b;
    }

    private static long identity(Merge m) {
        return m == Merge.MIN ? Long.MAX_VALUE : m == Merge.MAX ? Long.MIN_VALUE : 0;
    }

    private void coarsen() {
        long[][] next = new long[capacity][];
        int nextUsed = 0;
        for (int i = 0; i < used; i++) {
            long[] b = buckets[i];
            if (b == null) {
                continue;
            }
            int j = i / 2;
            if (next[j] == null) {
                next[j] = b;
            } else {
                merge(next[j], b);
            }
            nextUsed = Math.max(nextUsed, j + 1);
        }
        buckets = next;
        used = nextUsed;
        widthNanos *= 2;
    }

    private void merge(long[] into, long[] from) {
        for (int s = 0; s < merges.length; s++) {
            switch (merges[s]) {
                case SUM:
                    into[s] += from[s];
                    break;
                case MIN:
                    into[s] = Math.min(into[s], from[s]);
                    break;
                default:
                    into[s] = Math.max(into[s], from[s]);
            }
        }
    }

    long widthNanos() {
        return widthNanos;
    }

    /** Number of buckets up to the last non-empty one. */
    int size() {
        return used;
    }

    /**
     * Buckets grouped {@code k} at a time: element {@code i} merges buckets {@code [i*k, (i+1)*k)}.
     * Empty groups hold the identity values.
     */
    long[][] grouped(int k) {
        int n = (used + k - 1) / k;
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] g = fresh();
            for (int j = i * k; j < Math.min(used, (i + 1) * k); j++) {
                if (buckets[j] != null) {
                    merge(g, buckets[j]);
                }
            }
            out[i] = g;
        }
        return out;
    }

    /** Whether a merged value of {@code slot} is the identity (nothing was added). */
    boolean isEmpty(long[] bucket, int slot) {
        return bucket[slot] == identity(merges[slot]);
    }

    @Override
    public String toString() {
        return "WindowSeries[width=" + widthNanos + "ns, buckets=" + used + ", merges=" + Arrays.toString(merges) + "]";
    }
}
