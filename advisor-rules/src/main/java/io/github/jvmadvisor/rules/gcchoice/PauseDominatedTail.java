package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.Pause;
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
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GCSEL-03: the latency tail is made of stop-the-world GC pauses. The worst latency intervals of the
 * HdrHistogram log (the top {@code 1 - tailQuantile} by interval maximum) are matched on the wall clock
 * against the longest pauses of the GC log: an interval is GC-attributable when a pause overlapping it (or
 * ending less than the interval's worst latency before it: the request that waited completes after the pause)
 * lasts at least {@code pauseShare} of the interval's worst request. When at least {@code attributableShare}
 * of the tail is GC-attributable, the pauses exceed the budget (half the latency objective when one is
 * given, else {@code minPauseMillis}), the heap is at least 2 GB and there are at least two CPUs, a
 * concurrent collector is the remedy: ZGC (generational by flag on 21/22, by default on 23+, the
 * non-generational ZGC on 17), or Shenandoah where the build ships it. Needs the GC log's {@code time}
 * decorator and an absolute-time latency log to line the two up, and the log's unit (read from the log, or
 * the {@code latencyUnit} parameter).
 */
public final class PauseDominatedTail implements Rule {

    static final Parameter<Double> TAIL_QUANTILE = Parameter.number("tailQuantile", 0.9,
            "latency intervals whose maximum is at or above this quantile of interval maxima form the tail (fraction)", true);
    static final Parameter<Double> PAUSE_SHARE = Parameter.number("pauseShare", 0.5,
            "a pause explains an interval when it lasts at least this fraction of the interval's maximum latency", true);
    static final Parameter<Double> ATTRIBUTABLE = Parameter.number("attributableShare", 0.5,
            "fraction of tail intervals that must be GC-attributable", true);
    static final Parameter<Double> SLO = Parameter.number("sloMillis", 0,
            "request latency objective in milliseconds; 0 = none given", false);
    static final Parameter<Double> SLO_SHARE = Parameter.number("sloShare", 0.5,
            "with an objective, the longest attributable pause must exceed this fraction of it", true);
    static final Parameter<Double> MIN_PAUSE = Parameter.number("minPauseMillis", 10,
            "without an objective, the longest attributable pause must exceed this many milliseconds", true);
    static final Parameter<Long> MIN_HEAP = Parameter.whole("minHeap", 2L << 30,
            "smallest maximum heap (bytes) for which a concurrent collector is recommended", true);
    static final Parameter<String> UNIT = new Parameter<>("latencyUnit", String.class, "auto",
            "unit of the latency log's values when the log does not tell (ns, us, ms, s); auto = as read", false);
    static final Parameter<Long> MIN_CPUS = Parameter.whole("minCpus", 2,
            "fewest CPUs for which a concurrent collector is recommended", true);

    @Override
    public String id() {
        return "GCSEL-03";
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Latency tail made of GC pauses: concurrent collector";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.LATENCY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPUS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SERIAL, Collector.PARALLEL, Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TAIL_QUANTILE, PAUSE_SHARE, ATTRIBUTABLE, SLO, SLO_SHARE, MIN_PAUSE, MIN_HEAP, MIN_CPUS, UNIT);
    }

    /** The tail of one series and how much of it the pauses explain. */
    record Tail(String tag, int intervals, int attributed, double worstLatencyMillis, double worstPauseMillis) {
        double share() {
            return intervals == 0 ? 0 : (double) attributed / intervals;
        }
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Pause> pauses = GcFacts.timedPauses(ctx);
        if (pauses.isEmpty()) {
            return List.of();
        }
        Tail best = null;
        for (LatencyLog log : ctx.evidence().latency()) {
            for (LatencySeries s : log.series()) {
                Tail t = tail(ctx, s, pauses);
                if (t != null && (best == null || t.share() > best.share())) {
                    best = t;
                }
            }
        }
        if (best == null || best.attributed() == 0 || best.share() < ctx.param(ATTRIBUTABLE)) {
            return List.of();
        }
        double slo = ctx.param(SLO);
        double budget = slo > 0 ? ctx.param(SLO_SHARE) * slo : ctx.param(MIN_PAUSE);
        Long xmx = ctx.maxHeap();
        Integer cpus = ctx.cpus();
        if (best.worstPauseMillis() <= budget || xmx == null || xmx < ctx.param(MIN_HEAP)
                || cpus != null && cpus < ctx.param(MIN_CPUS)) {
            return List.of();
        }
        double p99Pause = ctx.metrics().pauses() == null ? 0 : ctx.metrics().pauses().p99Millis();
        Finding.Builder f = Finding.of(this, Scores.rising(best.worstPauseMillis(), budget, 4 * budget))
                .summary(String.format(Locale.ROOT, "%d of the %d worst latency intervals%s coincide with GC pauses "
                        + "up to %s", best.attributed(), best.intervals(), best.tag() == null ? "" : " (" + best.tag() + ")",
                        Units.millis(best.worstPauseMillis())))
                .explanation("The latency tail is made of stop-the-world collections: in " + pct(best.share())
                        + " of the worst intervals a pause of at least half the worst request's latency overlaps the "
                        + "interval. Pause tuning of " + ctx.collector().displayName() + " shortens pauses but does not "
                        + "remove them; a concurrent collector does the marking and compaction while the application "
                        + "runs, with pauses below a few milliseconds, for about 25 % more GC CPU.")
                .figure(Figure.share("GC-attributable tail", best.share()))
                .figure(Figure.count("tail intervals", best.intervals()))
                .figure(Figure.millis("longest attributable pause", best.worstPauseMillis()))
                .figure(Figure.millis("worst interval latency", best.worstLatencyMillis()))
                .figure(Figure.millis("p99 pause", p99Pause))
                .figure(Figure.millis("pause budget", budget));
        f.recommend(zgc(ctx));
        if (!Boolean.TRUE.equals(Builds.oracleBuild(ctx))) {
            f.recommend(shenandoah(ctx));
        }
        return List.of(f.build());
    }

    private Tail tail(RuleContext ctx, LatencySeries s, List<Pause> pauses) {
        LatencyUnit unit = s.unit();
        if (!unit.known()) {
            String given = ctx.param(UNIT).trim();
            unit = null;
            for (LatencyUnit u : LatencyUnit.values()) {
                if (u.known() && u.id().equalsIgnoreCase(given)) {
                    unit = u;
                }
            }
            if (unit == null) {
                return null;
            }
        }
        List<double[]> iv = new ArrayList<>(); // start ms, end ms, max latency ms
        for (LatencyInterval i : s.intervals()) {
            Double max = unit.toMillis(i.summary().max());
            if (i.startEpochMillis() == null || i.lengthSeconds() == null || max == null || i.summary().count() == 0) {
                continue;
            }
            iv.add(new double[] {i.startEpochMillis(), i.startEpochMillis() + i.lengthSeconds() * 1000, max});
        }
        if (iv.isEmpty()) {
            return null;
        }
        double[] maxima = iv.stream().mapToDouble(x -> x[2]).sorted().toArray();
        double threshold = maxima[(int) Math.floor(ctx.param(TAIL_QUANTILE) * (maxima.length - 1))];
        int n = 0;
        int attributed = 0;
        double worstLatency = 0;
        double worstPause = 0;
        for (double[] x : iv) {
            if (x[2] < threshold || x[2] <= 0) {
                continue;
            }
            n++;
            worstLatency = Math.max(worstLatency, x[2]);
            double explaining = GcFacts.longestDelayingPause(x[0], x[1], x[2], pauses);
            if (explaining > 0 && explaining >= ctx.param(PAUSE_SHARE) * x[2]) {
                attributed++;
                worstPause = Math.max(worstPause, explaining);
            }
        }
        return new Tail(s.tag(), n, attributed, worstLatency, worstPause);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * f);
    }

    static Recommendation zgc(RuleContext ctx) {
        int jdk = ctx.targetJdk();
        Recommendation.Builder b;
        if (jdk >= 21 && jdk <= 22) {
            b = Recommendation.flags("Use generational ZGC", FlagChange.enable("UseZGC"), FlagChange.enable("ZGenerational"));
        } else {
            b = Recommendation.flags(jdk >= 23 ? "Use ZGC (generational by default)" : "Use ZGC (non-generational on 17)",
                    FlagChange.enable("UseZGC"));
        }
        return b.effect(Metric.LATENCY, "max GC pause", Effect.Direction.DECREASE, null,
                        "pauses drop to sub-ms to a few ms; GC CPU rises by about 25 % of the concurrent threads")
                .confidence(0.7)
                .risk("more CPU for concurrent GC threads and more heap headroom needed (allocation stalls if short)")
                .references("rules.md GCSEL-03", "Oracle GC tuning guide: selecting a collector",
                        jdk >= 23 ? "JEP 474" : jdk >= 21 ? "JEP 439" : "JEP 377")
                .build();
    }

    static Recommendation shenandoah(RuleContext ctx) {
        boolean gen = ctx.targetJdk() >= 25 && ctx.flagInfo("ShenandoahGCMode").isPresent();
        Recommendation.Builder b = gen
                ? Recommendation.flags("Or use generational Shenandoah", FlagChange.enable("UseShenandoahGC"),
                        FlagChange.set("ShenandoahGCMode", "generational"))
                : Recommendation.flags("Or use Shenandoah", FlagChange.enable("UseShenandoahGC"));
        return b.effect(Metric.LATENCY, "max GC pause", Effect.Direction.DECREASE, null,
                        "pauses of a few ms; concurrent GC CPU and pacing of allocating threads instead")
                .confidence(0.5)
                .risk("not in Oracle JDK builds (GCSEL-09); degenerated cycles if headroom is short")
                .references("rules.md GCSEL-03", gen ? "JEP 521" : "OpenJDK Shenandoah wiki")
                .build();
    }
}
