package io.github.jvmadvisor.rules.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A workload whose young pauses are dominated by remembered-set work: a large old object array whose
 * slots keep being pointed at a few young objects (so many cards of the old array are dirty at every young
 * pause, but little survives to be copied), plus short-lived garbage that triggers the pauses.
 *
 * <p>Arguments: {@code seconds slots}. Prints {@code done <writes>}.
 */
public final class CardDirtyingWorkload {

    private CardDirtyingWorkload() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 4_000_000;
        Object[] old = new Object[slots];
        System.gc(); // the array is old from here on
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long writes = 0;
        long sink = 0;
        Object young = new long[2];
        byte[][] ring = new byte[256][];
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 10_000; i++) {
                if ((i & 1023) == 0) {
                    young = new long[2];
                }
                old[rnd.nextInt(slots)] = young;
                byte[] garbage = new byte[64];
                ring[i & 255] = garbage; // escapes, so it is allocated
                sink += garbage.length;
            }
            writes += 10_000;
        }
        System.out.println("done " + writes + " " + (sink > 0));
    }
}
