package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HEAP-09: the compressed-oops cliff. Above {@code -Xmx32736m} HotSpot turns compressed object pointers off
 * (with the default 8-byte alignment), so every reference doubles to 8 bytes and a heap just above 32 GB holds
 * less than one just below it. Fires for a maximum heap between 32 736 MB and an upper bound (48 GB, heuristic)
 * without {@code ObjectAlignmentInBytes=16}, or when the GC log's init lines say compressed oops are disabled
 * with a heap below 64 GB. ZGC never uses compressed oops and is exempt.
 */
public final class CompressedOopsCliff implements Rule {

    static final long MB = 1L << 20;
    static final long GB = 1L << 30;
    /** The largest heap with compressed oops at 8-byte alignment [V, 17 and 25]. */
    static final long LIMIT = 32736 * MB;

    static final Parameter<Long> UPPER = Parameter.whole("upperBoundBytes", 48 * GB,
            "maximum heap (bytes) up to which a heap above the cliff is still worth shrinking below it", true);

    @Override
    public String id() {
        return "HEAP-09";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "heap";
    }

    @Override
    public String title() {
        return "Heap just above the compressed-oops limit";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC, EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(UPPER);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.collector() == Collector.ZGC) {
            return List.of();
        }
        // boxed on both sides: a primitive branch would unbox a null maxHeap() (no -Xmx, no container)
        Long xmx = ctx.containerMemory() != null ? Long.valueOf(MemoryBudget.currentMaxHeap(ctx, ctx.containerMemory()))
                : ctx.maxHeap();
        Long align = ctx.flagLong("ObjectAlignmentInBytes");
        boolean wideAlign = align != null && align >= 16;
        String init = ctx.setup() == null ? null : ctx.setup().compressedOops();
        boolean disabledInLog = init != null && init.toLowerCase(Locale.ROOT).startsWith("disabled");
        boolean userDisabled = Boolean.FALSE.equals(ctx.flagBoolean("UseCompressedOops")) && ctx.asked("UseCompressedOops");
        boolean aboveCliff = xmx != null && xmx > LIMIT && xmx <= ctx.param(UPPER) && !wideAlign;
        boolean disabledSmall = disabledInLog && (xmx == null || xmx < 64 * GB);
        if (!aboveCliff && !disabledSmall) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, aboveCliff ? 70 : 50);
        if (xmx != null) {
            f.figure(Figure.bytes("maximum heap", xmx));
        }
        f.figure(Figure.bytes("compressed-oops limit", LIMIT));
        if (init != null) {
            f.figure(Figure.text("compressed oops (gc,init)", init));
        }
        if (aboveCliff) {
            f.summary("A maximum heap of " + Units.bytes(xmx) + " is above the " + Units.bytes(LIMIT)
                    + " compressed-oops limit: references take 8 bytes instead of 4")
                    .explanation("With 8-byte object alignment HotSpot keeps compressed oops only up to -Xmx32736m. Above "
                            + "it every reference doubles, which typically costs 20-30 % more live heap, so a heap of "
                            + Units.bytes(xmx) + " may hold no more than a 31 GB one. Shrink below the cliff, or keep the "
                            + "larger heap with ObjectAlignmentInBytes=16 (compressed oops to about 64 GB, at some "
                            + "padding cost) after testing.");
        } else {
            f.summary("Compressed oops are disabled although the heap is below 64 GB")
                    .explanation("The GC log's init lines report 'Compressed Oops: " + init + "'. "
                            + (userDisabled ? "-XX:-UseCompressedOops on the command line doubles every reference. "
                                    : "The heap size (or MaxRAMPercentage) put it out of the compressed range. ")
                            + "Below 32 GB compressed oops work with the default alignment, up to 64 GB with "
                            + "ObjectAlignmentInBytes=16.");
        }
        if (xmx != null && xmx > LIMIT) {
            f.recommend(Recommendation.flags("Shrink the heap below the cliff: -Xmx31g",
                    FlagChange.option("-Xmx31g"))
                    .effect(Metric.FOOTPRINT, "gc,init 'Compressed Oops: Enabled'; heap after GC",
                            Effect.Direction.DECREASE, null, "references back to 4 bytes; live heap bytes fall")
                    .confidence(0.7).risk("check that the live set fits 31 GB with headroom (3-4x live set)")
                    .references("rules.md HEAP-09", "rules.md section 6.6", "joa warn.comp.oops").build());
            f.recommend(Recommendation.flags("Keep the heap and compressed oops with 16-byte alignment",
                    FlagChange.set("ObjectAlignmentInBytes", 16))
                    .effect(Metric.FOOTPRINT, "gc,init 'Compressed Oops: Enabled'", Effect.Direction.DECREASE, null,
                            "compressed oops up to about 64 GB, at the cost of alignment padding")
                    .confidence(0.5).risk("padding can eat the gain; measure heap after GC before and after")
                    .references("rules.md HEAP-09", "java(1) ObjectAlignmentInBytes").build());
        } else {
            f.recommend(Recommendation.flags("Let HotSpot use compressed oops",
                    userDisabled ? FlagChange.remove("UseCompressedOops") : FlagChange.enable("UseCompressedOops"))
                    .effect(Metric.FOOTPRINT, "gc,init 'Compressed Oops: Enabled'", Effect.Direction.DECREASE, null,
                            "references back to 4 bytes; live heap bytes fall")
                    .confidence(0.7).references("rules.md HEAP-09", "rules.md section 6.6").build());
        }
        return List.of(f.build());
    }
}
