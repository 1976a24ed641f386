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
import java.util.List;
import java.util.Set;

/**
 * ALLOC-06: a large share of the allocated bytes bypasses thread-local allocation buffers
 * ({@code jdk.ObjectAllocationOutsideTLAB}). Such allocations take the shared slow path; they are
 * almost always large arrays, which under G1 may be humongous. The fix is in the code (reuse or chunk the
 * arrays) or G1's region size (G1-03); TLAB flags rarely help ({@code ResizeTLAB} is on). Needs the TLAB
 * events, off in both shipped settings.
 */
public final class OutsideTlabAllocation implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoRatio", 0.10,
            "share of allocated bytes outside TLABs (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN = Parameter.number("warnRatio", 0.30,
            "share of allocated bytes outside TLABs (0 to 1) at which it is a warning", true);

    @Override
    public String id() {
        return "ALLOC-06";
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Allocation outside TLABs";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.ALLOCATION);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        AllocationProfile a = ctx.evidence().allocation().orElseThrow();
        AllocationProfile.Tlab t = a.tlab();
        if (t == null || t.outsideRatio() == null || t.outsideRatio() < ctx.param(INFO)) {
            return List.of();
        }
        double ratio = t.outsideRatio();
        Finding.Builder b = Finding.of(this, Scores.rising(ratio, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(java.util.Locale.ROOT, "%.1f %% of allocated bytes bypass TLABs", ratio * 100))
                .explanation("Allocations outside a thread-local buffer take the shared slow path; usually large arrays.")
                .figure(Figure.share("outside-TLAB share", ratio))
                .figure(Figure.bytes("outside-TLAB bytes", t.outsideTlabBytes()))
                .figure(Figure.count("outside-TLAB allocations", t.outsideTlabEvents()));
        String where = "";
        if (!t.outsideSites().isEmpty()) {
            AllocationProfile.Site s = t.outsideSites().get(0);
            b.figure(Figure.text("top outside-TLAB site", s.frames().get(0).toString()));
            where = " at " + s.frames().get(0) + (s.classes().isEmpty() ? "" : " (" + s.classes().get(0).name() + ")");
        }
        b.recommend(Recommendation.action("Reuse or chunk the large allocations" + where,
                "Large arrays allocated outside TLABs: pool or reuse them, or allocate smaller chunks; under G1 check "
                        + "humongous allocations (G1-03). TLAB sizing flags are rarely needed (ResizeTLAB is on)")
                .effect(Metric.THROUGHPUT, "outside-TLAB share", Effect.Direction.DECREASE, null,
                        "fewer bytes take the slow allocation path")
                .confidence(0.5).references("rules.md ALLOC-06", "JMC TlabAllocationRatio").build());
        return List.of(b.build());
    }
}
