package io.github.jvmadvisor.rules.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Allocates steadily and calls {@code System.gc()} at a fixed interval, as a library that "helps" the collector
 * does. It keeps a live set, replaces a little of it all the time (so the old generation fills), and holds the
 * last {@code ring} arrays it allocated (1 KB on average), so that each young collection copies them: the smaller
 * the young generation, the more of them survive one. Arguments: {@code millis intervalMillis liveMb ring
 * batchesPerSecond}; an interval of 0 never calls System.gc(); {@code batchesPerSecond} (batches of 1024 arrays,
 * about 1 MB) paces the allocation, 0 runs flat out. Prints the arrays allocated (the work done).
 */
public final class ExplicitGcStormWorkload {

    private ExplicitGcStormWorkload() {
    }

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        long interval = Long.parseLong(args[1]);
        int liveMb = Integer.parseInt(args[2]);
        int ring = Integer.parseInt(args[3]);
        long perSecond = Long.parseLong(args[4]);
        byte[][] live = new byte[liveMb * 1024][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[1024];
        }
        byte[][] recent = new byte[ring][];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long nextGc = interval > 0 ? start + interval * 1_000_000L : Long.MAX_VALUE;
        long work = 0;
        long batches = 0;
        long calls = 0;
        while (true) {
            for (int k = 0; k < 1024; k++) {
                byte[] b = new byte[64 + rnd.nextInt(1920)];
                b[0] = (byte) work;
                recent[(int) (work % ring)] = b;
                if ((work & 63) == 0) {
                    live[rnd.nextInt(live.length)] = new byte[1024];
                }
                work++;
            }
            batches++;
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (now >= nextGc) {
                System.gc();
                calls++;
                nextGc = now + interval * 1_000_000L;
            }
            if (perSecond > 0 && batches > (now - start) * perSecond / 1_000_000_000L) {
                Thread.sleep(1);
            }
        }
        System.out.println("work " + work + " calls " + calls);
    }
}
