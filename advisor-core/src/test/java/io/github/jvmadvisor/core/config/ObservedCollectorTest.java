package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.Evidence;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collector that ran is the one the run's own log names: a container size given beside the log predicts
 * the ergonomic choice (Serial below 1792 MB), but a run made with -XX:MaxRAM=1g picked G1, because MaxRAM
 * does not change the collector. A collector chosen on the command line stays what the options say.
 */
class ObservedCollectorTest {

    static final Path G1_LOG = Path.of("..", "examples", "g1-small-heap", "gc.log.gz");

    @Test
    void theLogsCollectorWinsOverAnErgonomicPrediction() {
        assertEquals(Collector.SERIAL, CommandLineConfig.of("-XX:MaxRAM=1g", 1L << 30, 2.0, 17).collector(),
                "the prediction for a 1 GB container");
        Evidence e = Analyzer.analyze(List.of(G1_LOG), GcEventListener.none(),
                CommandLineConfig.of("-XX:MaxRAM=1g", 1L << 30, 2.0, 17));
        assertEquals(Collector.G1, e.jvm().orElseThrow().collector());
        assertEquals(1L << 30, e.jvm().orElseThrow().container().memoryLimitBytes(), "the container is kept");
    }

    @Test
    void aCollectorTheOptionsSelectStays() {
        Evidence e = Analyzer.analyze(List.of(G1_LOG), GcEventListener.none(),
                CommandLineConfig.of("-XX:+UseParallelGC", null, null, 17));
        assertEquals(Collector.PARALLEL, e.jvm().orElseThrow().collector());
    }
}
