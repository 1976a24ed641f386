package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A well-configured run, advised with every rule for the balanced, latency and throughput goals: no
 * warning-level recommendation, on each JDK here.
 * The workload makes no large arrays. The JVM has a collector chosen on purpose, a heap several times its live set, GC logging with
 * rotation, a continuous recording, and OOM diagnostics; the workload keeps a small live set.
 */
class ControlRunTest {

    @TempDir
    Path dir;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aWellConfiguredRunGetsNoWarning(Jdks.Jdk jdk) throws Exception {
        Path log = dir.resolve("gc-" + jdk.feature() + ".log");
        Path jfr = dir.resolve("rec-" + jdk.feature() + ".jfr");
        // 1 GB, not 512 MB: the workload allocates about 4.6 GB/s per core, and in 512 MB G1's GC CPU share was
        // 15.7-15.9 % in three of four runs on an idle host, at G1-05's 15 % warning line; in 1 GB it is 8.6 %
        List<String> options = new ArrayList<>(List.of("-XX:+UseG1GC", "-Xms1g", "-Xmx1g",
                "-Xlog:gc*,safepoint:file=" + log + ":time,uptime,level,tags:filecount=5,filesize=20M",
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true",
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dir + "/", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxDirectMemorySize=64m"));
        // 12 s, not 4: a service, not a short process. JIT-04 rightly calls a run of at most 10 s whose compilation
        // takes over a quarter of its CPU a short run (C1 only may pay); a 4 s control crossed that line on a busy
        // host (5.4 s, compilation 57 % of the JVM's CPU) and passed on an idle one
        ChildJvm.run(jdk, dir, options, ChurnWorkload.class, List.of("12", "16", "2", "0"), 120).requireSuccess();
        Evidence e = Analyzer.analyze(List.of(log, jfr), GcEventListener.none(), null);
        // not the footprint goal: a 512 MB heap for a live set of about 20-30 MB is rightly called
        // over-sized when memory is what the user wants to save (HEAP-04)
        for (Goal goal : List.of(Goal.BALANCED, Goal.LATENCY, Goal.THROUGHPUT)) {
            Report r = Advisor.builder().targetJdk(jdk.feature()).goal(goal).build().advise(e);
            assertTrue(r.errors().isEmpty(), () -> "rules failed: " + r.errors());
            assertTrue(r.recommendations(Severity.WARNING).isEmpty(),
                    () -> "JDK " + jdk.feature() + ", goal " + goal.id() + ":\n" + AdviceText.render(r));
        }
    }
}
