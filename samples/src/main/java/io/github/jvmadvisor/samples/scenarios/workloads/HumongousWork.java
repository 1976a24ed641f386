package io.github.jvmadvisor.samples.scenarios.workloads;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Buffers of 600 KB to 1 MB, as a service that reads request bodies or images into arrays: most die
 * young, a ring of recent ones is kept. With 1 MB G1 regions every one of them is humongous (over half
 * a region).
 *
 * <p>Arguments: {@code seconds keep}. Reports {@code buffers_per_s}.
 */
public final class HumongousWork {

    static volatile long sink;

    private HumongousWork() {
    }

    public static void main(String[] args) {
        double seconds = Out.arg(args, 0, 6);
        int keep = Out.intArg(args, 1, 48);
        byte[][] ring = new byte[keep][];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        long acc = 0;
        while (System.nanoTime() < deadline) {
            byte[] buf = new byte[600 * 1024 + rnd.nextInt(400 * 1024)];
            for (int i = 0; i < buf.length; i += 4096) {
                buf[i] = (byte) n;
            }
            acc += buf[rnd.nextInt(buf.length)];
            if (n % 4 == 0) {
                ring[(int) (n / 4 % keep)] = buf;
            }
            // small garbage beside the buffers
            for (int i = 0; i < 200; i++) {
                acc += new int[8 + (i & 15)].length;
            }
            n++;
        }
        sink = acc;
        Out.result("buffers_per_s", n / ((System.nanoTime() - start) / 1e9));
    }
}
