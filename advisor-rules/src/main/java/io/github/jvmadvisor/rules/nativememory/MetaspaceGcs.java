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
 * {@code Metadata GC Clear Soft References}), counted as collections ({@link GcMetrics#collectionsByCause()}: a G1
 * cycle once, not once per pause). Each is a full or concurrent collection run only to raise the threshold while
 * classes load. Recommends {@code MetaspaceSize} at 1.3x the peak metaspace (Hunt & John 1.2-1.5x), so the first
 * threshold already covers the steady state. The peak is the committed metaspace when the evidence has it: the
 * threshold is compared with committed memory, which runs about a quarter above used (the verified-advice suite
 * found 1.3x used still crossed).
 *
 * <p>That removes the collections of a run whose metaspace only grows. A run that keeps defining classes and
 * dropping them (proxies or scripts generated per request, a class loader per task) crosses the threshold
 * whatever it is: the collections unload what was dropped and the next classes fill the space again. The rule
 * calls it churn when the metaspace given back over the run ({@link GcMetrics.MetaspacePeaks#unloadedBytes()})
 * or the classes unloaded ({@code jdk.ClassLoadingStatistics}, against the most loaded at once) reach
 * {@code churnShare} of the peak. The second is needed where metaspace figures miss the unloading: a G1 log
 * prints none at Remark, where classes are unloaded, and a recording's after-GC metaspace summary is taken
 * before the space is given back. Then the first recommendation is to keep the classes, and
 * {@code MetaspaceSize} only spaces the collections out:
 * <ul>
 *   <li>each unloading collection frees about {@code u} (the unloaded total over the falls of 64 KB or more, or
 *       the classes unloaded times the average class over the collections), the room the next classes fill;
 *   <li>the threshold suggested is at least the peak {@code P} plus {@code u}, so a cycle has twice the room;
 *   <li>a threshold {@code S} adds at most {@code S - P} to the room (less, as it is compared with committed
 *       metaspace), so at least {@code n * u / (u + S - P)} collections remain. The predicted effect is that
 *       bound, not a point estimate; where the evidence sees less unloading than there was, {@code u} is lower
 *       and the bound looser.
 * </ul>
 */
public final class MetaspaceGcs implements Rule {

    static final Parameter<Long> INFO_COUNT = Parameter.whole("infoCount", 1,
            "metadata-threshold collections at which the finding is info", true);
    static final Parameter<Long> WARN_COUNT = Parameter.whole("warnCount", 2,
            "metadata-threshold collections at which it is a warning: the first crossing of the 21 MB default is "
                    + "expected, a second means metaspace grew well past it", true);
    static final Parameter<Double> FACTOR = Parameter.number("factor", 1.3,
            "MetaspaceSize as a multiple of peak metaspace, committed when known, else used (Hunt & John 1.2-1.5)", false);
    static final Parameter<Double> CHURN_SHARE = Parameter.number("churnShare", 0.5,
            "metaspace unloaded over the run as a share of its peak, or classes unloaded as a share of the most loaded "
                    + "at once, from which classes are churning", true);

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
        return List.of(INFO_COUNT, WARN_COUNT, FACTOR, CHURN_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long n = RuleSupport.collectionsCausedBy(ctx, "Metadata GC");
        if (n == 0) {
            n = RuleSupport.fullGcsCausedBy(ctx, "Metadata GC");
        }
        if (n == 0) {
            return List.of();
        }
        double ms = RuleSupport.pauseMillisCausedBy(ctx, "Metadata GC");
        GcMetrics m = ctx.metrics();
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        Long used = nm == null ? null : nm.metaspaceUsedPeakBytes();
        if (used == null && m.metaspace() != null) {
            used = m.metaspace().peakUsedBytes();
        }
        // the high-water mark is compared with committed metaspace, which runs a quarter or so above used
        Long committed = nm == null ? null : nm.metaspaceCommittedPeakBytes();
        if (committed == null && m.metaspace() != null) {
            committed = m.metaspace().peakCommittedBytes();
        }
        Churn churn = churn(ctx.param(CHURN_SHARE), m, nm, used, n);
        double info = ctx.param(INFO_COUNT);
        double warn = Math.max(info + 1, ctx.param(WARN_COUNT));
        Finding.Builder f = Finding.of(this, Math.max(25, Scores.rising(n, info, warn)))
                .summary(n + " collection" + (n == 1 ? "" : "s") + " started by the metaspace threshold ("
                        + Units.millis(ms) + " of pauses)" + (churn == null ? "" : "; " + churn.what
                        + ": classes are defined and dropped again"))
                .explanation(churn != null
                        ? "The program keeps defining classes (generated proxies, compiled scripts, a class loader per "
                                + "task) and dropping them: " + churn.what + ". Each collection at the metaspace "
                                + "high-water mark unloads the dropped classes and the next ones fill the space again, "
                                + "so a larger MetaspaceSize spaces the collections out but does not end them."
                        : "When loaded classes reach the metaspace high-water mark (MetaspaceSize, 21 MB at start) the "
                                + "JVM collects to unload classes and then raises the mark; while classes keep loading "
                                + "that repeats.")
                .figure(Figure.count("metadata GC threshold collections", n))
                .figure(Figure.millis("their pause time", ms));
        if (used != null) {
            long base = committed != null && committed > used ? committed : used;
            long size = (long) Math.ceil(ctx.param(FACTOR) * base / (1 << 20)) << 20;
            f.figure(Figure.bytes("metaspace used peak", used));
            if (committed != null) {
                f.figure(Figure.bytes("metaspace committed peak", committed));
            }
            Long unloaded = m.metaspace() == null ? null : m.metaspace().unloadedBytes();
            if (unloaded != null) {
                f.figure(Figure.bytes("metaspace unloaded", unloaded));
            }
            if (nm != null && nm.classesUnloaded() != null) {
                f.figure(Figure.count("classes unloaded", nm.classesUnloaded()));
                f.figure(Figure.count("classes loaded at most", nm.classesLoadedPeak()));
            }
            if (churn != null) {
                f.recommend(Recommendation.action("Keep the generated classes instead of defining them again",
                        "Cache what generates classes (proxies, compiled scripts or templates, per-task class "
                                + "loaders) and reuse it; -Xlog:class+load,class+unload shows which classes come and "
                                + "go, and jcmd <pid> VM.classloader_stats which loaders hold them")
                        .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.ELIMINATE, -1.0,
                                "metaspace stops filling with classes that are dropped again")
                        .confidence(0.6)
                        .references("rules.md NAT-02", "garbagecat error.metaspace.allocation.failure").build());
                // each unloading collection frees about u, the room the next classes fill; a threshold S of at
                // least P + u (1.3x the peak alone can be no more than the threshold was) adds at most S - P to it
                // (less: it is compared with committed metaspace), so at least n * u / (u + S - P) remain
                long spaced = Math.max(size, (long) Math.ceil((used + churn.perCollection) / (1 << 20)) << 20);
                long added = Math.max(0, spaced - used);
                double atMostFewer = 1 - churn.perCollection / (churn.perCollection + added);
                f.figure(Figure.bytes("metaspace unloaded per collection", (long) churn.perCollection));
                f.figure(Figure.share("fewer collections at most", atMostFewer));
                f.recommend(Recommendation.flags("Raise the metaspace threshold to " + Units.bytes(spaced)
                        + " to space these collections out",
                        FlagChange.option("-XX:MetaspaceSize=" + Units.optionSize(spaced)))
                        .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.DECREASE, null,
                                "at most " + Math.round(100 * atMostFewer) + " % fewer: each collection unloads about "
                                        + Units.bytes((long) churn.perCollection) + " that the next classes fill "
                                        + "again, and the threshold adds at most " + Units.bytes(added) + " of room "
                                        + "(it is compared with committed metaspace, which runs above used)")
                        .confidence(0.5)
                        .references("rules.md NAT-02", "Hunt & John, Java Performance ch. 7 (1.2-1.5x)").build());
            } else {
                f.recommend(Recommendation.flags("Start the metaspace threshold at " + Units.bytes(size),
                        FlagChange.option("-XX:MetaspaceSize=" + Units.optionSize(size)))
                        .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.ELIMINATE, -1.0,
                                "no collection runs only to raise the metaspace threshold")
                        .confidence(0.8)
                        .references("rules.md NAT-02", "Hunt & John, Java Performance ch. 7 (1.2-1.5x)",
                                "garbagecat error.metaspace.allocation.failure").build());
            }
        } else {
            f.recommend(Recommendation.action("Measure metaspace after warm-up, then set MetaspaceSize to 1.3x it",
                    "Record jdk.MetaspaceSummary (JFR default settings) or -Xlog:gc+metaspace to see metaspace use")
                    .effect(Metric.LATENCY, "Metadata GC Threshold collections", Effect.Direction.ELIMINATE, -1.0,
                            "no collection runs only to raise the metaspace threshold")
                    .confidence(0.5).references("rules.md NAT-02").build());
        }
        return List.of(f.build());
    }

    /** Evidence that classes are dropped and defined again: what shows it, and metaspace freed per collection. */
    private record Churn(String what, double perCollection) {
    }

    /**
     * Class churn from the metaspace falls of the GC evidence (bytes, and the falls that count as unloading
     * collections) or from {@code jdk.ClassLoadingStatistics} (classes unloaded against the most loaded at once),
     * whichever reaches {@code churnShare}; {@code null} when neither does or the peak is unknown.
     */
    private static Churn churn(double share, GcMetrics m, Resources.NativeMemory nm, Long used, long n) {
        if (used == null || used <= 0) {
            return null;
        }
        GcMetrics.MetaspacePeaks mp = m.metaspace();
        if (mp != null && mp.unloadedBytes() != null && mp.unloadedBytes() >= share * used) {
            long falls = mp.unloadings() == null || mp.unloadings() == 0 ? n : mp.unloadings();
            return new Churn(Units.bytes(mp.unloadedBytes()) + " of metaspace unloaded, "
                    + Units.number(Math.round(10.0 * mp.unloadedBytes() / used) / 10.0) + " x its peak",
                    (double) mp.unloadedBytes() / Math.max(1, falls));
        }
        if (nm != null && nm.classesUnloaded() != null && nm.classesLoadedPeak() != null && nm.classesLoadedPeak() > 0
                && nm.classesUnloaded() >= share * nm.classesLoadedPeak()) {
            // metaspace per class from the peak: the average class, JDK classes included
            double perClass = (double) used / nm.classesLoadedPeak();
            return new Churn(nm.classesUnloaded() + " classes unloaded, "
                    + Units.number(Math.round(10.0 * nm.classesUnloaded() / nm.classesLoadedPeak()) / 10.0)
                    + " x the most loaded at once", nm.classesUnloaded() * perClass / n);
        }
        return null;
    }
}
