package io.github.jvmadvisor.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Measures the first call of {@link JvmAdvisor#atStartup(StartupOptions)} in a fresh JVM: wall time and
 * the calling thread's CPU time (less disturbed by other load on the machine). Run it several times
 * (see docs/startup-api.md for the command); the first run warms the disk cache.
 *
 * <p>Arguments: {@code log} logs the advice; {@code app} first logs one line through slf4j, as a service
 * whose logging is set up before it calls {@code atStartup} (the logging backend's start-up is then not
 * counted).
 */
public final class StartupCostMain {
    public static void main(String[] args) {
        List<String> a = List.of(args);
        if (a.contains("app")) {
            org.slf4j.LoggerFactory.getLogger("app").info("service starting");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        JvmAdvisor.atStartup(StartupOptions.builder().log(a.contains("log")).build());
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        System.out.printf(java.util.Locale.ROOT, "atStartup first call: wall %.1f ms, cpu %.1f ms%n", (t1 - t0) / 1e6,
                (cpu1 - cpu0) / 1e6);
    }
}
