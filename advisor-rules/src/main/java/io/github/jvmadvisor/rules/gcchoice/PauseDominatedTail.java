package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.Pause;
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
import io.github.jvmadvisor.core.rule.Unjudged;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GCSEL-03: the latency tail is made of stop-the-world GC pauses, and a collector with shorter pauses is the
 * remedy, chosen by heap, goal and CPUs rather than behind a single heap-size cliff.
 *
 * <p><b>Attribution.</b> The worst latency intervals of the HdrHistogram log (the top {@code 1 - tailQuantile} by
 * interval maximum) are matched on the wall clock against the longest pauses of the GC log: an interval is
 * GC-attributable when a pause overlapping it (or ending less than the interval's worst latency before it: the
 * request that waited completes after the pause) lasts at least {@code pauseShare} of the interval's worst request.
 * When at least {@code attributableShare} of the tail is GC-attributable (each interval weighted by its worst
 * request: a few 50 ms scheduling hiccups of a loaded machine do not outvote seconds of pauses) and the pauses exceed
 * the budget (half the latency objective when one is given, else {@code minPauseMillis}), the rule fires. Without
 * wall-clock time on both sides (a plain {@code -Xlog:gc*:file=gc.log} has uptime only; a latency log without a start time) it
 * falls back to magnitudes: the longest pause is at least {@code pauseShare} of the p99.9 request latency, and the
 * worst request is at least {@code pauseShare} of the longest pause (else the two logs are not of one run); that
 * judgement is weaker ({@code unalignedConfidence}): a log of another run whose hiccups happen to be as long as
 * these pauses cannot be told apart (the corpus's jHiccup log, p99.9 1.75 s and worst 1.8 s, matches any longest
 * pause of 0.9 to 3.6 s). Without a latency log but with an objective ({@code sloMillis})
 * the longest pause is set against the objective's budget, as weakly. Without a unit for the latency values, or
 * without both a latency log and an objective, it cannot judge at all and says so ({@link #unjudged}).
 *
 * <p><b>Choice, graded.</b> From a stop-the-world collector (Serial, Parallel):
 * <ul>
 * <li>one CPU ({@code minCpus}): a concurrent collector's threads would take the application's only core; G1 with a
 *     pause goal splits the long collections into incremental ones without concurrent threads of its own to feed;</li>
 * <li>a large heap (at least {@code concurrentHeap}, less {@code heapTolerance}: a heap measured at 1.97 GiB is a
 *     2 GiB heap) or a strict target (a pause goal under {@code g1MinPauseGoalMillis}, which G1 does not hold): ZGC,
 *     or Shenandoah where the build ships it, with G1 as the cheaper alternative;</li>
 * <li>otherwise (a moderate heap): G1 with {@code -XX:MaxGCPauseMillis} set from the measured tail, ZGC as the
 *     alternative; for the throughput goal G1 first at any heap size, as a concurrent collector costs about 25 % more
 *     GC CPU.</li>
 * </ul>
 * From G1, only a concurrent collector is offered, and only for a large heap or a strict target (a moderate heap's
 * G1 pauses are G1-04's to tune). The heap is the configured maximum when given, else the log's capacity.
 *
 * <p><b>Pause goal.</b> With an objective, {@code g1GoalShare} of it (G1-04: 0.1 to 0.2 of the objective); without
 * one, the typical worst request of an interval that no pause explains (the median of those intervals' maxima):
 * pauses no longer than what requests already take outside the pauses. Clamped to [{@code g1MinPauseGoalMillis}, 200 ms].
 *
 * <p><b>Predicted effect</b> on the p99 pause, from named models: G1's pause-goal model (young pauses are sized to
 * meet {@code MaxGCPauseMillis}; holds while the heap has room for the live set: p99 near the goal, up to twice it);
 * ZGC's pause model (pauses do not grow with heap or live set: about 1 ms generational, a few ms on 17);
 * Shenandoah's (a few ms). Generational ZGC is by flag on 21/22 ({@code -XX:+ZGenerational}, taken from the flag
 * catalogue), the default on 23+, not on 17.
 */
public final class PauseDominatedTail implements Rule {

    static final Parameter<Double> TAIL_QUANTILE = Parameter.number("tailQuantile", 0.9,
            "latency intervals whose maximum is at or above this quantile of interval maxima form the tail (fraction)", true);
    static final Parameter<Double> PAUSE_SHARE = Parameter.number("pauseShare", 0.5,
            "a pause explains an interval when it lasts at least this fraction of the interval's maximum latency", true);
    static final Parameter<Double> ATTRIBUTABLE = Parameter.number("attributableShare", 0.5,
            "fraction of the tail that must be GC-attributable (intervals weighted by their worst request)", true);
    static final Parameter<Double> SLO = Parameter.number("sloMillis", 0,
            "request latency objective in milliseconds; 0 = none given", false);
    static final Parameter<Double> SLO_SHARE = Parameter.number("sloShare", 0.5,
            "with an objective, the longest attributable pause must exceed this fraction of it", true);
    static final Parameter<Double> MIN_PAUSE = Parameter.number("minPauseMillis", 10,
            "without an objective, the longest attributable pause must exceed this many milliseconds", true);
    static final Parameter<Long> CONCURRENT_HEAP = Parameter.whole("concurrentHeap", 2L << 30,
            "maximum heap (bytes) from which a concurrent collector (ZGC, Shenandoah) comes before G1", true);
    static final Parameter<Double> HEAP_TOLERANCE = Parameter.number("heapTolerance", 0.05,
            "a heap this fraction below concurrentHeap counts as that size (a 2 GiB heap is measured at 1.97 GiB)", true);
    static final Parameter<Double> G1_GOAL_SHARE = Parameter.number("g1GoalShare", 0.2,
            "with an objective, G1's pause goal is this fraction of it (G1-04)", true);
    static final Parameter<Double> G1_MIN_GOAL = Parameter.number("g1MinPauseGoalMillis", 10,
            "smallest pause goal G1 is trusted to hold; a stricter target needs a concurrent collector", true);
    static final Parameter<Double> UNALIGNED = Parameter.number("unalignedConfidence", 0.6,
            "factor on the confidence when the pauses could not be lined up with the latency log on the clock", true);
    static final Parameter<String> UNIT = new Parameter<>("latencyUnit", String.class, "auto",
            "unit of the latency log's values when the log does not tell (ns, us, ms, s); auto = as read", false);
    static final Parameter<Long> MIN_CPUS = Parameter.whole("minCpus", 2,
            "fewest CPUs for which a concurrent collector is recommended", true);

    /** G1's pause goal is never set above its default. */
    static final double G1_MAX_GOAL_MILLIS = 200;
    /** ZGC's pauses (JEP 377, 439): sub-millisecond; non-generational ZGC on 17 a few ms in practice. */
    static final double ZGC_PAUSE_MILLIS = 1;
    static final double ZGC17_PAUSE_MILLIS = 3;
    /** Shenandoah's pauses: a few milliseconds (OpenJDK Shenandoah wiki). */
    static final double SHENANDOAH_PAUSE_MILLIS = 5;

    @Override
    public String id() {
        return "GCSEL-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Latency tail made of GC pauses: a collector with shorter pauses";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    /** The latency log is needed unless an objective is given ({@link #unjudged}). */
    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPUS, EvidenceKind.LATENCY);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SERIAL, Collector.PARALLEL, Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TAIL_QUANTILE, PAUSE_SHARE, ATTRIBUTABLE, SLO, SLO_SHARE, MIN_PAUSE, CONCURRENT_HEAP, HEAP_TOLERANCE,
                G1_GOAL_SHARE, G1_MIN_GOAL, UNALIGNED, MIN_CPUS, UNIT);
    }

    /**
     * The tail of one series and how much of it the pauses explain.
     *
     * @param basis how the pauses were set against the latency; unless lined up on the clock, {@code intervals} is
     *     1, and {@code attributed} 1 when the magnitudes match
     * @param tailMillis the tail intervals' worst requests added up
     * @param attributedMillis the same over the intervals a pause explains
     * @param worstLatencyMillis the worst request of the tail (aligned), the p99.9 request (by magnitude)
     * @param typicalMillis the median of the intervals' worst requests: what requests see outside the pauses
     * @param worstRequestMillis the worst request of the series
     */
    record Tail(String tag, Basis basis, int intervals, int attributed, double tailMillis, double attributedMillis,
            double worstLatencyMillis, double worstPauseMillis, double typicalMillis, double worstRequestMillis) {
        /** The share of the tail the pauses explain, each interval weighted by its worst request. */
        double share() {
            return tailMillis <= 0 ? 0 : attributedMillis / tailMillis;
        }
    }

    /** How the pauses were set against the latency. */
    enum Basis {
        /** Lined up with the latency log's intervals on the wall clock. */
        ALIGNED("yes"),
        /** Compared by magnitude with the latency log (no wall clock on one side). */
        MAGNITUDE("no, by magnitude"),
        /** No latency log: compared with the objective ({@code sloMillis}). */
        OBJECTIVE("no latency log, against the objective");

        final String text;

        Basis(String text) {
            this.text = text;
        }
    }

    /** What the collector change is: the first is recommended, the rest are alternatives. */
    enum Choice {
        G1, ZGC, SHENANDOAH
    }

    @Override
    public Unjudged unjudged(RuleContext ctx) {
        if (ctx.evidence().latency().isEmpty()) {
            return ctx.param(SLO) > 0 ? null : new Unjudged("needs latency (a request latency log, or the objective "
                    + "GCSEL-03.sloMillis): there is no tail to set the pauses against", List.of(EvidenceKind.LATENCY),
                    List.of(EvidenceKind.LATENCY.collect(), "or the latency objective: parameter GCSEL-03.sloMillis"));
        }
        for (LatencyLog log : ctx.evidence().latency()) {
            for (LatencySeries s : log.series()) {
                if (unit(ctx, s) != null) {
                    return null;
                }
            }
        }
        return new Unjudged("the latency log's unit is unknown, so its values cannot be set against the pauses",
                List.of("the latency values' unit: parameter GCSEL-03.latencyUnit (ns, us, ms, s), or a log whose "
                        + "producer is recognised", "wall-clock time on GC pauses to line them up with the latency log: "
                        + "-Xlog:gc*:file=gc.log:time,uptime,level,tags"));
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Pause> timed = GcFacts.timedPauses(ctx);
        Tail best = null;
        boolean alignable = false;
        for (LatencyLog log : ctx.evidence().latency()) {
            for (LatencySeries s : log.series()) {
                Tail t = timed.isEmpty() ? null : tail(ctx, s, timed);
                if (t != null) {
                    alignable = true;
                    if (best == null || t.share() > best.share()) {
                        best = t;
                    }
                }
            }
        }
        if (!alignable) {
            // no wall clock on one side: compare magnitudes instead
            for (LatencyLog log : ctx.evidence().latency()) {
                for (LatencySeries s : log.series()) {
                    Tail t = byMagnitude(ctx, s);
                    if (t != null && (best == null || t.share() > best.share())) {
                        best = t;
                    }
                }
            }
        }
        double slo = ctx.param(SLO);
        if (ctx.evidence().latency().isEmpty()) {
            best = byObjective(ctx, slo);
        }
        if (best == null || best.attributed() == 0 || best.share() < ctx.param(ATTRIBUTABLE)) {
            return List.of();
        }
        double budget = slo > 0 ? ctx.param(SLO_SHARE) * slo : ctx.param(MIN_PAUSE);
        if (best.worstPauseMillis() <= budget) {
            return List.of();
        }
        Collector current = ctx.collector();
        Long xmx = ctx.maxHeap();
        Integer cpus = ctx.cpus();
        boolean oneCpu = cpus != null && cpus < ctx.param(MIN_CPUS);
        boolean largeHeap = xmx != null && xmx >= (1 - ctx.param(HEAP_TOLERANCE)) * ctx.param(CONCURRENT_HEAP);
        double wanted = slo > 0 ? ctx.param(G1_GOAL_SHARE) * slo : best.typicalMillis();
        // a target tighter than G1 holds counts only for the latency goal: for the others GCSEL-06 would send a
        // small ZGC heap back to G1
        boolean strict = ctx.goal() == Goal.LATENCY && wanted < ctx.param(G1_MIN_GOAL);
        long g1Goal = Math.round(Math.max(ctx.param(G1_MIN_GOAL), Math.min(G1_MAX_GOAL_MILLIS, wanted)));
        List<Choice> choices = choose(current, oneCpu, largeHeap, strict, ctx.goal(), Builds.oracleBuild(ctx));
        // G1's pause goal holds only while the heap has room for the live set; under 3x it, old-generation churn
        // ends in full compactions (measured: Parallel's 4.0 s full pauses became a 2.5 s G1 full pause with
        // MaxGCPauseMillis=10, 700 MB live in 2 GB)
        Long live = ctx.facts().liveSet().value();
        boolean tightHeap = live != null && xmx != null && xmx < GcFacts.SMALL_HEAP_PER_LIVE_SET * live;
        if (choices.isEmpty()) {
            return List.of();
        }
        var pauseStats = ctx.metrics() == null ? null : ctx.metrics().pauses();
        double p99Pause = pauseStats == null ? 0 : pauseStats.p99Millis();
        double fromPause = p99Pause > 0 ? p99Pause : best.worstPauseMillis();
        boolean aligned = best.basis() == Basis.ALIGNED;
        double confidenceFactor = aligned ? 1 : ctx.param(UNALIGNED);
        double score = Scores.rising(best.worstPauseMillis(), budget, 4 * budget);
        if (!aligned) {
            score *= confidenceFactor;
        }
        String in = best.tag() == null ? "" : " (" + best.tag() + ")";
        Finding.Builder f = Finding.of(this, score)
                .summary(best.basis() == Basis.OBJECTIVE
                        ? String.format(Locale.ROOT, "GC pauses up to %s against a latency objective of %s (no latency log)",
                                Units.millis(best.worstPauseMillis()), Units.millis(slo))
                        : aligned ? String.format(Locale.ROOT, "%d of the %d worst latency intervals%s coincide with GC pauses up to %s",
                                best.attributed(), best.intervals(), in, Units.millis(best.worstPauseMillis()))
                        : String.format(Locale.ROOT, "GC pauses up to %s match the latency tail%s: worst request %s, "
                                + "p99.9 %s (not lined up on the clock)", Units.millis(best.worstPauseMillis()), in,
                                Units.millis(best.worstRequestMillis()), Units.millis(best.worstLatencyMillis())))
                .explanation((best.basis() == Basis.OBJECTIVE
                        ? "Without a latency log the pauses are set against the objective: a stop-the-world pause "
                                + "longer than " + pct(ctx.param(SLO_SHARE)) + " of it takes any request that waits for it "
                                + "past the objective. Record the requests' latency (an HdrHistogram log) to see how much "
                                + "of the tail the pauses make. "
                        : aligned
                        ? "The latency tail is made of stop-the-world collections: " + pct(best.share()) + " of it "
                                + "(the worst intervals, each weighted by its worst request) falls in intervals that a pause "
                                + "of at least half that request's latency overlaps. "
                        : "The pauses could not be lined up with the latency log on the clock (the GC log has no "
                                + "wall-clock time, or the latency log no start time), so this is judged by magnitude "
                                + "only: the longest pause is at least half the p99.9 request, and the worst request at "
                                + "least half the longest pause. Record -Xlog:gc*:file=gc.log:time,uptime,level,tags to "
                                + "confirm. ")
                        + "Tuning " + (current == null ? "the collector" : current.displayName()) + " shortens pauses but "
                        + "does not remove them. " + why(choices.get(0), xmx, cpus, strict, g1Goal, ctx))
                .figure(Figure.share("GC-attributable tail", best.share()))
                .figure(Figure.count("tail intervals", best.intervals()))
                .figure(Figure.millis("longest attributable pause", best.worstPauseMillis()))
                .figure(Figure.millis("worst interval latency", best.worstLatencyMillis()))
                .figure(Figure.millis("p99 pause", p99Pause))
                .figure(Figure.millis("pause budget", budget))
                .figure(Figure.millis("typical interval worst latency", best.typicalMillis()))
                .figure(Figure.text("lined up on the clock", best.basis().text));
        if (xmx != null) {
            f.figure(Figure.bytes("max heap", xmx));
        }
        if (live != null) {
            f.figure(Figure.bytes("live set", live));
        }
        boolean first = true;
        for (Choice c : choices) {
            double factor = (first ? 1 : 0.7) * confidenceFactor;
            f.recommend(switch (c) {
                case G1 -> g1(ctx, g1Goal, fromPause, factor, oneCpu, tightHeap);
                case ZGC -> zgc(ctx, fromPause, factor);
                case SHENANDOAH -> shenandoah(ctx, fromPause, factor);
            });
            first = false;
        }
        return List.of(f.build());
    }

    /** The collectors to offer, best first; empty when nothing here beats what runs. */
    static List<Choice> choose(Collector current, boolean oneCpu, boolean largeHeap, boolean strict, Goal goal,
            Boolean oracleBuild) {
        List<Choice> out = new ArrayList<>();
        boolean shenandoah = !Boolean.TRUE.equals(oracleBuild);
        if (current == Collector.G1) {
            if (!oneCpu && (largeHeap || strict) && goal != Goal.THROUGHPUT) {
                out.add(Choice.ZGC);
                if (shenandoah) {
                    out.add(Choice.SHENANDOAH);
                }
            }
            return out;
        }
        if (oneCpu) {
            out.add(Choice.G1);
        } else if (goal != Goal.THROUGHPUT && (largeHeap || strict)) {
            out.add(Choice.ZGC);
            if (shenandoah) {
                out.add(Choice.SHENANDOAH);
            }
            out.add(Choice.G1);
        } else {
            out.add(Choice.G1);
            out.add(Choice.ZGC);
        }
        return out;
    }

    private static String why(Choice c, Long xmx, Integer cpus, boolean strict, long g1Goal, RuleContext ctx) {
        String heap = xmx == null ? "an unknown heap size" : "a " + Units.bytes(xmx) + " heap";
        return switch (c) {
            case G1 -> (cpus != null && cpus < ctx.param(MIN_CPUS)
                    ? "With " + cpus + " CPU a concurrent collector's threads would take the application's only core; "
                    : ctx.goal() == Goal.THROUGHPUT
                            ? "With throughput as the goal a concurrent collector's extra GC CPU (about 25 %) is not worth it; "
                            : "For " + heap + " ")
                    + "G1 with a pause goal of " + g1Goal + " ms collects the young generation in pauses sized to the goal "
                    + "and the old generation concurrently, instead of whole-heap stop-the-world collections.";
            case ZGC, SHENANDOAH -> "For " + heap + (strict ? " and a target under " + Units.millis(ctx.param(G1_MIN_GOAL))
                    + ", which G1 does not hold," : "") + " a concurrent collector marks and compacts while the "
                    + "application runs, with pauses of a millisecond or a few, for about 25 % more GC CPU.";
        };
    }

    private static LatencyUnit unit(RuleContext ctx, LatencySeries s) {
        if (s.unit().known()) {
            return s.unit();
        }
        String given = ctx.param(UNIT).trim();
        for (LatencyUnit u : LatencyUnit.values()) {
            if (u.known() && u.id().equalsIgnoreCase(given)) {
                return u;
            }
        }
        return null;
    }

    /** The median of the intervals' worst requests in milliseconds, or 0 without intervals. */
    private static double typical(LatencyUnit unit, LatencySeries s) {
        List<Double> maxima = new ArrayList<>();
        for (LatencyInterval i : s.intervals()) {
            Double max = unit.toMillis(i.summary().max());
            if (max != null && i.summary().count() > 0) {
                maxima.add(max);
            }
        }
        if (maxima.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(maxima);
        return maxima.get((maxima.size() - 1) / 2);
    }

    /**
     * The tail judged by magnitude: 1 of 1 attributed when the longest pause is at least {@code pauseShare} of the
     * p99.9 request and the worst request at least {@code pauseShare} of the longest pause; {@code null} without a
     * unit or values.
     */
    private Tail byMagnitude(RuleContext ctx, LatencySeries s) {
        LatencyUnit unit = unit(ctx, s);
        var pauses = ctx.metrics() == null ? null : ctx.metrics().pauses();
        if (unit == null || pauses == null || pauses.count() == 0 || s.overall().count() == 0) {
            return null;
        }
        Double max = unit.toMillis(s.overall().max());
        Double p999 = unit.toMillis(s.overall().p999() != null ? s.overall().p999() : s.overall().max());
        if (max == null || p999 == null || p999 <= 0) {
            return null;
        }
        double share = ctx.param(PAUSE_SHARE);
        boolean explains = pauses.maxMillis() >= share * p999 && max >= share * pauses.maxMillis();
        return new Tail(s.tag(), Basis.MAGNITUDE, 1, explains ? 1 : 0, p999, explains ? p999 : 0, p999, pauses.maxMillis(),
                typical(unit, s), max);
    }

    /** No latency log: the longest pause against the objective; {@code null} without one or without pauses. */
    private static Tail byObjective(RuleContext ctx, double sloMillis) {
        var pauses = ctx.metrics() == null ? null : ctx.metrics().pauses();
        if (sloMillis <= 0 || pauses == null || pauses.count() == 0) {
            return null;
        }
        boolean explains = pauses.maxMillis() > ctx.param(SLO_SHARE) * sloMillis;
        return new Tail(null, Basis.OBJECTIVE, 1, explains ? 1 : 0, sloMillis, explains ? sloMillis : 0, sloMillis,
                pauses.maxMillis(), 0, 0);
    }

    /** The tail lined up on the wall clock; {@code null} without a unit or intervals with absolute time. */
    private Tail tail(RuleContext ctx, LatencySeries s, List<Pause> pauses) {
        LatencyUnit unit = unit(ctx, s);
        if (unit == null) {
            return null;
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
        // the analysis keeps only the longest pauses: an interval no slower than the shortest of them may have waited
        // for a pause that was not kept, so it is not judged
        var all = ctx.metrics() == null ? null : ctx.metrics().pauses();
        if (all != null && all.count() > pauses.size()) {
            double shortestKept = Double.MAX_VALUE;
            for (Pause p : pauses) {
                shortestKept = Math.min(shortestKept, p.durationNanos() / 1e6);
            }
            threshold = Math.max(threshold, shortestKept);
        }
        int n = 0;
        int attributed = 0;
        double tailMillis = 0;
        double attributedMillis = 0;
        double worstLatency = 0;
        double worstPause = 0;
        for (double[] x : iv) {
            if (x[2] < threshold || x[2] <= 0) {
                continue;
            }
            n++;
            tailMillis += x[2];
            worstLatency = Math.max(worstLatency, x[2]);
            double explaining = GcFacts.longestDelayingPause(x[0], x[1], x[2], pauses);
            if (explaining > 0 && explaining >= ctx.param(PAUSE_SHARE) * x[2]) {
                attributed++;
                attributedMillis += x[2];
                worstPause = Math.max(worstPause, explaining);
            }
        }
        return new Tail(s.tag(), Basis.ALIGNED, n, attributed, tailMillis, attributedMillis, worstLatency, worstPause,
                typicalUnpaused(ctx, iv, pauses, maxima), maxima[maxima.length - 1]);
    }

    /**
     * The median worst request of the intervals that no kept pause explains: what requests take outside the pauses.
     * Over all intervals, a run that collects in most intervals would set the pause goal at its own pauses (a busy
     * host's run had 149 ms there against microsecond requests). All intervals when every one has a pause in it.
     */
    private double typicalUnpaused(RuleContext ctx, List<double[]> iv, List<Pause> pauses, double[] allSorted) {
        List<Double> free = new ArrayList<>();
        for (double[] x : iv) {
            double explaining = GcFacts.longestDelayingPause(x[0], x[1], x[2], pauses);
            if (!(explaining > 0 && explaining >= ctx.param(PAUSE_SHARE) * x[2])) {
                free.add(x[2]);
            }
        }
        if (free.isEmpty()) {
            return allSorted[(allSorted.length - 1) / 2];
        }
        java.util.Collections.sort(free);
        return free.get((free.size() - 1) / 2);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * f);
    }

    /** The predicted relative change of the p99 pause from {@code fromMillis} to {@code toMillis}; never an increase. */
    static double change(double fromMillis, double toMillis) {
        return fromMillis <= 0 ? 0 : Math.min(0, toMillis / fromMillis - 1);
    }

    static Recommendation g1(RuleContext ctx, long goalMillis, double p99Millis, double confidenceFactor, boolean oneCpu,
            boolean tightHeap) {
        double to = Math.min(goalMillis, p99Millis);
        String tight = tightHeap ? "; the heap is under " + Units.number(GcFacts.SMALL_HEAP_PER_LIVE_SET) + " times the "
                + "live set, so G1 full compactions are likely to remain (size the heap first, HEAP-04)" : "";
        return Recommendation.flags("Use G1 with a pause goal of " + goalMillis + " ms", FlagChange.enable("UseG1GC"),
                        FlagChange.set("MaxGCPauseMillis", Long.toString(goalMillis)))
                .effect(Metric.LATENCY, "p99 GC pause", Effect.Direction.DECREASE, change(p99Millis, to),
                        String.format(Locale.ROOT, "p99 pause from %s to about %s (up to %s); model: G1 pause goal (young "
                                + "pauses sized to MaxGCPauseMillis, old generation marked concurrently; holds while the heap "
                                + "has room for the live set, else full collections remain)%s", Units.millis(p99Millis),
                                Units.millis(to), Units.millis(2 * to), tight))
                .confidence((oneCpu ? 0.5 : 0.65) * (tightHeap ? 0.6 : 1) * confidenceFactor)
                .risk(oneCpu ? "on one CPU G1's concurrent marking competes with the application (GCSEL-02 prefers Serial "
                        + "for throughput); the goal trades throughput for shorter pauses"
                        : "about 10 % more GC CPU than Parallel for the write barriers and concurrent marking")
                .references("rules.md GCSEL-03", "rules.md G1-04", "Oracle GC tuning guide: G1 pause-time goal")
                .build();
    }

    static Recommendation zgc(RuleContext ctx, double p99Millis, double confidenceFactor) {
        int jdk = ctx.targetJdk();
        // generational by flag where the catalogue has ZGenerational off by default (21, 22); the default from 23, absent on 17
        boolean byFlag = jdk >= 21 && jdk <= 22 && ctx.flagInfo("ZGenerational").isPresent();
        Recommendation.Builder b;
        if (byFlag) {
            b = Recommendation.flags("Use generational ZGC", FlagChange.enable("UseZGC"), FlagChange.enable("ZGenerational"));
        } else {
            b = Recommendation.flags(jdk >= 23 ? "Use ZGC (generational by default)" : "Use ZGC (non-generational on 17)",
                    FlagChange.enable("UseZGC"));
        }
        double to = Math.min(p99Millis, jdk >= 21 ? ZGC_PAUSE_MILLIS : ZGC17_PAUSE_MILLIS);
        return b.effect(Metric.LATENCY, "p99 GC pause", Effect.Direction.DECREASE, change(p99Millis, to),
                        String.format(Locale.ROOT, "p99 pause from %s to about %s (up to a few ms); model: ZGC pauses do "
                                + "not grow with heap or live set; GC CPU rises by about 25 %% of the CPUs for the "
                                + "concurrent threads", Units.millis(p99Millis), Units.millis(to)))
                .confidence(0.7 * confidenceFactor)
                .risk("more CPU for concurrent GC threads and more heap headroom needed (allocation stalls if short)")
                .references("rules.md GCSEL-03", "Oracle GC tuning guide: selecting a collector",
                        jdk >= 23 ? "JEP 474" : jdk >= 21 ? "JEP 439" : "JEP 377")
                .build();
    }

    static Recommendation shenandoah(RuleContext ctx, double p99Millis, double confidenceFactor) {
        boolean gen = ctx.targetJdk() >= 25 && ctx.flagInfo("ShenandoahGCMode").isPresent();
        Recommendation.Builder b = gen
                ? Recommendation.flags("Or use generational Shenandoah", FlagChange.enable("UseShenandoahGC"),
                        FlagChange.set("ShenandoahGCMode", "generational"))
                : Recommendation.flags("Or use Shenandoah", FlagChange.enable("UseShenandoahGC"));
        double to = Math.min(p99Millis, SHENANDOAH_PAUSE_MILLIS);
        return b.effect(Metric.LATENCY, "p99 GC pause", Effect.Direction.DECREASE, change(p99Millis, to),
                        String.format(Locale.ROOT, "p99 pause from %s to a few ms (about %s); model: Shenandoah's "
                                + "concurrent compaction, with pacing of allocating threads instead of pauses",
                                Units.millis(p99Millis), Units.millis(to)))
                .confidence(0.5 * confidenceFactor)
                .risk("not in Oracle JDK builds (GCSEL-09); degenerated cycles if headroom is short")
                .references("rules.md GCSEL-03", gen ? "JEP 521" : "OpenJDK Shenandoah wiki")
                .build();
    }
}
