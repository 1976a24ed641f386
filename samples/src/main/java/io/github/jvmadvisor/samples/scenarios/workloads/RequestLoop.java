package io.github.jvmadvisor.samples.scenarios.workloads;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A request loop at a fixed rate over a large in-memory cache: each request reads a few entries, makes
 * some short-lived objects and replaces one entry, so the old generation fills with dead entries. The
 * latency of each request is measured from when it should have started (coordinated omission
 * corrected), into an HdrHistogram log.
 *
 * <p>Arguments: {@code seconds liveMiB ratePerSecond entryKiB hlogPath}. Reports {@code p99_ms}, {@code
 * p999_ms}, {@code max_ms}.
 */
public final class RequestLoop {

    static volatile long sink;

    private RequestLoop() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Out.arg(args, 0, 12);
        int liveMiB = Out.intArg(args, 1, 600);
        int rate = Out.intArg(args, 2, 2000);
        int entryKiB = Out.intArg(args, 3, 64);
        Path hlog = Path.of(args.length > 4 ? args[4] : "latency.hlog");
        int entry = entryKiB * 1024;
        byte[][] cache = new byte[Math.max(1, (int) ((long) liveMiB * 1024 * 1024 / entry))][];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = new byte[entry];
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long period = 1_000_000_000L / rate;
        long acc = 0;
        try (LatencyRecorder rec = new LatencyRecorder(hlog)) {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            for (long i = 0;; i++) {
                long intended = start + i * period;
                if (intended >= end) {
                    break;
                }
                long now = System.nanoTime();
                if (now < intended) {
                    LockSupport.parkNanos(intended - now);
                }
                // the request
                for (int k = 0; k < 4; k++) {
                    byte[] e = cache[rnd.nextInt(cache.length)];
                    acc += e[rnd.nextInt(e.length)];
                }
                long[] scratch = new long[64 + rnd.nextInt(64)];
                for (int k = 0; k < scratch.length; k++) {
                    scratch[k] = k ^ i;
                }
                acc += scratch[scratch.length - 1];
                byte[] fresh = new byte[entry];
                fresh[0] = (byte) i;
                cache[rnd.nextInt(cache.length)] = fresh;
                rec.record(System.nanoTime() - intended);
            }
        }
        sink = acc;
    }
}
