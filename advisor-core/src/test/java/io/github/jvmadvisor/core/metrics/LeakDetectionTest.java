package io.github.jvmadvisor.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.ingest.gclog.GcLogReader;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.LeakyWorkload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A live set that keeps rising is flagged, and its slope is about the leak rate. */
class LeakDetectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseZGC", "-XX:+UseParallelGC"})
    void leakingRunIsFlagged(String collector) throws Exception {
        Path log = dir.resolve("gc.log");
        double leakMiBPerSecond = 25;
        ChildJvm.run(Jdks.current(), dir, List.of(collector, "-Xmx256m", "-Xlog:gc*:file=" + log + ":uptime,level,tags"),
                LeakyWorkload.class, List.of("8", String.valueOf(leakMiBPerSecond)), 120).requireSuccess();
        GcMetrics.LiveSet ls = GcLogReader.read(log).analysis().metrics().liveSet();
        assertTrue(ls.leakSuspect(), "leak flagged: " + ls);
        double slopeMiB = ls.trendBytesPerSec() / 1048576;
        assertEquals(leakMiBPerSecond, slopeMiB, leakMiBPerSecond * 0.35, "slope about the leak rate: " + ls);
        assertTrue(ls.trendSignificance() < 0.01);
    }
}
