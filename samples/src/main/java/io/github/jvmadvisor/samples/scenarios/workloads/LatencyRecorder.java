package io.github.jvmadvisor.samples.scenarios.workloads;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Request latencies in nanoseconds, into an HdrHistogram interval log (one interval a second, written by
 * a daemon thread) and an overall histogram for the figures printed at the end.
 */
final class LatencyRecorder implements AutoCloseable {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Thread flusher;
    private Histogram interval;

    LatencyRecorder(Path hlog) throws FileNotFoundException {
        out = new PrintStream(hlog.toFile());
        writer = new HistogramLogWriter(out);
        long now = System.currentTimeMillis();
        writer.outputComment("request latency in nanoseconds, corrected for coordinated omission");
        writer.outputLogFormatVersion();
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputLegend();
        flusher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hlog-writer");
        flusher.setDaemon(true);
        flusher.start();
    }

    void record(long nanos) {
        recorder.recordValue(Math.min(nanos, TimeUnit.SECONDS.toNanos(60)));
    }

    private synchronized void flush() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        writer.outputIntervalHistogram(interval);
        out.flush();
    }

    /** Writes the last interval and prints {@code p99_ms}, {@code p999_ms} and {@code max_ms}. */
    @Override
    public void close() throws InterruptedException {
        flusher.interrupt();
        flusher.join();
        flush();
        out.close();
        Out.result("p99_ms", total.getValueAtPercentile(99) / 1e6);
        Out.result("p999_ms", total.getValueAtPercentile(99.9) / 1e6);
        Out.result("max_ms", total.getMaxValue() / 1e6);
        Out.result("requests", total.getTotalCount());
    }
}
