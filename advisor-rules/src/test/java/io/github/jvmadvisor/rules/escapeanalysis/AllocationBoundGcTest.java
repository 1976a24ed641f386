package io.github.jvmadvisor.rules.escapeanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.Report;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALLOC-01 on a child JVM that allocates gigabytes per second into a small young generation. */
class AllocationBoundGcTest {

    @TempDir
    Path dir;

    @Test
    void allocationBoundGcFiresQuietsAndNeedsGcCpu() throws Exception {
        Path log = dir.resolve("alloc.log");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseParallelGC", "-Xmx512m", "-Xmn16m",
                "-Xlog:gc*:file=" + log + ":time,uptime,level,tags"), ChurnWorkload.class, List.of("3", "48", "2", "0"), 60)
                .requireSuccess();
        Evidence e = Advice.of(List.of(log), null, null, null, 17);
        GcMetrics m = e.gc().orElseThrow().metrics();
        double perCore = m.allocationRateBytesPerSec() / 2;
        assumeTrue(m.gcCpuFraction() > 0.10 && perCore > 1e9, () -> "this run: GC CPU " + m.gcCpuFraction()
                + ", allocation per core " + perCore);
        Report r = Advice.run(new AllocationBoundGc(), e, 17);
        Finding f = Advice.only(r);
        assertEquals(m.gcCpuFraction(), f.figures().get(0).value(), 1e-12);
        assertEquals(perCore, f.figures().get(1).value(), 1e-3);
        long lds = m.liveSet().bytes();
        assertEquals((double) lds, f.figures().get(2).value());
        assertTrue(f.recommendations().get(0).action() != null);
        long xmx = 512L << 20;
        long target = (lds + 2 * (xmx - lds) + (64L << 20) - 1) / (64L << 20) * (64L << 20);
        assertEquals("-Xmx" + io.github.jvmadvisor.core.rule.Units.optionSize(target),
                f.recommendations().get(1).changes().get(0).option());
        // quiet: the corpus G1 log has GC CPU but 300 MB live in 1 GB (and a modest allocation rate)
        Evidence corpus = Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-g1-default.log.gz")),
                null, null, null, 17);
        assertTrue(Advice.findings(Advice.run(new AllocationBoundGc(), corpus, 17)).isEmpty());
        // not applicable: ZGC logs have no gc,cpu lines
        assertEquals(List.of(EvidenceKind.GC_CPU), Advice.notApplicable(Advice.run(new AllocationBoundGc(),
                Advice.of(List.of(SharedCorpus.require().resolve("gclog/generated/jdk17-zgc-default.log.gz")), null, null,
                        null, 17), 17)).missing());
    }
}
