package io.github.jvmadvisor.rules.heap;

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
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-08: the small-container trap. Without a heap flag, HotSpot gives containers of 256 to 512 MB a heap
 * of about 126-128 MB whatever the limit (the 124.8 MB floor of rules.md section 6.2), and 50 % below that;
 * in a 512 MB container only a quarter is heap. Scored by how small the default share is; recommends an
 * explicit percentage (the HEAP-02 budget when it was measured, else the typical 60 %).
 */
public final class SmallContainerHeap implements Rule {

    static final Parameter<Long> MAX_LIMIT = Parameter.whole("maxLimitBytes", 512L << 20,
            "container limit in bytes up to which the small-container defaults apply", false);
    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.5,
            "default heap over the limit (fraction) at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.3,
            "default heap over the limit (fraction) at which it is a warning", true);
    static final Parameter<Double> TYPICAL_PERCENT = Parameter.number("typicalPercent", 60,
            "MaxRAMPercentage (percent) recommended when the non-heap memory was not measured (50-60 typical)", true);

    @Override
    public String id() {
        return "HEAP-08";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Small-container default heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MAX_LIMIT, INFO_SHARE, WARN_SHARE, TYPICAL_PERCENT);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        if (c > ctx.param(MAX_LIMIT) || MemoryBudget.heapAsked(ctx)) {
            return List.of();
        }
        long heap = MemoryBudget.defaultMaxHeap(c);
        double share = heap / (double) c;
        MemoryBudget b = MemoryBudget.of(ctx, c, 0.10);
        int pct = b.fits() && b.observed() >= 2 ? b.maxRamPercentage() : (int) Math.round(ctx.param(TYPICAL_PERCENT));
        if (pct <= share * 100) {
            return List.of();
        }
        long newHeap = c * pct / 100;
        Finding f = Finding.of(this, Scores.falling(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)))
                .summary("A " + Units.bytes(c) + " container gets a default heap of " + Units.bytes(heap) + " ("
                        + Math.round(share * 100) + " %)")
                .explanation("Below 512 MB HotSpot's default heap does not follow the limit: 50 % of it up to about 250 MB, "
                        + "then about 126-128 MB for any limit up to 512 MB, where it becomes 25 %. An explicit "
                        + "percentage makes the heap follow the container.")
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.bytes("default maximum heap", heap))
                .figure(Figure.share("heap share of the limit", share))
                .recommend(Recommendation.flags("Set the heap explicitly: MaxRAMPercentage=" + pct,
                        FlagChange.set("MaxRAMPercentage", pct))
                        .effect(Metric.THROUGHPUT, "GC count per minute", Effect.Direction.DECREASE,
                                -(1 - heap / (double) newHeap),
                                "the heap grows from " + Units.bytes(heap) + " to " + Units.bytes(newHeap))
                        .confidence(b.observed() >= 2 ? 0.8 : 0.6)
                        .risk("check the resident set stays below 90 % of the limit")
                        .references("rules.md HEAP-08", "rules.md section 6.2", "Microsoft Learn default heap table")
                        .build())
                .build();
        return List.of(f);
    }
}
