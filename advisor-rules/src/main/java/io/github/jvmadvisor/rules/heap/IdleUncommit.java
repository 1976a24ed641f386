package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.GcMetrics;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-07: G1 with {@code Xms < Xmx} keeps the heap it grew to. After a busy phase the committed heap stays far
 * above what is in use after collections, and a mostly idle JVM rarely collects, so G1 never gives the memory
 * back (it shrinks only at a full GC or a remark). In shared or metered deployments that memory is paid for
 * doing nothing. Fires for G1 when the peak committed heap is several times the heap after GC (the live-set
 * estimate, else the lowest heap after GC of any window), the run lasted at least the idle period (5 minutes
 * by default), periodic collections are off, and, when a recording gives the JVM's CPU load, the JVM was
 * mostly idle. Recommends periodic G1 collections ({@code G1PeriodicGCInterval}, manageable, JDK 12+) and
 * lower free ratios, so that the heap shrinks after the burst; the opposite intent of HEAP-06.
 */
public final class IdleUncommit implements Rule {

    static final Parameter<Double> MIN_SECONDS = Parameter.number("minSeconds", 300.0,
            "run length (seconds) the committed heap must have stayed high for an uncommit to pay off", true);
    static final Parameter<Double> RATIO = Parameter.number("committedRatio", 3.0,
            "peak committed heap over the heap after GC (ratio) at the info level; twice it is the warning level", true);
    static final Parameter<Double> MAX_CPU = Parameter.number("maxCpuLoad", 0.10,
            "mean JVM CPU load (fraction of all CPUs, jdk.CPULoad) below which the JVM counts as mostly idle", true);
    static final long INTERVAL_MS = 60_000;
    static final int MIN_FREE = 10;
    static final int MAX_FREE = 30;

    @Override
    public String id() {
        return "HEAP-07";
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
        return "Give the idle heap back: periodic G1 collections and lower free ratios";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPU_PROFILE);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIN_SECONDS, RATIO, MAX_CPU);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        Long xms = ctx.flagLong("InitialHeapSize");
        if (xms == null && ctx.setup() != null) {
            xms = ctx.setup().heapInitialBytes();
        }
        Long xmx = ctx.maxHeap();
        Long committed = m.heap() == null ? null : m.heap().peakCommittedBytes();
        Long after = heapAfterGc(m);
        Double seconds = m.durationSeconds();
        if (xms == null || xmx == null || xms >= xmx || committed == null || after == null || after <= 0
                || seconds == null || seconds < ctx.param(MIN_SECONDS) || periodicOn(ctx)) {
            return List.of();
        }
        double ratio = committed / (double) after;
        double info = ctx.param(RATIO);
        if (ratio < info || committed <= xms) {
            return List.of();
        }
        CpuProfile.CpuLoad load = ctx.evidence().cpu().map(CpuProfile::load).orElse(null);
        if (load != null && load.samples() > 0 && load.jvmMean() >= ctx.param(MAX_CPU)) {
            return List.of();
        }
        double score = Scores.rising(ratio, info, 2 * info);
        if (ctx.goal() == Goal.FOOTPRINT) {
            score = Math.min(100, score * 1.2);
        }
        // what G1 keeps after a shrink with MaxHeapFreeRatio: the used heap plus at most that share free
        long target = Math.max(xms, (long) (after / (1 - MAX_FREE / 100.0)));
        Finding.Builder f = Finding.of(this, score)
                .summary("G1 kept " + Units.bytes(committed) + " committed for " + Units.bytes(after)
                        + " in use after GC (" + String.format(java.util.Locale.ROOT, "%.1f", ratio) + " x)"
                        + (load != null && load.samples() > 0 ? " while the JVM was mostly idle" : ""))
                .explanation("With -Xms below -Xmx G1 grows the heap under load but shrinks it only at a full GC or at "
                        + "the remark of a concurrent cycle, and an idle JVM hardly collects: the grown heap stays "
                        + "committed. Periodic collections (JEP 346) run a concurrent cycle when no GC happened for the "
                        + "interval, and lower free ratios let that cycle return the unused part. Not for a dedicated, "
                        + "latency-sensitive JVM, which should fix the heap instead (HEAP-06).")
                .figure(Figure.bytes("peak committed heap", committed))
                .figure(Figure.bytes("heap after GC", after))
                .figure(Figure.of("committed over heap after GC", ratio, "x"))
                .figure(Figure.bytes("initial heap", xms))
                .figure(Figure.bytes("maximum heap", xmx))
                .figure(Figure.of("run length", seconds, "s"));
        if (load != null && load.samples() > 0) {
            f.figure(Figure.share("mean JVM CPU load", load.jvmMean()));
        }
        f.recommend(Recommendation.flags("Uncommit the idle heap: periodic G1 collections every "
                        + INTERVAL_MS / 1000 + " s and free ratios " + MIN_FREE + "/" + MAX_FREE,
                        FlagChange.set("G1PeriodicGCInterval", INTERVAL_MS),
                        FlagChange.set("MinHeapFreeRatio", MIN_FREE),
                        FlagChange.set("MaxHeapFreeRatio", MAX_FREE))
                .effect(Metric.FOOTPRINT, "committed heap during idle (GCHeapSummary committed; periodic GC count)",
                        Effect.Direction.DECREASE, target / (double) committed - 1,
                        "the committed heap falls towards " + Units.bytes(target) + " within an interval of going idle")
                .confidence(load != null && load.samples() > 0 ? 0.7 : 0.5)
                .forCollector(Collector.G1)
                .conflictKey("heap-elasticity=elastic")
                .risk("a periodic concurrent cycle costs some CPU, and the heap must grow again (more GCs) when load "
                        + "returns; G1PeriodicGCInterval is manageable, so it can be tried on a running JVM with jcmd "
                        + "VM.set_flag")
                .references("rules.md HEAP-07", "JEP 346", "Red Hat: OpenJDK container memory (free ratios 10/20)")
                .build());
        return List.of(f.build());
    }

    /** The heap in use after collections: the live-set estimate, else the lowest heap after GC of any window. */
    static Long heapAfterGc(GcMetrics m) {
        if (m.liveSet() != null && m.liveSet().bytes() != null) {
            return m.liveSet().bytes();
        }
        Long min = null;
        for (GcMetrics.Window w : m.windows()) {
            if (w.heapAfterMinBytes() != null && (min == null || w.heapAfterMinBytes() < min)) {
                min = w.heapAfterMinBytes();
            }
        }
        return min;
    }

    private static boolean periodicOn(RuleContext ctx) {
        Long interval = ctx.flagLong("G1PeriodicGCInterval");
        if (interval != null) {
            return interval > 0;
        }
        String logged = ctx.setup() == null ? null : ctx.setup().periodicGc();
        return logged != null && !logged.startsWith("Disabled");
    }
}
