package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shared shape of INL-02 to INL-06: inlining refused for one class of reason at call sites whose
 * caller is hot, deduplicated per call site, scored by the hottest caller's share of CPU samples.
 * Without execution samples the finding is information only (hotness unknown).
 */
abstract class InliningFailureRule implements Rule {

    static final Parameter<Long> TOP_METHODS = Parameter.whole("topMethods", 20,
            "a caller among this many methods by inclusive execution samples is hot (count)", true);
    static final Parameter<Double> MIN_SHARE = Parameter.number("minCallerShare", 0.01,
            "a caller with at least this share of execution samples (0 to 1) is hot", true);
    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.01,
            "hottest caller's share of execution samples (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.2,
            "hottest caller's share of execution samples (0 to 1) at which it is a warning", true);

    @Override
    public final String pack() {
        return "inlining";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.INLINING);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPU_PROFILE);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TOP_METHODS, MIN_SHARE, INFO_SHARE, WARN_SHARE);
    }

    /** The compilers whose refusals count (C2 for flag advice; C1 too where C2 says nothing). */
    Set<JitCompiler> compilers() {
        return Set.of(JitCompiler.C2);
    }

    /** The reason classes this rule is about. */
    abstract Set<InlineReason> reasons();

    /** What the refusal means, for the summary ({@code "hot method too big"}). */
    abstract String what();

    /** Why it matters and what limits it, for the explanation. */
    abstract String why(RuleContext ctx);

    /** The recommendations for these sites. */
    abstract List<Recommendation> recommend(RuleContext ctx, List<HotSites.Hot> sites);

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<HotSites.Hot> sites = HotSites.find(ctx, compilers(), reasons(), ctx.param(TOP_METHODS), ctx.param(MIN_SHARE));
        if (sites.isEmpty()) {
            return List.of();
        }
        HotSites.Hot first = sites.get(0);
        double score = first.hotness() == null ? 30
                : Scores.rising(first.hotness(), ctx.param(INFO_SHARE), ctx.param(WARN_SHARE));
        StringBuilder list = new StringBuilder();
        for (HotSites.Hot h : sites.subList(0, Math.min(5, sites.size()))) {
            list.append("\n  ").append(h.site().compiler()).append(' ').append(h.describe()).append(": '")
                    .append(h.site().failureMessage()).append('\'')
                    .append(h.hotness() == null ? "" : String.format(Locale.ROOT, " (caller %.1f %% of samples)",
                            h.hotness() * 100));
        }
        Finding.Builder f = Finding.of(this, score)
                .summary(sites.size() + " hot call site" + (sites.size() == 1 ? "" : "s") + " not inlined: " + what()
                        + " (" + HotSites.shortName(first.site().caller()) + " -> "
                        + HotSites.shortName(first.site().callee()) + ")")
                .explanation(why(ctx) + " Sites, hottest caller first:" + list
                        + (first.hotness() == null ? "\nNo execution samples: how hot the callers are is unknown." : ""))
                .figure(Figure.count("hot call sites", sites.size()))
                .figure(Figure.text("hottest call site", first.describe()))
                .figure(Figure.text("message", first.site().failureMessage()));
        if (first.hotness() != null) {
            f.figure(Figure.share("caller share of samples", first.hotness()));
        }
        recommend(ctx, sites).forEach(f::recommend);
        return List.of(f.build());
    }
}
