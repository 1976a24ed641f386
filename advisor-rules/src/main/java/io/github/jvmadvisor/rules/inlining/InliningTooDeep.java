package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * INL-02: C2 stopped inlining at hot call sites because the inlining tree was already
 * {@code MaxInlineLevel} (15) deep, or recursion deeper than {@code MaxRecursiveInlineLevel}. Deep
 * abstraction stacks (Scala, Kotlin, JRuby, layered frameworks) lose the optimisations inlining enables
 * below that depth. Raising the limit a little ({@code MaxInlineLevel=20}, at most 25) helps such code;
 * it grows compiled code, so it must be verified by an A/B run.
 */
public final class InliningTooDeep extends InliningFailureRule {

    static final Parameter<Long> STEP = Parameter.whole("levelStep", 5,
            "how many levels to add to the current MaxInlineLevel (levels)", true);
    static final Parameter<Long> CAP = Parameter.whole("maxLevel", 25,
            "the highest MaxInlineLevel recommended (levels)", true);

    @Override
    public String id() {
        return "INL-02";
    }

    @Override
    public String title() {
        return "Inlining too deep on hot paths";
    }

    @Override
    public List<Parameter<?>> parameters() {
        List<Parameter<?>> p = new ArrayList<>(super.parameters());
        p.add(STEP);
        p.add(CAP);
        return p;
    }

    @Override
    Set<InlineReason> reasons() {
        return Set.of(InlineReason.DEPTH, InlineReason.RECURSION);
    }

    @Override
    String what() {
        return "inlining too deep";
    }

    @Override
    String why(RuleContext ctx) {
        return "C2 inlines at most MaxInlineLevel (" + current(ctx) + ") calls deep; below that, calls stay calls "
                + "and the optimisations inlining enables (escape analysis, constant folding) stop.";
    }

    static long current(RuleContext ctx) {
        Long v = ctx.flagLong("MaxInlineLevel");
        return v == null ? 15 : v;
    }

    @Override
    List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites) {
        long now = current(ctx);
        long next = Math.min(ctx.param(CAP), now + ctx.param(STEP));
        List<Recommendation> out = new ArrayList<>();
        boolean recursion = sites.stream().allMatch(h -> h.site().reason() == InlineReason.RECURSION);
        if (next > now && !recursion) {
            out.add(Recommendation.flags("Raise MaxInlineLevel from " + now + " to " + next + " and verify",
                    FlagChange.set("MaxInlineLevel", next))
                    .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'inlining too deep' at the hot sites",
                            Effect.Direction.ELIMINATE, null,
                            "the deep hot call sites inline; throughput should rise (A/B required)")
                    .confidence(0.5)
                    .risk("more and bigger compiled code: watch code cache use and compile time")
                    .references("rules.md INL-02", "JDK-8234863", "scala/bug#11627").build());
        }
        out.add(Recommendation.action("Flatten the call chain on the hot path",
                "Fewer layers of delegation between " + HotSites.shortName(sites.get(0).site().caller())
                        + " and its callees let C2 inline the whole path without flag changes")
                .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'inlining too deep' at the hot sites",
                        Effect.Direction.ELIMINATE, null, "the hot path inlines completely")
                .confidence(0.4).references("rules.md INL-02").build());
        return out;
    }
}
