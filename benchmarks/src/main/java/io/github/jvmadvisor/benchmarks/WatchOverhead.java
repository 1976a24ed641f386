package io.github.jvmadvisor.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link WatchOverheadBenchmark} with and without the watch in one JMH run (several forks each, as
 * many threads as CPUs) and prints the throughput of each and the watch's cost against the 1 % bar.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.jvmadvisor.benchmarks.WatchOverhead
 *     [--forks N] [--warmups N] [--iterations N] [--seconds N] [--window SECONDS] [--gc G1|Z|Parallel]
 *     [--variants off,on,stream,stream-no-samples] [--prime none|advisor]
 * </pre>
 */
public final class WatchOverhead {

    private WatchOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int forks = Integer.parseInt(opt.getOrDefault("forks", "3"));
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "8"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "15"));
        // the watch's code (JFR parsing, the sinks, the rules) is compiled by the JIT during its first windows:
        // a warm-up of several windows keeps that one-time cost out of the measurement (it is printed apart)
        // the default: 10 x 15 s of warm-up, two and a half of the default 60 s windows
        int warmups = Integer.parseInt(opt.getOrDefault("warmups", "10"));
        String window = opt.getOrDefault("window", "60");
        String prime = opt.getOrDefault("prime", "none");
        String gc = opt.getOrDefault("gc", "G1");
        int threads = Runtime.getRuntime().availableProcessors();
        java.nio.file.Path cpuLog = java.nio.file.Files.createTempFile("watch-overhead-", ".txt");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(WatchOverheadBenchmark.class.getSimpleName())
                .param("windowSeconds", window).param("watch", opt.getOrDefault("variants", "off,on").split(",")).param("cpuLog", cpuLog.toString()).param("prime", prime)
                .forks(forks).threads(threads)
                .warmupIterations(warmups).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(seconds))
                .jvmArgs("-Xmx256m", "-XX:+Use" + gc + "GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .build()).run();
        double off = 0;
        double offErr = 0;
        double on = 0;
        double onErr = 0;
        for (RunResult r : results) {
            String w = r.getParams().getParam("watch");
            System.out.printf(Locale.ROOT, "%s: %.1f ± %.1f ops/ms%n", w, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError());
            if (w.equals("off")) {
                off = r.getPrimaryResult().getScore();
                offErr = r.getPrimaryResult().getScoreError();
            } else {
                on = r.getPrimaryResult().getScore();
                onErr = r.getPrimaryResult().getScoreError();
            }
        }
        double cost = 100 * (off - on) / off;
        double err = 100 * Math.sqrt(offErr * offErr + onErr * onErr) / off;
        System.out.println();
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, %d threads, %s GC, window %s s, prime %s, %d forks x (%d warm-up + %d) x %d s%n",
                Runtime.version(), threads, threads, gc, window, prime, forks, warmups, iterations, seconds);
        System.out.println("| watch | ops/ms | ± (99.9 %) |\n|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| off | %.1f | %.1f |%n| on | %.1f | %.1f |%n", off, offErr, on, onErr);
        System.out.printf(Locale.ROOT, "%nwatch cost: %.2f %% of throughput (± %.2f points; bar: 1 %%)%n", cost, err);
        long watchCpu = 0;
        long processCpu = 0;
        long windows = 0;
        java.util.List<Double> offRate = new java.util.ArrayList<>();
        java.util.List<Double> onRate = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(cpuLog)) {
            String[] f = line.trim().split(" ");
            if (f.length != 6) {
                continue;
            }
            double rate = Long.parseLong(f[4]) / (Long.parseLong(f[5]) / 1e6); // requests per CPU-ms
            if (!f[0].equals("on") && !f[0].equals("off")) {
                System.out.printf(Locale.ROOT, "%s: %.2f requests per process CPU-ms, its threads %.0f ms CPU%n", f[0], rate,
                        Long.parseLong(f[1]) / 1e6);
                continue;
            }
            (f[0].equals("on") ? onRate : offRate).add(rate);
            if (f[0].equals("on")) {
                watchCpu += Long.parseLong(f[1]);
                processCpu += Long.parseLong(f[2]);
                windows += Long.parseLong(f[3]);
            }
        }
        java.nio.file.Files.deleteIfExists(cpuLog);
        if (processCpu > 0) {
            System.out.printf(Locale.ROOT, "watch threads' CPU (JFR's and the stream's, %d windows evaluated): %.0f ms of "
                    + "%.0f ms process CPU = %.2f %%%n", windows, watchCpu / 1e6, processCpu / 1e6, 100.0 * watchCpu / processCpu);
        }
        if (!offRate.isEmpty() && !onRate.isEmpty()) {
            // requests per CPU-ms of the whole process: what the host's other load does not change (a fork that
            // gets less CPU serves fewer requests with it), and what the watch's CPU, wherever spent, lowers
            double[] a = stats(offRate);
            double[] b = stats(onRate);
            System.out.printf(Locale.ROOT, "requests per process CPU-ms, per fork: off %s, on %s%n", offRate, onRate);
            System.out.printf(Locale.ROOT, "off %.2f ± %.2f, on %.2f ± %.2f (mean ± standard error): watch cost %.2f %% "
                    + "± %.2f points of CPU efficiency (bar: 1 %%)%n", a[0], a[1], b[0], b[1], 100 * (a[0] - b[0]) / a[0],
                    100 * Math.sqrt(a[1] * a[1] + b[1] * b[1]) / a[0]);
        }
    }

    /** Mean and standard error. */
    private static double[] stats(java.util.List<Double> xs) {
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = xs.size() < 2 ? 0 : xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (xs.size() - 1);
        return new double[] {mean, Math.sqrt(var / xs.size())};
    }
}
