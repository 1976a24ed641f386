package io.github.jvmadvisor.rules.escapeanalysis;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALLOC-05: a heap of many small objects on JDK 25, where compact object headers
 * ({@code -XX:+UseCompactObjectHeaders}, JEP 519, a product flag that is off by default) shrink every
 * object header from 12 to 8 bytes. The smaller the objects, the larger the share the header takes, so a
 * live heap whose mean object (from the class histogram) is small, and that fills much of the maximum heap,
 * gains the most. The saving is at most 4 bytes per object (alignment may eat it), so the advice is an A/B
 * test.
 */
public final class CompactObjectHeaders implements Rule {

    static final Parameter<Double> MEAN_SIZE = Parameter.number("meanObjectBytes", 32,
            "mean size of a live object (bytes) below which the finding applies", true);
    static final Parameter<Double> HEAP_BOUND = Parameter.number("heapOccupancy", 0.4,
            "live heap over the maximum heap (0 to 1) from which the heap counts as the constraint", true);
    /** Bytes a compact header saves per object (12-byte header to 8). */
    static final int SAVED_PER_OBJECT = 4;

    @Override
    public String id() {
        return "ALLOC-05";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Compact object headers for a heap of small objects";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.OBJECT_HISTOGRAM);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MEAN_SIZE, HEAP_BOUND);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        AllocationProfile.Histogram h = ctx.evidence().allocation().orElseThrow().histogram();
        if (ctx.targetJdk() < 25 || h == null || h.meanInstanceBytes() == null
                || Boolean.TRUE.equals(ctx.flagBoolean("UseCompactObjectHeaders"))) {
            return List.of();
        }
        double mean = h.meanInstanceBytes();
        Long max = ctx.maxHeap();
        if (mean >= ctx.param(MEAN_SIZE) || max == null || max <= 0) {
            return List.of();
        }
        double occupancy = h.liveBytes() / (double) max;
        if (occupancy < ctx.param(HEAP_BOUND)) {
            return List.of();
        }
        double saving = Math.min(1.0, SAVED_PER_OBJECT * (double) h.listedInstances() / h.listedBytes());
        Finding.Builder f = Finding.of(this, Scores.falling(mean, ctx.param(MEAN_SIZE), ctx.param(MEAN_SIZE) / 2))
                .summary(String.format(Locale.ROOT, "the live heap holds %d objects of %.1f bytes on average and fills "
                        + "%.0f %% of the maximum heap", h.listedInstances(), mean, occupancy * 100))
                .explanation("Every object carries a header; with small objects it is a large part of the heap. Compact "
                        + "object headers (JDK 25, JEP 519) save 4 bytes per object.")
                .figure(Figure.of("mean object size", mean, "bytes"))
                .figure(Figure.count("live objects (listed classes)", h.listedInstances()))
                .figure(Figure.bytes("live heap", h.liveBytes()))
                .figure(Figure.share("live heap over max heap", occupancy))
                .figure(Figure.share("header saving, at most", saving));
        f.recommend(Recommendation.flags("Try compact object headers (A/B test)", FlagChange.enable("UseCompactObjectHeaders"))
                .effect(Metric.FOOTPRINT, "live heap", Effect.Direction.DECREASE, -saving,
                        "up to " + Units.bytes((long) SAVED_PER_OBJECT * h.listedInstances()) + " less live heap ("
                                + SAVED_PER_OBJECT + " bytes per object; alignment may take some back)")
                .confidence(0.5)
                .risk("new in JDK 25 (product, off by default): measure latency and throughput against the current "
                        + "headers before rolling out")
                .jdks(25)
                .references("rules.md ALLOC-05", "JEP 519", "JEP 450")
                .build());
        return List.of(f.build());
    }
}
