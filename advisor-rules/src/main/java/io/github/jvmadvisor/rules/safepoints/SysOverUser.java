package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
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
import java.util.Locale;
import java.util.Set;

/**
 * SP-04: GC pauses where the kernel used more CPU than the collector ({@code sys > user}). Collecting is
 * user-space work: copying and marking objects. System time above it means the GC threads spent the pause in
 * the kernel, typically faulting in pages that were swapped out, compacting memory for transparent huge
 * pages, or touching heap memory for the first time. The cause is on the host (swap, THP defrag, memory
 * pressure), so the advice is to check it (NAT-05, SP-06), not a collector flag.
 */
public final class SysOverUser implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoFraction", 0.05,
            "share of judged pauses (>= 10 ms) with sys > user (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN = Parameter.number("warnFraction", 0.25,
            "share of judged pauses with sys > user (0 to 1) at which it is a warning", true);
    static final Parameter<Long> MIN_PAUSES = Parameter.whole("minPauses", 3,
            "pauses with sys > user (count) needed before the rule speaks", true);

    @Override
    public String id() {
        return "SP-04";
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "GC system time above user time";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    /** The collectors that report CPU times per pause ({@code gc,cpu}, {@code jdk.GCCPUTime}). */
    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SERIAL, Collector.PARALLEL, Collector.G1, Collector.CMS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN, MIN_PAUSES);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics.PauseCpu p = ctx.metrics().pauseCpu();
        if (p == null || p.judged() == 0 || p.sysOverUser() < ctx.param(MIN_PAUSES)) {
            return List.of();
        }
        double share = p.sysOverUserFraction();
        if (share < ctx.param(INFO)) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, Scores.rising(share, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(Locale.ROOT, "%d of %d GC pauses of 10 ms or more spent more CPU in the "
                        + "kernel than in the collector (sys/user up to %.1f)", p.sysOverUser(), p.judged(),
                        p.highestSysToUser()))
                .explanation("Garbage collection is user-space work. When system time exceeds it, the GC threads were "
                        + "in the kernel: faulting in swapped-out pages, waiting for transparent-huge-page compaction, "
                        + "or touching fresh heap memory. The host, not the collector, makes these pauses long.")
                .figure(Figure.share("pauses with sys > user", share))
                .figure(Figure.count("pauses with sys > user", p.sysOverUser()))
                .figure(Figure.count("pauses judged", p.judged()))
                .figure(Figure.of("highest sys/user", p.highestSysToUser(), "ratio"));
        if (p.sysShare() != null) {
            f.figure(Figure.share("system share of GC CPU", p.sysShare()));
        }
        f.recommend(Recommendation.action("Check the host for swapping and huge-page compaction",
                        "Look for swap use (free -m, jdk.SwapSpace on JDK 25; SP-06) and disable swap for the JVM's "
                                + "container; check /sys/kernel/mm/transparent_hugepage/{enabled,defrag}: synchronous "
                                + "defrag stalls allocating threads (use defer+madvise, NAT-05); keep the container's "
                                + "memory limit clear of the JVM's footprint so the kernel does not reclaim its pages.")
                .effect(Metric.LATENCY, "pauses with sys > user", Effect.Direction.DECREASE, null,
                        "pauses no longer wait in the kernel")
                .confidence(0.5)
                .references("rules.md SP-04", "garbagecat warn.sys.gt.user", "Oracle G1 tuning guide: real vs user/sys")
                .build());
        return List.of(f.build());
    }
}
