package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * INL-05: virtual or interface calls with no single target at hot sites: C1 {@code no static binding},
 * C2 {@code virtual call} (more receiver types than {@code TypeProfileWidth}, 2). C2 records nothing at a
 * megamorphic site it does not try to inline, so C1's message is often the only trace. No global flag
 * fixes it: monomorphise the hot path (sealed hierarchies, splitting the loop per type), or force a
 * known target with {@code CompileCommand}/compiler directives (JEP 165).
 */
public final class Megamorphic extends InliningFailureRule {

    @Override
    public String id() {
        return "INL-05";
    }

    @Override
    public String title() {
        return "Megamorphic calls on hot paths";
    }

    @Override
    Set<JitCompiler> compilers() {
        return Set.of(JitCompiler.C1, JitCompiler.C2);
    }

    @Override
    Set<InlineReason> reasons() {
        return Set.of(InlineReason.POLYMORPHIC);
    }

    @Override
    String what() {
        return "no single call target";
    }

    @Override
    String why(RuleContext ctx) {
        return "A virtual call with more receiver types than TypeProfileWidth (2) is dispatched through a table and "
                + "never inlined.";
    }

    @Override
    List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites) {
        String caller = sites.get(0).site().caller();
        return List.of(Recommendation.action("Make the call in " + HotSites.shortName(caller) + " monomorphic",
                "Split the hot loop per receiver type, or use a sealed hierarchy with a switch, so each site sees one or "
                        + "two types; where one target dominates, a compiler directive (-XX:CompileCommand=inline,"
                        + HotSites.compileCommandPattern(sites.get(0).site().callee()) + ", or jcmd <pid> "
                        + "Compiler.directives_add) can force it")
                .effect(Metric.THROUGHPUT, "jdk.CompilerInlining 'no static binding' / 'virtual call' at the hot sites",
                        Effect.Direction.ELIMINATE, null, "the hot calls inline")
                .confidence(0.5).references("rules.md INL-05", "JEP 165").build());
    }
}
