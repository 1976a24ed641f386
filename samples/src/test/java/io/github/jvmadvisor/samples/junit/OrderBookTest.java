package io.github.jvmadvisor.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jvmadvisor.junit.GcBudget;
import io.github.jvmadvisor.junit.JvmAdvisor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sample: GC and allocation budgets on an ordinary test class.
 *
 * <p>The class may not cause a full GC, and no test may allocate more than 32 MB on its own thread. Two tests
 * keep their budget; {@code replayDay()} allocates about 95 MB and breaks it; the {@code @AfterEach} "cleans up"
 * with {@code System.gc()}, a habit seen in real suites, and that is a full GC with G1. Both are reported as
 * entries and in {@code target/jvm-advisor/jvm-advisor.json}; the tests still pass because {@code
 * failOnBudget} is off. Run it: {@code mvn -pl samples -am test -Dtest=OrderBookTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@JvmAdvisor
@GcBudget(maxFullGcs = 0, maxAllocatedBytesPerTest = 32 * 1024 * 1024)
class OrderBookTest {

    /** A tiny order book: price level to the quantities resting there. */
    static final class OrderBook {
        private final Map<Long, List<Long>> levels = new HashMap<>();

        void add(long price, long quantity) {
            levels.computeIfAbsent(price, p -> new ArrayList<>()).add(quantity);
        }

        long depth(long price) {
            return levels.getOrDefault(price, List.of()).stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void addsAnOrder() {
        OrderBook book = new OrderBook();
        book.add(100, 5);
        assertEquals(5, book.depth(100));
    }

    @Test
    void fillsOneLevel() {
        OrderBook book = new OrderBook();
        for (int i = 0; i < 10_000; i++) {
            book.add(100, 1);
        }
        assertEquals(10_000, book.depth(100));
    }

    @Test
    void replayDay() {
        // a day's worth of orders: 1.5 million boxed quantities and the lists that hold them, about 95 MB
        OrderBook book = new OrderBook();
        for (int i = 0; i < 1_500_000; i++) {
            book.add(1_000 + i % 500, 1_000L + i);
        }
        assertEquals(3000, book.levels.get(1_000L).size());
    }

    @AfterEach
    void cleanUp() {
        System.gc();
    }
}
