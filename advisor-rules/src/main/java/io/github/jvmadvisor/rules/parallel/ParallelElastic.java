package io.github.jvmadvisor.rules.parallel;

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
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PAR-03: for the footprint goal, Parallel's defaults keep the heap large (free ratios 40/70, a 1 % GC time
 * goal). Red Hat's container images run it elastic instead: {@code MinHeapFreeRatio=10 MaxHeapFreeRatio=20
 * GCTimeRatio=4 AdaptiveSizePolicyWeight=90}, i.e. shrink to 20 % free after a collection and accept up to
 * 20 % GC time, with sizing decisions weighted to the latest collections. Adaptive sizing must be on, and a
 * fixed {@code -Xms} stops the heap from shrinking below it.
 */
public final class ParallelElastic implements Rule {

    static final Map<String, Long> PATTERN = new LinkedHashMap<>();

    static {
        PATTERN.put("MinHeapFreeRatio", 10L);
        PATTERN.put("MaxHeapFreeRatio", 20L);
        PATTERN.put("GCTimeRatio", 4L);
        PATTERN.put("AdaptiveSizePolicyWeight", 90L);
    }

    @Override
    public String id() {
        return "PAR-03";
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
        return "Elastic Parallel heap for a footprint goal";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.PARALLEL);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() != Goal.FOOTPRINT) {
            return List.of();
        }
        List<FlagChange> ch = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        PATTERN.forEach((name, want) -> {
            Long cur = ctx.flagLong(name);
            if (cur == null || cur.longValue() != want) {
                ch.add(FlagChange.set(name, want));
                differ.add(name + "=" + (cur == null ? "default" : cur));
            }
        });
        boolean adaptiveOff = Boolean.FALSE.equals(ctx.flagBoolean("UseAdaptiveSizePolicy"));
        if (adaptiveOff) {
            ch.add(FlagChange.remove("UseAdaptiveSizePolicy"));
        }
        Long xms = ctx.asked("InitialHeapSize") ? ctx.flagLong("InitialHeapSize") : null;
        Long xmx = ctx.maxHeap();
        boolean fixedMin = xms != null && xmx != null && xms * 2 > xmx;
        if (fixedMin) {
            ch.add(FlagChange.remove("InitialHeapSize"));
        }
        if (ch.isEmpty()) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, 45)
                .summary("Parallel keeps a large heap; for the footprint goal run it elastic ("
                        + (differ.isEmpty() ? "pattern set" : String.join(", ", differ))
                        + (adaptiveOff ? ", adaptive sizing off" : "") + (fixedMin ? ", -Xms " + Units.bytes(xms) : "") + ")")
                .explanation("With the defaults Parallel leaves 40-70 % of the heap free after a collection and aims at "
                        + "1 % GC time, so it grows the heap readily and rarely gives memory back. Free ratios of 10/20 and "
                        + "GCTimeRatio=4 (up to 20 % GC time) keep the committed heap close to what is in use."
                        + (fixedMin ? " The heap cannot shrink below -Xms." : ""));
        GcMetrics m = ctx.metrics();
        if (m != null && m.heap() != null && m.heap().peakCommittedBytes() != null) {
            f.figure(Figure.bytes("peak committed heap", m.heap().peakCommittedBytes()));
            if (m.liveSet() != null && m.liveSet().bytes() != null) {
                f.figure(Figure.bytes("live set", m.liveSet().bytes()));
            }
        }
        if (xmx != null) {
            f.figure(Figure.bytes("max heap", xmx));
        }
        f.recommend(Recommendation.flags("Run Parallel elastic (Red Hat container pattern)", ch.toArray(new FlagChange[0]))
                .effect(Metric.FOOTPRINT, "committed heap", Effect.Direction.DECREASE, null,
                        "the heap shrinks to about 1.25 x what survives a collection; GC time may rise toward 20 %")
                .confidence(0.6).risk("more frequent collections and more GC CPU")
                .conflictKey("heap-elasticity=elastic").forCollector(Collector.PARALLEL)
                .references("rules.md PAR-03", "Red Hat UBI OpenJDK images (JAVA_OPTS defaults)").build());
        return List.of(f.build());
    }
}
