package io.github.jvmadvisor.rules.testing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A paced request loop with one long stop-the-world collection early in its run: a live set of many small
 * linked objects is built first, then requests (sorting a small array) are due at a fixed rate and timed
 * from when each was due, so the requests that wait out a pause record the wait (no coordinated omission).
 * At {@code gcAtSeconds} the loop calls {@code System.gc()}: under Serial or Parallel a full collection that
 * marks and compacts the whole live set. The latency log ({@code latency.hlog}, nanoseconds, tag
 * {@code request}) has absolute timestamps so it lines up with a GC log written with the {@code time}
 * decorator.
 *
 * <p>Arguments: {@code outDir seconds liveMiB gcAtSeconds requestsPerSecond intervalMillis}. Prints
 * {@code done <requests>}.
 */
public final class GcInWarmupWorkload {

    static volatile Object[] live;
    static volatile long sink;

    private GcInWarmupWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int liveMiB = Integer.parseInt(args[2]);
        double gcAt = Double.parseDouble(args[3]);
        int rate = Integer.parseInt(args[4]);
        long intervalNanos = Long.parseLong(args[5]) * 1_000_000;
        int slots = 1024;
        int perSlot = Math.max(1, liveMiB * 1024 * 1024 / 96 / slots);
        Object[] chains = new Object[slots];
        for (int s = 0; s < slots; s++) {
            chains[s] = TailWorkload.chain(perSlot); // many small linked objects, as TailWorkload keeps
        }
        live = chains;
        Recorder rec = new Recorder(3);
        int[] data = new int[256];
        long period = 1_000_000_000L / rate;
        long requests = 0;
        long seed = 1;
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("latency.hlog")), false, "US-ASCII")) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputLogFormatVersion();
            w.outputStartTime(System.currentTimeMillis());
            w.outputLegend();
            rec.getIntervalHistogram();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long gcDue = start + (long) (gcAt * 1e9);
            long nextFlush = start + intervalNanos;
            for (long due = start; due < end; due += period) {
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                }
                if (gcDue > 0 && System.nanoTime() >= gcDue) {
                    gcDue = 0;
                    System.gc();
                }
                seed = WarmupWorkload.request(data, seed);
                long done = System.nanoTime();
                rec.recordValue(done - due);
                requests++;
                if (done >= nextFlush) {
                    Histogram h = rec.getIntervalHistogram();
                    h.setTag("request");
                    w.outputIntervalHistogram(h);
                    while (nextFlush <= done) {
                        nextFlush += intervalNanos;
                    }
                }
            }
            Histogram h = rec.getIntervalHistogram();
            h.setTag("request");
            w.outputIntervalHistogram(h);
        }
        sink = seed ^ data[0];
        System.out.println("done " + requests);
    }
}
