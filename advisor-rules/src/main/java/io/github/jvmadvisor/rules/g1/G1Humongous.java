package io.github.jvmadvisor.rules.g1;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
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
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * G1-03: objects of half a region or more are humongous: G1 allocates them in whole regions of the old
 * generation and starts collections for them ({@code G1 Humongous Allocation}). When they drive many of the
 * collections or fill many regions, a region size that makes the large objects regular helps:
 * {@code G1HeapRegionSize = next power of two of 2 x the large-object size}, at most 32 MB on JDK 17 and
 * 512 MB from 18. The large-object size is the user's (parameter {@code largeObjectBytes}, the p95 size),
 * else the mean outside-TLAB allocation of a recording when that is humongous, else assumed to be up to
 * two regions (the GC log shows only that the objects are at least half a region).
 *
 * <p>The share of collections counts every pause whose cause is {@code G1 Humongous Allocation}, remark
 * and cleanup of the cycles such an allocation started included, over all pauses; the region share is the
 * peak of humongous regions over the regions of the maximum heap (the log gives no old-generation region
 * count per pause in the metrics).
 */
public final class G1Humongous implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.10,
            "share of pauses started by humongous allocations, or of heap regions humongous at peak, at which the "
                    + "finding is info (fraction)", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.30,
            "the same share at which it is a warning (fraction)", true);
    static final Parameter<Long> LARGE_OBJECT = Parameter.whole("largeObjectBytes", 0,
            "p95 size of the application's large objects in bytes, when known (0: estimate)", false);

    private static final long MB = 1024L * 1024;

    @Override
    public String id() {
        return "G1-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "Humongous allocation pressure";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.ALLOCATION);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE, LARGE_OBJECT);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long pauses = m.pauses() == null ? 0 : m.pauses().count();
        long hum = m.humongousAllocations();
        double pauseShare = pauses > 0 ? (double) hum / pauses : 0;
        Long region = regionSize(ctx);
        Long xmx = ctx.maxHeap();
        Double regionShare = null;
        if (region != null && xmx != null && m.humongousRegionsPeak() != null) {
            regionShare = m.humongousRegionsPeak() / (double) (xmx / region);
        }
        double info = ctx.param(INFO_SHARE);
        double share = Math.max(pauseShare, regionShare == null ? 0 : regionShare);
        if (share < info) {
            return List.of();
        }
        double score = Scores.rising(share, info, ctx.param(WARN_SHARE));
        Finding.Builder f = Finding.of(this, score)
                .summary(hum + " of " + pauses + " G1 pauses (" + GcFacts.pct(pauseShare) + ") came from humongous allocations"
                        + (m.humongousRegionsPeak() != null ? "; up to " + m.humongousRegionsPeak() + " humongous regions" : ""))
                .explanation("Objects of at least half a region (" + (region == null ? "region size unknown"
                        : Units.bytes(region / 2)) + ") are allocated as humongous: in whole old regions, each one able to "
                        + "start a collection. They drive " + GcFacts.pct(pauseShare) + " of the pauses"
                        + (regionShare != null ? " and took up to " + GcFacts.pct(regionShare) + " of the heap's regions" : "")
                        + ".")
                .figure(Figure.count("humongous-allocation pauses", hum))
                .figure(Figure.share("share of pauses", pauseShare));
        if (m.humongousRegionsPeak() != null) {
            f.figure(Figure.count("humongous regions at peak", m.humongousRegionsPeak()));
        }
        if (regionShare != null) {
            f.figure(Figure.share("share of heap regions", regionShare));
        }
        if (region != null) {
            f.figure(Figure.bytes("region size", region));
        }
        String chunk = "Allocate large arrays in chunks below half a region (or reuse them), so they are regular objects";
        Recommendation.Builder fix = Recommendation.action("Avoid the large allocations",
                "Find the sites with a recording (jdk.ObjectAllocationOutsideTLAB, or jdk.ObjectAllocationSample weights) and "
                        + chunk.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + chunk.substring(1))
                .effect(Metric.LATENCY, "G1 Humongous Allocation pause count", Effect.Direction.DECREASE, null,
                        "fewer collections started by humongous allocations")
                .confidence(0.5).references("rules.md G1-03");
        if (region == null) {
            f.recommend(fix.build());
            return List.of(f.build());
        }
        long size;
        String sizeSource;
        double confidence;
        AllocationProfile.Tlab tlab = ctx.evidence().allocation().map(AllocationProfile::tlab).orElse(null);
        if (ctx.param(LARGE_OBJECT) > 0) {
            size = ctx.param(LARGE_OBJECT);
            sizeSource = "the given large-object size";
            confidence = 0.8;
        } else if (tlab != null && tlab.outsideTlabEvents() > 0
                && tlab.outsideTlabBytes() / tlab.outsideTlabEvents() >= region / 2) {
            size = tlab.outsideTlabBytes() / tlab.outsideTlabEvents();
            sizeSource = "the mean outside-TLAB allocation of the recording";
            confidence = 0.6;
        } else {
            size = 2 * region;
            sizeSource = "an assumed large-object size of two regions (set G1-03.largeObjectBytes to the real p95)";
            confidence = 0.4;
        }
        long cap = ctx.targetJdk() <= 17 ? 32 * MB : 512 * MB;
        long wanted = Math.max(MB, GcFacts.nextPow2(2 * size));
        long to = Math.min(wanted, cap);
        f.figure(Figure.bytes("large-object size", size));
        if (to <= region) {
            f.recommend(fix.build());
            return List.of(f.build());
        }
        String risk = null;
        if (xmx != null && xmx / to < 2048) {
            risk = "only " + (xmx / to) + " regions of " + Units.bytes(to) + " in a " + Units.bytes(xmx)
                    + " heap (G1 aims at about 2048): coarser young-generation sizing and more waste per region";
            if (xmx / to < 256) {
                confidence = Math.min(confidence, 0.3);
            }
        }
        f.recommend(Recommendation.flags("Use " + Units.bytes(to) + " G1 regions",
                FlagChange.set("G1HeapRegionSize", Units.optionSize(to)))
                .effect(Metric.LATENCY, "G1 Humongous Allocation pause count", Effect.Direction.ELIMINATE, -1.0,
                        "objects below " + Units.bytes(to / 2) + " (from " + sizeSource + ": " + Units.bytes(size)
                                + ") become regular allocations" + (wanted > cap ? "; JDK " + ctx.targetJdk()
                                        + " caps the region at " + Units.bytes(cap) + ", larger objects stay humongous" : ""))
                .confidence(confidence).risk(risk).forCollector(Collector.G1)
                .references("rules.md G1-03", "Oracle G1 tuning guide", "hubspot regionsize.py").build());
        f.recommend(fix.build());
        return List.of(f.build());
    }

    private static Long regionSize(RuleContext ctx) {
        if (ctx.setup() != null && ctx.setup().regionSizeBytes() != null) {
            return ctx.setup().regionSizeBytes();
        }
        Long f = ctx.flagLong("G1HeapRegionSize");
        return f != null && f > 0 ? f : null;
    }
}
