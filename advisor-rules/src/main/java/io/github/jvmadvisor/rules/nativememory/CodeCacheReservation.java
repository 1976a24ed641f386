package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.heap.MemoryBudget;
import java.util.List;
import java.util.Set;

/**
 * NAT-07: a code-cache reservation raised far above use. {@code ReservedCodeCacheSize} is virtual address
 * space, not memory: only the committed, used part counts. Raising it does no harm to the JVM itself but
 * misleads static memory calculators (Paketo budgets the reservation) and hides how much code cache the
 * service needs. Fires when the flag was raised above the 240 MB default and the peak use from the recording's
 * code-cache statistics is a small share of it; the container budget should count the used peak instead.
 */
public final class CodeCacheReservation implements Rule {

    static final long DEFAULT = 240L << 20;

    static final Parameter<Double> SHARE = Parameter.number("usedShare", 0.10,
            "peak code-cache use over the reservation (fraction) below which the reservation is far above use", true);

    @Override
    public String id() {
        return "NAT-07";
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "Code cache reserved far above use";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.JIT, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!ctx.asked("ReservedCodeCacheSize")) {
            return List.of();
        }
        JitProfile.CodeCache cc = ctx.evidence().jit().orElseThrow().codeCache();
        Long reserved = ctx.flagLong("ReservedCodeCacheSize");
        if (reserved == null && cc.configuration() != null) {
            reserved = cc.configuration().reservedSizeBytes();
        }
        long used = 0;
        boolean any = false;
        for (JitProfile.CodeHeap h : cc.heaps()) {
            if (h.reservedBytes() != null && h.peakOccupancy() != null) {
                used += (long) (h.reservedBytes() * h.peakOccupancy());
                any = true;
            }
        }
        if (reserved == null || !any || reserved <= DEFAULT || cc.fullEvents() > 0) {
            return List.of();
        }
        double share = used / (double) reserved;
        if (share >= ctx.param(SHARE)) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, 30)
                .summary("ReservedCodeCacheSize=" + ctx.flag("ReservedCodeCacheSize") + " reserves "
                        + Units.bytes(reserved) + " but the code cache peaked at " + Units.bytes(used))
                .explanation("The reservation is virtual address space; only the used, committed part costs memory. A "
                        + "large reservation misleads memory calculators that budget it (Paketo) and hides the real need: "
                        + "budget the used peak (HEAP-02) and keep the reservation near the default unless the code cache "
                        + "fills (JIT-01).")
                .figure(Figure.bytes("reserved code cache", reserved))
                .figure(Figure.bytes("code cache used peak", used))
                .figure(Figure.share("used share of the reservation", share));
        Recommendation.Builder rec = used < DEFAULT / 2
                ? Recommendation.flags("Drop the raised reservation (default 240 MB)",
                        FlagChange.remove("ReservedCodeCacheSize"))
                : Recommendation.flags("Reserve twice the used peak",
                        FlagChange.set("ReservedCodeCacheSize", Units.optionSize(2 * used)));
        f.recommend(rec.effect(Metric.FOOTPRINT, "container budget (non-heap)", Effect.Direction.DECREASE, null,
                        "memory budgets count the code cache actually used")
                .confidence(0.6).risk("keep an eye on jdk.CodeCacheFull after the change (JIT-01)")
                .references("rules.md NAT-07", "rules.md section 7 (Code = committed peak)").build());
        return List.of(f.build());
    }
}
