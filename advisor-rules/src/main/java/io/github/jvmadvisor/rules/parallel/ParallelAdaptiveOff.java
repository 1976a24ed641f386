package io.github.jvmadvisor.rules.parallel;

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
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PAR-02: with {@code -XX:-UseAdaptiveSizePolicy} the Parallel collector no longer resizes its generations
 * to its goals, yet a heap that starts below its maximum ({@code -Xms < -Xmx}) still grows and shrinks, in
 * steps nobody tunes. Either fix the heap ({@code -Xms = -Xmx}) or let adaptive sizing work.
 */
public final class ParallelAdaptiveOff implements Rule {

    @Override
    public String id() {
        return "PAR-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "parallel";
    }

    @Override
    public String title() {
        return "Adaptive sizing off with a growable heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.PARALLEL);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Boolean.FALSE.equals(ctx.flagBoolean("UseAdaptiveSizePolicy"))) {
            return List.of();
        }
        Long xms = ctx.flagLong("InitialHeapSize");
        Long xmx = ctx.maxHeap();
        if (xms != null && xmx != null && xms.equals(xmx)) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, 50)
                .summary("Adaptive sizing is off but the heap can still resize (-Xms "
                        + (xms == null ? "unset" : Units.bytes(xms)) + ", -Xmx " + (xmx == null ? "unset" : Units.bytes(xmx)) + ")")
                .explanation("-XX:-UseAdaptiveSizePolicy stops Parallel from sizing generations to its goals; a heap "
                        + "that starts below its maximum then grows in untuned steps, usually through full GCs.")
                .figure(Figure.text("UseAdaptiveSizePolicy", "false"));
        if (xms != null) {
            f.figure(Figure.bytes("initial heap", xms));
        }
        if (xmx != null) {
            f.figure(Figure.bytes("max heap", xmx));
            f.recommend(Recommendation.flags("Start the heap at its maximum", FlagChange.option("-Xms" + Units.optionSize(xmx)))
                    .effect(Metric.RELIABILITY, "full GC count", Effect.Direction.DECREASE, null,
                            "no heap growth through full collections: the heap is " + Units.bytes(xmx) + " from the start")
                    .confidence(0.7).conflictKey("parallel-sizing=fixed").forCollector(Collector.PARALLEL)
                    .references("rules.md PAR-02", "joa warn.adaptive.size.policy.disabled").build());
        }
        f.recommend(Recommendation.flags("Let adaptive sizing work", FlagChange.remove("UseAdaptiveSizePolicy"))
                .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                        "Parallel sizes the generations to its pause and throughput goals again")
                .confidence(0.6).conflictKey("parallel-sizing=adaptive").forCollector(Collector.PARALLEL)
                .references("rules.md PAR-02").build());
        return List.of(f.build());
    }
}
