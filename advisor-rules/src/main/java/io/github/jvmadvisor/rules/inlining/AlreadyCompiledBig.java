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
 * INL-04: C2 refused to inline a callee at a hot site because the callee had already been compiled on
 * its own into more machine code than {@code InlineSmallCode} (2500 bytes on x86_64) allows:
 * {@code already compiled into a big method}. Typical for a small method that itself inlines a lot.
 * Raising {@code InlineSmallCode} (4000; Kruize searches 500 to 5000) lets it inline; verify.
 */
public final class AlreadyCompiledBig extends InliningFailureRule {

    static final Parameter<Long> SIZE = Parameter.whole("inlineSmallCode", 4000,
            "the InlineSmallCode recommended (bytes of machine code; Kruize range 500 to 5000)", true);

    @Override
    public String id() {
        return "INL-04";
    }

    @Override
    public String title() {
        return "Callee already compiled into a big method";
    }

    @Override
    public List<Parameter<?>> parameters() {
        List<Parameter<?>> p = new ArrayList<>(super.parameters());
        p.add(SIZE);
        return p;
    }

    @Override
    Set<InlineReason> reasons() {
        return Set.of(InlineReason.CODE_SIZE);
    }

    @Override
    String what() {
        return "already compiled into a big method";
    }

    @Override
    String why(RuleContext ctx) {
        return "C2 does not inline a callee whose own compiled code is larger than InlineSmallCode (" + current(ctx)
                + " bytes of machine code).";
    }

    static long current(RuleContext ctx) {
        Long v = ctx.flagLong("InlineSmallCode");
        return v == null ? 2500 : v;
    }

    @Override
    List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites) {
        List<Recommendation> out = new ArrayList<>();
        long size = ctx.param(SIZE);
        if (size > current(ctx)) {
            out.add(Recommendation.flags("Raise InlineSmallCode from " + current(ctx) + " to " + size + " and verify",
                    FlagChange.set("InlineSmallCode", size))
                    .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'already compiled into a big method' at the hot sites",
                            Effect.Direction.ELIMINATE, null, "the callees inline at the hot sites (A/B required)")
                    .confidence(0.5)
                    .risk("bigger compiled methods: watch code cache use")
                    .references("rules.md INL-04", "java(1) InlineSmallCode", "Kruize").build());
        }
        out.add(Recommendation.action("Keep " + HotSites.shortName(sites.get(0).site().callee()) + " small",
                "The callee inlines a lot itself; moving its rarely used paths out keeps its compiled code under "
                        + "InlineSmallCode")
                .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'already compiled into a big method' at the hot sites",
                        Effect.Direction.ELIMINATE, null, "the callee inlines at the hot sites")
                .confidence(0.4).references("rules.md INL-04").build());
        return out;
    }
}
