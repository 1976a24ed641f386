package io.github.jvmadvisor.benchmarks;

import io.github.jvmadvisor.core.ingest.jfr.AllocationSink;
import io.github.jvmadvisor.core.ingest.jfr.CpuSink;
import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.ingest.jfr.JitSink;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordingFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link JfrReadBenchmark}: the jvm-advisor JFR reader and the bare {@code RecordingFile} loop
 * in one JMH run, on the same recording, and prints events per second and their ratio.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.jvmadvisor.benchmarks.JfrBenchmarks
 *     [--recording FILE.jfr] [--seconds N] [--iterations N]
 * </pre>
 *
 * Without {@code --recording}, one is made in {@code bench-data/} by a child JVM running the churn
 * workload for {@code --seconds} (default 20) with {@code settings=profile} and CompilerInlining on.
 */
public final class JfrBenchmarks {

    private JfrBenchmarks() {
    }

    /** The sinks {@code Analyzer} (and so the CLI's {@code analyze}) adds to the built-in ones. */
    static List<JfrSink> sinks() {
        return List.of(new AllocationSink(), new JitSink(), new CpuSink());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path rec;
        if (opt.containsKey("recording")) {
            rec = Path.of(opt.get("recording"));
        } else {
            String seconds = opt.getOrDefault("seconds", "20");
            Path dir = Path.of("bench-data").toAbsolutePath();
            Files.createDirectories(dir);
            rec = dir.resolve("churn-" + seconds + "s-profile.jfr");
            if (!Files.exists(rec)) {
                // the child runs in the working directory: the class path may be relative to it
                ChildJvm.run(Jdks.current(), Path.of("").toAbsolutePath(), List.of("-XX:+UseG1GC", "-Xmx512m",
                        "-XX:StartFlightRecording:filename=" + rec + ",settings=profile,+jdk.CompilerInlining#enabled=true"),
                        ChurnWorkload.class, List.of(seconds, "128", "2"), 600).requireSuccess();
            }
        }
        long events = 0;
        try (RecordingFile rf = new RecordingFile(rec)) {
            while (rf.hasMoreEvents()) {
                rf.readEvent();
                events++;
            }
        }
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "10"));
        RunResult[] results = new RunResult[2];
        String[] readers = {"jvm-advisor", "bare-recordingfile"};
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Recording: %s (%.1f MB, %d events), Java %s, %d CPUs%n%n", rec,
                Files.size(rec) / 1048576.0, events, Runtime.version(), Runtime.getRuntime().availableProcessors()));
        sb.append("| reader | events/s | ms per read | ± ms |\n|---|---:|---:|---:|\n");
        for (int i = 0; i < 2; i++) {
            results[i] = new Runner(new OptionsBuilder().include(JfrReadBenchmark.class.getSimpleName())
                    .param("reader", readers[i]).param("recording", rec.toString()).forks(1).warmupIterations(iterations)
                    .measurementIterations(iterations).jvmArgs("-Xmx1g").build()).runSingle();
            double ms = results[i].getPrimaryResult().getScore();
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n", readers[i], events / (ms / 1000), ms,
                    results[i].getPrimaryResult().getScoreError()));
        }
        double ratio = results[1].getPrimaryResult().getScore() / results[0].getPrimaryResult().getScore();
        sb.append(String.format(Locale.ROOT, "%njvm-advisor / bare RecordingFile loop: %.2fx (target >= 0.8x)%n", ratio));
        System.out.println();
        System.out.print(sb);
    }
}
