package io.github.jvmadvisor.rules.g1;

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
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * G1-09: {@code GCTimeRatio} is G1's GOGC knob: G1 grows the heap only when GC time exceeds
 * {@code 1/(1+GCTimeRatio)} (12 by default: about 7.7 %). A CPU-bound service whose GC takes more than
 * {@code gcCpuInfo} of the CPU while the committed heap stays well under the maximum (below
 * {@code spareShare} of {@code -Xmx}) is paying CPU for memory it is allowed to use. A higher ratio (24,
 * 4 %, the new mainline default) makes G1 grow the heap sooner. Quiet for the footprint goal and when the
 * heap is fixed ({@code -Xms = -Xmx}).
 */
public final class G1GcTimeRatio implements Rule {

    static final Parameter<Double> GC_CPU_INFO = Parameter.number("gcCpuInfo", 0.05,
            "GC CPU share of the available CPU above which the finding is info (fraction)", true);
    static final Parameter<Double> GC_CPU_WARN = Parameter.number("gcCpuWarn", 0.15,
            "GC CPU share at which it is a warning (fraction)", true);
    static final Parameter<Double> SPARE_SHARE = Parameter.number("spareShare", 0.8,
            "peak committed heap over the maximum heap below which memory is spare (fraction)", true);
    static final Parameter<Long> RATIO = Parameter.whole("ratio", 24,
            "GCTimeRatio recommended (GC time goal 1/(1+ratio); 24 = 4 %)", true);

    @Override
    public String id() {
        return "G1-09";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "G1 keeps the heap small while GC costs CPU (GCTimeRatio)";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.GC_CPU);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GC_CPU_INFO, GC_CPU_WARN, SPARE_SHARE, RATIO);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() == Goal.FOOTPRINT) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        Double cpu = m.gcCpuFraction();
        Long xmx = ctx.maxHeap();
        Long committed = m.heap() == null ? null : m.heap().peakCommittedBytes();
        if (cpu == null || xmx == null || committed == null || cpu <= ctx.param(GC_CPU_INFO)) {
            return List.of();
        }
        double used = (double) committed / xmx;
        if (used >= ctx.param(SPARE_SHARE)) {
            return List.of();
        }
        Long r = ctx.flagLong("GCTimeRatio");
        long cur = r == null ? 12 : r;
        long to = ctx.param(RATIO);
        if (cur >= to) {
            return List.of();
        }
        double goalNow = 1.0 / (1 + cur);
        double goalNew = 1.0 / (1 + to);
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cpu, ctx.param(GC_CPU_INFO), ctx.param(GC_CPU_WARN))))
                .summary("GC takes " + GcFacts.pct(cpu) + " of the CPU while the heap stays at "
                        + Math.round(used * 100) + " % of its maximum (" + Units.bytes(committed) + " of " + Units.bytes(xmx) + ")")
                .explanation("G1 expands the heap only when GC time exceeds 1/(1+GCTimeRatio) = " + GcFacts.pct(goalNow)
                        + " (GCTimeRatio=" + cur + "); below that it keeps the heap small and collects often. "
                        + "GCTimeRatio=" + to + " (" + GcFacts.pct(goalNew) + ") makes it trade the spare memory for "
                        + "less GC, like a higher GOGC." + GcFacts.explicitGcNote(ctx.metrics())).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.share("GC CPU", cpu))
                .figure(Figure.bytes("peak committed heap", committed))
                .figure(Figure.bytes("max heap", xmx))
                .figure(Figure.share("committed over max heap", used))
                .figure(Figure.of("GCTimeRatio", cur, ""));
        f.recommend(Recommendation.flags("Let G1 grow the heap sooner: GCTimeRatio=" + to, FlagChange.set("GCTimeRatio", to))
                .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE,
                        cpu > goalNew ? -(1 - goalNew / cpu) : null,
                        "G1 aims at " + GcFacts.pct(goalNew) + " GC time and grows the heap toward "
                                + Units.bytes(xmx) + " to get there")
                .confidence(0.5).risk("the committed heap grows; memory-bound services keep 12 or lower")
                .forCollector(Collector.G1).references("rules.md G1-09", "OpenJDK commit 4761479 (G1 GCTimeRatio 24)")
                .build());
        return List.of(f.build());
    }
}
