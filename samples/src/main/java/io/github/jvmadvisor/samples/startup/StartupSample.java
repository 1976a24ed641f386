package io.github.jvmadvisor.samples.startup;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.runtime.Adjustment;
import io.github.jvmadvisor.runtime.ControllerOptions;
import io.github.jvmadvisor.runtime.JvmAdvisor;
import io.github.jvmadvisor.runtime.StartupOptions;
import io.github.jvmadvisor.runtime.WatchOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.management.ObjectName;

/**
 * A small "service" that uses the startup API the way a real one would, narrating each step:
 *
 * <ol>
 *   <li>{@code JvmAdvisor.atStartup(..)}: one call in {@code main}, told the container's memory limit
 *       (here 1 GiB, as if the cgroup were not visible); the ranked advice is logged once.</li>
 *   <li>{@code JvmAdvisor.watch(..)}: a 3 s window over the JVM's own JFR events while the service
 *       allocates; the report is read back through the MBean {@code io.github.jvmadvisor:type=Advisor}.</li>
 *   <li>The opt-in controller: told the container shrank to 200 MB, it lowers {@code SoftMaxHeapSize}
 *       step by step (ZGC and Shenandoah) and keeps each change only if the guarded figures held; a request
 *       for a flag that is not manageable is refused.</li>
 * </ol>
 *
 * Run with ZGC to see the controller act: {@code java -XX:+UseZGC -Xmx512m -cp ... StartupSample}. About
 * 30 seconds.
 */
public final class StartupSample {

    private static volatile Object sink;

    private StartupSample() {
    }

    public static void main(String[] args) throws Exception {
        say("1. At startup: check the configuration, as if in a 1 GiB container");
        Report startup = JvmAdvisor.atStartup(StartupOptions.builder().containerMemory(1L << 30).build());
        say("   -> " + startup.recommendations().size() + " recommendation(s), the first: "
                + startup.recommendations().stream().findFirst().map(r -> r.ruleId() + " " + r.summary()).orElse("none"));

        say("2. While running: a watch over a 3 s window, with the controller on");
        WatchOptions options = WatchOptions.builder().window(Duration.ofSeconds(3)).containerMemory(1L << 30)
                .control(ControllerOptions.defaults()).build();
        try (JvmAdvisor.Watch watch = JvmAdvisor.watch(options)) {
            byte[][] live = new byte[800][]; // up to 80 MB that stays
            work(watch, live, 2);
            ObjectName name = watch.objectName().orElseThrow();
            var server = ManagementFactory.getPlatformMBeanServer();
            say("   MBean " + name + ": " + server.getAttribute(name, "WindowsEvaluated") + " windows, "
                    + server.getAttribute(name, "RecommendationCount") + " recommendation(s), "
                    + server.getAttribute(name, "WarningCount") + " warning(s); advice now:");
            for (String line : ((String) server.getAttribute(name, "Advice")).split("\n")) {
                if (!line.isBlank()) {
                    say("     " + line);
                }
            }

            say("3. Adjusting: the container shrank to 200 MB");
            long usedBefore = work(watch, live, 1);
            watch.containerLimit(200L << 20);
            work(watch, live, 4);
            long usedAfter = work(watch, live, 1);
            say("   heap in use, average over a window: " + (usedBefore >> 20) + " MB before, " + (usedAfter >> 20)
                    + " MB after; SoftMaxHeapSize now " + (softMax() >> 20) + " MB");
            say("   and a request for a flag that cannot change at run time:");
            watch.request("MaxHeapSize", String.valueOf(256L << 20));
            work(watch, live, 1);
            say("   audit trail:");
            for (Adjustment a : watch.audit()) {
                say("     " + a.kind() + " " + a.flag() + " " + a.from() + " -> " + a.to() + ": " + a.reason());
            }
        }
    }

    /**
     * Allocates at a steady pace (about 40 MB/s, the live set turning over slowly) for {@code windows} windows;
     * returns the average heap in use meanwhile.
     */
    private static long work(JvmAdvisor.Watch watch, byte[][] live, int windows) throws InterruptedException {
        long sum = 0;
        long n = 0;
        long until = watch.windowsEvaluated() + windows;
        long deadline = System.nanoTime() + Duration.ofSeconds(6L * windows + 10).toNanos();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int next = 0;
        while (watch.windowsEvaluated() < until && System.nanoTime() < deadline) {
            for (int i = 0; i < 5; i++) {
                sink = new byte[64 * 1024 + r.nextInt(1024)];
            }
            live[next] = new byte[100_000];
            next = (next + 1) % live.length;
            sum += heapUsed();
            n++;
            Thread.sleep(10);
        }
        return sum / Math.max(1, n);
    }

    private static long softMax() {
        return Long.parseLong(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("SoftMaxHeapSize").getValue());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void say(String s) {
        System.out.println(s);
    }
}
