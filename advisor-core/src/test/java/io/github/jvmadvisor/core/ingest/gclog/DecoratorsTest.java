package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.testing.GcRuns;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every unified-logging decorator, alone and combined, in any order on the command line, with
 * {@code gc} and {@code gc*} at info and debug: real logs from a child JVM must read with no unknown
 * line and with the pauses a plain pattern count finds.
 */
class DecoratorsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> decorations() {
        List<Arguments> out = new ArrayList<>();
        String[] single = {"uptime", "uptimemillis", "uptimenanos", "time", "utctime", "timemillis", "timenanos",
            "level", "tags", "pid", "tid", "hostname"};
        for (String d : single) {
            out.add(Arguments.of("gc*", d));
        }
        out.add(Arguments.of("gc*", "")); // the default: uptime,level,tags
        out.add(Arguments.of("gc", "none"));
        out.add(Arguments.of("gc*", "time,utctime,uptime,timemillis,uptimemillis,timenanos,uptimenanos,hostname,pid,"
                + "tid,level,tags"));
        out.add(Arguments.of("gc*", "tags,level,tid,pid,hostname,uptimenanos,timenanos,uptimemillis,timemillis,"
                + "uptime,utctime,time"));
        out.add(Arguments.of("gc*", "t,u,l,tg"));
        out.add(Arguments.of("gc*", "utc,pid,tags")); // as Elasticsearch ships it
        out.add(Arguments.of("gc*", "time,uptimemillis"));
        out.add(Arguments.of("gc", "uptime,level,tags"));
        out.add(Arguments.of("gc*=debug", "time,uptime,level,tags"));
        out.add(Arguments.of("gc*,gc+heap=debug,gc+phases=debug,gc+age=trace,gc+cpu,gc+metaspace,gc+ergo,gc+init,"
                + "safepoint", "uptime,level,tags"));
        return out.stream();
    }

    @ParameterizedTest(name = "-Xlog:{0}:file=gc.log:{1}")
    @MethodSource("decorations")
    void readsEveryDecoration(String what, String decorators) throws Exception {
        Path log = dir.resolve("gc.log");
        String xlog = "-Xlog:" + what + ":file=" + log + (decorators.isEmpty() ? "" : ":" + decorators);
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m", xlog), 0.7, 16);

        GcLogResult r = GcLogReader.read(log);
        assertEquals(0, r.summary().unknownLines(), () -> "unknown lines: " + r.summary().issues());
        assertEquals(0, r.summary().foreignLines(), () -> "lines taken for application output: "
                + r.summary().issues());
        GcMetrics m = r.analysis().metrics();
        long expected = GcRuns.countPauseLines(List.of(log));
        assertTrue(expected > 3, "the workload should have collected a few times");
        assertNotNull(m.pauses());
        assertEquals(expected, m.pauses().count(), "pauses");
        assertEquals(GcRuns.sumPauseNanos(List.of(log)) / 1e6, m.pauses().totalMillis(), 0.0005, "pause total");
        assertEquals(Collector.G1, r.analysis().setup().collector());
        boolean timed = decorators.isEmpty() || decorators.matches(".*(time|uptime|\\bt\\b|\\bu\\b|utc|millis|nanos).*");
        if (timed) {
            assertNotNull(m.durationSeconds(), "a time decorator gives a duration");
            assertTrue(m.durationSeconds() > 0.3, "duration " + m.durationSeconds());
            assertNotNull(m.allocationRateBytesPerSec());
        } else {
            assertNull(m.durationSeconds(), "no time decorator, no duration");
            assertNull(m.stwFraction());
        }
        assertEquals(1, m.runs());
    }
}
