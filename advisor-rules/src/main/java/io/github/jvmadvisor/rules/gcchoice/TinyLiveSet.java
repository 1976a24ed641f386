package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
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
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-05: a tiny live set on at most two CPUs. The Oracle guide's first selection rule: data sets up to
 * about 100 MB do fine with Serial, whose pauses over such a heap are short and which has no barriers,
 * remembered sets or concurrent threads to pay for. Informational, and quiet when latency is the goal.
 */
public final class TinyLiveSet implements Rule {

    static final Parameter<Long> MAX_LIVE = Parameter.whole("maxLiveSet", 100L << 20,
            "live data size (bytes) up to which Serial is the cheapest collector", true);
    static final Parameter<Long> MAX_CPUS = Parameter.whole("maxCpus", 2,
            "CPU count up to which Serial is preferred for a tiny live set", true);

    @Override
    public String id() {
        return "GCSEL-05";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.LIVE_SET, Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Tiny live set: Serial is cheapest";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.CPUS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1, Collector.PARALLEL, Collector.ZGC, Collector.SHENANDOAH);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MAX_LIVE, MAX_CPUS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() == Goal.LATENCY) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        Long lds = ctx.facts().liveSet().value();
        Integer cpus = ctx.cpus();
        if (lds == null || cpus == null || lds > ctx.param(MAX_LIVE) || cpus > ctx.param(MAX_CPUS)) {
            return List.of();
        }
        return List.of(Finding.of(this, 30)
                .summary("Live set " + Units.bytes(lds) + " on " + cpus + " CPUs: Serial would do the job cheapest")
                .explanation("Up to about " + Units.bytes(ctx.param(MAX_LIVE)) + " of live data the Oracle guide "
                        + "recommends Serial: its pauses over so small a heap are short, and it has no write barriers, "
                        + "remembered sets or concurrent GC threads. " + (ctx.collector() == null ? "The current collector" : ctx.collector().displayName())
                        + " pays for those on " + cpus + " CPUs.")
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.count("CPUs", cpus))
                .recommend(Recommendation.flags("Use the Serial collector", FlagChange.enable("UseSerialGC"))
                        .effect(Metric.FOOTPRINT, "GC CPU share and native GC memory", Effect.Direction.DECREASE, null,
                                "less GC CPU and native memory; pauses stay short with a small heap")
                        .confidence(0.5)
                        .risk("full collections pause for the whole heap: measure the pause tail before adopting")
                        .references("rules.md GCSEL-05", "Oracle GC tuning guide: selecting a collector (about 100 MB)")
                        .build())
                .build());
    }
}
