package io.github.jvmadvisor.benchmarks;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One whole read of a GC log file per operation, by one of: jvm-advisor, a bare
 * {@code BufferedReader.readLine} loop (the ceiling for line-based reading), GCToolKit 3.5.0,
 * GCViewer 1.36. Run through {@link ReadBenchmarks}, which turns times into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GcLogReadBenchmark {

    /** Which reader. */
    @Param({"jvm-advisor", "bare-readline", "gcviewer", "gctoolkit"})
    public String reader;

    /** The log file. */
    @Param({""})
    public String log;

    private Path path;
    private long lastCount;

    @Setup(Level.Trial)
    public void setUp() {
        path = Path.of(log);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no log file " + log);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    @Benchmark
    public long read() throws Exception {
        long n;
        switch (reader) {
            case "jvm-advisor":
                Evidence e = Analyzer.analyze(List.of(path));
                n = e.gc().orElseThrow().metrics().pauses().count();
                break;
            case "bare-readline":
                n = 0;
                try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    while (r.readLine() != null) {
                        n++;
                    }
                }
                break;
            case "gcviewer":
                n = GcViewerReader.read(path)[0];
                break;
            case "gctoolkit":
                n = GcToolkitReader.read(path)[0];
                break;
            default:
                throw new IllegalArgumentException("unknown reader " + reader);
        }
        lastCount = n;
        return n;
    }

    /** Writes what the runner reports beside the time: peak heap, peak resident memory, the count. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String out = System.getProperty("bench.facts");
        if (out != null) {
            Files.writeString(Path.of(out), "count=" + lastCount + "\nheapPeakBytes=" + heapPeak + "\nrssPeakBytes="
                    + rssPeak() + "\nmaxHeapBytes=" + Runtime.getRuntime().maxMemory() + "\n");
        }
    }

    /** VmHWM of /proc/self/status, in bytes, or -1 off Linux. */
    static long rssPeak() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
