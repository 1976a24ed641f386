package io.github.jvmadvisor.rules.testing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A child-JVM workload with a warm-up tail: it times a CPU-bound request (sorting and hashing a small
 * array) from a cold start, so the first requests run interpreted and the later ones compiled, and writes
 * the times (nanoseconds) as an HdrHistogram interval log {@code warmup.hlog} in {@code outDir}.
 * Arguments: {@code outDir intervals intervalMillis}.
 */
public final class WarmupWorkload {

    static volatile long sink;

    private WarmupWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int intervals = Integer.parseInt(args[1]);
        long intervalMillis = Long.parseLong(args[2]);
        Recorder rec = new Recorder(3);
        int[] data = new int[256];
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("warmup.hlog")), false, "US-ASCII")) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            long start = System.currentTimeMillis();
            w.outputLogFormatVersion();
            w.setBaseTime(start);
            w.outputBaseTime(start);
            w.outputStartTime(start);
            w.outputLegend();
            long seed = 1;
            for (int i = 0; i < intervals; i++) {
                long end = System.nanoTime() + intervalMillis * 1_000_000;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    seed = request(data, seed);
                    rec.recordValue(System.nanoTime() - t0);
                }
                Histogram h = rec.getIntervalHistogram();
                w.outputIntervalHistogram(h);
            }
        }
        sink = data[0];
        System.out.println("done");
    }

    static long request(int[] data, long seed) {
        long s = seed;
        for (int i = 0; i < data.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            data[i] = (int) (s >>> 33);
        }
        java.util.Arrays.sort(data);
        long h = 0;
        for (int v : data) {
            h = h * 31 + v;
        }
        return s ^ h;
    }
}
