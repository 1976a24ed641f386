package io.github.jvmadvisor.rules.g1;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
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
import java.util.List;
import java.util.Set;

/**
 * G1-08: G1's young pauses spend most of their time on remembered sets ({@code Merge Heap Roots} and
 * {@code Scan Heap Roots}, on JDK 11 to 13 {@code Update RS} and {@code Scan RS}) rather than copying live
 * objects: old objects keep pointing at young ones from many cards (typically large object arrays written
 * all over). Lowering {@code G1RSetUpdatingPauseTimePercent} makes concurrent refinement do more of that
 * work outside the pause; for large object arrays {@code -XX:-ReduceInitialCardMarks} avoids the initial
 * card marks of whole arrays. Needs the phase lines of {@code gc*} logging ({@code gc+phases=debug} for the
 * scan rows).
 */
public final class G1RememberedSetScanning implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.3,
            "remembered-set phases over young pause time at which the finding is info (fraction)", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.5,
            "the same share at which it is a warning (fraction)", true);
    static final Parameter<Long> MIN_PAUSES = Parameter.whole("minPauses", 10,
            "young and mixed pauses with phase lines needed (count)", false);
    /** The lower update-time budget rules.md gives. */
    static final long LOWER_PERCENT = 5;
    static final long DEFAULT_PERCENT = 10;

    @Override
    public String id() {
        return "G1-08";
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "G1 remembered-set scanning dominates young pauses";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE, MIN_PAUSES);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics.PausePhases ph = ctx.metrics().youngPhases();
        if (ph == null || !ph.hasRememberedSetPhases() || ph.pauses() < ctx.param(MIN_PAUSES)) {
            return List.of();
        }
        Double share = ph.rememberedSetShare();
        double info = ctx.param(INFO_SHARE);
        if (share == null || share < info) {
            return List.of();
        }
        double score = Scores.rising(share, info, ctx.param(WARN_SHARE));
        double rsMillis = ph.rememberedSetMillis();
        Finding.Builder f = Finding.of(this, score)
                .summary("Remembered-set work takes " + Math.round(share * 100) + " %" + " of G1's young pause time")
                .explanation("Over " + ph.pauses() + " young and mixed pauses (" + Units.millis(ph.pauseMillis())
                        + "), merging and scanning remembered sets took " + Units.millis(rsMillis)
                        + ": old objects point at young ones from many places, so each pause scans cards instead"
                        + " of copying live objects.")
                .figure(Figure.share("remembered-set share of young pause time", share))
                .figure(Figure.millis("remembered-set time", rsMillis))
                .figure(Figure.count("young and mixed pauses", ph.pauses()))
                .figure(Figure.millis("mean young pause", ph.pauseMillis() / ph.pauses()));
        for (String name : GcMetrics.PausePhases.REMEMBERED_SET_PHASES) {
            GcMetrics.PhaseStats p = ph.phase(name);
            if (p != null) {
                f.figure(Figure.millis("mean " + name, p.meanMillis()));
            }
        }
        GcMetrics.PhaseStats copy = ph.phase("Object Copy");
        if (copy != null) {
            f.figure(Figure.share("Object Copy share of young pause time", copy.share()));
        }
        String check = "remembered-set share of young pause time";
        Long cur = ctx.flagLong("G1RSetUpdatingPauseTimePercent");
        long current = cur == null ? DEFAULT_PERCENT : cur;
        if (current > LOWER_PERCENT) {
            f.recommend(Recommendation.flags("Leave less of the pause to remembered-set updating",
                    FlagChange.set("G1RSetUpdatingPauseTimePercent", LOWER_PERCENT))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "concurrent refinement processes more dirty cards before the pause ("
                                    + current + " % -> " + LOWER_PERCENT + " % of the pause goal)")
                    .confidence(0.5).risk("more concurrent refinement CPU")
                    .forCollector(Collector.G1).references("rules.md G1-08", "Oracle G1 tuning guide").build());
        }
        if (!Boolean.FALSE.equals(ctx.flagBoolean("ReduceInitialCardMarks"))) {
            f.recommend(Recommendation.flags("If the application allocates large object arrays, do not defer "
                    + "their card marks", FlagChange.bool("ReduceInitialCardMarks", false))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "new large object arrays are not card-marked as a whole at the next pause")
                    .confidence(0.3).risk("only helps with large object arrays; measure")
                    .forCollector(Collector.G1).references("rules.md G1-08").build());
        }
        return List.of(f.build());
    }
}
