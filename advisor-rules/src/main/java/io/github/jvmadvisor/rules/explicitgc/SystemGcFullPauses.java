package io.github.jvmadvisor.rules.explicitgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.RuleSupport;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * EXP-01: {@code System.gc()} calls make stop-the-world full collections. With G1 the JVM can run them
 * as concurrent cycles instead ({@code -XX:+ExplicitGCInvokesConcurrent}); Serial and Parallel have no
 * concurrent cycle, so there {@code -XX:+DisableExplicitGC} ignores the calls, unless NIO direct buffers or RMI's
 * distributed GC depend on them (then the callers must go).
 *
 * <p>Scored by the share of pause time the explicit collections cost: their own pauses, plus what they cause. A
 * full collection sizes the heap to what survived it, so in a run whose heap had grown, each explicit one shrinks
 * the committed heap, and young collections come more often until it has grown back. Of the young pauses in
 * those regrowth windows, the share a heap kept at its earlier size would not have needed is counted with the
 * explicit collections ({@link GcMetrics.ExplicitGcShrinks}: at a committed heap {@code C} instead of {@code C0},
 * {@code 1 - C / C0} of each). Seen on G1 with {@code System.gc()} every 0.5 s (JDK 25, 1 GB heap): the heap fell
 * from about 1 GB to 357 MB at each call and 421 young pauses (5.3 s) followed, against 0.75 s of explicit
 * pauses; {@code ExplicitGCInvokesConcurrent} alone gave 18 % more work done. On the test workload of that
 * shape ({@code ExplicitGcStormWorkload 5000 500 30 32768 0}, JDK 25, two runs each) young collections per GB
 * allocated were 22 and 25; with {@code ExplicitGCInvokesConcurrent} 19 and 8 (G1 still shrinks the heap at the
 * cycle's Remark); with {@code -Xms1g}, which keeps the full collections from shrinking it, 3 and 2.
 */
public final class SystemGcFullPauses implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.05,
            "share of all pause time spent in System.gc() collections and the young pauses their heap shrinks "
                    + "cause, at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.25,
            "that share at which it is a warning", true);
    static final Parameter<Long> DIRECT_BYTES = Parameter.whole("directBytes", 8L * 1024 * 1024,
            "peak direct-buffer memory in bytes (jdk.DirectBufferStatistics) at which DisableExplicitGC is judged risky", true);

    @Override
    public String id() {
        return "EXP-01";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "System.gc() makes stop-the-world full collections";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE, DIRECT_BYTES);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long fulls = RuleSupport.fullGcsCausedBy(ctx, "System.gc");
        double ms = RuleSupport.pauseMillisCausedBy(ctx, "System.gc");
        Collector c = ctx.collector();
        if (fulls == 0 || c == Collector.ZGC || c == Collector.SHENANDOAH) {
            // ZGC and Shenandoah (ExplicitGCInvokesConcurrent set ergonomically) run them concurrently
            return List.of();
        }
        double total = m.pauses().totalMillis();
        double ownShare = total > 0 ? ms / total : 1;
        GcMetrics.ExplicitGcShrinks shrinks = GcFacts.explicitShrinks(m);
        double youngMs = shrinks == null ? 0 : shrinks.attributedYoungMillis();
        double share = total > 0 ? Math.min(1, (ms + youngMs) / total) : 1;
        double score = Math.max(30, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)));
        String storm = shrinks == null ? "" : "; they shrink the committed heap from "
                + Units.bytes(shrinks.committedBeforeBytes()) + " to " + Units.bytes(shrinks.committedAfterBytes())
                + (shrinks.youngPauses() == 0 ? "" : ", and " + shrinks.youngPauses() + " young pauses ("
                        + Units.millis(shrinks.youngMillis()) + ") follow while it regrows");
        // the storm's share, when at least one young pause's worth is attributed to the shrinks
        boolean storms = shrinks != null && Math.round(shrinks.attributedYoungPauses()) >= 1;
        Finding.Builder f = Finding.of(this, score)
                .summary(fulls + " full GC" + (fulls == 1 ? "" : "s") + " from System.gc() took "
                        + Units.millis(ms) + " of pauses" + storm)
                .explanation("Explicit System.gc() calls stop the application for a full collection. They took "
                        + GcFacts.pct(ownShare) + " of all pause time." + (shrinks == null ? "" : " Each full "
                        + "collection sizes the heap to what survived it: " + shrinks.shrinks() + " of them shrank the "
                        + "committed heap.") + (shrinks == null || shrinks.youngPauses() == 0 ? "" : " Young collections "
                        + "come more often until it has grown back. Of the " + shrinks.youngPauses() + " young pauses in "
                        + "those windows, about " + Units.number(Math.round(shrinks.attributedYoungPauses())) + " ("
                        + Units.millis(youngMs) + ") are the ones a heap kept at its earlier size would not have "
                        + "needed; with them, explicit collections cost " + GcFacts.pct(share) + " of all pause time.")
                        + (storms ? " Whatever runs the calls, a heap fixed at its maximum (-Xms equal to -Xmx, HEAP-06) "
                                + "keeps them from shrinking it; G1 may still shrink it at the Remark of a concurrent "
                                + "cycle." : ""))
                .figure(Figure.count("System.gc() full GCs", fulls))
                .figure(Figure.millis("System.gc() pause time", ms))
                .figure(Figure.share("share of pause time", ownShare));
        if (shrinks != null) {
            f.figure(Figure.count("System.gc() full GCs that shrink the heap", shrinks.shrinks()))
                    .figure(Figure.bytes("committed heap before them", shrinks.committedBeforeBytes()))
                    .figure(Figure.bytes("committed heap after them", shrinks.committedAfterBytes()));
        }
        if (shrinks != null && shrinks.youngPauses() > 0) {
            f.figure(Figure.count("young pauses while the heap regrows", shrinks.youngPauses()))
                    .figure(Figure.millis("their pause time", shrinks.youngMillis()))
                    .figure(Figure.millis("young pause time attributed to the shrinks", youngMs))
                    .figure(Figure.share("share of pause time with the attributed young pauses", share));
        }
        // ending them shortens the longest pauses (latency) and saves the young pauses the shrinks cause (work):
        // named by the goal's metric, else by the larger of the two
        Metric metric = ctx.goal() != Goal.LATENCY && youngMs > ms ? Metric.THROUGHPUT : Metric.LATENCY;
        String also = !storms ? "" : "; the heap is no longer shrunk by them, so about "
                + Units.number(Math.round(shrinks.attributedYoungPauses())) + " young pauses (" + Units.millis(youngMs)
                + ") go too";
        // a concurrent cycle compacts nothing, but G1 may still shrink the heap at its Remark pause (seen on 17 and
        // 25: 340 MB -> 287 MB), so only part of the young pauses the shrinks cause is sure to go
        String concurrentAlso = !storms ? "" : "; without a compacting full collection the heap shrinks "
                + "less (G1 may still shrink it at the cycle's Remark), so fewer of the "
                + Units.number(Math.round(shrinks.attributedYoungPauses())) + " young pauses (" + Units.millis(youngMs)
                + ") attributed to the shrinks follow";
        if (c == Collector.G1 && !Boolean.TRUE.equals(ctx.flagBoolean("ExplicitGCInvokesConcurrent"))) {
            f.recommend(Recommendation.flags("Run System.gc() as a concurrent G1 cycle",
                    FlagChange.enable("ExplicitGCInvokesConcurrent"))
                    .effect(metric, "System.gc() full GC count", Effect.Direction.ELIMINATE, -1.0,
                            fulls + " full pauses (" + Units.millis(ms)
                                    + ") become concurrent cycles with short pauses" + concurrentAlso)
                    .confidence(0.9).forCollector(Collector.G1)
                    .references("rules.md EXP-01", "garbagecat error.explicit.gc.serial.g1").build());
        }
        if ((c == Collector.SERIAL || c == Collector.PARALLEL)
                && !Boolean.TRUE.equals(ctx.flagBoolean("DisableExplicitGC"))) {
            f.recommend(disable(ctx, c, fulls, ms, metric, also));
        }
        f.recommend(Recommendation.action("Find and remove the System.gc() callers",
                "Record jdk.SystemGC with stack traces (on in the default settings) to find the callers; if none can "
                        + "be changed and no NIO direct buffers or RMI depend on them, -XX:+DisableExplicitGC ignores them")
                .effect(metric, "System.gc() full GC count", Effect.Direction.ELIMINATE, -1.0,
                        "no full pauses from explicit calls" + also)
                .confidence(0.6).references("rules.md EXP-01").build());
        return List.of(f.build());
    }

    /**
     * {@code -XX:+DisableExplicitGC} for Serial and Parallel, which have no concurrent cycle to run the calls as.
     * Direct buffers are freed when their owners are collected, and the JDK calls System.gc() itself when a
     * reservation would pass {@code MaxDirectMemorySize}; RMI's distributed GC calls it to find remote objects no
     * client references. Evidence of either lowers the confidence and says so in the risk. The rule does not
     * declare the configuration or a recording as evidence it uses: without them the flag's usual confidence
     * stands, as it did before the check (declaring them would lower every GC-log-only advice's ranking).
     */
    private static Recommendation disable(RuleContext ctx, Collector c, long fulls, double ms, Metric metric,
            String also) {
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        Long direct = nm == null ? null : nm.directUsedPeakBytes();
        boolean usesDirect = direct != null && direct >= ctx.param(DIRECT_BYTES);
        boolean rmi = false;
        for (String prop : RmiDgcInterval.PROPERTIES) {
            rmi |= RmiDgcInterval.property(ctx.options(), prop) != null;
        }
        String seen = usesDirect ? "this run used " + Units.bytes(direct) + " of direct buffers"
                : rmi ? "this run sets an RMI distributed-GC interval" : null;
        return Recommendation.flags("Ignore System.gc() calls: " + c.displayName() + " has no concurrent cycle to run "
                + "them as", FlagChange.enable("DisableExplicitGC"))
                .effect(metric, "System.gc() full GC count", Effect.Direction.ELIMINATE, -1.0,
                        fulls + " full pauses (" + Units.millis(ms) + ") no longer happen" + also)
                .confidence(seen == null ? 0.7 : 0.3)
                .risk((seen == null ? "" : "Check before applying: " + seen + ". ")
                        + "NIO direct buffers are freed only when their owners are collected, and the JDK calls "
                        + "System.gc() when direct memory reaches MaxDirectMemorySize: with the calls ignored, that "
                        + "can end in OutOfMemoryError (Direct buffer memory); RMI's distributed GC relies on them "
                        + "to reclaim remote objects")
                .forCollector(c)
                .references("rules.md EXP-01", "java(1) -XX:+DisableExplicitGC").build();
    }
}
