package io.github.jvmadvisor.rules.shenandoah;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Finding;
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
import java.util.Set;

/**
 * SHEN-04: Shenandoah's pacer is taxing allocating threads hard ({@code Pacer for ... Alloc Tax Rate: 10x}
 * and up, {@code infx} when a phase starts with no free memory) or has delayed them for a noticeable part
 * of the run ({@code Allocation pacing accrued}). Pacing is how Shenandoah stops the application from
 * outrunning a cycle; a heavy tax is the early warning of degenerated cycles (SHEN-01), with the same
 * remedies: more heap, earlier cycles, more concurrent threads.
 */
public final class ShenandoahPacingTax implements Rule {

    static final Parameter<Double> TAX_RATE = Parameter.number("taxRate", 10,
            "allocation tax rate counted as heavy (multiple of normal)", true);
    static final Parameter<Double> SUSTAINED_SHARE = Parameter.number("sustainedShare", 0.05,
            "share of taxed pacer phases at or above taxRate that makes it sustained (fraction)", true);
    static final Parameter<Double> ACCRUED_FRACTION = Parameter.number("accruedFraction", 0.01,
            "pacing delays of all threads over wall time at which the finding is info (fraction)", true);
    static final Parameter<Double> WARN_ACCRUED_FRACTION = Parameter.number("warnAccruedFraction", 0.10,
            "the same figure at which it is a warning (fraction)", true);
    /** Heavy phases needed before a tax counts as sustained at all. */
    static final long MIN_HEAVY = 3;

    @Override
    public String id() {
        return "SHEN-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.CPUS);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.HEAP_AT_LEAST);
    }

    @Override
    public String pack() {
        return "shenandoah";
    }

    @Override
    public String title() {
        return "Shenandoah pacing tax";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SHENANDOAH);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(TAX_RATE, SUSTAINED_SHARE, ACCRUED_FRACTION, WARN_ACCRUED_FRACTION);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.Pacer p = m.pacer();
        if (p == null) {
            return List.of();
        }
        double rate = ctx.param(TAX_RATE);
        long heavy = p.taxedAtOrAbove(rate);
        double heavyShare = p.taxedPhases() == 0 ? 0 : (double) heavy / p.taxedPhases();
        boolean sustained = heavy >= MIN_HEAVY && heavyShare >= ctx.param(SUSTAINED_SHARE);
        Double accrued = p.accruedFraction();
        double info = ctx.param(ACCRUED_FRACTION);
        boolean accruing = accrued != null && accrued > info;
        if (!sustained && !accruing) {
            return List.of();
        }
        double score = Math.max(sustained ? 40 : 0,
                accruing ? Scores.rising(accrued, info, ctx.param(WARN_ACCRUED_FRACTION)) : 0);
        if (p.infiniteTaxRates() > 0) {
            score = Math.max(score, 60);
        }
        StringBuilder sum = new StringBuilder("Shenandoah's pacer ");
        if (sustained) {
            sum.append("taxed allocations ").append(Units.number(rate)).append("x or more in ").append(heavy)
                    .append(" of ").append(p.taxedPhases()).append(" phases");
        }
        if (accruing) {
            sum.append(sustained ? " and " : "").append("delayed allocating threads for ")
                    .append(Math.round(accrued * 1000) / 10.0).append(" % of the run (summed over threads)");
        }
        Finding.Builder f = Finding.of(this, score)
                .summary(sum.toString())
                .explanation("The pacer slows allocating threads in proportion to how far the application is ahead "
                        + "of the running cycle; a high tax" + (p.infiniteTaxRates() > 0 ? " (" + p.infiniteTaxRates()
                                + " phase(s) started with no free memory: infx)" : "")
                        + " means cycles start too late for this allocation rate, the step before degenerated cycles.")
                .figure(Figure.count("taxed pacer phases", p.taxedPhases()))
                .figure(Figure.count("phases taxed at or above " + Units.number(rate) + "x", heavy))
                .figure(Figure.share("heavy share of taxed phases", heavyShare));
        if (p.maxTaxRate() != null && !p.maxTaxRate().isInfinite()) {
            f.figure(Figure.of("highest tax rate", p.maxTaxRate(), "x"));
        }
        f.figure(Figure.count("phases with infinite tax", p.infiniteTaxRates()));
        if (accrued != null) {
            f.figure(Figure.share("pacing delay over wall time", accrued));
            f.figure(Figure.millis("pacing delay", p.accruedMillis()));
        }
        f.figure(Figure.count("degenerated cycles", m.degeneratedCycles()));
        String check = "pacing delay over wall time";
        Long target = GcFacts.heapTarget(ctx);
        if (target != null) {
            f.recommend(Recommendation.flags("Size the heap to " + GcFacts.HEAP_PER_LIVE_SET + " x the live set",
                    GcFacts.xmx(target))
                    .intent(GcFacts.liveSetNeed(ctx, target))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null,
                            "more free memory per cycle: the pacer taxes less")
                    .confidence(0.6).forCollector(Collector.SHENANDOAH)
                    .references("rules.md SHEN-04", "rules.md SHEN-01").build());
        }
        Integer more = GcFacts.moreConcThreads(ctx);
        if (more != null) {
            f.recommend(Recommendation.flags("Collect with " + more + " concurrent threads",
                    io.github.jvmadvisor.core.rule.FlagChange.set("ConcGCThreads", more))
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null, "cycles finish sooner")
                    .confidence(0.4).risk("concurrent threads take CPU from the application")
                    .forCollector(Collector.SHENANDOAH).references("rules.md SHEN-04").build());
        }
        if (target == null && more == null) {
            f.recommend(Recommendation.action("Treat it as an early warning of degenerated cycles",
                    "give Shenandoah more heap or lower the allocation rate (see SHEN-01)")
                    .effect(Metric.LATENCY, check, Effect.Direction.DECREASE, null, "less pacing")
                    .confidence(0.4).references("rules.md SHEN-04").build());
        }
        return List.of(f.build());
    }
}
