package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
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
 * HEAP-05: a soft heap cap, the true GOMEMLIMIT analogue. ZGC and Shenandoah collect to stay under
 * {@code SoftMaxHeapSize} and exceed it only to avoid stalls, so in a container the heap can normally stay at
 * {@code C (1 - h) - non-heap - burst margin} while {@code -Xmx} stays the hard cap. Fires when the effective soft
 * cap (the flag, generational ZGC's 0.9 x Xmx when no heap flag is given, else Xmx) is above that target. The
 * burst margin is the spread of the live set when a GC log gives it, else a share of the limit. G1 ignores the
 * flag on JDK 17 to 25, so the rule applies to ZGC and Shenandoah only.
 */
public final class SoftMaxHeap implements Rule {

    static final Parameter<Double> HEADROOM = Parameter.number("headroom", 0.10,
            "share of the container limit kept free (fraction), as HEAP-02", false);
    static final Parameter<Double> BURST = Parameter.number("burstShare", 0.05,
            "burst margin as a share of the limit (fraction) when no live-set spread is known", true);
    static final Parameter<Double> SLACK = Parameter.number("slack", 0.05,
            "how far (fraction of the target) the current soft cap may exceed the target before the rule fires", true);

    @Override
    public String id() {
        return "HEAP-05";
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
        return "Soft heap cap for ZGC and Shenandoah (GOMEMLIMIT)";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY, EvidenceKind.GC, EvidenceKind.JIT);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC, Collector.SHENANDOAH);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(HEADROOM, BURST, SLACK);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        double h = ctx.param(HEADROOM);
        MemoryBudget b = MemoryBudget.of(ctx, c, h);
        if (!b.fits()) {
            return List.of(); // HEAP-02 reports the error
        }
        GcMetrics m = ctx.metrics();
        GcMetrics.LiveSet ls = m == null ? null : m.liveSet();
        long burst;
        boolean measured = ls != null && ls.bytes() != null && ls.peakBytes() != null && ls.peakBytes() > ls.bytes();
        if (measured) {
            burst = ls.peakBytes() - ls.bytes();
        } else {
            burst = (long) (ctx.param(BURST) * c);
        }
        long xmx = MemoryBudget.currentMaxHeap(ctx, c);
        long target = (long) (c * (1 - h)) - b.nonHeap() - burst;
        target = Math.min(target, xmx);
        long unit = 16L << 20;
        target = target / unit * unit;
        if (target <= 0 || ls != null && ls.bytes() != null && target < 1.5 * ls.bytes()) {
            return List.of(); // no room for a soft cap above the live set: HEAP-02 / HEAP-04 territory
        }
        Long soft = ctx.flagLong("SoftMaxHeapSize");
        String softSource = "-XX:SoftMaxHeapSize";
        if (soft == null || !ctx.asked("SoftMaxHeapSize")) {
            boolean genZ = ctx.collector() == Collector.ZGC && ctx.targetJdk() >= 21 && genZgc(ctx);
            if (genZ && !MemoryBudget.heapAsked(ctx)) {
                soft = (long) (0.9 * xmx);
                softSource = "generational ZGC default (0.9 x Xmx)";
            } else {
                soft = xmx;
                softSource = "maximum heap (no soft cap)";
            }
        }
        double over = soft / (double) target - 1;
        if (over <= ctx.param(SLACK)) {
            return List.of();
        }
        double score = Scores.rising(over, ctx.param(SLACK), 0.5);
        if (ctx.goal() == Goal.FOOTPRINT) {
            score = Math.max(score, 50);
        }
        String gc = ctx.collector() == Collector.ZGC ? "ZGC" : "Shenandoah";
        Finding.Builder f = Finding.of(this, score)
                .summary("Cap " + gc + "'s heap softly at " + Units.bytes(target) + ": the current soft cap ("
                        + softSource + ") is " + Units.bytes(soft))
                .explanation("Soft cap = C (1 - " + h + ") - non-heap - burst margin = " + Units.bytes(c) + " x "
                        + (1 - h) + " - " + Units.bytes(b.nonHeap()) + " - " + Units.bytes(burst) + " ("
                        + (measured ? "live-set spread from the GC log" : "share of the limit") + "). " + gc
                        + " collects to stay under SoftMaxHeapSize and exceeds it only to avoid allocation stalls, so "
                        + "the resident set stays well inside the limit while -Xmx (" + Units.bytes(xmx)
                        + ") remains the hard cap. SoftMaxHeapSize is manageable: it can be re-applied at run time "
                        + "(jcmd VM.set_flag) when the limit changes.")
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.bytes("non-heap budget", b.nonHeap()))
                .figure(Figure.bytes("burst margin", burst))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.bytes("current soft cap", soft))
                .figure(Figure.bytes("recommended soft cap", target));
        if (ls != null && ls.bytes() != null) {
            f.figure(Figure.bytes("live set", ls.bytes()));
        }
        f.recommend(Recommendation.flags("Set SoftMaxHeapSize=" + Units.optionSize(target),
                FlagChange.option("-XX:SoftMaxHeapSize=" + Units.optionSize(target)))
                .effect(Metric.FOOTPRINT, "committed heap; allocation stall count", Effect.Direction.DECREASE,
                        -(1 - target / (double) soft), "committed heap stays near the soft cap under normal load, "
                                + "with no new allocation stalls")
                .confidence(b.observed() >= 2 ? 0.7 : 0.55).forCollector(ctx.collector())
                .risk("watch allocation stalls: a soft cap too close to the live set makes the collector run constantly")
                .references("rules.md HEAP-05", "rules.md section 7", "Oracle ZGC guide: SoftMaxHeapSize",
                        "JDK-8236073 (G1 does not honour it)")
                .build());
        return List.of(f.build());
    }

    private static boolean genZgc(RuleContext ctx) {
        if (ctx.targetJdk() >= 24) {
            return true;
        }
        Boolean z = ctx.flagBoolean("ZGenerational");
        return Boolean.TRUE.equals(z) || ctx.targetJdk() >= 23 && z == null;
    }
}
