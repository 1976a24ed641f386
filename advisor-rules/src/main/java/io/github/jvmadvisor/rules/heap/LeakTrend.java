package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-11: a leak trend. The heap left after the collections that establish the live set keeps rising after
 * warm-up (a significant least-squares slope, the analysis's leak suspicion) at a rate that is a meaningful
 * share of the maximum heap per second (JMC IncreasingLiveSet uses 1 %/s). No flag fixes a leak: the advice is
 * a heap dump at the next peak and a JFR recording with OldObjectSample stack traces to find the holder.
 */
public final class LeakTrend implements Rule {

    static final Parameter<Double> SLOPE = Parameter.number("slopeShare", 0.01,
            "live-set growth per second as a share of the maximum heap (fraction per second) at which the trend "
                    + "is a warning; a tenth of it is the info level", true);

    @Override
    public String id() {
        return "HEAP-11";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Live set keeps rising (leak suspect)";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SLOPE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.LiveSet ls = m.liveSet();
        if (ls == null || !ls.leakSuspect() || ls.trendBytesPerSec() == null || ls.trendBytesPerSec() <= 0) {
            return List.of();
        }
        Long xmx = ctx.maxHeap(); // the fact: configured, else the log's largest capacity
        double slope = ls.trendBytesPerSec();
        double warn = ctx.param(SLOPE);
        Double share = xmx == null || xmx <= 0 ? null : slope / xmx;
        double score = share == null ? 50 : Scores.rising(share, warn / 10, warn);
        Finding.Builder f = Finding.of(this, score)
                .summary("The live set rises by " + Units.bytes((long) slope) + "/s after warm-up: a leak suspect")
                .explanation("The heap after the collections that measure the live set (" + ls.trendSource()
                        + ") keeps rising with a significant slope (p = " + ls.trendSignificance() + "). A larger heap only "
                        + "delays the OutOfMemoryError or the GC thrash; find what holds the objects.")
                .figure(Figure.of("live-set trend", slope, "bytes/s"));
        if (ls.trendSignificance() != null) {
            f.figure(Figure.of("trend significance", ls.trendSignificance(), ""));
        }
        if (ls.bytes() != null) {
            f.figure(Figure.bytes("live set", ls.bytes()));
        }
        if (ls.peakBytes() != null) {
            f.figure(Figure.bytes("live set peak", ls.peakBytes()));
        }
        if (xmx != null) {
            f.figure(Figure.bytes("maximum heap", xmx));
            f.figure(Figure.of("growth per second of the maximum heap", share, "fraction/s"));
            long from = ls.peakBytes() != null ? ls.peakBytes() : ls.bytes() != null ? ls.bytes() : 0;
            if (xmx > from) {
                f.figure(Figure.of("seconds until the heap is full", (xmx - from) / slope, "s"));
            }
        }
        f.recommend(Recommendation.action("Find the leak: heap dump at the next peak and JFR old-object samples",
                "jcmd <pid> GC.heap_dump /tmp/heap.hprof near the peak (compare two dumps), and record "
                        + "jcmd <pid> JFR.start settings=profile (jdk.OldObjectSample with stack traces, path-to-gc-roots=true) "
                        + "to see which allocation sites survive; no JVM flag fixes a leak")
                .effect(Metric.RELIABILITY, "live-set trend", Effect.Direction.ELIMINATE, null,
                        "the live set levels off once the holder is fixed")
                .confidence(0.7).risk("a heap dump pauses the JVM for seconds and writes a file the size of the live heap")
                .references("rules.md HEAP-11", "JMC IncreasingLiveSet rule", "GCViewer slope after full GC").build());
        return List.of(f.build());
    }
}
