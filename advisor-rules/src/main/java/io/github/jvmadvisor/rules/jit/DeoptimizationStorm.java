package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JIT-06: compiled code keeps being thrown away. Every {@code jdk.Deoptimization} sends a thread back to the
 * interpreter and usually a method to recompilation; a few at warm-up are normal, a sustained stream means
 * type profiles that keep being invalidated (a call site that sees new receiver types), branches assumed never
 * taken that are, or class-hierarchy churn. The model keeps no time series of deoptimizations, only their
 * count and the first and last time, so the rate after warm-up is approximated as the count over the span from
 * the first to the last one, and judged only when that span is longer than the warm-up (a minute by default):
 * deoptimizations confined to the start have a short span, and a warm-up burst followed by a few late ones gives
 * a low rate. No flag fixes it; the finding names the methods and reasons to look at.
 */
public final class DeoptimizationStorm implements Rule {

    static final Parameter<Double> RATE = Parameter.number("ratePerSecond", 10.0,
            "deoptimizations per second over the span from the first to the last one, at the info level; "
                    + "five times it is the warning level", true);
    static final Parameter<Double> MIN_SPAN = Parameter.number("minSpanSeconds", 60.0,
            "span (seconds) from the first to the last deoptimization that must exceed the warm-up", true);

    @Override
    public String id() {
        return "JIT-06";
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "Deoptimization storm";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.JIT);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(RATE, MIN_SPAN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        JitProfile.Deoptimizations d = ctx.evidence().jit().orElseThrow().deoptimizations();
        if (d.count() < 2 || d.firstAt() == null || d.lastAt() == null) {
            return List.of();
        }
        double span = Duration.between(d.firstAt(), d.lastAt()).toNanos() / 1e9;
        if (span < ctx.param(MIN_SPAN) || span <= 0) {
            return List.of();
        }
        double rate = d.count() / span;
        double info = ctx.param(RATE);
        if (rate < info) {
            return List.of();
        }
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (JitProfile.DeoptSite s : d.sites()) {
            byMethod.merge(s.method(), s.count(), Long::sum);
        }
        List<Map.Entry<String, Long>> top = byMethod.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).toList();
        String reasons = d.byReason().stream().limit(3).map(c -> c.name() + " " + c.count())
                .collect(Collectors.joining(", "));
        Finding.Builder f = Finding.of(this, Scores.rising(rate, info, 5 * info))
                .summary(d.count() + " deoptimizations in " + Units.number(span) + " s (" + Units.number(rate) + "/s)"
                        + (reasons.isEmpty() ? "" : ": " + reasons))
                .explanation("Each deoptimization drops compiled code back to the interpreter and usually recompiles "
                        + "the method; at this rate, long after warm-up, the JIT keeps compiling code whose assumptions "
                        + "the application breaks. class_check, bimorphic and unstable_if point at type-profile "
                        + "pollution (one call site or branch fed very different data); class-hierarchy churn "
                        + "(classes loaded or redefined at run time) invalidates dependent code. The rate is the count "
                        + "over the span from the first to the last deoptimization, an approximation of the rate "
                        + "after warm-up.")
                .figure(Figure.count("deoptimizations", d.count()))
                .figure(Figure.of("span", span, "s"))
                .figure(Figure.of("rate", rate, "/s"))
                .figure(Figure.count("methods deoptimized", byMethod.size()));
        for (Map.Entry<String, Long> e : top) {
            f.figure(Figure.count("deoptimizations in " + e.getKey(), e.getValue()));
        }
        if (!top.isEmpty()) {
            f.figure(Figure.share("share of the most deoptimized method", top.get(0).getValue() / (double) d.count()));
        }
        String where = top.isEmpty() ? "the deoptimized methods (record with settings=profile for their stack traces)"
                : top.stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));
        f.recommend(Recommendation.action("Find why compiled code keeps being invalidated",
                        "Look at " + where + ": split call sites that see many receiver types, keep rarely taken "
                                + "branches out of hot loops, and stop loading or redefining classes at run time "
                                + "(proxies, scripting, agents). No JVM flag removes the cause.")
                .effect(Metric.THROUGHPUT, "jdk.Deoptimization rate", Effect.Direction.DECREASE, null,
                        "fewer deoptimizations and recompilations")
                .confidence(0.5)
                .references("rules.md JIT-06").build());
        return List.of(f.build());
    }
}
