package io.github.jvmadvisor.samples.scenarios.workloads;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch job with a live set: worker threads process "records" (each a few short-lived arrays and some
 * arithmetic over them) and now and then replace an entry of a retained table, so the old generation
 * keeps receiving garbage and needs collecting too.
 *
 * <p>Arguments: {@code seconds liveMiB threads [replaceEvery]} (one table entry of 16 KB replaced every {@code replaceEvery} records, 512 by default). Reports {@code ops_per_s}, the records
 * processed per second of wall time: the work done, which is what a batch job's user cares about.
 */
public final class LiveSetWork {

    private static final int CHUNK = 16 * 1024;
    static volatile long sink;

    private LiveSetWork() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Out.arg(args, 0, 8);
        int liveMiB = Out.intArg(args, 1, 100);
        int threads = Out.intArg(args, 2, 2);
        int replaceEvery = Out.intArg(args, 3, 512);
        byte[][] table = new byte[Math.max(1, (int) ((long) liveMiB * 1024 * 1024 / CHUNK))][];
        for (int i = 0; i < table.length; i++) {
            table[i] = new byte[CHUNK];
        }
        // a short warm-up outside the measurement, so JIT compilation is not part of what is compared
        run(table, 1.0, threads, replaceEvery);
        long start = System.nanoTime();
        long ops = run(table, seconds, threads, replaceEvery);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Out.result("ops_per_s", ops / elapsed);
    }

    static long run(byte[][] table, double seconds, int threads, int replaceEvery) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> total.addAndGet(work(table, deadline, replaceEvery)), "worker-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return total.get();
    }

    static long work(byte[][] table, long deadline, int replaceEvery) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long n = 0;
        long acc = 0;
        while ((n & 255) != 0 || System.nanoTime() < deadline) {
            // one record: a few short-lived arrays, filled and summed
            long[] a = new long[32 + rnd.nextInt(96)];
            for (int i = 0; i < a.length; i++) {
                a[i] = i * 31L + n;
            }
            StringBuilder sb = new StringBuilder(32);
            sb.append("record-").append(n).append('-').append(a[a.length - 1]);
            acc += a[rnd.nextInt(a.length)] + sb.length();
            if (n % replaceEvery == 0) {
                table[rnd.nextInt(table.length)] = new byte[CHUNK];
            }
            n++;
        }
        sink += acc;
        return n;
    }
}
