package io.github.jvmadvisor.rules.startupaot;

import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
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
 * AOT-02: the service is slow while it warms up: the p99 of the latency intervals in the first
 * {@code warmupSeconds} from the first interval with requests (the first fifth of a log shorter than five such
 * windows) is more than {@code ratio} times the steady p99 (median of the later intervals' p99). Class loading, linking and JIT profiling happen at every start; CDS and the AOT cache move them
 * to a training run. The advice depends on the target JDK: dynamic CDS on 17 and 18
 * ({@code -XX:ArchiveClassesAtExit} then {@code -XX:SharedArchiveFile}), {@code -XX:+AutoCreateSharedArchive}
 * on 19 to 23, the AOT cache on 24 ({@code AOTMode=record}, then {@code create}), and on 25 the one-step
 * {@code -XX:AOTCacheOutput} whose cache also holds method profiles (JEP 515). Quiet when the options
 * already use an archive or cache (AOT-04 judges those).
 *
 * <p>A warm-up interval whose p99 a stop-the-world GC pause explains (a pause of the GC log that overlaps, on
 * the wall clock, the interval or the p99's length before it, when the requests that completed in the interval
 * were due, and lasts at least {@code pauseShare} of the interval's p99) is left out of the
 * warm-up window: a full collection while a cache is loaded is a heap problem, which no archive shortens. This
 * needs the GC log's {@code time} decorator and an absolute-time latency log; without them every interval
 * counts.
 */
public final class WarmupTail implements Rule {

    static final Parameter<Double> WARMUP = Parameter.number("warmupSeconds", 300,
            "length of the warm-up window from the start of the latency log (seconds)", true);
    static final Parameter<Double> RATIO = Parameter.number("ratio", 3,
            "warm-up p99 over steady p99 at which the finding is info (ratio)", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 10,
            "warm-up p99 over steady p99 at which it is a warning (ratio)", true);
    /** Shared with AOT-04 and JIT-02, which judge the same warm-up tail. */
    public static final Parameter<Double> PAUSE_SHARE = Parameter.number("pauseShare", 0.5,
            "a warm-up interval is left out when a GC pause overlapping it lasts at least this fraction of its p99 "
                    + "(needs wall-clock time in both logs)", true);

    static final String REPRESENTATIVE = "The training run must be representative: the archive holds only the classes "
            + "(and on 25 the method profiles) the training run loaded and executed, so it must drive the production "
            + "code paths with production-like requests, on the same JDK build, class path and collector (a cache made "
            + "under G1 does not load under ZGC); regenerate it for every release.";

    @Override
    public String id() {
        return "AOT-02";
    }

    @Override
    public String pack() {
        return "startup-aot";
    }

    @Override
    public String title() {
        return "Slow warm-up: train a CDS archive or AOT cache";
    }

    /** Start-up advice (CDS, AOT cache): not for a test JVM or a JMH fork that measures steady state. */
    @Override
    public boolean tradesSteadyStateForStartup() {
        return true;
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.LATENCY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.JIT, EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WARMUP, RATIO, WARN_RATIO, PAUSE_SHARE);
    }

    /**
     * The worst warm-up tail over the latency series: the highest interval p99 in the first
     * {@code warmupSeconds} over the median interval p99 after it; {@code null} when no series has both.
     */
    public record Tail(double ratio, String tag, double warm, double steady, boolean unitKnown, int gcExplained,
            double gcExplainedWorst) {
    }

    public static Tail tail(RuleContext ctx, double warmupSeconds, double pauseShare) {
        // the GC log's longest pauses that carry wall-clock time, to tell a collection from warm-up
        List<Pause> pauses = GcFacts.timedPauses(ctx);
        Tail worst = null;
        for (LatencyLog log : ctx.evidence().latency()) {
            for (LatencySeries s : log.series()) {
                // the window starts at the first interval with requests; a log shorter than five windows (a
                // test or a benchmark run) is judged on its first fifth, so that it keeps a steady part
                List<LatencyInterval> used = s.intervals().stream().filter(i -> i.summary().count() > 0).toList();
                if (used.size() < 2) {
                    continue;
                }
                double t0 = used.get(0).startSeconds();
                double window = Math.min(warmupSeconds, (used.get(used.size() - 1).startSeconds() - t0) / 5);
                double warm = 0;
                int explained = 0;
                double explainedWorst = 0;
                List<Double> steady = new ArrayList<>();
                for (LatencyInterval i : used) {
                    Double p99 = s.unit().known() ? s.unit().toMillis(i.summary().p99()) : i.summary().p99();
                    if (p99 == null) {
                        continue;
                    }
                    if (i.startSeconds() - t0 <= window) {
                        double pause = s.unit().known() && i.startEpochMillis() != null && i.lengthSeconds() != null
                                ? GcFacts.longestDelayingPause(i.startEpochMillis(),
                                        i.startEpochMillis() + i.lengthSeconds() * 1000, p99, pauses)
                                : 0;
                        if (pause > 0 && pause >= pauseShare * p99) {
                            // a collection, not warm-up, made this interval's tail
                            explained++;
                            explainedWorst = Math.max(explainedWorst, p99);
                        } else {
                            warm = Math.max(warm, p99);
                        }
                    } else {
                        steady.add(p99);
                    }
                }
                if (warm <= 0 || steady.isEmpty()) {
                    continue;
                }
                steady.sort(null);
                double median = steady.get(steady.size() / 2);
                if (median > 0 && (worst == null || warm / median > worst.ratio())) {
                    worst = new Tail(warm / median, s.tag(), warm, median, s.unit().known(), explained, explainedWorst);
                }
            }
        }
        return worst;
    }

    /** The AOT cache or CDS archive the options already use, or {@code null}. */
    static String cacheInUse(RuleContext ctx) {
        for (String f : List.of("AOTCache", "SharedArchiveFile")) {
            String v = ctx.options().lastSetting(f) == null ? null : ctx.options().lastSetting(f).value();
            if (v != null && !v.isBlank()) {
                return "-XX:" + f + "=" + v;
            }
        }
        return Boolean.TRUE.equals(ctx.flagBoolean("AutoCreateSharedArchive")) && ctx.asked("AutoCreateSharedArchive")
                ? "-XX:+AutoCreateSharedArchive" : null;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        double warmup = ctx.param(WARMUP);
        if (cacheInUse(ctx) != null) {
            // a cache is already there: whether it helps is AOT-04's question
            return List.of();
        }
        Tail t = tail(ctx, warmup, ctx.param(PAUSE_SHARE));
        if (t == null) {
            return List.of();
        }
        double worstRatio = t.ratio();
        String worstTag = t.tag();
        double worstWarm = t.warm();
        double worstSteady = t.steady();
        boolean unitKnown = t.unitKnown();
        if (worstRatio < ctx.param(RATIO)) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, Scores.rising(worstRatio, ctx.param(RATIO), ctx.param(WARN_RATIO)))
                .summary(String.format(Locale.ROOT, "p99 during warm-up is %.1f times the steady p99%s", worstRatio,
                        worstTag == null ? "" : " (" + worstTag + ")"))
                .explanation(String.format(Locale.ROOT, "In the first %s the worst interval p99 was %s against a "
                        + "steady p99 of %s: class loading and JIT warm-up at every start. ", Units.number(warmup) + " s",
                        show(worstWarm, unitKnown), show(worstSteady, unitKnown))
                        + (t.gcExplained() > 0 ? String.format(Locale.ROOT, "%d warm-up interval(s) whose tail a GC pause "
                                + "explains (p99 up to %s) are left out. ", t.gcExplained(),
                                Units.millis(t.gcExplainedWorst())) : "")
                        + REPRESENTATIVE)
                .figure(Figure.of("warm-up p99 ratio", worstRatio, ""))
                .figure(unitKnown ? Figure.millis("warm-up p99", worstWarm) : Figure.of("warm-up p99", worstWarm, ""))
                .figure(unitKnown ? Figure.millis("steady p99", worstSteady) : Figure.of("steady p99", worstSteady, ""));
        if (t.gcExplained() > 0) {
            f.figure(Figure.count("warm-up intervals a GC pause explains", t.gcExplained()));
        }
        f.recommend(recommendation(ctx, worstRatio));
        return List.of(f.build());
    }

    static String show(double v, boolean millis) {
        return millis ? Units.millis(v) : Units.number(v) + " (unit unknown)";
    }

    /** The archive or cache for the target JDK, with the flags it knows. */
    static Recommendation recommendation(RuleContext ctx, double ratio) {
        int jdk = ctx.targetJdk();
        Recommendation.Builder b;
        if (jdk >= 25 && ctx.flagInfo("AOTCacheOutput").isPresent()) {
            b = Recommendation.flags("Train an AOT cache with method profiles (JEP 514/515) and start from it",
                    FlagChange.set("AOTCache", "app.aot"))
                    .action("Training run: java -XX:AOTCacheOutput=app.aot <app> (options for the assembly JVM in "
                            + "JDK_AOT_VM_OPTIONS); production: -XX:AOTCache=app.aot (AOTMode=auto runs on without it)")
                    .jdks(jdk);
        } else if (jdk >= 24) {
            String steps = "Training: java -XX:AOTMode=record -XX:AOTConfiguration=app.aotconf <app>; assembly: java "
                    + "-XX:AOTMode=create -XX:AOTConfiguration=app.aotconf -XX:AOTCache=app.aot <app>; production: "
                    + "-XX:AOTCache=app.aot";
            b = ctx.flagInfo("AOTCache").isPresent()
                    ? Recommendation.flags("Train an AOT cache (JEP 483) and start from it", FlagChange.set("AOTCache", "app.aot"))
                            .action(steps)
                    : Recommendation.action("Train an AOT cache (JEP 483) and start from it", steps);
            b.jdks(jdk);
        } else if (jdk >= 19) {
            String how = "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app.jsa: the first run writes the archive, "
                    + "later runs map it";
            b = ctx.flagInfo("AutoCreateSharedArchive").isPresent()
                    ? Recommendation.flags("Let the JVM create and reuse a dynamic CDS archive",
                            FlagChange.enable("AutoCreateSharedArchive"), FlagChange.set("SharedArchiveFile", "app.jsa"))
                            .action(how)
                    : Recommendation.action("Let the JVM create and reuse a dynamic CDS archive", how);
            b.jdks(jdk);
        } else {
            b = Recommendation.flags("Train a dynamic CDS archive (JEP 350) and start from it",
                    FlagChange.set("SharedArchiveFile", "app.jsa"))
                    .action("Training run: java -XX:ArchiveClassesAtExit=app.jsa <app>, ended normally after a "
                            + "representative load; production: -XX:SharedArchiveFile=app.jsa")
                    .jdks(jdk);
        }
        return b.effect(Metric.STARTUP, "warm-up p99", Effect.Direction.DECREASE, jdk >= 24 ? -0.34 : null,
                        "start-up and the warm-up tail shrink" + (jdk >= 24 ? " (toy start-up: -34 % with the AOT cache)" : ""))
                .confidence(0.5)
                .risk(REPRESENTATIVE)
                .references("rules.md AOT-02", jdk >= 25 ? "JEP 514, JEP 515" : jdk >= 24 ? "JEP 483" : "JEP 350")
                .build();
    }
}
