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
 * INL-03: C2 refused to inline a callee at a hot call site because its byte code is larger than
 * {@code FreqInlineSize} (325 bytes on x86_64): {@code hot method too big}. The call stays a call in the
 * hottest code, and nothing the callee receives can be scalar-replaced. Splitting the cold part out of
 * the callee is the better fix; raising {@code FreqInlineSize} (Kruize searches 400 to 500) is the flag
 * route and needs verification.
 */
public final class HotMethodTooBig extends InliningFailureRule {

    static final Parameter<Long> SIZE = Parameter.whole("freqInlineSize", 500,
            "the FreqInlineSize recommended (bytes of byte code; Kruize range 400 to 500)", true);

    @Override
    public String id() {
        return "INL-03";
    }

    @Override
    public String title() {
        return "Hot method too big to inline";
    }

    @Override
    public List<Parameter<?>> parameters() {
        List<Parameter<?>> p = new ArrayList<>(super.parameters());
        p.add(SIZE);
        return p;
    }

    @Override
    Set<InlineReason> reasons() {
        return Set.of(InlineReason.SIZE_HOT);
    }

    @Override
    String what() {
        return "hot method too big";
    }

    @Override
    String why(RuleContext ctx) {
        return "C2 inlines a callee at a hot site only when its byte code is at most FreqInlineSize ("
                + current(ctx) + " bytes).";
    }

    static long current(RuleContext ctx) {
        Long v = ctx.flagLong("FreqInlineSize");
        return v == null ? 325 : v;
    }

    @Override
    List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites) {
        List<Recommendation> out = new ArrayList<>();
        String callee = HotSites.shortName(sites.get(0).site().callee());
        out.add(Recommendation.action("Split the cold part out of " + callee,
                "Move rarely taken branches of " + callee + " into separate methods so its byte code fits FreqInlineSize ("
                        + current(ctx) + " bytes) and C2 inlines it at the hot site")
                .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'hot method too big' at the hot sites",
                        Effect.Direction.ELIMINATE, null, "the callee inlines at the hot sites")
                .confidence(0.7).references("rules.md INL-03", "JITWatch").build());
        long size = ctx.param(SIZE);
        if (size > current(ctx)) {
            out.add(Recommendation.flags("Raise FreqInlineSize from " + current(ctx) + " to " + size + " and verify",
                    FlagChange.set("FreqInlineSize", size))
                    .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'hot method too big' at the hot sites",
                            Effect.Direction.ELIMINATE, null,
                            "callees up to " + size + " bytes of byte code inline at hot sites (A/B required)")
                    .confidence(0.5)
                    .risk("applies to every hot site: more compiled code and compile time")
                    .references("rules.md INL-03", "java(1) FreqInlineSize", "Kruize").build());
        }
        return out;
    }
}
