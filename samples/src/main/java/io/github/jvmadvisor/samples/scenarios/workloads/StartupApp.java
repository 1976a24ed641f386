package io.github.jvmadvisor.samples.scenarios.workloads;

import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A start-up-bound service: its first answer needs a few thousand classes loaded and linked (this
 * library's engine, its 106 rules, the JDK flag catalogues read with Jackson), then it answers requests
 * (advice on a command line, as JSON) at ten a second. Time to the first answer is what its user sees
 * on every deployment and every scale-out.
 *
 * <p>Arguments: {@code seconds hlogPath}. Reports {@code first_result_ms} (from process start) and the
 * request latency figures of {@link LatencyRecorder}.
 */
public final class StartupApp {

    static volatile int sink;

    private StartupApp() {
    }

    private static int answer(int i) {
        String options = "-Xmx" + (256 + (i % 8) * 128) + "m -XX:+UseParallelGC -XX:MaxRAMPercentage=90";
        Evidence e = new Evidence(List.of(), Optional.empty(),
                Optional.of(CommandLineConfig.of(options, 2_147_483_648L, 2.0, Runtime.version().feature())),
                null, null, null, null, null, null, null);
        Report r = Advisor.builder().targetJdk(Runtime.version().feature()).build().advise(e);
        return AdviceJson.toJson(r).length();
    }

    public static void main(String[] args) throws Exception {
        double seconds = Out.arg(args, 0, 6);
        Path hlog = Path.of(args.length > 1 ? args[1] : "latency.hlog");
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long period = 100_000_000L;
        try (LatencyRecorder rec = new LatencyRecorder(hlog)) {
            long first = System.nanoTime();
            sink = answer(0);
            rec.record(System.nanoTime() - first);
            Out.result("first_result_ms", Duration.between(started, Instant.now()).toNanos() / 1e6);
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            for (int i = 1;; i++) {
                long intended = start + i * period;
                if (intended >= end) {
                    break;
                }
                long now = System.nanoTime();
                if (now < intended) {
                    Thread.sleep((intended - now) / 1_000_000, (int) ((intended - now) % 1_000_000));
                }
                sink += answer(i);
                rec.record(System.nanoTime() - intended);
            }
        }
    }
}
