package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * NAT-04: the resident set ({@code jdk.ResidentSetSize}) peaked above everything native memory tracking
 * accounts for ({@code jdk.NativeMemoryUsageTotal} committed, which includes the committed heap), in a JVM
 * with many threads. NMT sees the JVM's own allocations only; memory above its total was allocated by
 * {@code malloc} outside it (JDK native libraries such as zlib, JNI code) and is held by glibc, which gives
 * each thread that contends its own arena (up to 8 per core) and returns freed memory to the system
 * reluctantly. Capping the arenas ({@code MALLOC_ARENA_MAX=2..4}) is an environment setting, not a JVM
 * flag. Judged against the container limit when there is one, else against the resident set. The model
 * keeps peaks, so a growing resident set beside a flat NMT total is seen as the gap at the peaks.
 */
public final class GlibcArenas implements Rule {

    static final Parameter<Double> SHARE_OF_LIMIT = Parameter.number("gapShareOfLimit", 0.10,
            "resident set peak above the NMT committed peak, over the container limit (fraction), at the info "
                    + "level; twice it is the warning level", true);
    static final Parameter<Double> SHARE_OF_RSS = Parameter.number("gapShareOfRss", 0.25,
            "without a container limit: the same gap over the resident set peak (fraction), at the info level; "
                    + "twice it is the warning level", true);
    static final Parameter<Long> MIN_THREADS = Parameter.whole("minThreads", 16,
            "live Java threads at peak (count) from which per-thread malloc arenas matter", true);

    @Override
    public String id() {
        return "NAT-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS);
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "Resident memory outside native memory tracking: glibc arenas";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.NATIVE_MEMORY);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CPUS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SHARE_OF_LIMIT, SHARE_OF_RSS, MIN_THREADS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        if (nm == null || nm.rssPeakBytes() == null || nm.nmtCommittedPeakBytes() == null || nm.threadsPeak() == null
                || nm.threadsPeak() < ctx.param(MIN_THREADS)) {
            return List.of();
        }
        long rss = nm.rssPeakBytes();
        long nmt = nm.nmtCommittedPeakBytes();
        long gap = rss - nmt;
        Long c = ctx.containerMemory();
        boolean ofLimit = c != null && c > 0;
        double share = ofLimit ? gap / (double) c : gap / (double) rss;
        double info = ofLimit ? ctx.param(SHARE_OF_LIMIT) : ctx.param(SHARE_OF_RSS);
        if (gap <= 0 || share < info) {
            return List.of();
        }
        Integer cpus = ctx.cpus();
        Finding.Builder f = Finding.of(this, Scores.rising(share, info, 2 * info))
                .summary("The resident set peaked " + Units.bytes(gap) + " above all the native memory tracking "
                        + "accounts for (" + Units.bytes(rss) + " against " + Units.bytes(nmt) + "), with "
                        + nm.threadsPeak() + " threads")
                .explanation("Native memory tracking counts the JVM's own memory, the heap included. Resident memory "
                        + "above its total came from malloc outside it: JDK native libraries (zlib for "
                        + "Inflater/Deflater, the JNI code of drivers and libraries). glibc gives contending threads "
                        + "arenas of their own, up to 8 per core" + (cpus == null ? "" : " (" + 8 * cpus + " here)")
                        + ", and keeps freed memory in them, so with many threads the resident set grows while "
                        + "the JVM's accounting stays flat. "
                        + (ofLimit ? "That is " + Math.round(100 * share) + " % of the " + Units.bytes(c)
                                + " container limit." : "That is " + Math.round(100 * share) + " % of the resident set."))
                .figure(Figure.bytes("resident set peak", rss))
                .figure(Figure.bytes("NMT committed peak", nmt))
                .figure(Figure.bytes("resident memory outside NMT", gap))
                .figure(Figure.share(ofLimit ? "share of the container limit" : "share of the resident set", share))
                .figure(Figure.count("threads peak", nm.threadsPeak()));
        if (ofLimit) {
            f.figure(Figure.bytes("container memory limit", c));
        }
        if (cpus != null) {
            f.figure(Figure.count("CPUs", cpus));
        }
        f.recommend(Recommendation.action("Cap glibc's malloc arenas: MALLOC_ARENA_MAX=2 to 4 in the environment",
                        "Set the environment variable MALLOC_ARENA_MAX=2 (up to 4 if malloc-heavy threads then contend) "
                                + "for the java process, e.g. ENV MALLOC_ARENA_MAX=2 in the image or env: in the pod "
                                + "spec; it is not a JVM flag. Or preload another allocator (jemalloc, tcmalloc) that "
                                + "returns memory more readily. Compare the resident set before and after; if it still "
                                + "grows, look for a native leak (Inflater/Deflater not ended, JNI).")
                .effect(Metric.FOOTPRINT, "resident memory outside NMT", Effect.Direction.DECREASE, null,
                        "fewer arenas hold less freed memory")
                .confidence(0.5)
                .risk("fewer arenas mean more lock contention in malloc for native-heavy threads")
                .references("rules.md NAT-04", "Red Hat KB 61778", "Heroku: tuning glibc memory behavior")
                .build());
        return List.of(f.build());
    }
}
