package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CPU-04: GC or JIT thread counts set by hand ({@code ParallelGCThreads}, {@code ConcGCThreads},
 * {@code CICompilerCount}). Ergonomics derive them from the CPU count (rules.md §6.4) and follow it when
 * the container changes; a number copied from another machine does not. {@code ParallelGCThreads=1} with
 * a parallel collector makes every pause single-threaded, and more threads than CPUs oversubscribe them.
 * Co-location (several JVMs sharing CPUs on purpose) is the one good reason to keep them; the rule cannot
 * see it.
 */
public final class HandSetThreads implements Rule {

    private static final List<String> FLAGS = List.of("ParallelGCThreads", "ConcGCThreads", "CICompilerCount");

    @Override
    public String id() {
        return "CPU-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "GC or JIT thread counts set by hand";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPUS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Integer cpus = ctx.cpus();
        Collector c = ctx.collector();
        List<Finding> out = new ArrayList<>();
        for (String flag : FLAGS) {
            if (ctx.options().lastSetting(flag) == null && !ctx.asked(flag)) {
                continue;
            }
            Long n = ctx.flagLong(flag);
            if (n == null) {
                continue;
            }
            double score = 30;
            String why = flag + "=" + n + " is fixed by hand; ergonomics would follow the CPU count";
            boolean parallel = c == Collector.PARALLEL || c == Collector.G1 || c == Collector.ZGC
                    || c == Collector.SHENANDOAH;
            if (flag.equals("ParallelGCThreads") && n == 1 && parallel && (cpus == null || cpus > 1)) {
                score = 80;
                why = "ParallelGCThreads=1 makes every " + c.displayName() + " pause single-threaded"
                        + (cpus == null ? "" : " on " + cpus + " CPUs");
            } else if (cpus != null && n > cpus && !flag.equals("CICompilerCount")) {
                score = 60;
                why = flag + "=" + n + " is more threads than the " + cpus + " CPUs the JVM has: they oversubscribe them";
            }
            Finding.Builder fb = Finding.of(this, score)
                    .summary(why)
                    .explanation(why + ". Unless several JVMs share these CPUs on purpose, let ergonomics size it "
                            + "from the CPU count (-XX:ActiveProcessorCount if the count itself is wrong).")
                    .figure(Figure.of(flag, n, "count"));
            if (cpus != null) {
                fb.figure(Figure.of("CPUs", cpus, "cpus"));
            }
            out.add(fb.recommend(Recommendation.flags("Remove " + flag + ": let ergonomics size it",
                    FlagChange.remove(flag))
                    .effect(score >= 60 ? Metric.LATENCY : Metric.THROUGHPUT, "GC pause time",
                            score >= 60 ? Effect.Direction.DECREASE : Effect.Direction.DECREASE, null,
                            "thread counts that match the CPUs")
                    .confidence(score >= 60 ? 0.8 : 0.5)
                    .risk("keep it if several JVMs share these CPUs on purpose")
                    .references("rules.md CPU-04", "joa info.parallel.gc.threads", "joa error.parallel.gc.threads.1")
                    .build()).build());
        }
        return out;
    }
}
