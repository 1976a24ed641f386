package io.github.jvmadvisor.benchmarks;

import io.github.jvmadvisor.core.testing.LargeLogMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GcLogReadBenchmark} for each reader in its own fork, with a heap limit that fits it,
 * on one large log, and prints MB/s side by side with peak heap and resident memory.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--log FILE | --base LOG --size-mb N]
 *     [--readers jvm-advisor,bare-readline,gcviewer,gctoolkit] [--iterations N] [--out FILE.md]
 * </pre>
 *
 * Without {@code --log}, a log of {@code --size-mb} (default 512) is made from {@code --base} (default:
 * the corpus's JDK 17 G1 debug log) into {@code bench-data/}, repeating the real run with uptime, time
 * stamps and GC ids moved on.
 */
public final class ReadBenchmarks {

    /** Heap per reader: ours must run in 64 MB; the anchors get what they need. */
    private static final Map<String, String> HEAP = Map.of("jvm-advisor", "-Xmx64m", "bare-readline", "-Xmx64m",
            "gcviewer", "-Xmx12g", "gctoolkit", "-Xmx16g");

    private ReadBenchmarks() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path log = opt.containsKey("log") ? Path.of(opt.get("log")) : makeLog(opt);
        double mb = Files.size(log) / (1024.0 * 1024.0);
        List<String> readers = List.of(opt.getOrDefault("readers", "jvm-advisor,bare-readline,gcviewer,gctoolkit")
                .split(","));
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "5"));
        Path facts = Files.createTempDirectory("bench-facts");
        List<String[]> rows = new ArrayList<>();
        Double bare = null;
        Double ours = null;
        for (String reader : readers) {
            Path f = facts.resolve(reader + ".properties");
            boolean slow = reader.equals("gctoolkit");
            ChainedOptionsBuilder b = new OptionsBuilder().include(GcLogReadBenchmark.class.getSimpleName())
                    .param("reader", reader).param("log", log.toAbsolutePath().toString()).forks(1)
                    .warmupIterations(slow ? 1 : 2).measurementIterations(slow ? Math.min(3, iterations) : iterations)
                    .jvmArgs(HEAP.getOrDefault(reader, "-Xmx8g"), "-Dbench.facts=" + f,
                            "-Djava.util.logging.config.file=/dev/null");
            RunResult r = new Runner(b.build()).runSingle();
            double ms = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double mbps = mb / (ms / 1000);
            double lo = mb / ((ms + (Double.isNaN(err) ? 0 : err)) / 1000);
            Properties p = new Properties();
            if (Files.exists(f)) {
                try (var in = Files.newInputStream(f)) {
                    p.load(in);
                }
            }
            if (reader.equals("bare-readline")) {
                bare = mbps;
            }
            if (reader.equals("jvm-advisor")) {
                ours = mbps;
            }
            rows.add(new String[] {reader, fmt(mbps), fmt(mbps - lo), String.format(Locale.ROOT, "%.0f", ms),
                HEAP.getOrDefault(reader, "-Xmx8g"), mib(p.getProperty("heapPeakBytes")),
                mib(p.getProperty("rssPeakBytes")), p.getProperty("count", "?")});
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Log: %s (%.0f MB), Java %s, %d CPUs%n%n", log, mb, Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        sb.append("| reader | MB/s | ± | ms per read | heap limit | peak heap MiB | peak RSS MiB | pauses (lines for "
                + "the bare loop) |\n|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (String[] row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (ours != null) {
            sb.append('\n');
            if (bare != null) {
                sb.append(String.format(Locale.ROOT, "jvm-advisor / bare readLine loop: %.2fx%n", ours / bare));
            }
            for (String[] row : rows) {
                if (row[0].equals("gcviewer") || row[0].equals("gctoolkit")) {
                    sb.append(String.format(Locale.ROOT, "jvm-advisor / %s: %.1fx%n", row[0],
                            ours / Double.parseDouble(row[1])));
                }
            }
        }
        System.out.println();
        System.out.print(sb);
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), sb.toString());
        }
    }

    private static Path makeLog(Map<String, String> opt) throws IOException {
        long sizeMb = Long.parseLong(opt.getOrDefault("size-mb", "512"));
        Path base = Path.of(opt.getOrDefault("base", "../shared/corpus/gclog/generated/jdk17-g1-full.log.gz"));
        if (!Files.exists(base)) {
            throw new IllegalArgumentException("no base log " + base + "; give --base LOG (a real unified GC log) or --log");
        }
        String name = base.getFileName().toString().replaceAll("\\.log(\\.gz)?$", "") + "-" + sizeMb + "m.log";
        Path out = Path.of("bench-data", name);
        if (!Files.exists(out)) {
            Files.createDirectories(out.getParent());
            LargeLogMaker.Made m = LargeLogMaker.make(base, out, sizeMb * 1024 * 1024);
            System.out.printf(Locale.ROOT, "made %s: %d bytes, %d copies of %s%n", out, m.bytes(), m.copies(), base);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String mib(String bytes) {
        if (bytes == null) {
            return "?";
        }
        long b = Long.parseLong(bytes);
        return b < 0 ? "?" : String.valueOf(b >> 20);
    }
}
