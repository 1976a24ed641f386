package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
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
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * NAT-03: the process's resident set ({@code jdk.ResidentSetSize}, recordings of JDK 21 and later) peaked far
 * above the committed heap: more than a quarter of the container limit lives outside the heap (thread stacks,
 * metaspace, code cache, direct buffers, GC structures, malloc arenas, or a native leak), which the heap
 * budget does not see and which ends in an OOM kill. The gap is the RSS peak minus the committed-heap peak
 * (from the GC figures, else the maximum heap), so it is a lower bound of the non-heap part at the RSS peak.
 * Without a resident-set figure (JDK 17 recordings) the rule says nothing; a rising RSS with a flat heap is
 * not judged (the model keeps only the RSS peak and last value). Recommends native memory tracking for a
 * while, with the {@code jcmd} baseline and diff that find the growing category.
 */
public final class ResidentSetGap implements Rule {

    static final Parameter<Double> GAP_SHARE = Parameter.number("gapShare", 0.25,
            "resident set peak minus committed heap peak, over the container limit (fraction), at the info level; "
                    + "twice it is the warning level", true);

    @Override
    public String id() {
        return "NAT-03";
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
        return "Resident set far above the heap: find the native memory";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.NATIVE_MEMORY, EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(GAP_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        long c = ctx.containerMemory();
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        Long rss = nm == null ? null : nm.rssPeakBytes();
        if (rss == null || c <= 0) {
            return List.of();
        }
        GcMetrics m = ctx.metrics();
        Long heap = m == null || m.heap() == null ? null : m.heap().peakCommittedBytes();
        String heapSource = "peak committed heap";
        if (heap == null) {
            heap = ctx.maxHeap();
            heapSource = "maximum heap";
        }
        if (heap == null) {
            return List.of();
        }
        long gap = rss - heap;
        double share = gap / (double) c;
        double info = ctx.param(GAP_SHARE);
        if (share <= info) {
            return List.of();
        }
        boolean nmtOn = nm.nmtCommittedPeakBytes() != null || !nm.nmtByCategory().isEmpty()
                || (ctx.flag("NativeMemoryTracking") != null && !"off".equals(ctx.flag("NativeMemoryTracking")));
        List<String> known = new ArrayList<>();
        Finding.Builder f = Finding.of(this, Scores.rising(share, info, 2 * info))
                .summary("The resident set peaked at " + Units.bytes(rss) + ", " + Units.bytes(gap) + " above the "
                        + heapSource + " (" + Math.round(100 * share) + " % of the " + Units.bytes(c) + " container)")
                .figure(Figure.bytes("resident set peak", rss))
                .figure(Figure.bytes(heapSource, heap))
                .figure(Figure.bytes("non-heap resident memory", gap))
                .figure(Figure.bytes("container memory limit", c))
                .figure(Figure.share("non-heap share of the limit", share));
        if (nm.metaspaceCommittedPeakBytes() != null) {
            f.figure(Figure.bytes("metaspace committed peak", nm.metaspaceCommittedPeakBytes()));
            known.add("metaspace " + Units.bytes(nm.metaspaceCommittedPeakBytes()));
        }
        if (nm.directUsedPeakBytes() != null) {
            f.figure(Figure.bytes("direct buffer peak", nm.directUsedPeakBytes()));
            known.add("direct buffers " + Units.bytes(nm.directUsedPeakBytes()));
        }
        if (nm.threadsPeak() != null) {
            f.figure(Figure.count("threads peak", nm.threadsPeak()));
            known.add(nm.threadsPeak() + " threads");
        }
        if (nm.nmtCommittedPeakBytes() != null) {
            f.figure(Figure.bytes("NMT committed peak", nm.nmtCommittedPeakBytes()));
        }
        f.explanation("Memory outside the heap is invisible to heap sizing and GC logs: thread stacks, metaspace, the "
                + "code cache, direct buffers, GC data structures, malloc arenas and native libraries. Here at least "
                + Units.bytes(gap) + " of the resident set was not heap"
                + (known.isEmpty() ? "" : " (the recording saw " + String.join(", ", known) + ")")
                + "; if it grows the container is OOM-killed with a heap that looks healthy.");
        String diff = "jcmd <pid> VM.native_memory baseline at steady state, then jcmd <pid> VM.native_memory "
                + "summary.diff after the resident set has grown: the category that grows is the leak (Internal/Other "
                + "for malloc and JNI, Thread for stacks, Class for metaspace, Code for the code cache)"
                + (ctx.targetJdk() >= 25 ? "; on JDK 25 a recording streams the categories as jdk.NativeMemoryUsage" : "")
                + ". If NMT's total stays flat while the resident set grows, the growth is outside the JVM's "
                + "accounting (glibc arenas: NAT-04, or native libraries).";
        if (!nmtOn) {
            f.recommend(Recommendation.flags("Enable native memory tracking temporarily",
                    FlagChange.set("NativeMemoryTracking", "summary"))
                    .action(diff)
                    .effect(Metric.OBSERVABILITY, "NMT summary per category", Effect.Direction.APPEAR, null,
                            "the native memory categories, and which one grows")
                    .confidence(0.7)
                    .risk("NMT costs some CPU and memory (5-10 %); remove it once the growing category is found")
                    .references("rules.md NAT-03", "Oracle troubleshooting guide: native memory tracking").build());
        } else {
            f.recommend(Recommendation.action("Diff the native memory tracking summaries", diff)
                    .effect(Metric.RELIABILITY, "resident set peak", Effect.Direction.DECREASE, null,
                            "the growing native category found and bounded")
                    .confidence(0.6)
                    .references("rules.md NAT-03", "Oracle troubleshooting guide: native memory tracking").build());
        }
        return List.of(f.build());
    }
}
