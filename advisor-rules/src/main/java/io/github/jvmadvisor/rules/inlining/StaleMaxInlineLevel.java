package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * INL-01: {@code MaxInlineLevel} set explicitly to 9 or less. 9 was the default until JDK 14
 * (JDK-8234863 raised it to 15), so such a setting usually survives from old tuning advice and now
 * cuts inlining below the default depth. Remove it.
 */
public final class StaleMaxInlineLevel implements Rule {

    static final Parameter<Long> STALE = Parameter.whole("staleLevel", 9,
            "an explicit MaxInlineLevel at or below this is stale (levels; the pre-14 default)", false);

    @Override
    public String id() {
        return "INL-01";
    }

    @Override
    public String pack() {
        return "inlining";
    }

    @Override
    public String title() {
        return "MaxInlineLevel set to the pre-JDK 14 default or lower";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(STALE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Long level = ctx.flagLong("MaxInlineLevel");
        if (level == null || !ctx.asked("MaxInlineLevel") || level > ctx.param(STALE)) {
            return List.of();
        }
        return List.of(Finding.of(this, 60)
                .summary("MaxInlineLevel=" + level + " cuts inlining below the default of 15")
                .explanation("The default inlining depth has been 15 since JDK 14 (JDK-8234863); an explicit " + level
                        + " is a leftover of advice for older JDKs and stops C2 inlining deep call chains.")
                .figure(Figure.of("MaxInlineLevel", level, "levels"))
                .recommend(Recommendation.flags("Remove -XX:MaxInlineLevel=" + level, FlagChange.remove("MaxInlineLevel"))
                        .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'inlining too deep'", Effect.Direction.DECREASE,
                                null, "C2 inlines up to 15 levels deep again")
                        .confidence(0.9).references("rules.md INL-01", "JDK-8234863").build())
                .build());
    }
}
