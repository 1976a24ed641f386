package io.github.jvmadvisor.rules.heap;

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
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * HEAP-03: a maximum heap at or above the container limit ({@code -Xmx >= C}) or a
 * {@code MaxRAMPercentage} of 90 or more leaves no room for metaspace, code, threads and native memory:
 * the kernel kills the JVM before the GC ever feels pressure. An error; recommends the HEAP-02 budget.
 */
public final class HeapAtContainerLimit implements Rule {

    static final Parameter<Double> MAX_PERCENT = Parameter.number("maxPercent", 90,
            "MaxRAMPercentage (percent) at or above which the heap leaves no room for non-heap memory", true);
    static final Parameter<Double> HEADROOM = Parameter.number("headroom", 0.10,
            "share of the limit kept free (fraction) in the replacement budget", false);

    @Override
    public String id() {
        return "HEAP-03";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Heap as large as the container";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MAX_PERCENT, HEADROOM);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        Long xmx = ctx.asked("MaxHeapSize") ? ctx.flagLong("MaxHeapSize") : null;
        Double pct = null;
        if (ctx.asked("MaxRAMPercentage")) {
            try {
                pct = Double.parseDouble(ctx.flag("MaxRAMPercentage"));
            } catch (RuntimeException e) {
                pct = null;
            }
        }
        String what;
        long heap;
        if (xmx != null && xmx >= c) {
            what = "-Xmx " + Units.bytes(xmx) + " is at or above the " + Units.bytes(c) + " container limit";
            heap = xmx;
        } else if (xmx == null && pct != null && pct >= ctx.param(MAX_PERCENT)) {
            what = "MaxRAMPercentage=" + Units.number(pct) + " gives the heap " + Units.number(pct) + " % of the "
                    + Units.bytes(c) + " container";
            heap = (long) (c * pct / 100);
        } else {
            return List.of();
        }
        MemoryBudget b = MemoryBudget.of(ctx, c, ctx.param(HEADROOM));
        Finding.Builder f = Finding.error(this).summary(what)
                .explanation("Metaspace, code cache, thread stacks, GC structures and direct buffers live outside the heap "
                        + "(about " + Units.bytes(b.nonHeap()) + " here); with the heap filling the container the kernel "
                        + "kills the JVM (OOMKilled) when the heap grows. The heap must never equal the container memory.")
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.bytes("maximum heap", heap))
                .figure(Figure.share("heap share of the limit", heap / (double) c));
        List<FlagChange> ch = new ArrayList<>();
        if (xmx != null) {
            ch.add(FlagChange.remove("MaxHeapSize"));
        }
        if (b.fits()) {
            ch.add(FlagChange.set("MaxRAMPercentage", b.maxRamPercentage()));
            f.recommend(Recommendation.flags("Leave room for non-heap memory: MaxRAMPercentage=" + b.maxRamPercentage()
                    + " (the HEAP-02 budget)", ch.toArray(FlagChange[]::new))
                    .effect(Metric.RELIABILITY, "container OOM kills", Effect.Direction.ELIMINATE, -1.0,
                            "the heap stops at " + Units.bytes(b.maxHeap()) + ", leaving " + Units.bytes(c - b.maxHeap())
                                    + " for the rest")
                    .confidence(0.9).references("rules.md HEAP-03", "rules.md section 7",
                            "Microsoft Learn: max heap should never equal container memory", "joa error.ram.pct.max.100")
                    .build());
        } else {
            f.recommend(Recommendation.action("Raise the container limit; the fixed regions alone need "
                    + Units.bytes(b.nonHeap()), "Give the container more memory, then size the heap with HEAP-02")
                    .effect(Metric.RELIABILITY, "container OOM kills", Effect.Direction.ELIMINATE, -1.0,
                            "the JVM fits in its container")
                    .confidence(0.7).references("rules.md HEAP-03", "rules.md section 7").build());
        }
        return List.of(f.build());
    }
}
