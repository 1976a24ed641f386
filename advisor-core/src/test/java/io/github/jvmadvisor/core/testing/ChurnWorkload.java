package io.github.jvmadvisor.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A small allocating workload for child-JVM tests: short-lived garbage, a bounded LRU of retained
 * byte arrays (the live set), and now and then a large array (humongous for G1 with small regions).
 *
 * <p>Arguments: {@code seconds retainedMiB threads [largeEvery]}. Prints {@code done <allocations>}
 * at the end so a test can tell the run finished.
 */
public final class ChurnWorkload {

    /**
     * Each worker's LRU, kept reachable until the JVM exits: a worker that has passed the deadline must not
     * drop its share of the live set while another (descheduled on a loaded host) still churns, or the
     * collections of that tail measure half the live set.
     */
    static final Object[] RETAINED = new Object[64];

    private ChurnWorkload() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int retainedMiB = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int largeEvery = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long[] counts = new long[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            // daemon workers that stay alive after their work, so a JFR recording dumped at exit still
            // sees their allocation counters
            Thread w = new Thread(() -> {
                counts[id] = churn(id, deadline, retainedMiB / threads, largeEvery);
                done.countDown();
                LockSupport.park();
            }, "churn-" + t);
            w.setDaemon(true);
            w.start();
        }
        done.await();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        System.out.println("done " + total);
    }

    static long churn(int id, long deadline, int retainedMiB, int largeEvery) {
        int entrySize = 16 * 1024;
        int maxEntries = Math.max(1, retainedMiB * 1024 * 1024 / entrySize);
        Map<Integer, byte[]> lru = new LinkedHashMap<>(maxEntries * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > maxEntries;
            }
        };
        RETAINED[id % RETAINED.length] = lru;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                byte[] garbage = new byte[64 + rnd.nextInt(512)];
                sink += garbage.length;
                if ((n & 7) == 0) {
                    lru.put(rnd.nextInt(maxEntries * 4), new byte[entrySize]);
                }
                if (largeEvery > 0 && n % largeEvery == 0) {
                    byte[] large = new byte[(1 + rnd.nextInt(4)) * 1024 * 1024];
                    sink += large.length;
                }
                n++;
            }
        }
        return n + (sink & 1);
    }
}
