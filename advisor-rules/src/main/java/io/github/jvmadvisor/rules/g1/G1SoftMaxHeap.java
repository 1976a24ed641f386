package io.github.jvmadvisor.rules.g1;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * G1-10: {@code SoftMaxHeapSize} is accepted under G1 but has no effect on JDK 17 to 25 (G1 support is
 * JDK-8236073, pending); only ZGC and Shenandoah honour it. A user relying on it to bound the heap is not
 * bounded: use {@code -Xmx}, the free ratios or periodic GC.
 */
public final class G1SoftMaxHeap implements Rule {

    @Override
    public String id() {
        return "G1-10";
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "SoftMaxHeapSize has no effect under G1";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!ctx.asked("SoftMaxHeapSize") || ctx.targetJdk() > 25) {
            return List.of();
        }
        return List.of(Finding.of(this, 40)
                .summary("-XX:SoftMaxHeapSize=" + ctx.flag("SoftMaxHeapSize") + " is ignored by G1 on JDK " + ctx.targetJdk())
                .explanation("Only ZGC and Shenandoah honour SoftMaxHeapSize; G1 support (JDK-8236073) is not in JDK 17 to 25. "
                        + "Bound the heap with -Xmx, MinHeapFreeRatio/MaxHeapFreeRatio or G1PeriodicGCInterval instead.")
                .figure(Figure.text("SoftMaxHeapSize", ctx.flag("SoftMaxHeapSize")))
                .recommend(Recommendation.flags("Remove -XX:SoftMaxHeapSize", FlagChange.remove("SoftMaxHeapSize"))
                        .effect(Metric.FOOTPRINT, "committed heap", Effect.Direction.DECREASE, null,
                                "no change in behaviour: the flag was ignored; bound the heap with -Xmx or the free ratios")
                        .confidence(0.9).forCollector(Collector.G1).references("rules.md G1-10", "JDK-8236073").build())
                .build());
    }
}
