package io.github.jvmadvisor.core.testing;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A child-JVM workload that measures its own operations the way a load generator does: the time of
 * each map lookup ({@code read}) and each allocating insert ({@code write}), in nanoseconds, recorded
 * with HdrHistogram {@link Recorder}s and written with {@link HistogramLogWriter} as a tagged interval
 * log twice (relative timestamps with {@code BaseTime}, and absolute timestamps), plus the whole run of
 * {@code read} as percentile tables ({@code .hgrm}, plain and CSV, in microseconds).
 *
 * <p>Arguments: {@code outDir intervals intervalMillis}. Prints what a test checks the readers
 * against: {@code jvmStart <ms>}, {@code interval <tag> <startMs> <count> <max>} per interval,
 * {@code total <tag> <count> <max> <p50> <p90> <p99> <p999> <mean>}, then {@code done}.
 */
public final class LatencyWorkload {

    private LatencyWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int intervals = Integer.parseInt(args[1]);
        long intervalMillis = Long.parseLong(args[2]);
        System.out.println("jvmStart " + ManagementFactory.getRuntimeMXBean().getStartTime());
        Map<String, Recorder> recorders = Map.of("read", new Recorder(3), "write", new Recorder(3));
        Map<String, Histogram> totals = Map.of("read", new Histogram(3), "write", new Histogram(3));
        Map<Integer, byte[]> map = new HashMap<>();
        List<byte[]> sink = new ArrayList<>();
        try (PrintStream rel = new PrintStream(Files.newOutputStream(out.resolve("latency.hlog")), false, "US-ASCII");
                PrintStream abs = new PrintStream(Files.newOutputStream(out.resolve("latency-absolute.hlog")), false,
                        "US-ASCII")) {
            HistogramLogWriter relative = new HistogramLogWriter(rel);
            HistogramLogWriter absolute = new HistogramLogWriter(abs);
            long start = System.currentTimeMillis();
            relative.outputComment("[Logged by LatencyWorkload]");
            relative.outputLogFormatVersion();
            relative.setBaseTime(start);
            relative.outputBaseTime(start);
            relative.outputStartTime(start);
            relative.outputLegend();
            absolute.outputLogFormatVersion();
            absolute.outputStartTime(start);
            absolute.outputLegend();
            for (int i = 0; i < intervals; i++) {
                long end = System.nanoTime() + intervalMillis * 1_000_000;
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int key = rnd.nextInt(50_000);
                    long t0 = System.nanoTime();
                    byte[] v = map.get(key);
                    long t1 = System.nanoTime();
                    recorders.get("read").recordValue(t1 - t0);
                    if (v == null) {
                        long t2 = System.nanoTime();
                        map.put(key, new byte[64 + rnd.nextInt(1024)]);
                        long t3 = System.nanoTime();
                        recorders.get("write").recordValue(t3 - t2);
                    } else if (rnd.nextInt(8) == 0) {
                        sink.add(v);
                        if (sink.size() > 10_000) {
                            sink.clear();
                        }
                    }
                }
                for (String tag : List.of("read", "write")) {
                    Histogram h = recorders.get(tag).getIntervalHistogram();
                    h.setTag(tag);
                    relative.outputIntervalHistogram(h);
                    absolute.outputIntervalHistogram(h);
                    totals.get(tag).add(h);
                    System.out.println("interval " + tag + " " + h.getStartTimeStamp() + " " + h.getTotalCount() + " "
                            + h.getMaxValue());
                }
            }
        }
        for (String tag : List.of("read", "write")) {
            Histogram t = totals.get(tag);
            System.out.println(String.format(Locale.ROOT, "total %s %d %d %d %d %d %d %s", tag, t.getTotalCount(),
                    t.getMaxValue(), t.getValueAtPercentile(50), t.getValueAtPercentile(90),
                    t.getValueAtPercentile(99), t.getValueAtPercentile(99.9), Double.toString(t.getMean())));
        }
        Histogram read = totals.get("read");
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("read.hgrm")), false, "US-ASCII")) {
            read.outputPercentileDistribution(ps, 5, 1000.0);
        }
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("read-csv.hgrm")), false, "US-ASCII")) {
            read.outputPercentileDistribution(ps, 5, 1000.0, true);
        }
        System.out.println("done " + map.size() + " " + sink.size());
    }
}
