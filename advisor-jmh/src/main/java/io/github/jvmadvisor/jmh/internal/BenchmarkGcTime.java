package io.github.jvmadvisor.jmh.internal;

import io.github.jvmadvisor.core.model.BenchmarkResults;
import io.github.jvmadvisor.core.model.BenchmarkRun;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JMH-01: the share of a benchmark's measured time its forks spent in garbage collection, from JMH's
 * {@code -prof gc} ({@code gc.time} summed over iterations and forks, over forks x iterations x the
 * iteration time). A benchmark that spends a large share collecting measures the heap setting as much
 * as the code: the finding says so, and when the forks ran with an explicit {@code -Xmx} it suggests
 * twice that heap as a low-confidence first step; the live set, which sizes a heap properly, is only
 * in the fork's GC log ({@code -prof jvm-advisor}).
 *
 * <p>Not registered as a service: the JMH post-processor adds it to the rules it runs.
 */
public final class BenchmarkGcTime implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("gcTimeShare", 0.05,
            "share of measured time in GC (gc.time over forks x iterations x iteration time) that is a finding", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnGcTimeShare", 0.15,
            "share of measured time in GC that is a warning", true);

    @Override
    public String id() {
        return "JMH-01";
    }

    @Override
    public String pack() {
        return "jmh";
    }

    @Override
    public String title() {
        return "Benchmark time spent in GC (-prof gc)";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.BENCHMARKS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    /**
     * The share of measured wall time spent in collections, or {@code null} without {@code -prof gc}
     * or without the iteration time.
     */
    public static Double gcTimeShare(BenchmarkRun r) {
        Double gcMs = r.gcTimeMillis();
        Duration it = r.measurementDuration();
        Integer iterations = r.measurementIterations();
        if (gcMs == null || it == null || iterations == null || iterations <= 0 || it.isZero()) {
            return null;
        }
        int forks = r.forks() == null || r.forks() <= 0 ? 1 : r.forks();
        double measuredMs = forks * (double) iterations * it.toNanos() / 1e6;
        return gcMs / measuredMs;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (BenchmarkResults file : ctx.evidence().benchmarks()) {
            for (BenchmarkRun r : file.runs()) {
                Double share = gcTimeShare(r);
                if (share == null || share < ctx.param(INFO_SHARE)) {
                    continue;
                }
                out.add(finding(ctx, r, share));
            }
        }
        return out;
    }

    private Finding finding(RuleContext ctx, BenchmarkRun r, double share) {
        Long xmx = ctx.maxHeap();
        Finding.Builder f = Finding.of(this, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)))
                .summary(r.id() + ": " + pct(share) + " of the measured time went to garbage collection")
                .explanation("JMH's GC profiler counted " + Units.millis(r.gcTimeMillis()) + " in "
                        + (r.gcCount() == null ? "" : r.gcCount() + " ") + "collections over "
                        + (r.forks() == null ? 1 : Math.max(1, r.forks())) + " fork(s) x " + r.measurementIterations()
                        + " iterations of " + r.measurementTime() + ". At this share the score depends on the heap "
                        + "setting as much as on the code" + (xmx == null ? ", and the forks ran with the heap the "
                        + "machine's memory gives by default" : ", here -Xmx" + Units.optionSize(xmx)) + ".")
                .figure(Figure.share("GC time share", share))
                .figure(Figure.millis("GC time", r.gcTimeMillis()));
        if (r.gcAllocRateMbPerSec() != null) {
            f.figure(Figure.of("allocation rate", r.gcAllocRateMbPerSec(), "MB/s"));
        }
        if (r.gcAllocRateBytesPerOp() != null) {
            f.figure(Figure.of("allocation per operation", r.gcAllocRateBytesPerOp(), "B/op"));
        }
        if (xmx != null) {
            long twice = 2 * xmx;
            f.recommend(Recommendation.flags("Give the benchmark forks twice the heap: -Xmx" + Units.optionSize(twice),
                    io.github.jvmadvisor.core.rule.FlagChange.option("-Xmx" + Units.optionSize(twice)))
                    .effect(Metric.THROUGHPUT, "GC time share", Effect.Direction.DECREASE, null,
                            "less time in collections; confirm with the flag experiment or -prof jvm-advisor")
                    .confidence(0.4)
                    .risk("a first step without the live set; -prof jvm-advisor sizes the heap against it")
                    .conflictKey("heap-size=" + Units.optionSize(twice))
                    .references("docs/jmh.md JMH-01").build());
        }
        f.recommend(Recommendation.action("Profile a fork with -prof jvm-advisor",
                "Run the benchmark with -prof jvm-advisor: each fork gets a GC log and a recording, and the heap is "
                        + "sized against the measured live set")
                .effect(Metric.OBSERVABILITY, "evidence", Effect.Direction.INCREASE, null, "the live set and GC CPU share")
                .confidence(0.9).references("docs/jmh.md").build());
        return f.build();
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f %%", f * 100);
    }
}
