package io.github.jvmadvisor.rules.zgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;

/**
 * The ZGC headroom model shared by ZGC-01 and ZGC-05: the heap must hold the live set plus what the
 * application allocates during a cycle, with the spike tolerance and 20 % margin,
 * {@code Xmx >= LDS + A x T_cycle x ZAllocationSpikeTolerance x 1.2}. A is the allocation demand: with
 * stalls, the measured rate divided by one minus the share of time stalled per CPU, since a stalled thread
 * allocates nothing (found by the verified-advice suite: the measured rate alone gave 192 MB for a run that
 * needed far more).
 */
final class ZgcHeadroom {

    static final double MARGIN = 1.2;
    /** The largest stalled share the demand correction believes: at most a tenfold rate. */
    static final double MAX_STALLED = 0.9;
    private static final long MB = 1024L * 1024;

    private ZgcHeadroom() {
    }

    /** The spike tolerance in effect: the flag, else 1.0 for ZGC on 17 and 2.0 after [V]. */
    static double spikeTolerance(RuleContext ctx) {
        String v = ctx.flag("ZAllocationSpikeTolerance");
        if (v != null) {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        Integer jdk = ctx.runJdk();
        return jdk != null && jdk <= 17 ? 1.0 : 2.0;
    }

    /**
     * Stall time over the run's duration times the CPUs (the most threads that can allocate at once), at
     * most {@link #MAX_STALLED}; {@code null} without stalls or a duration.
     */
    static Double stalledShare(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.StallStats st = m.allocationStalls();
        Double d = m.durationSeconds();
        if (st == null || st.totalMillis() <= 0 || d == null || d <= 0) {
            return null;
        }
        int cpus = ctx.cpus() == null ? 1 : Math.max(1, ctx.cpus());
        return Math.min(MAX_STALLED, st.totalMillis() / 1000 / (d * cpus));
    }

    /** Adds the figures and the recommendations (heap, or else spike tolerance; then threads) to {@code f}. */
    static void advise(RuleContext ctx, Finding.Builder f, String rule, String check) {
        GcMetrics m = ctx.metrics();
        Long lds = ctx.facts().liveSet().value();
        Double a = m.allocationRateBytesPerSec();
        Double cycle = GcFacts.meanCycleMillis(m);
        Long xmx = ctx.maxHeap();
        double spike = spikeTolerance(ctx);
        GcFacts.heapFigures(ctx).forEach(f::figure);
        if (a != null) {
            f.figure(Figure.of("allocation rate", a, "bytes/s"));
            // a thread that waits in a stall allocates nothing: the measured rate is what the stalls let
            // through, and the demand is higher by the share of time the allocating threads stood still
            Double stalled = stalledShare(ctx);
            if (stalled != null && stalled > 0.01) {
                a = a / (1 - stalled);
                f.figure(Figure.share("time stalled per CPU", stalled));
                f.figure(Figure.of("allocation demand", a, "bytes/s"));
            }
        }
        if (cycle != null) {
            f.figure(Figure.millis("mean cycle", cycle));
        }
        f.figure(Figure.of("ZAllocationSpikeTolerance", spike, ""));
        boolean heapAdvised = false;
        if (lds != null && a != null && cycle != null && xmx != null) {
            long need = (long) Math.ceil(lds + a * cycle / 1000 * spike * MARGIN);
            f.figure(Figure.bytes("heap needed", need));
            if (need > xmx) {
                long to = GcFacts.roundUp(need, 64 * MB);
                heapAdvised = true;
                f.recommend(Recommendation.flags("Give ZGC " + Units.bytes(to) + " of heap", GcFacts.xmx(to))
                        .intent(Intent.heapAtLeast(to, "the live set and what is allocated during a ZGC cycle"))
                        .effect(Metric.LATENCY, check, Effect.Direction.ELIMINATE, -1.0,
                                "live set " + Units.bytes(lds) + " + " + Units.bytes((long) (a * cycle / 1000))
                                        + " allocated per " + Units.millis(cycle) + " cycle x " + Units.number(spike) + " x "
                                        + MARGIN + " fit in " + Units.bytes(to))
                        .confidence(0.7).forCollector(Collector.ZGC).references(rule, "Oracle ZGC tuning guide").build());
            }
        }
        if (!heapAdvised && spike < 2.0) {
            f.recommend(Recommendation.flags("Start cycles earlier for bursty allocation",
                    FlagChange.set("ZAllocationSpikeTolerance", "2.0"))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "ZGC plans for allocation spikes of 2x the average instead of " + Units.number(spike) + "x")
                    .confidence(0.5).risk("more frequent GC cycles").forCollector(Collector.ZGC)
                    .references(rule, "rules.md §4.4 (17 with ZGC: 1.0)").build());
        }
        Integer more = GcFacts.moreConcThreads(ctx);
        if (more != null) {
            f.recommend(Recommendation.flags("Collect with " + more + " concurrent threads", FlagChange.set("ConcGCThreads", more))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "cycles finish sooner, so less is allocated while one runs")
                    .confidence(0.4).risk("concurrent threads take CPU from the application").forCollector(Collector.ZGC)
                    .references(rule, "Oracle ZGC tuning guide: ConcGCThreads").build());
        }
    }
}
