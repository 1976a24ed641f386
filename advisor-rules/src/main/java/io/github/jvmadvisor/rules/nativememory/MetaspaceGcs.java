package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
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
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.RuleSupport;
import java.util.List;
import java.util.Set;

/**
 * NAT-02: collections started by the metaspace high-water mark ({@code Metadata GC Threshold}, and
 * {@code Metadata GC Clear Soft References}). Each is a full or concurrent collection run only to raise the
 * threshold while classes load. Recommends {@code MetaspaceSize} at 1.3x the peak metaspace (Hunt & John
 * 1.2-1.5x), so the first threshold already covers the steady state. The peak is the committed metaspace when
 * the evidence has it: the threshold is compared with committed memory, which runs about a quarter above used
 * (the verified-advice suite found 1.3x used still crossed).
 */
public final class MetaspaceGcs implements Rule {

    static final Parameter<Long> INFO_COUNT = Parameter.whole("infoCount", 1,
            "metadata-threshold collections at which the finding is info", true);
    static final Parameter<Long> WARN_COUNT = Parameter.whole("warnCount", 5,
            "metadata-threshold collections at which it is a warning", true);
    static final Parameter<Double> FACTOR = Parameter.number("factor", 1.3,
            "MetaspaceSize as a multiple of peak metaspace, committed when known, else used (Hunt & John 1.2-1.5)", false);

    @Override
    public String id() {
        return "NAT-02";
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "Collections triggered by metaspace";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_COUNT, WARN_COUNT, FACTOR);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long n = RuleSupport.pausesCausedBy(ctx, "Metadata GC");
        if (n == 0) {
            n = RuleSupport.fullGcsCausedBy(ctx, "Metadata GC");
        }
        if (n == 0) {
            return List.of();
        }
        double ms = RuleSupport.pauseMillisCausedBy(ctx, "Metadata GC");
        GcMetrics m = ctx.metrics();
        Long used = ctx.evidence().resources().map(Resources::memory).map(Resources.NativeMemory::metaspaceUsedPeakBytes)
                .orElse(null);
        if (used == null && m.metaspace() != null) {
            used = m.metaspace().peakUsedBytes();
        }
        // the high-water mark is compared with committed metaspace, which runs a quarter or so above used
        Long committed = ctx.evidence().resources().map(Resources::memory)
                .map(Resources.NativeMemory::metaspaceCommittedPeakBytes).orElse(null);
        if (committed == null && m.metaspace() != null) {
            committed = m.metaspace().peakCommittedBytes();
        }
        double info = ctx.param(INFO_COUNT);
        double warn = Math.max(info + 1, ctx.param(WARN_COUNT));
        Finding.Builder f = Finding.of(this, Math.max(25, Scores.rising(n, info, warn)))
                .summary(n + " collection" + (n == 1 ? "" : "s") + " started by the metaspace threshold ("
                        + Units.millis(ms) + " of pauses)")
                .explanation("When loaded classes reach the metaspace high-water mark (MetaspaceSize, 21 MB at start) the "
                        + "JVM collects to unload classes and then raises the mark; while classes keep loading that repeats.")
                .figure(Figure.count("metadata GC threshold collections", n))
                .figure(Figure.millis("their pause time", ms));
        if (used != null) {
            long base = committed != null && committed > used ? committed : used;
            long size = (long) Math.ceil(ctx.param(FACTOR) * base / (1 << 20)) << 20;
            f.figure(Figure.bytes("metaspace used peak", used));
            if (committed != null) {
                f.figure(Figure.bytes("metaspace committed peak", committed));
            }
            f.recommend(Recommendation.flags("Start the metaspace threshold at " + Units.bytes(size),
                    FlagChange.option("-XX:MetaspaceSize=" + Units.optionSize(size)))
                    .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.ELIMINATE, -1.0,
                            "no collection runs only to raise the metaspace threshold")
                    .confidence(0.8)
                    .references("rules.md NAT-02", "Hunt & John, Java Performance ch. 7 (1.2-1.5x)",
                            "garbagecat error.metaspace.allocation.failure").build());
        } else {
            f.recommend(Recommendation.action("Measure metaspace after warm-up, then set MetaspaceSize to 1.3x it",
                    "Record jdk.MetaspaceSummary (JFR default settings) or -Xlog:gc+metaspace to see metaspace use")
                    .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.ELIMINATE, -1.0,
                            "no collection runs only to raise the metaspace threshold")
                    .confidence(0.5).references("rules.md NAT-02").build());
        }
        return List.of(f.build());
    }
}
