package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HEAP-06: {@code Xms = Xmx} for a dedicated, latency-sensitive JVM. When the initial heap is below the
 * maximum, the collector grows (and may shrink) the heap while the service runs: each resize costs a pause or a
 * full GC during ramp-up, and the memory is the container's anyway. Fires when the GC log shows the committed
 * heap grew well beyond the initial size (or full GCs while it was growing), unless the goal is footprint, where
 * an elastic heap is wanted (HEAP-07 is the opposite intent).
 */
public final class FixedHeap implements Rule {

    static final Parameter<Double> GROWTH = Parameter.number("growthShare", 0.10,
            "committed-heap growth above the initial heap, as a share of the maximum heap (fraction), at the info level; "
                    + "five times it is the warning level", true);

    @Override
    public String id() {
        return "HEAP-06";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.FIXED_HEAP);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Fix the heap size (Xms = Xmx) for a dedicated latency-sensitive JVM";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GROWTH);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() == Goal.FOOTPRINT) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        Long xms = ctx.flagLong("InitialHeapSize");
        if (xms == null && ctx.setup() != null) {
            xms = ctx.setup().heapInitialBytes();
        }
        Long xmx = ctx.maxHeap();
        Long committed = m.heap() == null ? null : m.heap().peakCommittedBytes();
        if (xms == null || xmx == null || committed == null || xms >= xmx) {
            return List.of();
        }
        long growth = committed - xms;
        double share = growth / (double) xmx;
        double info = ctx.param(GROWTH);
        Map<String, Long> full = GcFacts.ownFullGcs(m);
        long fulls = GcFacts.sum(full);
        if (share < info && fulls == 0) {
            return List.of();
        }
        double score = Math.max(share >= info ? Scores.rising(share, info, 5 * info) : 0, fulls > 0 ? 60 : 0);
        if (ctx.goal() == Goal.LATENCY) {
            score = Math.min(100, score * 1.2);
        }
        Finding.Builder f = Finding.of(this, score)
                .summary("The heap grew from " + Units.bytes(xms) + " to " + Units.bytes(committed) + " committed (max "
                        + Units.bytes(xmx) + ")" + (fulls > 0 ? " with " + fulls + " full GCs" : ""))
                .explanation("With -Xms below -Xmx the collector resizes the heap while the service runs; in a dedicated "
                        + "container the memory is reserved for the JVM anyway, so a fixed heap removes the resizing, the "
                        + "ramp-up collections and the full GCs a small heap provokes. Not for shared or mostly idle "
                        + "JVMs, which want the heap to shrink (HEAP-07).")
                .figure(Figure.bytes("initial heap", xms))
                .figure(Figure.bytes("peak committed heap", committed))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.share("growth share of the maximum heap", share))
                .figure(Figure.count("full GCs", fulls));
        FlagChange change;
        if (ctx.asked("MaxRAMPercentage") && !ctx.asked("MaxHeapSize")) {
            change = FlagChange.set("InitialRAMPercentage", ctx.flag("MaxRAMPercentage"));
        } else {
            change = FlagChange.option("-Xms" + Units.optionSize(xmx));
        }
        f.recommend(Recommendation.flags("Fix the heap at its maximum", change)
                .intent(Intent.fixedHeap())
                .effect(Metric.LATENCY, "heap resize lines; full GC count", Effect.Direction.ELIMINATE, null,
                        "no heap growth or ramp-up full GCs after start")
                .confidence(0.7).conflictKey("heap-elasticity=fixed")
                .risk("only for a dedicated container (request = limit): the JVM keeps the whole heap committed")
                .references("rules.md HEAP-06", "Microsoft Java containers guidance", "Oracle G1 tuning: throughput",
                        "joa info.heap.min.not.equal.max").build());
        return List.of(f.build());
    }
}
