package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SP-03: inverted parallelism. During a pause of a parallel collector the GC threads should burn more CPU
 * than the pause lasts ({@code (user + sys) / real >= 1}); when they burn less, they were waiting rather
 * than working: the CPUs were taken by other processes or throttled by a CPU quota, the threads waited on
 * I/O (page faults, swap), or there are more GC threads than CPUs. A single-threaded (Serial) pause is
 * inverted below 0.9. The numbers come from the per-pause CPU times ({@code gc,cpu}, {@code jdk.GCCPUTime});
 * the fix is on the host or in the thread counts (CPU-02, CPU-04), not in the collector.
 */
public final class InvertedParallelism implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoFraction", 0.05,
            "share of judged pauses (>= 10 ms) that are inverted (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN = Parameter.number("warnFraction", 0.25,
            "share of judged pauses that are inverted (0 to 1) at which it is a warning", true);
    static final Parameter<Long> MIN_PAUSES = Parameter.whole("minPauses", 3,
            "inverted pauses (count) needed before the rule speaks", true);

    @Override
    public String id() {
        return "SP-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "Inverted GC parallelism";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    /** The collectors that report CPU times per pause ({@code gc,cpu}, {@code jdk.GCCPUTime}). */
    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SERIAL, Collector.PARALLEL, Collector.G1, Collector.CMS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPUS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN, MIN_PAUSES);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics.PauseCpu p = ctx.metrics().pauseCpu();
        if (p == null || p.judged() == 0 || p.inverted() < ctx.param(MIN_PAUSES)) {
            return List.of();
        }
        double share = p.invertedFraction();
        if (share < ctx.param(INFO)) {
            return List.of();
        }
        Integer cpus = ctx.cpus();
        Integer threads = ctx.setup() == null ? null : ctx.setup().parallelWorkers();
        Long asked = ctx.asked("ParallelGCThreads") ? ctx.flagLong("ParallelGCThreads") : null;
        if (threads == null && asked != null) {
            threads = asked.intValue();
        }
        String limit = String.format(Locale.ROOT, "%.1f", p.parallelismLimit());
        Finding.Builder f = Finding.of(this, Scores.rising(share, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(Locale.ROOT, "%d of %d GC pauses of 10 ms or more had (user+sys)/real below %s "
                        + "(lowest %.2f): the GC threads waited instead of working", p.inverted(), p.judged(), limit,
                        p.lowestParallelism()))
                .explanation("In a pause the GC threads have the application stopped and should keep the CPUs busy: "
                        + "CPU time below wall time means they were runnable but not running (other processes, a CPU "
                        + "quota throttling the container), blocked on page faults or swap, or more numerous than the "
                        + "CPUs. The pause is then longer than the work needs.")
                .figure(Figure.share("inverted pauses", share))
                .figure(Figure.count("inverted pause count", p.inverted()))
                .figure(Figure.count("pauses judged", p.judged()))
                .figure(Figure.of("lowest parallelism", p.lowestParallelism(), "ratio"))
                .figure(Figure.of("parallelism limit", p.parallelismLimit(), "ratio"));
        if (threads != null) {
            f.figure(Figure.of("parallel GC threads", threads, "threads"));
        }
        if (cpus != null) {
            f.figure(Figure.of("CPUs", cpus, "cpus"));
        }
        if (asked != null && cpus != null && asked > cpus && ctx.collector() != Collector.SERIAL) {
            f.recommend(Recommendation.flags("Let the JVM size its GC threads to the " + cpus + " CPUs it has",
                            FlagChange.remove("ParallelGCThreads"))
                    .effect(Metric.LATENCY, "inverted pauses", Effect.Direction.DECREASE, null,
                            "no more GC threads than CPUs, so none waits for a CPU during the pause")
                    .confidence(0.6)
                    .risk("none expected: ergonomics derive ParallelGCThreads from the CPU count")
                    .references("rules.md SP-03", "rules.md CPU-04", "garbagecat warn.parallelism.inverted")
                    .build());
        }
        f.recommend(Recommendation.action("Find what takes the CPUs from the GC threads",
                        "Check CPU throttling of the container (CPU-02: jdk.ContainerCPUThrottling, cpu.stat "
                                + "nr_throttled), other processes on the host, swap and page-fault activity (SP-04, "
                                + "SP-06), and GC thread counts above the CPUs (CPU-04). Give the JVM whole CPUs: a limit "
                                + "at least equal to the request, or -XX:ActiveProcessorCount matching the quota.")
                .effect(Metric.LATENCY, "inverted pauses", Effect.Direction.DECREASE, null,
                        "pauses as short as the GC work, not the wait for a CPU")
                .confidence(0.5)
                .references("rules.md SP-03", "garbagecat warn.parallelism.inverted", "JMC GcInvertedParallelism")
                .build());
        return List.of(f.build());
    }
}
