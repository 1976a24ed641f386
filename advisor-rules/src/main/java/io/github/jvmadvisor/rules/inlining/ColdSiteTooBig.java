package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Finding;
import java.util.List;
import java.util.Set;

/**
 * INL-06: C2 said {@code too big} (callee over {@code MaxInlineSize}, 35 bytes, at a site it judged
 * cold) in a caller that the samples show is hot: the site was cold when the caller was compiled and
 * later became hot, or it is a rarely taken branch inside a hot method. Changing {@code MaxInlineSize} is
 * rarely worth it; information only, with a refactoring hint.
 */
public final class ColdSiteTooBig extends InliningFailureRule {

    @Override
    public String id() {
        return "INL-06";
    }

    @Override
    public String title() {
        return "Callee too big for a cold call site in a hot method";
    }

    @Override
    Set<InlineReason> reasons() {
        return Set.of(InlineReason.SIZE_COLD);
    }

    @Override
    String what() {
        return "too big for a cold site";
    }

    @Override
    String why(RuleContext ctx) {
        return "At a call site C2 judges cold it inlines only callees up to MaxInlineSize (35 bytes); the caller is hot, "
                + "so the site may have become hot after compilation.";
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        // information only: never above the info band
        return super.evaluate(ctx).stream().map(f -> new Finding(f.ruleId(), f.pack(),
                io.github.jvmadvisor.core.rule.Severity.ofScore(Math.min(f.score(), 50)), Math.min(f.score(), 50),
                f.summary(), f.explanation(), f.figures(), f.recommendations())).toList();
    }

    @Override
    List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites) {
        return List.of(Recommendation.action("Usually nothing; if the site is hot, make the callee smaller",
                "MaxInlineSize changes are rarely worth it; a callee under 35 bytes of byte code inlines at any site")
                .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'too big' at the hot sites", Effect.Direction.ELIMINATE,
                        null, "the callee inlines")
                .confidence(0.3).references("rules.md INL-06", "JITWatch").build());
    }
}
