package io.github.jvmadvisor.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Short-lived garbage plus a leak: {@code leakMiBPerSecond} of byte arrays kept forever.
 * Arguments: {@code seconds leakMiBPerSecond}.
 */
public final class LeakyWorkload {

    private LeakyWorkload() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        double leakPerSecond = Double.parseDouble(args[1]) * 1024 * 1024;
        List<byte[]> leaked = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long kept = 0;
        long sink = 0;
        // short-lived garbage that escapes (into a small ring), so escape analysis cannot remove it
        byte[][] ring = new byte[256][];
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                byte[] g = new byte[1024 + (i & 1023) * 4];
                ring[i & 255] = g;
                sink += g.length;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            while (kept < elapsed * leakPerSecond) {
                leaked.add(new byte[16 * 1024]);
                kept += 16 * 1024;
            }
        }
        System.out.println("leaked " + (kept >> 20) + " MiB " + (sink & 1) + " " + leaked.size());
    }
}
