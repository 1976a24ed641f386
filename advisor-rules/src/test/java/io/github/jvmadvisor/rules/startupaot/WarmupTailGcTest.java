package io.github.jvmadvisor.rules.startupaot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.GcInWarmupWorkload;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AOT-02 against a full collection during warm-up: {@link GcInWarmupWorkload} serves 2000 paced requests a
 * second for 12 s over a 150 MB live set on Parallel and calls {@code System.gc()} 0.25 s in, inside the
 * warm-up window (the first fifth of a short log: about 2.4 s, time for the requests that waited out the pause
 * to complete in; with 300 MB live the pause took up to 2.1 s on a loaded host and the catch-up fell outside). The requests due during the pause wait it out, so that interval's
 * p99 is the pause. Read alone, the latency log shows a warm-up tail; with the GC log of the same run (time
 * decorator, lined up on the wall clock) the interval is the collection's, and it is no case for a CDS
 * archive or an AOT cache. Found by the verified-advice suite: on JDK 25 the request loop on Parallel got
 * AOT-02 ranked above the collector change.
 */
class WarmupTailGcTest {

    @TempDir
    static Path dir;
    static Path hlog;
    static Path gcLog;
    static double pauseMillis;

    @BeforeAll
    static void run() throws Exception {
        gcLog = dir.resolve("gc.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmx1g",
                "-Xlog:gc*:file=" + gcLog + ":time,uptime,level,tags"), GcInWarmupWorkload.class,
                List.of(dir.toString(), "12", "150", "0.25", "2000", "250"), 120).requireSuccess();
        hlog = dir.resolve("latency.hlog");
        Pause longest = Advice.of(List.of(gcLog), null, null, null, 17).gc().orElseThrow().longestPauses().get(0);
        assertTrue(longest.cause() != null && longest.cause().contains("System.gc"), longest::toString);
        pauseMillis = longest.durationNanos() / 1e6;
    }

    /** The latency log's intervals (start s, p99 ms, count) for failure messages. */
    static String intervals() {
        StringBuilder b = new StringBuilder();
        Advice.of(List.of(hlog), null, null, null, 17).latency().get(0).series().get(0).intervals()
                .forEach(i -> b.append(String.format(java.util.Locale.ROOT, " [%.3f s %.1f ms n=%d]", i.startSeconds(),
                        i.summary().p99() / 1e6, i.summary().count())));
        return b.toString();
    }

    static Optional<Finding> aot02(Evidence e) {
        Report r = Advice.run(new WarmupTail(), e, 17);
        List<Finding> f = Advice.findings(r);
        assertTrue(f.size() <= 1, f::toString);
        return f.stream().findFirst();
    }

    static Optional<Double> figure(Finding f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().map(Figure::value);
    }

    @Test
    void theLatencyLogAloneTakesTheCollectionForWarmUp() {
        // the full collection marks and compacts 150 MB: long enough to dwarf the requests' own time
        assertTrue(pauseMillis >= 30, () -> "pause " + pauseMillis + " ms");
        Finding f = aot02(Advice.of(List.of(hlog), null, null, null, 17).withLatencyUnit(LatencyUnit.NANOSECONDS))
                .orElseThrow(() -> new AssertionError("no AOT-02 finding; pause " + pauseMillis + " ms; " + intervals()));
        double warm = figure(f, "warm-up p99").orElseThrow();
        assertTrue(warm >= 0.5 * pauseMillis, () -> "warm-up p99 " + warm + " ms, pause " + pauseMillis + " ms: " + f
                + intervals());
        assertTrue(figure(f, "warm-up intervals a GC pause explains").isEmpty(), f::toString);
    }

    @Test
    void withTheGcLogOfTheSameRunTheCollectionIsLeftOut() {
        Evidence both = both();
        // with the default ratio: no case for an archive, or one on the JIT's warm-up tail alone
        aot02(both).ifPresent(x -> assertTrue(figure(x, "warm-up p99").orElseThrow() < 0.5 * pauseMillis, x::toString));
        // with any ratio, the finding shows what was left out and what remained
        Finding f = Advice.only(advise(both, "ratio", "1"));
        double warm = figure(f, "warm-up p99").orElseThrow();
        assertTrue(warm < 0.5 * pauseMillis, () -> "warm-up p99 " + warm + " ms, pause " + pauseMillis + " ms: " + f);
        assertTrue(figure(f, "warm-up intervals a GC pause explains").orElseThrow() >= 1, f::toString);
        assertTrue(f.explanation().contains("GC pause explains"), f::explanation);
    }

    /** The latency log (nanoseconds, which HdrHistogram logs do not say) with the GC log of the same run. */
    static Evidence both() {
        return Advice.of(List.of(hlog, gcLog), "-XX:+UseParallelGC -Xms1g -Xmx1g", null, null, 17)
                .withLatencyUnit(LatencyUnit.NANOSECONDS);
    }

    static Report advise(Evidence e, String parameter, String value) {
        return Advisor.builder().rules(RuleSet.of(new WarmupTail())).targetJdk(17)
                .parameter("AOT-02." + parameter, value).build().advise(e);
    }

    @Test
    void withoutAUnitTheLogsCannotBeLinedUp() {
        // the latency values' unit unknown: a pause cannot be compared with them, so nothing is left out
        Finding f = aot02(Advice.of(List.of(hlog, gcLog), "-XX:+UseParallelGC -Xms1g -Xmx1g", null, null, 17))
                .orElseThrow();
        assertEquals(Optional.empty(), figure(f, "warm-up intervals a GC pause explains"));
        assertTrue(f.explanation().contains("unit unknown"), f::explanation);
    }

    @Test
    void theShareOfThePauseIsAParameter() {
        // with a share no pause reaches, the interval counts as warm-up again
        Report r = advise(both(), "pauseShare", "1000");
        Finding f = Advice.only(r);
        assertTrue(figure(f, "warm-up p99").orElseThrow() >= 0.5 * pauseMillis, f::toString);
        assertEquals(Optional.empty(), figure(f, "warm-up intervals a GC pause explains"));
    }
}
