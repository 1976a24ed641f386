package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.model.JvmConfig;

/**
 * Measures what {@link LiveJvm#config()} costs at startup: the first call in a fresh JVM (cold: class
 * loading, MXBean initialisation, file reads) and a second call (warm). Prints milliseconds; run it in
 * a new JVM each time (see {@code docs/live-config.md}).
 */
public final class LiveJvmCostMain {

    private LiveJvmCostMain() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        JvmConfig cold = LiveJvm.config();
        long t1 = System.nanoTime();
        JvmConfig warm = LiveJvm.config();
        long t2 = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT, "cold=%.1f ms warm=%.1f ms flags=%d collector=%s container=%s%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, cold.flags().size(), cold.collector(),
                warm.container() == null ? null : warm.container().source());
    }
}
