package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.rules.startupaot.WarmupTail;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JIT-02: the compilers are starved while the service warms up. The latency log shows a warm-up tail
 * (the p99 of the first {@code warmupSeconds} is {@code ratio} times the steady p99, as AOT-02 measures
 * it) and the JVM had at most {@code maxCpus} CPU or was throttled in more than {@code throttledShare} of
 * its CPU periods: C1 and C2 compete with the application for the one CPU, so the hot code stays
 * interpreted longer. When a JDK 25 recording has compile-queue figures, the longest queue during
 * warm-up is shown and raises the confidence. Without starvation the tail is AOT-02's case alone.
 */
public final class WarmupCompilerStarvation implements Rule {

    static final Parameter<Double> WARMUP = Parameter.number("warmupSeconds", 300,
            "length of the warm-up window from the start of the latency log (seconds)", true);
    static final Parameter<Double> RATIO = Parameter.number("ratio", 3,
            "warm-up p99 over steady p99 at which the finding is info (ratio)", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 10,
            "warm-up p99 over steady p99 at which it is a warning (ratio)", true);
    static final Parameter<Long> MAX_CPUS = Parameter.whole("maxCpus", 1,
            "CPUs at or below which the compilers are starved (count)", false);
    static final Parameter<Double> THROTTLED = Parameter.number("throttledShare", 0.10,
            "share of throttled CPU periods at which the JVM counts as starved (fraction)", true);
    static final Parameter<Double> PAUSE_SHARE = WarmupTail.PAUSE_SHARE;

    @Override
    public String id() {
        return "JIT-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS);
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "Compilers starved of CPU during warm-up";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.LATENCY, EvidenceKind.CPUS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.JIT, EvidenceKind.CONTAINER_USAGE, EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WARMUP, RATIO, WARN_RATIO, MAX_CPUS, THROTTLED, PAUSE_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        double warmup = ctx.param(WARMUP);
        Integer cpus = ctx.cpus();
        Double throttled = ctx.evidence().resources().map(Resources::container)
                .map(Resources.ContainerUsage::throttledShare).orElse(null);
        boolean fewCpus = cpus != null && cpus <= ctx.param(MAX_CPUS);
        boolean throttling = throttled != null && throttled >= ctx.param(THROTTLED);
        if (!fewCpus && !throttling) {
            return List.of();
        }
        WarmupTail.Tail t = WarmupTail.tail(ctx, warmup, ctx.param(PAUSE_SHARE));
        if (t == null || t.ratio() < ctx.param(RATIO)) {
            return List.of();
        }
        long queue = warmupQueue(ctx, warmup);
        String why = fewCpus ? cpus + " CPU" + (cpus == 1 ? "" : "s") : String.format(Locale.ROOT,
                "%.0f %% of CPU periods throttled", throttled * 100);
        Finding.Builder f = Finding.of(this, Scores.rising(t.ratio(), ctx.param(RATIO), ctx.param(WARN_RATIO)))
                .summary(String.format(Locale.ROOT, "Warm-up p99 is %.1f times the steady p99 with %s for the "
                        + "application and both JIT compilers", t.ratio(), why))
                .explanation("While the service warms up, C1 and C2 compile its hot code on the same CPU time the "
                        + "application needs; with " + why + " they fall behind, and the code runs interpreted longer."
                        + (queue > 0 ? " The compile queue reached " + queue + " methods during warm-up." : ""))
                .figure(Figure.of("warm-up p99 ratio", t.ratio(), ""))
                .figure(fewCpus ? Figure.count("CPUs", cpus) : Figure.share("throttled CPU periods", throttled));
        if (queue > 0) {
            f.figure(Figure.count("longest compile queue in warm-up", queue));
        }
        f.recommend(Recommendation.action("Give the JVM at least 2 CPUs while it starts",
                "Raise the CPU limit to 2 or more (at least during start-up, e.g. a start-up CPU boost), or move the "
                        + "warm-up to a training run: " + (ctx.targetJdk() >= 25 ? "an AOT cache with method profiles "
                        + "(-XX:AOTCacheOutput)" : "a CDS archive or AOT cache (AOT-02)") + "; avoid -Xcomp and -Xbatch")
                .effect(Metric.STARTUP, "warm-up p99 over steady p99", Effect.Direction.DECREASE, null,
                        String.format(Locale.ROOT, "the warm-up tail (%.1fx the steady p99) shortens as compilation "
                                + "keeps up", t.ratio()))
                .confidence(queue > 0 ? 0.7 : 0.5)
                .references("rules.md JIT-02", "JEP 515").build());
        return List.of(f.build());
    }

    /** The longest compile queue seen in the warm-up window, 0 without queue figures. */
    private static long warmupQueue(RuleContext ctx, double warmup) {
        long max = 0;
        JitProfile jit = ctx.evidence().jit().orElse(null);
        if (jit == null || jit.queues() == null) {
            return 0;
        }
        for (JitProfile.CompileQueue q : jit.queues()) {
            for (JitProfile.QueueWindow w : q.windows()) {
                if (w.startSeconds() < warmup) {
                    max = Math.max(max, w.maxQueueSize());
                }
            }
        }
        return max;
    }
}
