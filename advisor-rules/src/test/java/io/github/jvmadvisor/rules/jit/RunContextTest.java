package io.github.jvmadvisor.rules.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import io.github.jvmadvisor.rules.observability.GcLogHygiene;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.rules.testing.JitRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run context on real inputs: the recording of a 1.5 s run that compiles more than it computes (JIT-04 advises
 * C1 only for a service), the same inside a JMH fork (following C1-only there cost a benchmark 62 % of its score),
 * JMH result files of the shared corpus in single-shot and throughput modes, and the whole rule set.
 */
class RunContextTest {

    static final int JDK = 17;

    private static Report advise(RuleSet rules, Evidence e, RunContext c, boolean measuresStartup) {
        return Advisor.builder().rules(rules).targetJdk(JDK).runContext(c).measuresStartup(measuresStartup).build()
                .advise(e);
    }

    /** The recording's evidence with the benchmark results of a JMH result file, as JmhAdvice joins a fork to its run. */
    private static Evidence withResults(Evidence e, String corpusFile) {
        Evidence results = Analyzer.analyze(List.of(SharedCorpus.require().resolve("jmh").resolve(corpusFile)));
        assertFalse(results.benchmarks().isEmpty(), corpusFile);
        return new Evidence(e.inputs(), e.gcAnalysis(), e.jvm(), e.resources(), e.agreements(), e.latency(),
                results.benchmarks(), e.allocation(), e.jit(), e.cpu());
    }

    private static boolean setsC1Only(Report r) {
        return r.recommendations().stream().anyMatch(x -> x.flags().contains("-XX:TieredStopAtLevel=1"))
                || r.commandLine().options().contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void c1OnlyForAServiceNotInsideAJmhForkOrATestJvm() {
        RuleSet jit04 = RuleSet.of(new ShortLivedCompilation());
        Evidence e = JitRuns.profiled();
        // a service: fires as it did
        Report service = advise(jit04, e, RunContext.SERVICE, false);
        assertEquals(1, Advice.findings(service).size());
        assertTrue(setsC1Only(service), service.recommendations()::toString);
        // a JMH fork or a test JVM measuring steady state: not applicable, with why
        for (RunContext c : List.of(RunContext.JMH_FORK, RunContext.TEST_JVM)) {
            Report r = advise(jit04, e, c, false);
            Report.NotApplicable na = Advice.notApplicable(r);
            assertTrue(na.reason().contains("steady state") && na.reason().contains(c.label()), na::toString);
            assertTrue(r.findings().isEmpty() && !setsC1Only(r), r.recommendations()::toString);
            assertEquals(c, r.runContext());
        }
        // a single-shot fork measures start-up: the advice is back
        assertTrue(setsC1Only(advise(jit04, e, RunContext.JMH_FORK, true)));
        // the start-up check of a service keeps it
        assertTrue(setsC1Only(advise(jit04, e, RunContext.STARTUP_CHECK, false)));
    }

    @Test
    void theBenchmarkResultsSayWhetherStartUpIsMeasured() {
        RuleSet jit04 = RuleSet.of(new ShortLivedCompilation());
        // jcasbin: 7 of 37 runs single-shot; json-bench: throughput only
        assertTrue(setsC1Only(advise(jit04, withResults(JitRuns.profiled(), "jcasbin__jmh-result.json"),
                RunContext.JMH_FORK, false)));
        Report thrpt = advise(jit04, withResults(JitRuns.profiled(), "json-bench__jmh-result.json"), RunContext.JMH_FORK,
                false);
        assertFalse(setsC1Only(thrpt));
        Advice.notApplicable(thrpt);
    }

    @Test
    void theWholeRuleSetInAJmhForkNeverSuggestsC1OnlyAndSaysTheContext() {
        RuleSet all = RuleSet.load(RunContextTest.class.getClassLoader());
        Evidence e = JitRuns.profiled();
        Report service = advise(all, e, RunContext.SERVICE, false);
        Report fork = advise(all, e, RunContext.JMH_FORK, false);
        assertTrue(setsC1Only(service), service.recommendations()::toString);
        assertFalse(setsC1Only(fork), fork.recommendations()::toString);
        assertTrue(fork.notApplicable().stream().anyMatch(n -> n.ruleId().equals("JIT-04")));
        assertTrue(AdviceJson.toJson(fork).contains("\"runContext\" : \"jmh-fork\"")
                || AdviceJson.toJson(fork).contains("\"runContext\":\"jmh-fork\""), () -> AdviceJson.toJson(fork));
        assertFalse(AdviceJson.toJson(service).contains("runContext"));
        assertTrue(AdviceText.render(fork).contains("run as a JMH fork"));
        assertFalse(AdviceText.render(service).contains("run as "));
    }

    @Test
    void theHarnessGcLogIsNotJudgedInAFork() {
        // the option AdvisorProfiler gives each fork: a fixed file name, no rotation
        String profilerOptions = "-Xlog:gc*,safepoint:file=/tmp/jvm-advisor/a.B.m-thrpt/fork-1/gc.log:time,uptime,level,tags";
        Evidence e = Advice.ofCommandLine(profilerOptions, null, null, JDK);
        RuleSet obs07 = RuleSet.of(new GcLogHygiene());
        assertEquals(1, Advice.findings(advise(obs07, e, RunContext.SERVICE, false)).size());
        for (RunContext c : List.of(RunContext.JMH_FORK, RunContext.TEST_JVM)) {
            Report.NotApplicable na = Advice.notApplicable(advise(obs07, e, c, false));
            assertTrue(na.reason().contains("harness"), na::toString);
        }
    }
}
