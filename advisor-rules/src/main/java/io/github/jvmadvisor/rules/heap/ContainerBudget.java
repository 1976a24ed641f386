package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-02: the container budget ("JVMMEMLIMIT", rules.md section 7). The heap is what is left of the
 * limit after headroom and the fixed regions (metaspace, code cache, thread stacks, a direct-memory cap,
 * other native memory) and the collector's own native share. Fires when the configured heap plus the
 * fixed regions overshoots the limit (OOM-kill risk), when the container already hit its limit, or when the
 * heap leaves much of the budget unused; fails (error) when the fixed regions alone do not fit. Emits
 * {@code MaxRAMPercentage} and {@code MaxDirectMemorySize} (which makes the budget enforceable), and for
 * ZGC and Shenandoah a soft maximum heap.
 */
public final class ContainerBudget implements Rule {

    static final Parameter<Double> HEADROOM = Parameter.number("headroom", 0.10,
            "share of the limit kept free (fraction): 0.10 as automemlimit, 0.20-0.30 for off-heap-heavy apps", false);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 1.0,
            "(heap x (1 + GC native ratio) + non-heap) over the limit (fraction) at which it is a warning; "
                    + "the info level is 1 - headroom", true);
    static final Parameter<Double> UNUSED_SHARE = Parameter.number("unusedShare", 0.8,
            "current heap over the budget heap (fraction) below which the unused budget is reported", true);
    static final Parameter<Double> RSS_SHARE = Parameter.number("rssShare", 0.9,
            "peak resident set over the limit (fraction) at which the run was close to an OOM kill", true);

    @Override
    public String id() {
        return "HEAP-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.LIVE_SET, Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Heap from the container budget (JVMMEMLIMIT)";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY, EvidenceKind.GC, EvidenceKind.JIT, EvidenceKind.CONTAINER_USAGE);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(HEADROOM, WARN_RATIO, UNUSED_SHARE, RSS_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        double h = ctx.param(HEADROOM);
        MemoryBudget b = MemoryBudget.of(ctx, c, h);
        List<Figure> figures = figures(b);
        if (!b.fits()) {
            Finding.Builder f = Finding.error(this)
                    .summary("The fixed regions (" + Units.bytes(b.nonHeap()) + ") do not fit in " + Units.bytes(c)
                            + " less " + Math.round(h * 100) + " % headroom")
                    .explanation("Metaspace, code cache, thread stacks, the direct-memory cap and other native memory "
                            + "need " + Units.bytes(b.nonHeap()) + " before any heap; the container allows "
                            + Units.bytes((long) (c * (1 - h))) + " after headroom. The JVM will be killed or run "
                            + "out of memory.");
            figures.forEach(f::figure);
            long need = (long) Math.ceil((b.nonHeap() + 64 * MemoryBudget.MB * (1 + b.gcNativeRatio())) / (1 - h));
            f.recommend(Recommendation.action("Raise the container memory limit to at least " + Units.bytes(need),
                    "Raise the limit (or cut thread count, metaspace and direct buffers) so that the fixed regions "
                            + "leave room for a heap")
                    .effect(Metric.RELIABILITY, "container OOM kills", Effect.Direction.ELIMINATE, -1.0,
                            "the JVM fits in its container")
                    .confidence(b.observed() >= 2 ? 0.8 : 0.5).references("rules.md HEAP-02", "rules.md section 7",
                            "Paketo libjvm memory calculator (fail fast)").build());
            return List.of(f.build());
        }
        long cur = MemoryBudget.currentMaxHeap(ctx, c);
        double ratio = (cur * (1 + b.gcNativeRatio()) + b.nonHeap()) / (double) c;
        double score = ratio > 1 - h ? Scores.rising(ratio, 1 - h, Math.max(1 - h + 1e-6, ctx.param(WARN_RATIO))) : 0;
        Resources r = ctx.evidence().resources().orElse(null);
        Long rss = r == null ? null : r.memory().rssPeakBytes();
        Long fails = r == null || r.container() == null ? null : r.container().memoryFailCount();
        List<String> why = new ArrayList<>();
        if (score > 0) {
            why.add("the heap of " + Units.bytes(cur) + " plus " + Units.bytes(b.nonHeap()) + " of fixed regions needs "
                    + Math.round(ratio * 100) + " % of the limit");
        }
        if (rss != null && rss > ctx.param(RSS_SHARE) * c) {
            score = Math.max(score, 80);
            why.add("the resident set peaked at " + Units.bytes(rss) + ", " + Math.round(100.0 * rss / c) + " % of the limit");
        }
        if (fails != null && fails > 0) {
            score = Math.max(score, 85);
            why.add("the container hit its memory limit " + fails + " times");
        }
        // On priors alone (no non-heap term measured, no resident set, no limit hit) the overshoot is a guess: at
        // start-up in a 512 MB cgroup with -Xmx400m the priors said 382 MB of non-heap and cut the heap to 14 %
        // (72 MB). Unless the heap alone leaves no room, it is worth measuring, not a change to apply.
        boolean priorsOnly = b.observed() == 0 && rss == null && (fails == null || fails == 0);
        if (priorsOnly && score >= 75 && cur * (1 + b.gcNativeRatio()) <= c * (1 - h)) {
            score = 60;
            why.add("the non-heap figures are priors, not measurements: record JFR in the container (jdk.MetaspaceSummary, "
                    + "jdk.CodeCacheStatistics, jdk.JavaThreadStatistics, jdk.DirectBufferStatistics) before cutting the heap");
        }
        boolean unused = why.isEmpty() && cur < ctx.param(UNUSED_SHARE) * b.maxHeap();
        if (unused) {
            score = 40;
            why.add("the heap of " + Units.bytes(cur) + " uses " + Math.round(100.0 * cur / b.maxHeap())
                    + " % of the " + Units.bytes(b.maxHeap()) + " the budget allows");
        }
        if (why.isEmpty()) {
            return List.of();
        }
        int pct = b.maxRamPercentage();
        Finding.Builder f = Finding.of(this, score)
                .summary("Budget the heap at " + pct + " % of the " + Units.bytes(c) + " container: "
                        + String.join("; ", why))
                .explanation("Budget (rules.md section 7): heap = (C (1 - " + h + ") - non-heap) / (1 + " + b.gcNativeRatio()
                        + ") = " + Units.bytes(b.maxHeap()) + ", with non-heap = 1.2 metaspace (" + Units.bytes(b.metaspace())
                        + ") + 1.3 code (" + Units.bytes(b.codeCache()) + ") + " + b.threads() + " threads x "
                        + Units.bytes(b.stackBytes()) + " + direct cap (" + Units.bytes(b.directCap()) + ") + other native ("
                        + Units.bytes(b.otherNative()) + ") = " + Units.bytes(b.nonHeap()) + "; " + b.observed()
                        + " of 5 non-heap terms measured, the rest are priors.");
        figures.forEach(f::figure);
        f.figure(Figure.bytes("current maximum heap", cur));
        f.figure(Figure.share("heap and non-heap over the limit", ratio));
        List<FlagChange> ch = new ArrayList<>();
        if (ctx.asked("MaxHeapSize")) {
            ch.add(FlagChange.remove("MaxHeapSize"));
        }
        ch.add(FlagChange.set("MaxRAMPercentage", pct));
        if (!ctx.asked("MaxDirectMemorySize")) {
            ch.add(FlagChange.option("-XX:MaxDirectMemorySize=" + Units.optionSize(b.directCap())));
        }
        Collector gc = ctx.collector();
        if ((gc == Collector.ZGC || gc == Collector.SHENANDOAH) && !ctx.asked("SoftMaxHeapSize")) {
            ch.add(FlagChange.option("-XX:SoftMaxHeapSize=" + Units.optionSize((long) (0.9 * c * pct / 100))));
        }
        double conf = b.observed() >= 3 ? 0.85 : b.observed() >= 1 ? 0.7 : 0.5;
        f.recommend(Recommendation.flags("Set the heap to the container budget: MaxRAMPercentage=" + pct
                + " and a direct-memory cap", ch.toArray(FlagChange[]::new))
                .effect(unused ? Metric.THROUGHPUT : Metric.RELIABILITY,
                        unused ? "GC count per minute" : "resident set peak",
                        Effect.Direction.DECREASE, unused ? -(1 - cur / (double) (c * pct / 100)) : null,
                        "resident memory stays within " + Units.bytes((long) (c * (1 - h))) + " of the "
                                + Units.bytes(c) + " limit")
                .confidence(conf)
                .risk(b.observed() < 5 ? "non-heap terms not measured use priors; record JFR in the container to measure them"
                        : null)
                .references("rules.md HEAP-02", "rules.md section 7", "automemlimit (0.9 of the limit)",
                        "Go GC guide: memory limit headroom 5-10 %", "Paketo libjvm memory calculator")
                .build());
        GcMetrics m = ctx.metrics();
        Long lds = ctx.facts().liveSet().value();
        if (lds != null && b.maxHeap() < 3 * lds) {
            long need = (long) Math.ceil((b.nonHeap() + 3.5 * lds * (1 + b.gcNativeRatio())) / (1 - h));
            f.figure(Figure.bytes("live set", lds));
            f.recommend(Recommendation.action("Raise the container limit to about " + Units.bytes(need),
                    "The budget heap is under 3x the live set (" + Units.bytes(lds) + "); memory, not the heap setting, is "
                            + "the bottleneck, so a smaller heap would only make the GC thrash")
                    .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                            "a heap of 3-4x the live set (Hunt & John)")
                    .confidence(0.6).references("rules.md section 7 sanity check", "Hunt & John, Java Performance ch. 7")
                    .build());
        }
        return List.of(f.build());
    }

    static List<Figure> figures(MemoryBudget b) {
        List<Figure> out = new ArrayList<>();
        out.add(Figure.bytes("container memory limit", b.limit()));
        out.add(Figure.bytes("non-heap budget", b.nonHeap()));
        out.add(Figure.bytes("budget heap", Math.max(0, b.maxHeap())));
        out.add(Figure.bytes("direct memory cap", b.directCap()));
        out.add(Figure.count("non-heap terms measured", b.observed()));
        return out;
    }
}
