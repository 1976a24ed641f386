package io.github.jvmadvisor.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures the first call of {@link JvmAdvisor#atStartup(StartupOptions)} in a fresh JVM: wall time and
 * the calling thread's CPU time (less disturbed by other load on the machine). Run it several times
 * (see docs/startup-api.md for the command); the first run warms the disk cache.
 */
public final class StartupCostMain {
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        JvmAdvisor.atStartup(StartupOptions.builder().log(args.length > 0 && args[0].equals("log")).build());
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        System.out.printf(java.util.Locale.ROOT, "atStartup first call: wall %.1f ms, cpu %.1f ms%n", (t1 - t0) / 1e6,
                (cpu1 - cpu0) / 1e6);
    }
}
