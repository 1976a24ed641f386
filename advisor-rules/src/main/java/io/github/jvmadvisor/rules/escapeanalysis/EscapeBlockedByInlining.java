package io.github.jvmadvisor.rules.escapeanalysis;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.model.MethodFrame;
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
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.rules.inlining.HotSites;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ALLOC-03: escape analysis blocked by failed inlining. C2 can scalar-replace an object only when
 * every use of it is inlined into the compiled method; a hot allocation site whose object is passed to a
 * call C2 refused to inline (the object's constructor, a method of its class, or a callee taking it as a
 * parameter) keeps allocating in compiled code. The rule joins the heaviest {@code ObjectAllocationSample}
 * sites with the C2 {@code jdk.CompilerInlining} failures in the methods on their stacks and says why
 * escape analysis cannot work there (too big, already compiled big, too deep, megamorphic). JFR has no
 * escape-analysis events; eliminated allocations show only in LogCompilation.
 */
public final class EscapeBlockedByInlining implements Rule {

    static final Parameter<Double> MIN_SITE = Parameter.number("minSiteShare", 0.05,
            "an allocation site with at least this share of sampled allocation weight (0 to 1) is hot", true);
    static final Parameter<Double> INFO = Parameter.number("infoShare", 0.05,
            "share of allocation weight at blocked sites (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN = Parameter.number("warnShare", 0.25,
            "share of allocation weight at blocked sites (0 to 1) at which it is a warning", true);

    static final Set<InlineReason> BLOCKING = EnumSet.of(InlineReason.SIZE_HOT, InlineReason.SIZE_COLD,
            InlineReason.CODE_SIZE, InlineReason.DEPTH, InlineReason.RECURSION, InlineReason.BUDGET,
            InlineReason.POLYMORPHIC);

    @Override
    public String id() {
        return "ALLOC-03";
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Escape analysis blocked by failed inlining";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.ALLOCATION, EvidenceKind.INLINING);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIN_SITE, INFO, WARN);
    }

    /** A hot allocation site and the refused call its object flows into. */
    record Blocked(AllocationProfile.Site site, String allocatedClass, JitProfile.CallSite call) {
    }

    /** Whether {@code callee} is the class's constructor, one of its methods, or takes it as a parameter. */
    static boolean consumes(String callee, String cls) {
        int paren = callee.indexOf('(');
        String head = paren < 0 ? callee : callee.substring(0, paren);
        String params = paren < 0 ? "" : callee.substring(paren + 1, callee.length() - 1);
        int dot = head.lastIndexOf('.');
        String owner = dot < 0 ? "" : head.substring(0, dot);
        if (owner.equals(cls)) {
            return true;
        }
        for (String p : params.split(", ")) {
            if (p.equals(cls)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        AllocationProfile a = ctx.evidence().allocation().orElseThrow();
        JitProfile jit = ctx.evidence().jit().orElseThrow();
        if (a.sampledWeightBytes() <= 0) {
            return List.of();
        }
        double minSite = ctx.param(MIN_SITE);
        Map<AllocationProfile.Site, Blocked> blocked = new LinkedHashMap<>();
        for (AllocationProfile.Site s : a.sites()) {
            if ((double) s.weightBytes() / a.sampledWeightBytes() < minSite) {
                continue;
            }
            search:
            for (AllocationProfile.Share cls : s.classes()) {
                for (MethodFrame f : s.frames()) {
                    for (JitProfile.CallSite c : jit.inliningFailuresIn(f.method())) {
                        if (c.compiler() == JitCompiler.C2 && c.reason() != null && BLOCKING.contains(c.reason())
                                && consumes(c.callee(), cls.name())) {
                            blocked.put(s, new Blocked(s, cls.name(), c));
                            break search;
                        }
                    }
                }
            }
        }
        if (blocked.isEmpty()) {
            return List.of();
        }
        long weight = blocked.keySet().stream().mapToLong(AllocationProfile.Site::weightBytes).sum();
        double share = (double) weight / a.sampledWeightBytes();
        Blocked top = blocked.values().iterator().next();
        StringBuilder list = new StringBuilder();
        for (Blocked b : blocked.values()) {
            list.append(String.format(Locale.ROOT, "%n  %s allocates %s (%.1f %% of allocation); it flows into %s, "
                    + "which C2 did not inline: '%s'", b.site().frames().get(0), b.allocatedClass(),
                    100.0 * b.site().weightBytes() / a.sampledWeightBytes(), b.call().callee(), b.call().failureMessage()));
        }
        Finding.Builder f = Finding.of(this, Scores.rising(share, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(Locale.ROOT, "%.1f %% of allocation cannot be scalar-replaced: %s passes a %s to "
                        + "%s, which C2 refused to inline (%s)", share * 100, HotSites.shortName(top.site().method()),
                        HotSites.shortName(top.allocatedClass() + ".x()").replace(".x", ""),
                        HotSites.shortName(top.call().callee()), top.call().failureMessage()))
                .explanation("Escape analysis works only within the inlined scope: an object handed to a call that is not "
                        + "inlined escapes, so compiled code still allocates it." + list)
                .figure(Figure.share("blocked allocation share", share))
                .figure(Figure.bytes("blocked allocation weight", weight))
                .figure(Figure.text("allocation site", top.site().frames().get(0).toString()))
                .figure(Figure.text("allocated class", top.allocatedClass()))
                .figure(Figure.text("refused call", top.call().caller() + " @" + top.call().bci() + " -> "
                        + top.call().callee()))
                .figure(Figure.text("reason", top.call().failureMessage()));
        FlagChange flag = flagFor(ctx, top.call().reason());
        if (flag != null) {
            f.recommend(Recommendation.flags("Let C2 inline " + HotSites.shortName(top.call().callee())
                    + " so the allocation can be removed: " + flag.option(), flag)
                    .effect(Metric.THROUGHPUT, "allocation rate", Effect.Direction.DECREASE, -share,
                            String.format(Locale.ROOT, "up to %.0f %% less allocation when the call inlines (A/B required)",
                                    share * 100))
                    .confidence(0.4).risk("applies to every compiled method: more compiled code")
                    .references("rules.md ALLOC-03", "JDK-8234863 RFR").build());
        }
        f.recommend(Recommendation.action("Make " + HotSites.shortName(top.call().callee()) + " inlinable at "
                        + HotSites.shortName(top.site().method()),
                "Split the cold part out of the callee (or pass the fields instead of the object) so the "
                        + top.allocatedClass() + " does not escape; verify with -XX:+UnlockDiagnosticVMOptions "
                        + "-XX:+PrintInlining or JITWatch (LogCompilation shows eliminated allocations)")
                .effect(Metric.THROUGHPUT, "allocation rate", Effect.Direction.DECREASE, -share,
                        String.format(Locale.ROOT, "up to %.0f %% less allocation", share * 100))
                .confidence(0.6).references("rules.md ALLOC-03", "JDK-8234863 RFR").build());
        return List.of(f.build());
    }

    /** The INL-* flag for a refusal reason, or {@code null} when no flag fits. */
    static FlagChange flagFor(RuleContext ctx, InlineReason reason) {
        switch (reason) {
            case SIZE_HOT: {
                Long v = ctx.flagLong("FreqInlineSize");
                return v != null && v >= 500 ? null : FlagChange.set("FreqInlineSize", 500);
            }
            case CODE_SIZE: {
                Long v = ctx.flagLong("InlineSmallCode");
                return v != null && v >= 4000 ? null : FlagChange.set("InlineSmallCode", 4000);
            }
            case DEPTH: {
                Long v = ctx.flagLong("MaxInlineLevel");
                long now = v == null ? 15 : v;
                return now >= 25 ? null : FlagChange.set("MaxInlineLevel", Math.min(25, now + 5));
            }
            default:
                return null;
        }
    }
}
