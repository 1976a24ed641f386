package io.github.jvmadvisor.rules.heap;

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
import java.util.Map;
import java.util.Set;

/**
 * HEAP-10: the thrash guard, Go's 50 % GC CPU limiter. When the GC takes more than half the CPU, or stops
 * the application more than 5 % of the time, the service is alive but barely working; a stall is worse than
 * a crash, because the orchestrator does not restart it. With the live set above 70 % of the heap the heap
 * (or the container) is too small or the application leaks. Collections with an external cause (System.gc(),
 * tools, metadata) are left out of both shares: they are not memory pressure, and other rules own them. So are
 * the young pauses EXP-01 attributes to the heap shrinks of System.gc() full collections
 * ({@link GcFacts#explicitGcPauseShare}): a heap kept at its size would not have needed them; and when there
 * are such shrinks the score is lowered by that share, as for the other rules that treat the storm's symptoms.
 * Recommends {@code ExitOnOutOfMemoryError} so
 * that a dying JVM is restarted, keeping the GC overhead limit on, and more memory or a leak hunt.
 */
public final class ThrashGuard implements Rule {

    static final Parameter<Double> GC_CPU = Parameter.number("gcCpuShare", 0.50,
            "GC CPU share (fraction of available CPU) above which the GC thrashes (Go limiter 50 %)", false);
    static final Parameter<Double> PAUSE_SHARE = Parameter.number("pauseShare", 0.05,
            "stop-the-world share of the run (fraction) above which the GC thrashes (GCeasy 95 % throughput)", false);
    static final Parameter<Double> LIVE_SHARE = Parameter.number("liveShare", 0.7,
            "live set over maximum heap (fraction) above which memory is too small or leaking", true);

    @Override
    public String id() {
        return "HEAP-10";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "GC thrashing";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC_CPU, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GC_CPU, PAUSE_SHARE, LIVE_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        // collections the application or a tool asked for (System.gc(), heap dumps, metadata) are not
        // memory pressure; EXP-01, EXP-04 and NAT-02 own them, so their share of the pause time is left out
        double external = externalPauseShare(m);
        Double cpu = m.gcCpuFraction() == null ? null : m.gcCpuFraction() * (1 - external);
        Double stw = m.stwFraction() == null ? null : m.stwFraction() * (1 - external);
        double cpuScore = cpu == null ? 0 : Scores.rising(cpu, ctx.param(GC_CPU), Math.min(0.95, 1.5 * ctx.param(GC_CPU)));
        double stwScore = stw == null ? 0 : Scores.rising(stw, ctx.param(PAUSE_SHARE), 4 * ctx.param(PAUSE_SHARE));
        // what remains is still inflated by the shrinks' storm (the model attributes only part of it): like the
        // other rules that treat its symptoms, the score is lowered by the share EXP-01 accounts for
        double score = GcFacts.discountExplicitGc(m, Math.max(cpuScore, stwScore));
        if (score < 25) {
            return List.of();
        }
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap(); // the fact: configured, else the log's largest capacity
        Double liveShare = lds != null && xmx != null && xmx > 0 ? lds / (double) xmx : null;
        Finding.Builder f = Finding.of(this, score)
                .summary("The GC is thrashing: " + (cpu == null ? "" : LiveSetSizing.pct(cpu) + " GC CPU, ")
                        + (stw == null ? "" : LiveSetSizing.pct(stw) + " of the run stopped")
                        + (liveShare == null ? "" : ", live set " + LiveSetSizing.pct(liveShare) + " of the heap"))
                .explanation("Above " + LiveSetSizing.pct(ctx.param(GC_CPU)) + " GC CPU (Go's limiter) or "
                        + LiveSetSizing.pct(ctx.param(PAUSE_SHARE)) + " pause time (GCeasy) the application does little "
                        + "work. " + (liveShare != null && liveShare > ctx.param(LIVE_SHARE)
                                ? "The live set fills " + LiveSetSizing.pct(liveShare) + " of the heap: the heap is too small "
                                        + "for what the application keeps, or it leaks."
                                : "") + GcFacts.explicitGcNote(m)).causedBy(GcFacts.explicitGcCause(m));
        if (external > 0) {
            f.figure(Figure.share(GcFacts.explicitShrinks(m) == null ? "pause time left out (System.gc(), tools, metadata)"
                    : "pause time left out (System.gc() and the young pauses its shrinks cause, tools, metadata)",
                    external));
        }
        if (cpu != null) {
            f.figure(Figure.share("GC CPU share", cpu));
        }
        if (stw != null) {
            f.figure(Figure.share("pause share", stw));
        }
        if (liveShare != null) {
            f.figure(Figure.bytes("live set", lds)).figure(Figure.bytes("maximum heap", xmx))
                    .figure(Figure.share("live set over heap", liveShare));
        }
        if (liveShare != null && liveShare > ctx.param(LIVE_SHARE)) {
            long target = LiveSetSizing.roundMb((long) (3.5 * lds));
            f.recommend(Recommendation.action("Give the JVM memory for its live set (about " + Units.bytes(target)
                    + " of heap) or find the leak", "Raise the container limit and heap to 3-4x the live set; if the live "
                            + "set keeps growing, take a heap dump at the peak (jcmd <pid> GC.heap_dump)")
                    .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                            "GC CPU falls below " + LiveSetSizing.pct(ctx.param(GC_CPU)))
                    .confidence(0.7).references("rules.md HEAP-10", "Go GC guide (limiter)").build());
        }
        if (!ctx.asked("ExitOnOutOfMemoryError") && !ctx.asked("CrashOnOutOfMemoryError")) {
            f.recommend(Recommendation.flags("Let a JVM that runs out of memory die and be restarted",
                    FlagChange.enable("ExitOnOutOfMemoryError"))
                    .effect(Metric.RELIABILITY, "time spent thrashing before an OutOfMemoryError", Effect.Direction.DECREASE,
                            null, "the orchestrator restarts the JVM instead of it stalling")
                    .confidence(0.7).safetyNet().references("rules.md HEAP-10", "Red Hat UBI java-default-options").build());
        }
        if (Boolean.FALSE.equals(ctx.flagBoolean("UseGCOverheadLimit")) && ctx.asked("UseGCOverheadLimit")) {
            f.recommend(Recommendation.flags("Keep the GC overhead limit on (98 % GC time, 2 % recovered)",
                    FlagChange.enable("UseGCOverheadLimit"))
                    .effect(Metric.RELIABILITY, "time spent thrashing", Effect.Direction.DECREASE, null,
                            "an OutOfMemoryError ends a hopeless run")
                    .confidence(0.6).safetyNet().references("rules.md HEAP-10", "Oracle Parallel collector 98/2 rule").build());
        }
        return List.of(f.build());
    }

    /**
     * The share of pause time from collections with an external cause ({@link GcFacts#isExternalCause}), with
     * the young pause time attributed to System.gc() heap shrinks. The GC CPU share is scaled down by the same
     * share: the log has no CPU time per cause.
     */
    static double externalPauseShare(GcMetrics m) {
        if (m.pausesByCause() == null || m.pauses() == null || m.pauses().totalMillis() <= 0) {
            return 0;
        }
        double ext = 0;
        for (Map.Entry<String, GcMetrics.PauseStats> e : m.pausesByCause().entrySet()) {
            if (GcFacts.isExternalCause(e.getKey())) {
                ext += e.getValue().totalMillis();
            }
        }
        GcMetrics.ExplicitGcShrinks s = GcFacts.explicitShrinks(m);
        if (s != null) {
            ext += s.attributedYoungMillis();
        }
        return Math.min(1, ext / m.pauses().totalMillis());
    }
}
