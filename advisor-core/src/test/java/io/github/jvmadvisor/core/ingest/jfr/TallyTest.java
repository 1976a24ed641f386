package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded weight table behind every top list: memory stays bounded and totals stay exact. */
class TallyTest {

    @Test
    void boundedAndExact() {
        Tally<String> t = new Tally<>(100, Comparator.naturalOrder());
        long total = 0;
        for (int i = 0; i < 100_000; i++) {
            t.add("k" + i, 1 + (i % 7));
            total += 1 + (i % 7);
            t.add("heavy", 50);
            total += 50;
        }
        List<Map.Entry<String, Tally.Cell>> all = t.top(Integer.MAX_VALUE);
        assertTrue(all.size() <= 200, "kept " + all.size());
        assertEquals("heavy", all.get(0).getKey());
        assertEquals(100_000 * 50L, all.get(0).getValue().weight, "a key never folded keeps its exact weight");
        long kept = all.stream().mapToLong(e -> e.getValue().weight).sum();
        assertEquals(total, t.totalWeight());
        assertEquals(total, kept + t.otherWeight());
        assertEquals(200_000, t.totalCount());
    }

    @Test
    void tiesBrokenByKey() {
        Tally<String> t = new Tally<>(10, Comparator.naturalOrder());
        t.add("b", 5);
        t.add("a", 5);
        t.add("c", 9);
        assertEquals(List.of("c", "a", "b"), t.top(3).stream().map(Map.Entry::getKey).toList());
        assertEquals(List.of("c", "a"), t.top(2).stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void copyIsIndependent() {
        Tally<String> t = new Tally<>(10, Comparator.naturalOrder());
        t.add("a", 5);
        Tally<String> c = t.copy();
        c.add("a", 5);
        assertEquals(5, t.top(1).get(0).getValue().weight);
        assertEquals(10, c.top(1).get(0).getValue().weight);
    }
}
