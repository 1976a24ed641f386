package io.github.jvmadvisor.rules.testing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * A request loop whose latency tail comes from stop-the-world collections: a live set of many small linked
 * objects that is replaced piece by piece (so the old generation fills with garbage and full collections
 * mark and compact the whole live set), and "requests" that look up and allocate, timed in nanoseconds into
 * an HdrHistogram interval log with absolute timestamps ({@code latency.hlog}, tag {@code request}).
 *
 * <p>Arguments: {@code outDir seconds liveMiB intervalMillis}. Prints {@code done <requests>}.
 */
public final class TailWorkload {

    private TailWorkload() {
    }

    static final class Node {
        final long a;
        Node next;
        final byte[] pad = new byte[48];

        Node(long a, Node next) {
            this.a = a;
            this.next = next;
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int liveMiB = Integer.parseInt(args[2]);
        long intervalMillis = Long.parseLong(args[3]);
        int slots = 4096;
        int perSlot = Math.max(1, liveMiB * 1024 * 1024 / 96 / slots);
        Node[] live = new Node[slots];
        for (int s = 0; s < slots; s++) {
            live[s] = chain(perSlot);
        }
        Recorder rec = new Recorder(3);
        long requests = 0;
        long sum = 0;
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("latency.hlog")), false, "US-ASCII")) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            long start = System.currentTimeMillis();
            w.outputLogFormatVersion();
            w.outputStartTime(start);
            w.outputLegend();
            rec.getIntervalHistogram();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long nextFlush = System.nanoTime() + intervalMillis * 1_000_000;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                int s = rnd.nextInt(slots);
                sum += live[s].a;
                byte[] garbage = new byte[256];
                sum += garbage.length;
                if (rnd.nextInt(4) == 0) {
                    live[s] = chain(perSlot);
                }
                long t1 = System.nanoTime();
                rec.recordValue(t1 - t0);
                requests++;
                if (t1 >= nextFlush) {
                    Histogram h = rec.getIntervalHistogram();
                    h.setTag("request");
                    w.outputIntervalHistogram(h);
                    nextFlush += intervalMillis * 1_000_000;
                }
            }
            Histogram h = rec.getIntervalHistogram();
            h.setTag("request");
            w.outputIntervalHistogram(h);
        }
        System.out.println("done " + requests + " " + (sum & 1));
    }

    static Node chain(int n) {
        Node head = null;
        for (int i = 0; i < n; i++) {
            head = new Node(i, head);
        }
        return head;
    }
}
