package io.github.jvmadvisor.rules.gcchoice;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-08: no collector flag at all. The collector then depends on the machine (Serial below 2 CPUs or
 * 1792 MB, G1 above) and on the JDK (JDK 27 drops the Serial fallback, JEP 523), so the same image can run
 * a different collector in a different pod size. Recommends pinning the collector that ran, or would run.
 * Information only.
 */
public final class ImplicitCollector implements Rule {

    @Override
    public String id() {
        return "GCSEL-08";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Collector chosen implicitly";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        boolean anyJvmInfo = !ctx.options().options().isEmpty()
                || ctx.jvm().map(j -> !j.flags().isEmpty()).orElse(false);
        if (!anyJvmInfo) {
            return List.of(); // a GC log alone does not say what was asked
        }
        for (Collector c : Collector.values()) {
            if (ctx.asked(selectionFlag(c))) {
                return List.of();
            }
        }
        Collector ran = ctx.collector();
        Collector pin = ran == null || ran == Collector.CMS || ran == Collector.EPSILON ? Collector.G1 : ran;
        return List.of(Finding.of(this, 30)
                .summary("No collector is set; the JVM chose " + (ran == null ? "by ergonomics" : ran.displayName()))
                .explanation("Without -XX:+Use...GC the collector follows the machine: Serial below 2 CPUs or 1792 MB, G1 "
                        + "otherwise, and G1 everywhere from JDK 27 (JEP 523). Pinning it keeps behaviour the same across "
                        + "container sizes and JDK upgrades.")
                .figure(Figure.text("collector", ran == null ? "unknown" : ran.displayName()))
                .recommend(Recommendation.flags("Pin the collector: -XX:+" + selectionFlag(pin), FlagChange.enable(selectionFlag(pin)))
                        .effect(Metric.RELIABILITY, "collector changes across deployments", Effect.Direction.ELIMINATE, null,
                                "the same collector in every container size and JDK")
                        .confidence(0.7).references("rules.md GCSEL-08", "joa info.gc.default", "JEP 523").build())
                .build());
    }

    static String selectionFlag(Collector c) {
        return switch (c) {
            case SERIAL -> "UseSerialGC";
            case PARALLEL -> "UseParallelGC";
            case G1 -> "UseG1GC";
            case ZGC -> "UseZGC";
            case SHENANDOAH -> "UseShenandoahGC";
            case CMS -> "UseConcMarkSweepGC";
            case EPSILON -> "UseEpsilonGC";
        };
    }
}
