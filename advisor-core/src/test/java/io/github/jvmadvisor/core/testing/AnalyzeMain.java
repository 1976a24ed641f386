package io.github.jvmadvisor.core.testing;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/** Analyses one file in a child JVM and prints what a test needs: pauses, lines, peak heap use. */
public final class AnalyzeMain {

    private AnalyzeMain() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Evidence e = Analyzer.analyze(List.of(Path.of(args[0])));
        long t1 = System.nanoTime();
        GcMetrics m = e.gc().orElseThrow().metrics();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("pauses=" + m.pauses().count() + " lines=" + e.inputs().get(0).lines() + " unknown="
                + e.inputs().get(0).unknownLines() + " runs=" + m.runs() + " peakHeapBytes=" + peakHeap
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory() + " millis=" + (t1 - t0) / 1_000_000);
    }
}
