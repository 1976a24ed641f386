package io.github.jvmadvisor.rules.escapeanalysis;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALLOC-07: a large share of the sampled allocation weight comes from boxing, sites whose first frame is a
 * wrapper's {@code valueOf} ({@code Integer.valueOf(int)}, {@code Long.valueOf(long)}...). Boxes that
 * escape (into collections, fields) cannot be removed by escape analysis; primitive collections or
 * avoiding boxing in hot loops removes them. Thresholds as JMC's {@code PrimitiveToObjectConversion}
 * rule: 20 % info, 80 % warning.
 */
public final class Autoboxing implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoShare", 0.20,
            "share of sampled allocation weight from boxing (0 to 1) at which the finding is info (JMC)", false);
    static final Parameter<Double> WARN = Parameter.number("warnShare", 0.80,
            "share of sampled allocation weight from boxing (0 to 1) at which it is a warning (JMC)", false);

    static final Set<String> WRAPPERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

    @Override
    public String id() {
        return "ALLOC-07";
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Allocation by autoboxing";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.ALLOCATION);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN);
    }

    static boolean isBoxing(String method) {
        int paren = method.indexOf('(');
        String m = paren < 0 ? method : method.substring(0, paren);
        int dot = m.lastIndexOf('.');
        return dot > 0 && m.substring(dot + 1).equals("valueOf") && WRAPPERS.contains(m.substring(0, dot));
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        AllocationProfile a = ctx.evidence().allocation().orElseThrow();
        if (a.sampledWeightBytes() <= 0) {
            return List.of();
        }
        long boxed = 0;
        List<AllocationProfile.Site> sites = new ArrayList<>();
        for (AllocationProfile.Site s : a.sites()) {
            if (isBoxing(s.method())) {
                boxed += s.weightBytes();
                sites.add(s);
            }
        }
        double share = (double) boxed / a.sampledWeightBytes();
        if (share < ctx.param(INFO)) {
            return List.of();
        }
        AllocationProfile.Site top = sites.get(0);
        String caller = top.frames().size() > 1 ? top.frames().get(1).toString() : top.frames().get(0).toString();
        return List.of(Finding.of(this, Scores.rising(share, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(Locale.ROOT, "%.1f %% of allocation is boxing, most in %s", share * 100, caller))
                .explanation("Wrapper objects from valueOf calls that escape cannot be removed by escape analysis. Top "
                        + "boxing site: " + top.frames())
                .figure(Figure.share("boxing share of allocation", share))
                .figure(Figure.bytes("boxing weight", boxed))
                .figure(Figure.text("top boxing caller", caller))
                .recommend(Recommendation.action("Avoid boxing in " + caller,
                        "Use primitive arrays or primitive collections, or keep the values unboxed in the hot loop")
                        .effect(Metric.THROUGHPUT, "allocation rate", Effect.Direction.DECREASE, -share,
                                String.format(Locale.ROOT, "allocation falls by up to %.0f %%", share * 100))
                        .confidence(0.6).references("rules.md ALLOC-07", "JMC PrimitiveToObjectConversion").build())
                .build());
    }
}
