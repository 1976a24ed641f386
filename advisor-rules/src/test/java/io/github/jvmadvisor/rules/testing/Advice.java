package io.github.jvmadvisor.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs one rule through the real engine, for the fire / quiet / not-applicable tests every rule has.
 */
public final class Advice {

    private Advice() {
    }

    /** Evidence read from real files, with an optional command line and container memory. */
    public static Evidence of(List<Path> files, String jvmArgs, Long containerMemory, Double cpus, int jdk) {
        JvmConfig given = jvmArgs == null && containerMemory == null && cpus == null ? null
                : CommandLineConfig.of(jvmArgs == null ? "" : jvmArgs, containerMemory, cpus, jdk);
        return Analyzer.analyze(files, io.github.jvmadvisor.core.ingest.gclog.GcEventListener.none(), given);
    }

    /** Evidence of a command line alone, as {@code analyze --jvm-args} makes it. */
    public static Evidence ofCommandLine(String jvmArgs, Long containerMemory, Double cpus, int jdk) {
        return of(List.of(), jvmArgs, containerMemory, cpus, jdk);
    }

    /** The report of one rule on the evidence. */
    public static Report run(Rule rule, Evidence e, int targetJdk) {
        return run(rule, e, targetJdk, Goal.BALANCED);
    }

    /** The report of one rule on the evidence, for a goal. */
    public static Report run(Rule rule, Evidence e, int targetJdk, Goal goal) {
        return Advisor.builder().rules(RuleSet.of(rule)).targetJdk(targetJdk).goal(goal).build().advise(e);
    }

    /** The rule's findings; fails if it was not applicable or threw. */
    public static List<Finding> findings(Report r) {
        assertTrue(r.errors().isEmpty(), () -> "the rule threw: " + r.errors());
        assertTrue(r.notApplicable().isEmpty(), () -> "the rule did not run: " + r.notApplicable());
        return r.findings();
    }

    /** The one finding; fails unless there is exactly one. */
    public static Finding only(Report r) {
        List<Finding> f = findings(r);
        assertEquals(1, f.size(), () -> "findings: " + f);
        return f.get(0);
    }

    /** Asserts the rule was not applicable, for want of evidence or of the collector, and returns why. */
    public static Report.NotApplicable notApplicable(Report r) {
        assertTrue(r.errors().isEmpty(), () -> "the rule threw: " + r.errors());
        assertEquals(1, r.notApplicable().size(), () -> "expected not applicable: " + r.findings());
        return r.notApplicable().get(0);
    }

    /** The first recommendation of a finding that sets or removes {@code flag}, if any. */
    public static Optional<Report.Ranked> recommending(Report r, String flag) {
        return r.recommendations().stream().filter(x -> x.changes().stream().anyMatch(c -> c.name().equals(flag)))
                .findFirst();
    }

    /** The highest interval p99 of the first {@code seconds} over the median interval p99 after them. */
    public static double warmupRatio(Evidence e, double seconds) {
        double best = 0;
        for (var log : e.latency()) {
            for (var series : log.series()) {
                var used = series.intervals().stream().filter(i -> i.summary().count() > 0 && i.summary().p99() != null)
                        .toList();
                if (used.size() < 2) {
                    continue;
                }
                double t0 = used.get(0).startSeconds();
                double warm = 0;
                java.util.List<Double> steady = new java.util.ArrayList<>();
                for (var i : used) {
                    if (i.startSeconds() - t0 <= seconds) {
                        warm = Math.max(warm, i.summary().p99());
                    } else {
                        steady.add(i.summary().p99());
                    }
                }
                if (!steady.isEmpty()) {
                    steady.sort(null);
                    double median = steady.get(steady.size() / 2);
                    best = median > 0 ? Math.max(best, warm / median) : best;
                }
            }
        }
        return best;
    }
}
