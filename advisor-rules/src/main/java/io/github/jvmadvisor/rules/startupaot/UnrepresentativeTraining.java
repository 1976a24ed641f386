package io.github.jvmadvisor.rules.startupaot;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AOT-04: the JVM starts from an AOT cache or CDS archive, yet its warm-up tail is still there: the p99 in
 * the first {@code warmupSeconds} is {@code ratio} times the steady p99 or more, measured the way AOT-02
 * measures it. A cache holds only what its training run loaded, linked and (on 25) profiled, so a training
 * run that did not drive the production paths leaves the cold start as it was. rules.md asks for an A/B
 * comparison against a run without the cache; one run cannot give that, so this rule judges the run with
 * the cache against the threshold AOT-02 uses for runs without one, and says how to make the comparison.
 */
public final class UnrepresentativeTraining implements Rule {

    static final Parameter<Double> WARMUP = Parameter.number("warmupSeconds", 300,
            "length of the warm-up window from the start of the latency log (seconds)", true);
    static final Parameter<Double> RATIO = Parameter.number("ratio", 3,
            "warm-up p99 over steady p99, with the cache in use, at which the finding is info (ratio)", true);
    static final Parameter<Double> WARN_RATIO = Parameter.number("warnRatio", 10,
            "warm-up p99 over steady p99 at which it is a warning (ratio)", true);
    static final Parameter<Double> PAUSE_SHARE = WarmupTail.PAUSE_SHARE;

    @Override
    public String id() {
        return "AOT-04";
    }

    @Override
    public String pack() {
        return "startup-aot";
    }

    @Override
    public String title() {
        return "An AOT cache or CDS archive that does not shorten warm-up";
    }

    /** Start-up advice (CDS, AOT cache): not for a test JVM or a JMH fork that measures steady state. */
    @Override
    public boolean tradesSteadyStateForStartup() {
        return true;
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.LATENCY, EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WARMUP, RATIO, WARN_RATIO, PAUSE_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        String cache = WarmupTail.cacheInUse(ctx);
        if (cache == null) {
            return List.of();
        }
        WarmupTail.Tail t = WarmupTail.tail(ctx, ctx.param(WARMUP), ctx.param(PAUSE_SHARE));
        if (t == null || t.ratio() < ctx.param(RATIO)) {
            return List.of();
        }
        String train = ctx.targetJdk() >= 25 ? "java -XX:AOTCacheOutput=app.aot <app> with the training workload"
                : ctx.targetJdk() >= 24 ? "-XX:AOTMode=record, then -XX:AOTMode=create"
                : "-XX:ArchiveClassesAtExit=app.jsa (17-18) or -XX:+AutoCreateSharedArchive (19+)";
        return List.of(Finding.of(this, Scores.rising(t.ratio(), ctx.param(RATIO), ctx.param(WARN_RATIO)))
                .summary(String.format(Locale.ROOT, "With %s the p99 during warm-up is still %.1f times the steady p99",
                        cache, t.ratio()))
                .explanation("The cache is used, but the start is as slow as one without it would be expected to be: "
                        + "the training run probably did not load and run the code the service runs. "
                        + WarmupTail.REPRESENTATIVE)
                .figure(Figure.text("cache", cache))
                .figure(Figure.of("warm-up p99 ratio", t.ratio(), ""))
                .figure(t.unitKnown() ? Figure.millis("warm-up p99", t.warm()) : Figure.of("warm-up p99", t.warm(), ""))
                .figure(t.unitKnown() ? Figure.millis("steady p99", t.steady()) : Figure.of("steady p99", t.steady(), ""))
                .recommend(Recommendation.action("Re-record the cache from a representative training run",
                        "Train with production-like requests over the production code paths, on the same JDK build, "
                                + "class path and collector (" + train + "), then compare the warm-up p99 of runs with "
                                + "and without the cache; add -XX:AOTMode=on in CI only, so a cache that does not load "
                                + "fails the build instead of being skipped")
                        .effect(Metric.STARTUP, "warm-up p99 over steady p99", Effect.Direction.DECREASE, null,
                                String.format(Locale.ROOT, "the warm-up tail (%.1fx the steady p99) shrinks once the "
                                        + "cache holds what the service runs", t.ratio()))
                        .confidence(0.5)
                        .references("rules.md AOT-04", "JEP 483", "JEP 514", "JEP 515").build())
                .build());
    }
}
