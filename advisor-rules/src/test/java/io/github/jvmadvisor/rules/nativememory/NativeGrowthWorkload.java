package io.github.jvmadvisor.rules.nativememory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Short-lived garbage (so that collections run) plus {@code directMiB} of direct buffers allocated over
 * the run, every page touched and kept: resident memory outside the heap. Arguments:
 * {@code seconds directMiB}.
 */
public final class NativeGrowthWorkload {

    private NativeGrowthWorkload() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        long direct = Long.parseLong(args[1]) << 20;
        List<ByteBuffer> kept = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long held = 0;
        long sink = 0;
        byte[][] ring = new byte[256][];
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 2000; i++) {
                byte[] g = new byte[512 + (i & 511) * 8];
                ring[i & 255] = g;
                sink += g.length;
            }
            double done = Math.min(1, 2 * (System.nanoTime() - start) / (seconds * 1e9));
            while (held < done * direct) {
                ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
                for (int p = 0; p < b.capacity(); p += 4096) {
                    b.put(p, (byte) 1);
                }
                kept.add(b);
                held += b.capacity();
            }
            Thread.sleep(1);
        }
        System.out.println("direct " + (held >> 20) + " MiB " + (sink & 1) + " " + kept.size());
    }
}
