package io.github.jvmadvisor.core.testing;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A workload with known JIT, allocation and locking behaviour, for the JFR profile sinks' tests.
 *
 * <p>Arguments: {@code computeSeconds allocateSeconds}. Three things happen, and each prints a line the
 * test reads back:
 * <ol>
 *   <li><b>compute</b> (main thread): {@link #hotLoop} calls {@link #bigCallee} (bytecode just above
 *       C2's {@code FreqInlineSize} of 325, so C2 refuses it with {@code hot method too big}) and
 *       {@link #smallCallee} (inlined) at a hot call site. Most CPU samples land in {@code bigCallee}.
 *       Prints {@code bigCallee-bci <n>}: the byte-code index of the call in {@code hotLoop}, as the
 *       running JVM's {@link StackWalker} saw it.</li>
 *   <li><b>allocate</b> (thread {@code alloc-worker}, after compute): {@link #produce} allocates
 *       {@link Payload} objects into a ring (they escape, so escape analysis cannot remove them), a few
 *       small {@code int[]} in {@link #minor}, and now and then a 600 KB {@code byte[]} in
 *       {@link #bigArrays} (allocated outside a TLAB). Prints {@code alloc-worker-bytes <n>}: the
 *       thread's own allocation counter ({@code com.sun.management.ThreadMXBean}) when it is done.</li>
 *   <li><b>contend</b> (during compute): two threads take turns on one monitor of class
 *       {@link Monitor} in {@link #contendMonitor}, holding it 25 ms each, then 5 ms outside so
 *       the other gets it; two others likewise on a
 *       {@link ReentrantLock} in {@link #contendLock}. Each wait is longer than the {@code profile}
 *       thresholds (10 ms) for {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark}.</li>
 * </ol>
 * Worker threads stay alive (parked) after their work so the recording's last
 * {@code jdk.ThreadAllocationStatistics} snapshot still sees them.
 */
public final class ProfiledWorkload {

    /** Ring where payloads escape to. */
    static final Payload[] RING = new Payload[1 << 14];
    static final int[][] SMALL = new int[1 << 10][];
    static final byte[][] LARGE = new byte[4][];
    static volatile boolean probe = true;
    static volatile int probedBci = -1;

    private ProfiledWorkload() {
    }

    /** The dominant allocation: 4 longs, 48 bytes with a 16-byte header. */
    static final class Payload {
        final long a;
        final long b;
        final long c;
        final long d;

        Payload(long a, long b, long c, long d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }
    }

    /** The contended monitor's class. */
    static final class Monitor {
        long entries;
    }

    public static void main(String[] args) throws Exception {
        double computeSeconds = Double.parseDouble(args[0]);
        double allocateSeconds = Double.parseDouble(args[1]);
        long contendUntil = System.nanoTime() + (long) (Math.min(2.0, computeSeconds) * 1e9);
        Monitor monitor = new Monitor();
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch contended = new CountDownLatch(4);
        for (int i = 0; i < 2; i++) {
            daemon("monitor-" + i, () -> {
                contendMonitor(monitor, contendUntil);
                contended.countDown();
            });
            daemon("lock-" + i, () -> {
                contendLock(lock, contendUntil);
                contended.countDown();
            });
        }

        long computeUntil = System.nanoTime() + (long) (computeSeconds * 1e9);
        int acc = 1;
        while (System.nanoTime() < computeUntil) {
            acc = hotLoop(acc, 20_000);
        }
        System.out.println("bigCallee-bci " + probedBci);
        System.out.println("compute " + acc);
        contended.await();

        long[] allocated = new long[1];
        CountDownLatch allocDone = new CountDownLatch(1);
        long allocateUntil = System.nanoTime() + (long) (allocateSeconds * 1e9);
        daemon("alloc-worker", () -> {
            long sum = 0;
            long lastLarge = System.nanoTime();
            while (System.nanoTime() < allocateUntil) {
                sum += produce(10_000);
                sum += minor(100);
                if (System.nanoTime() - lastLarge > 20_000_000L) {
                    sum += bigArrays();
                    lastLarge = System.nanoTime();
                }
            }
            allocated[0] = threadAllocatedBytes();
            System.out.println("alloc-sum " + sum);
            allocDone.countDown();
        });
        allocDone.await();
        System.out.println("alloc-worker-bytes " + allocated[0]);
        System.out.println("done");
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(() -> {
            work.run();
            while (true) {
                LockSupport.park();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static long threadAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    static int hotLoop(int seed, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            acc += bigCallee(acc + i);
            acc ^= smallCallee(i);
        }
        return acc;
    }

    static int smallCallee(int x) {
        return (x ^ (x >>> 7)) + 0x5bd1;
    }

    /** Straight-line arithmetic: about 340 bytes of byte code, over FreqInlineSize (325). */
    static int bigCallee(int x) {
        if (probe) {
            probeCaller();
        }
        int a = x;
        int b = x ^ 0x55;
        a = a * 31 + b;
        b = b * 17 - a;
        a = a ^ (b >>> 3);
        b = b + (a << 5);
        a = a * 13 + 101;
        b = b ^ (a >>> 11);
        a = a + b * 7;
        b = b * 19 - 3;
        a = a ^ (b << 2);
        b = b + (a >>> 9);
        a = a * 29 + b;
        b = b * 23 - a;
        a = a ^ (b >>> 5);
        b = b + (a << 7);
        a = a * 37 + 211;
        b = b ^ (a >>> 13);
        a = a + b * 11;
        b = b * 41 - 7;
        a = a ^ (b << 3);
        b = b + (a >>> 15);
        a = a * 43 + b;
        b = b * 47 - a;
        a = a ^ (b >>> 6);
        b = b + (a << 9);
        a = a * 53 + 307;
        b = b ^ (a >>> 17);
        a = a + b * 59;
        b = b * 61 - 9;
        a = a ^ (b << 4);
        b = b + (a >>> 19);
        a = a * 67 + b;
        b = b * 71 - a;
        a = a ^ (b >>> 7);
        b = b + (a << 11);
        a = a * 73 + 401;
        b = b ^ (a >>> 21);
        a = a + b * 79;
        b = b * 83 - 11;
        a = a ^ (b << 5);
        b = b + (a >>> 23);
        a = a * 89 + b;
        b = b * 97 - a;
        a = a ^ (b >>> 8);
        b = b + (a << 13);
        a = a * 101 + 503;
        return a ^ b;
    }

    private static void probeCaller() {
        probe = false;
        probedBci = StackWalker.getInstance().walk(s -> s.skip(2).findFirst().orElseThrow().getByteCodeIndex());
    }

    static long produce(int n) {
        long sum = 0;
        int mask = RING.length - 1;
        for (int i = 0; i < n; i++) {
            Payload p = new Payload(i, sum, i * 3L, sum ^ i);
            RING[i & mask] = p;
            sum += p.c;
        }
        return sum;
    }

    static long minor(int n) {
        long sum = 0;
        int mask = SMALL.length - 1;
        for (int i = 0; i < n; i++) {
            int[] s = new int[16];
            s[i & 15] = i;
            SMALL[i & mask] = s;
            sum += s.length;
        }
        return sum;
    }

    static long bigArrays() {
        byte[] b = new byte[600 * 1024];
        LARGE[(int) (System.nanoTime() & 3)] = b;
        return b.length;
    }

    static void contendMonitor(Monitor monitor, long until) {
        while (System.nanoTime() < until) {
            synchronized (monitor) {
                monitor.entries++;
                sleep(25);
            }
            // a pause outside lets the waiting thread in: monitors are not fair, and on a loaded host the
            // releasing thread re-entered before the other woke, so its one wait lasted the whole run (4 events)
            sleep(5);
        }
    }

    static void contendLock(ReentrantLock lock, long until) {
        while (System.nanoTime() < until) {
            lock.lock();
            try {
                sleep(25);
            } finally {
                lock.unlock();
            }
            sleep(5); // as in contendMonitor: the lock is not fair either
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
