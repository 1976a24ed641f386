package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.Machine;
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
import io.github.jvmadvisor.rules.heap.MemoryBudget;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * NAT-05: transparent huge pages. With the kernel in {@code madvise} mode a large heap (4 GB or more,
 * heuristic) only gets huge pages when the JVM asks with {@code -XX:+UseTransparentHugePages}, which cuts TLB
 * misses (the Go guide reports up to 10 % throughput for heaps of 1 GiB and more). With THP {@code always} and
 * a small heap, huge pages bloat the resident set (thread stacks, small heaps touched sparsely): the kernel
 * setting should be {@code madvise} with {@code defrag=defer+madvise}. Reads the THP mode of the machine
 * ({@code /sys/kernel/mm/transparent_hugepage/enabled}), which the live-JVM and machine probes supply.
 */
public final class TransparentHugePages implements Rule {

    static final long GB = 1L << 30;

    static final Parameter<Long> MIN_HEAP = Parameter.whole("minHeapBytes", 4 * GB,
            "maximum heap (bytes) from which huge pages for the heap pay off", true);

    @Override
    public String id() {
        return "NAT-05";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "Transparent huge pages for the heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIN_HEAP);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Machine m = ctx.jvm().isPresent() && ctx.jvm().get().machine() != null ? ctx.jvm().get().machine()
                : Machine.UNKNOWN;
        String thp = m.transparentHugePages();
        if (thp == null || Boolean.TRUE.equals(ctx.flagBoolean("UseLargePages")) && ctx.asked("UseLargePages")) {
            return List.of();
        }
        Long c = ctx.containerMemory();
        Long xmx = c != null ? Long.valueOf(MemoryBudget.currentMaxHeap(ctx, c)) : ctx.maxHeap(); // boxed: maxHeap() may be null
        if (xmx == null) {
            return List.of();
        }
        long min = ctx.param(MIN_HEAP);
        boolean asked = Boolean.TRUE.equals(ctx.flagBoolean("UseTransparentHugePages"));
        if (thp.equals("madvise") && xmx >= min && !asked && ctx.goal() != Goal.FOOTPRINT) {
            return List.of(Finding.of(this, 45)
                    .summary("THP is in madvise mode and the " + Units.bytes(xmx) + " heap does not ask for huge pages")
                    .explanation("The kernel gives huge pages only to memory advised with MADV_HUGEPAGE; HotSpot does that "
                            + "for the heap with -XX:+UseTransparentHugePages. Large heaps gain from fewer TLB misses. "
                            + "Latency-critical services should keep synchronous defrag off (defrag=defer+madvise).")
                    .figure(Figure.text("THP mode", thp))
                    .figure(Figure.text("THP defrag", m.transparentHugePagesDefrag() == null ? "unknown"
                            : m.transparentHugePagesDefrag()))
                    .figure(Figure.bytes("maximum heap", xmx))
                    .recommend(Recommendation.flags("Back the heap with transparent huge pages",
                            FlagChange.enable("UseTransparentHugePages"))
                            .effect(Metric.THROUGHPUT, "throughput; gc,init 'Large Page Support'", Effect.Direction.INCREASE,
                                    null, "fewer TLB misses on a large heap (Go guide: up to +10 % for heaps >= 1 GiB)")
                            .confidence(0.5).risk("A/B test: huge pages raise RSS of sparsely used memory; check "
                                    + "defrag is not 'always' for latency-critical services")
                            .references("rules.md NAT-05", "Go GC guide: transparent huge pages",
                                    "joa info.large.pages.linux.thps").build())
                    .build());
        }
        if (thp.equals("always") && xmx < min) {
            return List.of(Finding.of(this, 35)
                    .summary("THP is 'always' with a " + Units.bytes(xmx) + " heap: huge pages can bloat the resident set")
                    .explanation("With THP always the kernel backs any large enough mapping with 2 MB pages, so sparsely "
                            + "touched memory (thread stacks, a small heap, malloc arenas) becomes resident in 2 MB steps. "
                            + "Set the node to madvise (and defrag=defer+madvise), and let the JVM ask for huge pages "
                            + "where they pay off.")
                    .figure(Figure.text("THP mode", thp))
                    .figure(Figure.bytes("maximum heap", xmx))
                    .recommend(Recommendation.action("Set THP to madvise on the node",
                            "echo madvise > /sys/kernel/mm/transparent_hugepage/enabled; "
                                    + "echo defer+madvise > /sys/kernel/mm/transparent_hugepage/defrag")
                            .effect(Metric.FOOTPRINT, "resident set", Effect.Direction.DECREASE, null,
                                    "no 2 MB rounding of sparsely touched memory")
                            .confidence(0.5).risk("a node setting: affects every process on the node")
                            .references("rules.md NAT-05", "Go GC guide: transparent huge pages").build())
                    .build());
        }
        return List.of();
    }
}
