package io.github.jvmadvisor.samples.scenarios.workloads;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sessions that live for a while and then end: every operation opens a session (a small object with a
 * 1-3 KB buffer) that stays referenced for the next {@code window} operations, about a second at full
 * speed. With a young generation smaller than that window the sessions survive a few young collections,
 * are promoted, and die in the old generation, which then needs full collections.
 *
 * <p>Arguments: {@code seconds window}. Reports {@code ops_per_s}.
 */
public final class MediumLivedWork {

    static volatile long sink;

    private MediumLivedWork() {
    }

    /** One session. */
    static final class Session {
        final long id;
        final byte[] buffer;

        Session(long id, int size) {
            this.id = id;
            this.buffer = new byte[size];
        }
    }

    public static void main(String[] args) {
        double seconds = Out.arg(args, 0, 8);
        int window = Out.intArg(args, 1, 60_000);
        Session[] open = new Session[window];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long acc = 0;
        long n = 0;
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            acc += step(open, n++, rnd);
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long ops = 0;
        while ((ops & 1023) != 0 || System.nanoTime() < deadline) {
            acc += step(open, n++, rnd);
            ops++;
        }
        sink = acc;
        Out.result("ops_per_s", ops / ((System.nanoTime() - start) / 1e9));
    }

    static long step(Session[] open, long n, ThreadLocalRandom rnd) {
        Session s = new Session(n, 1024 + rnd.nextInt(2048));
        s.buffer[0] = (byte) n;
        open[(int) (n % open.length)] = s;
        long[] scratch = new long[16 + rnd.nextInt(32)];
        scratch[0] = n;
        return scratch[0] + (open[rnd.nextInt(open.length)] == null ? 0 : 1) % 7;
    }
}
