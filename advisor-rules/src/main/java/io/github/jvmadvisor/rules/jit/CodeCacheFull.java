package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.model.JitProfile;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JIT-01: the code cache filled up ({@code jdk.CodeCacheFull}: compilation stops, the application runs
 * interpreted from then on) or a code heap is filling (JMC's limits: 50 % used info, 80 % warning).
 * Recommends {@code ReservedCodeCacheSize} = min(2 GB, 2 x current) and keeping
 * {@code UseCodeCacheFlushing} on.
 */
public final class CodeCacheFull implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoOccupancy", 0.5,
            "peak occupancy of a method code heap (0 to 1) at which the finding is info (JMC)", false);
    static final Parameter<Double> WARN = Parameter.number("warnOccupancy", 0.8,
            "peak occupancy of a method code heap (0 to 1) at which it is a warning (JMC)", false);

    static final long MAX = 2L << 30;

    @Override
    public String id() {
        return "JIT-01";
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "Code cache full or filling";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.JIT);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        JitProfile.CodeCache cc = ctx.evidence().jit().orElseThrow().codeCache();
        JitProfile.CodeHeap fullest = null;
        for (JitProfile.CodeHeap h : cc.heaps()) {
            if (h.peakOccupancy() != null && !h.blobType().contains("non-nmethods")
                    && (fullest == null || h.peakOccupancy() > fullest.peakOccupancy())) {
                fullest = h;
            }
        }
        double occ = fullest == null ? 0 : fullest.peakOccupancy();
        if (cc.fullEvents() == 0 && occ < ctx.param(INFO)) {
            return List.of();
        }
        double score = cc.fullEvents() > 0 ? 95 : Scores.rising(occ, ctx.param(INFO), ctx.param(WARN));
        Long reserved = cc.configuration() != null ? cc.configuration().reservedSizeBytes() : null;
        if (reserved == null) {
            reserved = ctx.flagLong("ReservedCodeCacheSize");
        }
        Finding.Builder f = Finding.of(this, score)
                .summary(cc.fullEvents() > 0 ? "The code cache was full " + cc.fullEvents() + " time"
                        + (cc.fullEvents() == 1 ? "" : "s") + ": the JIT stopped compiling"
                        : String.format(Locale.ROOT, "%s is %.0f %% full", fullest.blobType(), occ * 100))
                .explanation("When the code cache is full the JVM stops compiling ('CodeCache is full. Compiler has been "
                        + "disabled.') and new hot code runs interpreted.")
                .figure(Figure.count("code cache full events", cc.fullEvents()));
        if (fullest != null) {
            f.figure(Figure.share("peak code heap occupancy", occ)).figure(Figure.text("code heap", fullest.blobType()));
        }
        if (reserved != null) {
            f.figure(Figure.bytes("reserved code cache", reserved));
            long next = Math.min(MAX, 2 * reserved);
            if (next > reserved) {
                f.recommend(Recommendation.flags("Double the code cache to " + Units.bytes(next),
                        FlagChange.set("ReservedCodeCacheSize", Units.optionSize(next)))
                        .effect(Metric.THROUGHPUT, "jdk.CodeCacheFull count", Effect.Direction.ELIMINATE, null,
                                "the code cache no longer fills; compilation continues")
                        .confidence(cc.fullEvents() > 0 ? 0.9 : 0.6)
                        .risk("reserves " + Units.bytes(next - reserved) + " more virtual memory (committed as used)")
                        .references("rules.md JIT-01", "JMC CodeCache", "java(1) ReservedCodeCacheSize").build());
            }
        }
        if (Boolean.FALSE.equals(ctx.flagBoolean("UseCodeCacheFlushing"))) {
            f.recommend(Recommendation.flags("Keep code cache flushing on", FlagChange.enable("UseCodeCacheFlushing"))
                    .effect(Metric.THROUGHPUT, "jdk.CodeCacheFull count", Effect.Direction.DECREASE, null,
                            "cold compiled code is flushed to make room")
                    .confidence(0.8).references("rules.md JIT-01", "joa info.use.code.cache.flushing.disabled").build());
        }
        return List.of(f.build());
    }
}
