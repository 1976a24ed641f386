package io.github.jvmadvisor.rules.heap;

/**
 * A burst of short-lived garbage (the collector grows the heap to keep up), then a mostly idle stretch that
 * allocates a little, so young collections still run and show how little of the grown heap is in use.
 * Arguments: {@code burstSeconds idleSeconds idleMiBPerSecond}.
 */
public final class BurstThenIdleWorkload {

    private BurstThenIdleWorkload() {
    }

    public static void main(String[] args) throws Exception {
        double burst = Double.parseDouble(args[0]);
        double idle = Double.parseDouble(args[1]);
        double idleRate = Double.parseDouble(args[2]) * 1024 * 1024;
        byte[][] ring = new byte[2048][];
        long sink = 0;
        long deadline = System.nanoTime() + (long) (burst * 1e9);
        int i = 0;
        while (System.nanoTime() < deadline) {
            for (int k = 0; k < 1000; k++, i++) {
                byte[] g = new byte[1024 + (i & 255) * 32];
                ring[i & 2047] = g; // lives a few milliseconds: survivor copying makes young GCs cost
                sink += g.length;
            }
        }
        ring = new byte[64][];
        long start = System.nanoTime();
        long end = start + (long) (idle * 1e9);
        long allocated = 0;
        while (System.nanoTime() < end) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            while (allocated < elapsed * idleRate) {
                byte[] g = new byte[16 * 1024];
                ring[(int) (allocated >> 14) & 63] = g;
                allocated += g.length;
            }
            Thread.sleep(5);
        }
        System.out.println("done " + (sink & 1) + " " + (allocated >> 20));
    }
}
