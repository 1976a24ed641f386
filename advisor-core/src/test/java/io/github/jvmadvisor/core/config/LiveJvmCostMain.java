package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.model.JvmConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Measures what {@link LiveJvm#config()} costs at startup: the first call in a fresh JVM (cold: class
 * loading, MXBean initialisation, file reads) and a second call (warm), as wall time ({@code
 * System.nanoTime()}) and, on Linux, as the calling thread's time on a CPU and waiting for one (from
 * {@code /proc/thread-self/schedstat}), which separates the cost from the load of a shared machine.
 * Run it in a new JVM each time (see {@code docs/live-config.md}).
 */
public final class LiveJvmCostMain {

    private LiveJvmCostMain() {
    }

    public static void main(String[] args) {
        long[] s0 = schedstat();
        long t0 = System.nanoTime();
        JvmConfig cold = LiveJvm.config();
        long t1 = System.nanoTime();
        long[] s1 = schedstat();
        JvmConfig warm = LiveJvm.config();
        long t2 = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT,
                "cold=%.1f ms warm=%.1f ms coldOnCpu=%.1f ms coldWaitingForCpu=%.1f ms flags=%d collector=%s container=%s%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, s0 == null ? Double.NaN : (s1[0] - s0[0]) / 1e6,
                s0 == null ? Double.NaN : (s1[1] - s0[1]) / 1e6, cold.flags().size(), cold.collector(),
                warm.container() == null ? null : warm.container().source());
    }

    /** Nanoseconds this thread ran and waited to run, or {@code null} off Linux. */
    private static long[] schedstat() {
        try (FileInputStream in = new FileInputStream("/proc/thread-self/schedstat")) {
            String[] f = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
