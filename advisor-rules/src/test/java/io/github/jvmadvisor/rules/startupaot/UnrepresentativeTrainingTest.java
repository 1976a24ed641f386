package io.github.jvmadvisor.rules.startupaot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.WarmupWorkload;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AOT-04 on a real AOT cache (Temurin 25): {@link WarmupWorkload} is trained with
 * {@code -XX:AOTCacheOutput} on a short run that only starts it, then run from the cache. The cache holds
 * the classes, not the compiled hot path, so the warm-up tail stays. An AOT cache needs a class path of
 * jars, so the workload is put in one.
 */
class UnrepresentativeTrainingTest {

    @TempDir
    static Path dir;
    static Path hlog;
    static String cacheOption;

    @BeforeAll
    static void run() throws Exception {
        Jdks.Jdk jdk25 = Jdks.feature(25).orElse(null);
        assumeTrue(jdk25 != null, "no JDK 25 here: the AOT cache needs 24 or later");
        Path jar = dir.resolve("workload.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String name = WarmupWorkload.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(name));
            try (var in = WarmupWorkload.class.getClassLoader().getResourceAsStream(name)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        String hdr = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.contains("HdrHistogram")).findFirst().orElseThrow();
        String cp = jar + File.pathSeparator + hdr;
        Path aot = dir.resolve("app.aot");
        Path train = Files.createDirectories(dir.resolve("train"));
        ChildJvm.Result t = ChildJvm.raw(jdk25, dir, List.of("-XX:AOTCacheOutput=" + aot, "-cp", cp,
                WarmupWorkload.class.getName(), train.toString(), "2", "50"), 120);
        assertEquals(0, t.exitCode(), t::output);
        assertTrue(Files.size(aot) > 0, "the cache was written");
        cacheOption = "-XX:AOTCache=" + aot;
        Path prod = Files.createDirectories(dir.resolve("prod"));
        // how cold the start looks depends on the host (an idle one compiles fast enough that a run can show a
        // warm-up p99 under 3 times the steady one, and the rules rightly stay quiet): repeated, up to 3 times,
        // until the log itself shows 3.5; the tests that need the tail skip if none does
        for (int attempt = 0; attempt < 3; attempt++) {
            ChildJvm.Result p = ChildJvm.raw(jdk25, dir, List.of(cacheOption, "-XX:AOTMode=on", "-cp", cp,
                    WarmupWorkload.class.getName(), prod.toString(), "30", "100"), 120);
            // AOTMode=on: the run fails if the cache does not load, so the tail below is with the cache
            assertEquals(0, p.exitCode(), p::output);
            hlog = prod.resolve("warmup.hlog");
            ratio = Advice.warmupRatio(Advice.of(List.of(hlog), null, null, null, 25), 0.3);
            if (ratio >= 3.5) {
                break;
            }
        }
    }

    /** The cached run's warm-up ratio, measured by the test, not by the rules. */
    static double ratio;

    static void tailShows() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ratio >= 3.5,
                "three runs from the cache never started cold enough here (warm-up p99 ratio " + ratio + ")");
    }

    static Report advise(Evidence e) {
        return Advisor.builder().rules(RuleSet.of(new UnrepresentativeTraining(), new WarmupTail())).targetJdk(25)
                .parameter("AOT-04.warmupSeconds", "0.3").parameter("AOT-02.warmupSeconds", "0.3").build().advise(e);
    }

    @Test
    void aCacheThatLeavesTheWarmUpTailIsReported() {
        tailShows();
        Report r = advise(Advice.of(List.of(hlog), cacheOption + " -XX:AOTMode=on", null, null, 25));
        List<Finding> f = r.findings();
        assertEquals(List.of("AOT-04"), f.stream().map(Finding::ruleId).toList(), "AOT-02 leaves a cache in use to AOT-04");
        Finding x = f.get(0);
        double measured = x.figures().stream().filter(g -> g.name().equals("warm-up p99 ratio")).findFirst().orElseThrow().value();
        assertTrue(measured >= 3, x::toString);
        assertEquals(cacheOption, x.figures().get(0).text());
        assertTrue(r.recommendations().get(0).action().contains("AOTCacheOutput"), r.recommendations().get(0)::action);
    }

    @Test
    void withoutACacheItIsAot02sCase() {
        tailShows();
        Report r = advise(Advice.of(List.of(hlog), "-Xmx128m", null, null, 25));
        assertEquals(List.of("AOT-02"), r.findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void notApplicableWithoutLatencyOrOptions() {
        Report r = Advisor.builder().rules(RuleSet.of(new UnrepresentativeTraining())).targetJdk(25).build()
                .advise(Advice.of(List.of(hlog), null, null, null, 25));
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
        Report noLatency = Advisor.builder().rules(RuleSet.of(new UnrepresentativeTraining())).targetJdk(25).build()
                .advise(Advice.ofCommandLine(cacheOption, null, null, 25));
        assertEquals(List.of(EvidenceKind.LATENCY), Advice.notApplicable(noLatency).missing());
    }
}
