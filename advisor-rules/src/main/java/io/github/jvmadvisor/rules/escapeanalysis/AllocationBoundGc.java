package io.github.jvmadvisor.rules.escapeanalysis;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.gcfacts.GcFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALLOC-01: GC is bound by the allocation rate, not by the heap. With the heap already at least three times
 * the live set, GC CPU above 10 % together with more than 1 GB/s of allocation per core means the collector
 * mostly keeps up with garbage; Go's first lever applies: allocate less, at the allocation sites with the
 * largest summed sample weight. The other lever is memory: GC CPU falls with the headroom over the live set
 * ({@code GCcpu_new ~ GCcpu_old x (H_old - LDS)/(H_new - LDS)}), so doubling the headroom halves it.
 */
public final class AllocationBoundGc implements Rule {

    static final Parameter<Double> GC_CPU = Parameter.number("gcCpuShare", 0.10,
            "GC CPU share (fraction of available CPU) above which allocation is examined", true);
    static final Parameter<Double> WARN_GC_CPU = Parameter.number("warnGcCpuShare", 0.25,
            "GC CPU share (fraction) at which it is a warning", true);
    static final Parameter<Double> RATE_PER_CORE = Parameter.number("allocationPerCore", 1e9,
            "allocation rate per CPU (bytes per second) above which GC counts as allocation-bound", true);
    static final Parameter<Double> HEAP_PER_LIVE = Parameter.number("heapPerLiveSet", 3.0,
            "heap at or above this multiple of the live set counts as already sized (ratio)", true);

    @Override
    public String id() {
        return "ALLOC-01";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.MEMORY_LIMIT, Facts.Key.CPUS);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.HEAP_AT_LEAST);
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Allocation-rate-bound GC";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.GC_CPU, EvidenceKind.CPUS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.ALLOCATION);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GC_CPU, WARN_GC_CPU, RATE_PER_CORE, HEAP_PER_LIVE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        Double cpu = m.gcCpuFraction();
        Double rate = m.allocationRateBytesPerSec();
        Integer cpus = ctx.cpus();
        Long lds = ctx.facts().liveSet().value();
        Long xmx = ctx.maxHeap();
        if (cpu == null || rate == null || cpus == null || cpus <= 0 || lds == null || lds <= 0 || xmx == null) {
            return List.of();
        }
        double perCore = rate / cpus;
        double ratio = (double) xmx / lds;
        if (cpu <= ctx.param(GC_CPU) || perCore <= ctx.param(RATE_PER_CORE) || ratio < ctx.param(HEAP_PER_LIVE)) {
            return List.of();
        }
        List<String> sites = new ArrayList<>();
        AllocationProfile a = ctx.evidence().allocation().orElse(null);
        if (a != null) {
            a.sites().stream().sorted((x, y) -> Long.compare(y.weightBytes(), x.weightBytes())).limit(3)
                    .forEach(s -> sites.add(s.method() + (s.frames().get(0).line() == null ? "" : ":" + s.frames().get(0).line())
                            + String.format(Locale.ROOT, " (%.0f %%)",
                                    a.sampledWeightBytes() == 0 ? 0.0 : 100.0 * s.weightBytes() / a.sampledWeightBytes())));
        }
        String where = sites.isEmpty() ? "record jdk.ObjectAllocationSample (JFR default settings) to rank the sites"
                : "top sites by sampled weight: " + String.join(", ", sites);
        Finding.Builder f = Finding.of(this, GcFacts.discountExplicitGc(ctx.metrics(),
                Scores.rising(cpu, ctx.param(GC_CPU), ctx.param(WARN_GC_CPU))))
                .summary(String.format(Locale.ROOT, "GC takes %.1f %% of the CPU at %s/s of allocation per core, with the "
                        + "heap at %.1f x the live set", 100 * cpu, Units.bytes((long) perCore), ratio))
                .explanation("The heap is not short (" + Units.bytes(xmx) + " for " + Units.bytes(lds) + " live), so "
                        + "collections are driven by the allocation rate: every " + Units.bytes((long) perCore)
                        + " allocated per core per second has to be collected. Allocating less is the lever that "
                        + "scales; " + where + "." + GcFacts.explicitGcNote(ctx.metrics())).causedBy(GcFacts.explicitGcCause(ctx.metrics()))
                .figure(Figure.share("GC CPU share", cpu))
                .figure(Figure.of("allocation rate per core", perCore, "B/s"))
                .figure(Figure.bytes("live set", lds))
                .figure(Figure.bytes("max heap", xmx))
                .figure(Figure.of("heap / live set", ratio, "x"));
        f.recommend(Recommendation.action("Reduce allocation at the heaviest sites", "Cut allocation where the summed "
                        + "sample weight is largest (" + where + "): reuse buffers, avoid boxing and intermediate "
                        + "collections, stream instead of materialising")
                .effect(Metric.THROUGHPUT, "allocation rate", Effect.Direction.DECREASE, null,
                        "GC CPU falls in proportion to the allocation removed")
                .confidence(a == null || sites.isEmpty() ? 0.4 : 0.6)
                .references("rules.md ALLOC-01", "Go GC guide: reduce allocation", "JFR jdk.ObjectAllocationSample")
                .build());
        long target = GcFacts.roundUp(lds + 2 * (xmx - lds), 64L << 20);
        Long memory = ctx.memory();
        if (memory == null || target <= 0.75 * memory) {
            double predicted = (double) (xmx - lds) / (target - lds) - 1;
            f.recommend(Recommendation.flags("Or trade memory: double the headroom over the live set", GcFacts.xmx(target))
                    .intent(Intent.heapAtLeast(target, "twice the headroom over the live set"))
                    .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, predicted,
                            String.format(Locale.ROOT, "GC CPU about %.0f %% lower (GCcpu x (H_old - LDS)/(H_new - LDS))",
                                    -100 * predicted))
                    .confidence(0.4)
                    .risk("more memory; the allocation stays")
                    .references("rules.md ALLOC-01", "rules.md §11 (heap effect)")
                    .build());
        }
        return List.of(f.build());
    }
}
