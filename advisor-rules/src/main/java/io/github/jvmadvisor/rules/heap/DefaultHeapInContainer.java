package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Resources;
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
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-01: in a container above 512 MB with no heap flag, HotSpot gives the heap 25 % of the limit
 * ({@code MaxRAMPercentage=25}), so three quarters of the memory paid for sits idle while the GC runs
 * more often than it needs to. Fires when the resident set (when recorded) stays well below the limit;
 * recommends the HEAP-02 budget as {@code MaxRAMPercentage}, or the published 75 % when the fixed
 * regions do not leave a budget.
 */
public final class DefaultHeapInContainer implements Rule {

    static final Parameter<Long> MIN_LIMIT = Parameter.whole("minLimitBytes", 512L << 20,
            "container limit in bytes above which the default 25 % heap is a finding (below, HEAP-08 applies)", false);
    static final Parameter<Double> RSS_SHARE = Parameter.number("rssShare", 0.6,
            "peak resident set over the limit (fraction) below which the memory is considered idle", true);
    static final Parameter<Double> FALLBACK_PERCENT = Parameter.number("fallbackPercent", 75,
            "MaxRAMPercentage (percent) recommended when no budget can be computed (Microsoft 75, Red Hat 80)", false);
    static final Parameter<Double> HEADROOM = Parameter.number("headroom", 0.10,
            "share of the limit kept free (fraction), as automemlimit", false);

    @Override
    public String id() {
        return "HEAP-01";
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
        return "Default 25 % heap in a container";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY, EvidenceKind.FLAG_ORIGINS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIN_LIMIT, RSS_SHARE, FALLBACK_PERCENT, HEADROOM);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        if (c <= ctx.param(MIN_LIMIT) || MemoryBudget.heapAsked(ctx)) {
            return List.of();
        }
        Long rss = ctx.evidence().resources().map(Resources::memory).map(Resources.NativeMemory::rssPeakBytes).orElse(null);
        if (rss != null && rss >= ctx.param(RSS_SHARE) * c) {
            return List.of();
        }
        long heap = MemoryBudget.currentMaxHeap(ctx, c);
        double share = heap / (double) c;
        MemoryBudget b = MemoryBudget.of(ctx, c, ctx.param(HEADROOM));
        int pct = b.fits() ? b.maxRamPercentage() : (int) Math.round(ctx.param(FALLBACK_PERCENT));
        long newHeap = c * pct / 100;
        Finding.Builder f = Finding.of(this, 80)
                .summary("The heap gets the default " + Math.round(share * 100) + " % (" + Units.bytes(heap) + ") of a "
                        + Units.bytes(c) + " container")
                .explanation("No -Xmx or MaxRAMPercentage is set, so HotSpot sizes the heap at MaxRAMPercentage=25 of the "
                        + "container limit. " + (rss == null ? "" : "The resident set peaked at " + Units.bytes(rss) + ". ")
                        + "A heap of " + pct + " % (" + Units.bytes(newHeap) + ") still leaves "
                        + Units.bytes(c - newHeap) + " for metaspace, code, threads and direct buffers.")
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.bytes("maximum heap", heap))
                .figure(Figure.share("heap share of the limit", share));
        if (rss != null) {
            f.figure(Figure.bytes("resident set peak", rss));
        }
        // MaxRAM below the limit would make the percentage a share of MaxRAM, not of the container
        Long maxRam = ctx.asked("MaxRAM") ? ctx.flagLong("MaxRAM") : null;
        FlagChange[] changes = maxRam != null && maxRam < c
                ? new FlagChange[] {FlagChange.remove("MaxRAM"), FlagChange.set("MaxRAMPercentage", pct)}
                : new FlagChange[] {FlagChange.set("MaxRAMPercentage", pct)};
        f.recommend(Recommendation.flags("Size the heap from the container limit: MaxRAMPercentage=" + pct, changes)
                .effect(Metric.THROUGHPUT, "GC count per minute", Effect.Direction.DECREASE,
                        -(1 - heap / (double) newHeap),
                        "a heap " + Units.number(newHeap / (double) heap) + "x larger collects about that much less often")
                .confidence(b.fits() && b.observed() >= 2 ? 0.8 : 0.6)
                .risk("resident memory grows towards the limit; check it stays below " + Units.bytes((long) (c * 0.9)))
                .references("rules.md HEAP-01", "rules.md section 6.2", "Microsoft Learn: Containerize your Java applications (75 %)",
                        "Red Hat UBI OpenJDK images (JAVA_MAX_MEM_RATIO=80)")
                .build());
        return List.of(f.build());
    }
}
