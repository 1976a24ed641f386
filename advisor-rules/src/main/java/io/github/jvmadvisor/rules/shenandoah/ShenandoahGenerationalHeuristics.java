package io.github.jvmadvisor.rules.shenandoah;

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
 * SHEN-03: generational Shenandoah (JDK 25) supports only the {@code adaptive} heuristics; any other value
 * of {@code ShenandoahGCHeuristics} is ignored with {@code Ignoring -XX:ShenandoahGCHeuristics input: ...,
 * because generational shenandoah only supports adaptive heuristics} [V]. The option does nothing and
 * misleads readers of the command line: remove it.
 */
public final class ShenandoahGenerationalHeuristics implements Rule {

    @Override
    public String id() {
        return "SHEN-03";
    }

    @Override
    public String pack() {
        return "shenandoah";
    }

    @Override
    public String title() {
        return "Shenandoah heuristics ignored in generational mode";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SHENANDOAH);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!ctx.asked("ShenandoahGCHeuristics") || !ShenandoahCompact.generational(ctx)) {
            return List.of();
        }
        String h = ctx.flag("ShenandoahGCHeuristics");
        if (h == null || h.trim().equalsIgnoreCase("adaptive")) {
            return List.of();
        }
        return List.of(Finding.of(this, 40)
                .summary("-XX:ShenandoahGCHeuristics=" + h + " is ignored in generational mode")
                .explanation("Generational Shenandoah supports only the adaptive heuristics; the JVM warns \"Ignoring "
                        + "-XX:ShenandoahGCHeuristics input: " + h + ", because generational shenandoah only supports "
                        + "adaptive heuristics\" and runs adaptive.")
                .figure(Figure.text("ShenandoahGCHeuristics", h))
                .figure(Figure.text("ShenandoahGCMode", "generational"))
                .recommend(Recommendation.flags("Remove -XX:ShenandoahGCHeuristics=" + h,
                        FlagChange.remove("ShenandoahGCHeuristics"))
                        .effect(Metric.OBSERVABILITY, "startup warnings", Effect.Direction.ELIMINATE, -1.0,
                                "the command line says what runs: generational mode, adaptive heuristics")
                        .confidence(0.9).forCollector(Collector.SHENANDOAH)
                        .references("rules.md SHEN-03", "JEP 521").build())
                .build());
    }
}
