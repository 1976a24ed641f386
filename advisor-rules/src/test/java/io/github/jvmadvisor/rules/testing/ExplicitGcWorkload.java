package io.github.jvmadvisor.rules.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocates a modest live set and calls {@code System.gc()} now and then, as code that "helps" the
 * collector does. Arguments: {@code calls intervalMillis}.
 */
public final class ExplicitGcWorkload {

    private ExplicitGcWorkload() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        long interval = Long.parseLong(args[1]);
        List<byte[]> live = new ArrayList<>();
        long sink = 0;
        for (int c = 0; c < calls; c++) {
            long until = System.nanoTime() + interval * 1_000_000L;
            while (System.nanoTime() < until) {
                byte[] b = new byte[1024 + (int) (sink & 1023)];
                sink += b.length;
                if ((sink & 0xff) == 0 && live.size() < 20_000) {
                    live.add(b);
                }
            }
            System.gc();
        }
        System.out.println("done " + sink + " " + live.size());
    }
}
