package io.github.jvmadvisor.core.ingest.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights per key with a bounded number of keys. When more than twice {@code cap} keys are held, all
 * but the {@code cap} heaviest are folded into an "other" bucket. The sum over kept keys plus "other"
 * is always the exact total; a kept key's weight is a lower bound when it was folded away once and
 * came back (its earlier weight stayed in "other"). Not thread-safe.
 *
 * @param <K> the key type; {@code keyOrder} breaks ties between equal weights
 */
final class Tally<K> {

    /** What is summed for one key. */
    static final class Cell {
        long weight;
        long count;
        /** Free counter for the owner, e.g. samples taken in compiled code. */
        long marked;
        long max;
        /** Optional nested tally, e.g. classes at one allocation site. */
        Tally<String> detail;
    }

    private final int cap;
    private final Comparator<? super K> keyOrder;
    private final Map<K, Cell> cells = new HashMap<>();
    private long otherWeight;
    private long otherCount;
    private long totalWeight;
    private long totalCount;

    Tally(int cap, Comparator<? super K> keyOrder) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1: " + cap);
        }
        this.cap = cap;
        this.keyOrder = keyOrder;
    }

    /** An independent copy (nested tallies copied too). */
    Tally<K> copy() {
        Tally<K> t = new Tally<>(cap, keyOrder);
        cells.forEach((k, c) -> {
            Cell d = new Cell();
            d.weight = c.weight;
            d.count = c.count;
            d.marked = c.marked;
            d.max = c.max;
            d.detail = c.detail == null ? null : c.detail.copy();
            t.cells.put(k, d);
        });
        t.otherWeight = otherWeight;
        t.otherCount = otherCount;
        t.totalWeight = totalWeight;
        t.totalCount = totalCount;
        return t;
    }

    /** Adds one occurrence of {@code key} with {@code weight}; returns its cell for extra counters. */
    Cell add(K key, long weight) {
        Cell c = cells.get(key);
        if (c == null) {
            if (cells.size() >= 2 * cap) {
                prune();
            }
            c = new Cell();
            cells.put(key, c);
        }
        c.weight += weight;
        c.count++;
        c.max = Math.max(c.max, weight);
        totalWeight += weight;
        totalCount++;
        return c;
    }

    long otherWeight() {
        return otherWeight;
    }

    long otherCount() {
        return otherCount;
    }

    long totalWeight() {
        return totalWeight;
    }

    long totalCount() {
        return totalCount;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Kept keys, heaviest first, ties by {@code keyOrder}; at most {@code limit}. */
    List<Map.Entry<K, Cell>> top(int limit) {
        List<Map.Entry<K, Cell>> all = new ArrayList<>(cells.entrySet());
        all.sort(order());
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    private Comparator<Map.Entry<K, Cell>> order() {
        Comparator<Map.Entry<K, Cell>> byWeight = (a, b) -> Long.compare(b.getValue().weight, a.getValue().weight);
        return byWeight.thenComparing((a, b) -> keyOrder.compare(a.getKey(), b.getKey()));
    }

    private void prune() {
        List<Map.Entry<K, Cell>> all = new ArrayList<>(cells.entrySet());
        all.sort(order());
        for (Map.Entry<K, Cell> e : all.subList(cap, all.size())) {
            otherWeight += e.getValue().weight;
            otherCount += e.getValue().count;
            cells.remove(e.getKey());
        }
    }
}
