package io.github.jvmadvisor.rules.safepoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SP-03 and SP-04 on the per-pause GC CPU statistics (GcMetrics.PauseCpu): corpus logs written by child
 * JVMs on a shared 2-CPU machine (where GC threads really were starved), a clean public log, a ZGC log
 * without gc,cpu lines, and a recording whose jdk.GCCPUTime events give the same statistics as its GC log.
 */
class GcCpuRulesTest {

    @TempDir
    static Path dir;

    private static Path corpus(String name) {
        return SharedCorpus.require().resolve("gclog/" + name);
    }

    private static Evidence of(Path p) {
        return Advice.of(List.of(p), null, null, null, 17);
    }

    private static final Pattern CPU = Pattern.compile("User=([0-9.]+)s Sys=([0-9.]+)s Real=([0-9.]+)s");

    /** Independent count over the raw lines: {judged, inverted (limit 1.0), sys > user}, in hundredths. */
    private static long[] countLines(Path p) throws Exception {
        long[] out = new long[3];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = CPU.matcher(line);
                if (!m.find() || !line.contains("gc,cpu")) {
                    continue;
                }
                long u = Math.round(Double.parseDouble(m.group(1)) * 100);
                long s = Math.round(Double.parseDouble(m.group(2)) * 100);
                long real = Math.round(Double.parseDouble(m.group(3)) * 100);
                if (real < 1) {
                    continue;
                }
                out[0]++;
                // below 1.0 even with every figure rounded against it: u + s + 1 < real - 0.5
                if (2 * (u + s + 1) < 2 * real - 1) {
                    out[1]++;
                }
                if (s >= u + 1) {
                    out[2]++;
                }
            }
        }
        return out;
    }

    @Test
    void sp03FiresOnStarvedParallelPauses() throws Exception {
        Path log = corpus("generated/jdk17-parallel-full.log.gz");
        Evidence e = of(log);
        GcMetrics.PauseCpu p = e.gc().orElseThrow().metrics().pauseCpu();
        long[] raw = countLines(log);
        assertEquals(1.0, p.parallelismLimit());
        assertEquals(raw[0], p.judged());
        assertEquals(raw[1], p.inverted());
        assertTrue(p.inverted() >= 20, p::toString);
        Finding f = Advice.only(Advice.run(new InvertedParallelism(), e, 17));
        assertEquals((double) p.inverted() / p.judged(), f.figures().get(0).value(), 1e-9);
        assertEquals(p.inverted(), f.figures().get(1).value());
        assertEquals(p.judged(), f.figures().get(2).value());
        assertEquals(p.lowestParallelism(), f.figures().get(3).value());
        assertTrue(p.lowestParallelism() < 1.0);
        assertTrue(f.summary().startsWith(p.inverted() + " of " + p.judged()), f::summary);
        // ParallelGCThreads was not set: only the investigation, no flag
        assertTrue(f.recommendations().stream().allMatch(r -> r.changes().isEmpty()), f::toString);
    }

    @Test
    void sp03RemovesParallelGcThreadsAboveTheCpus() throws Exception {
        Evidence e = Advice.of(List.of(corpus("generated/jdk17-parallel-full.log.gz")), "-XX:ParallelGCThreads=8",
                null, 2.0, 17);
        Finding f = Advice.only(Advice.run(new InvertedParallelism(), e, 17));
        assertTrue(f.recommendations().get(0).changes().toString().contains("ParallelGCThreads"), f::toString);
    }

    @Test
    void sp04FiresOnSysOverUserPauses() throws Exception {
        // a few sys > user pauses in hundreds (3.7 %) on a shared machine: below the 5 % floor
        Path noisy = corpus("generated/jdk25-parallel-default.log.gz");
        Evidence n = of(noisy);
        GcMetrics.PauseCpu np = n.gc().orElseThrow().metrics().pauseCpu();
        assertEquals(countLines(noisy)[2], np.sysOverUser());
        assertTrue(np.sysOverUser() >= 10 && np.sysOverUserFraction() < 0.05, np::toString);
        assertTrue(Advice.findings(Advice.run(new SysOverUser(), n, 25)).isEmpty());
        // a G1 log where a quarter of the pauses spent more in the kernel
        Path log = corpus("public/gctoolkit/rotated/unified-g1/short_restart_4.log.3");
        Evidence e = of(log);
        GcMetrics.PauseCpu p = e.gc().orElseThrow().metrics().pauseCpu();
        long[] raw = countLines(log);
        assertEquals(raw[0], p.judged());
        assertEquals(raw[2], p.sysOverUser());
        assertEquals(6, p.sysOverUser());
        Finding f = Advice.only(Advice.run(new SysOverUser(), e, 17));
        assertEquals(io.github.jvmadvisor.core.rule.Severity.WARNING, f.severity(), f::toString);
        assertEquals(0.25, f.figures().get(0).value(), 1e-9);
        assertEquals(p.highestSysToUser(), f.figures().get(3).value());
        assertTrue(p.highestSysToUser() > 1.0);
        assertEquals(p.sysOverUser(), f.figures().get(1).value());
    }

    @Test
    void quietOnACleanLog() throws Exception {
        Evidence e = of(corpus("public/gctoolkit/unified/serial/factorization-serialgc-tip.log"));
        GcMetrics.PauseCpu p = e.gc().orElseThrow().metrics().pauseCpu();
        assertEquals(17, p.pauses());
        assertEquals(0.9, p.parallelismLimit());
        assertEquals(0, p.inverted());
        assertEquals(0, p.sysOverUser());
        assertTrue(Advice.findings(Advice.run(new InvertedParallelism(), e, 17)).isEmpty());
        assertTrue(Advice.findings(Advice.run(new SysOverUser(), e, 17)).isEmpty());
    }

    @Test
    void notApplicableWithoutGcCpuLines() {
        Evidence zgc = of(corpus("generated/jdk25-zgc-default.log.gz"));
        assertNull(zgc.gc().orElseThrow().metrics().pauseCpu());
        assertTrue(Advice.notApplicable(Advice.run(new InvertedParallelism(), zgc, 25)).reason().contains("applies to"));
        assertTrue(Advice.notApplicable(Advice.run(new SysOverUser(), zgc, 25)).reason().contains("applies to"));
        Evidence none = Advice.ofCommandLine("-Xmx1g", null, null, 17);
        assertTrue(Advice.notApplicable(Advice.run(new SysOverUser(), none, 17)).missing().contains(EvidenceKind.GC));
    }

    @Test
    void recordingGivesTheSameStatisticsAsTheLog() throws Exception {
        Path log = dir.resolve("par.log");
        Path jfr = dir.resolve("par.jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx64m",
                "-Xlog:gc*:file=" + log + ":time,uptime,level,tags",
                "-XX:StartFlightRecording:filename=" + jfr + ",settings=default"), ChurnWorkload.class,
                List.of("3", "24", "2"), 60).requireSuccess();
        GcMetrics.PauseCpu fromLog = of(log).gc().orElseThrow().metrics().pauseCpu();
        Evidence rec = of(jfr);
        GcMetrics.PauseCpu fromJfr = rec.gc().orElseThrow().metrics().pauseCpu();
        assertNotNull(fromLog);
        assertNotNull(fromJfr, "jdk.GCCPUTime (JDK 20+, backported to Debian 17.0.15)");
        assertTrue(fromJfr.pauses() > 0);
        // the recording starts after the first collections of the log at most
        assertTrue(fromJfr.pauses() <= fromLog.pauses() && fromJfr.pauses() >= fromLog.pauses() - 3,
                fromLog + " vs " + fromJfr);
        // nanosecond CPU times against hundredths: totals agree within 10 ms per pause
        assertEquals(fromLog.userMillis(), fromJfr.userMillis(), 10.0 * fromLog.pauses() + 1);
        assertEquals(1.0, fromJfr.parallelismLimit());
    }
}
