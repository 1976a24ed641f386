package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.engine.Report;
import java.util.HashSet;
import java.util.Set;

/**
 * A service's main in a child JVM: calls {@link JvmAdvisor#atStartup(StartupOptions)} first thing and
 * prints what the test checks. Arguments: the container memory to pass in bytes, or {@code -} for none;
 * optionally {@code bad-parameter} to make the check fail.
 */
public final class StartupMain {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        StartupOptions.Builder b = StartupOptions.builder();
        if (args.length > 0 && !args[0].equals("-")) {
            b.containerMemory(Long.parseLong(args[0]));
        }
        if (args.length > 1 && args[1].equals("bad-parameter")) {
            b.parameter("NO-SUCH-RULE.x", "1");
        }
        Report r = JvmAdvisor.atStartup(b.build());
        long t1 = System.nanoTime();
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        after.removeIf(t -> !t.isAlive());
        System.out.println("ELAPSED_MS " + (t1 - t0) / 1_000_000.0);
        System.out.println("NEW_THREADS " + after.size() + " " + after);
        System.out.println("RULES_RUN " + r.rulesRun());
        System.out.println("ERRORS " + r.errors().size());
        r.errors().forEach(e -> System.out.println("ERROR " + e.ruleId() + " " + e.message()));
        r.evidence().jvm().ifPresent(j -> System.out.println("LIMIT " + (j.container() == null ? "none"
                : j.container().memoryLimitBytes() + " " + j.container().source())));
        for (Report.Ranked x : r.recommendations()) {
            System.out.println("REC " + x.ruleId() + " " + x.severity() + " " + String.join(" ", x.flags()));
        }
    }
}
