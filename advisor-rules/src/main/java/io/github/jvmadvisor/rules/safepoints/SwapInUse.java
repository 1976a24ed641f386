package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.Resources;
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
import io.github.jvmadvisor.core.rule.Units;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SP-06: the machine (or the container) was using swap while the JVM ran ({@code jdk.SwapSpace}, JDK 25
 * recordings: peak of {@code totalSize - freeSize}). A collector touches the whole live heap; a heap page
 * that was swapped out turns a GC pause into disk reads, which shows as GC system time. Swap in use is
 * information; with GC system time high (pauses with {@code sys > user}, or a large system share of GC CPU)
 * it is a warning. The advice is on the host: disable swap for the JVM's container or give it memory.
 */
public final class SwapInUse implements Rule {

    static final Parameter<Double> USED_SHARE = Parameter.number("usedShare", 0.05,
            "swap in use over swap size (fraction) at which the rule speaks (garbagecat: less than 95 % free)", true);
    static final Parameter<Double> SYS_SHARE = Parameter.number("sysShare", 0.3,
            "system share of GC pause CPU time (fraction) that counts as high", true);
    static final Parameter<Double> SYS_OVER_USER = Parameter.number("sysOverUserFraction", 0.05,
            "share of judged GC pauses with sys > user (fraction) that counts as high", true);

    @Override
    public String id() {
        return "SP-06";
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "Swap in use";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC_CPU, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(USED_SHARE, SYS_SHARE, SYS_OVER_USER);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Long used = ctx.evidence().resources().map(Resources::memory).map(Resources.NativeMemory::swapUsedPeakBytes)
                .orElse(null);
        Long total = ctx.jvm().map(JvmConfig::machine).map(m -> m.swapBytes()).orElse(null);
        if (used == null || used <= 0) {
            return List.of();
        }
        // the recording's swap size is the largest totalSize seen; without it, judge the bytes alone
        double share = total == null || total <= 0 ? 1.0 : Math.min(1.0, used / (double) total);
        if (share < ctx.param(USED_SHARE)) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        GcMetrics.PauseCpu cpu = m == null ? null : m.pauseCpu();
        Double sysShare = cpu == null ? null : cpu.sysShare();
        Double sysOverUser = cpu == null ? null : cpu.sysOverUserFraction();
        boolean sysHigh = (sysShare != null && sysShare >= ctx.param(SYS_SHARE))
                || (sysOverUser != null && sysOverUser >= ctx.param(SYS_OVER_USER));
        // swap alone: info (25 to 50 by how much is used); with GC system time high: a warning
        double score = sysHigh ? Math.max(75, Scores.rising(sysShare == null ? 0 : sysShare, ctx.param(SYS_SHARE), 1.0))
                : Math.min(50, Scores.rising(share, ctx.param(USED_SHARE), 1.0));
        Finding.Builder f = Finding.of(this, score)
                .summary(String.format(Locale.ROOT, "%s of swap in use%s%s", Units.bytes(used),
                        total == null || total <= 0 ? "" : " (" + Math.round(100 * share) + " % of " + Units.bytes(total) + ")",
                        sysHigh ? ", with GC pauses spending their time in the kernel" : ""))
                .explanation("The machine or container swapped pages out while the JVM ran. A collector walks the live "
                        + "heap; a swapped-out heap page makes a GC thread wait for the disk, which shows as system time "
                        + "in the pauses"
                        + (cpu == null ? " (no GC CPU times in the evidence to tell whether it did here)."
                                : sysHigh ? ", as it does here." : "; the GC CPU times here do not show it yet."))
                .figure(Figure.bytes("swap in use (peak)", used))
                .figure(Figure.share("swap in use share", share));
        if (total != null && total > 0) {
            f.figure(Figure.bytes("swap size", total));
        }
        if (sysShare != null) {
            f.figure(Figure.share("system share of GC CPU", sysShare));
        }
        if (sysOverUser != null) {
            f.figure(Figure.share("pauses with sys > user", sysOverUser));
        }
        f.recommend(Recommendation.action("Keep the JVM out of swap",
                        "Disable swap for the JVM's container (Kubernetes: no swap for the pod, or memory.swap.max=0 in "
                                + "cgroup v2), or give the container or host enough memory for the heap plus native "
                                + "memory (HEAP-02), or reduce the heap so that it fits in RAM.")
                .effect(Metric.LATENCY, sysHigh ? "system share of GC CPU" : "swap in use (peak)",
                        Effect.Direction.DECREASE, null, "GC threads no longer wait for swapped-out pages")
                .confidence(sysHigh ? 0.7 : 0.4)
                .references("rules.md SP-06", "garbagecat info.swapping", "garbagecat info.swap.disabled")
                .build());
        return List.of(f.build());
    }
}
