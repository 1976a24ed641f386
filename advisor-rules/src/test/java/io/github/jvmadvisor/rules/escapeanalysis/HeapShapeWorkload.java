package io.github.jvmadvisor.rules.escapeanalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a live heap of one shape until it ends: {@code strings} (copies of ten values), {@code arrays}
 * (long[1024] arrays) or {@code boxes} (small Integer objects). Arguments: {@code shape MiB seconds}.
 */
public final class HeapShapeWorkload {

    static final List<Object> LIVE = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String shape = args[0];
        long bytes = Long.parseLong(args[1]) << 20;
        long end = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
        long kept = 0;
        int i = 0;
        while (kept < bytes) {
            switch (shape) {
                case "strings" -> {
                    LIVE.add(new String("customer-status-" + (i++ % 10)));
                    kept += 64;
                }
                case "arrays" -> {
                    LIVE.add(new long[1024]);
                    kept += 8 * 1024 + 16;
                }
                default -> {
                    LIVE.add(new Integer[] {i++, i++, i++, i++}.clone()[0] + 1000);
                    kept += 20;
                }
            }
        }
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
        System.out.println("done " + LIVE.size());
    }
}
