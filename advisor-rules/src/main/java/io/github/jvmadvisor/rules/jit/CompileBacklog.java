package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.JitProfile;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JIT-07: a compiler's queue ({@code jdk.CompilerQueueUtilization}, JDK 25) kept growing after warm-up:
 * over the windows after {@code warmupSeconds}, spanning at least {@code minSeconds}, the queue ended longer
 * than it began and tasks were added faster than they were removed. Methods then wait in the interpreter or
 * in profiled C1 code for their optimised version. The cure is CPU for the compiler threads; more compiler
 * threads ({@code CICompilerCount}) help only when the machine has idle CPU, which the recording's CPU load
 * tells. An AOT cache with profiles (JDK 25, AOT-02) moves compilation work out of the run.
 */
public final class CompileBacklog implements Rule {

    static final Parameter<Double> WARMUP = Parameter.number("warmupSeconds", 60.0,
            "queue windows starting before this many seconds after the first queue event are warm-up (seconds)", true);
    static final Parameter<Double> MIN_SECONDS = Parameter.number("minSeconds", 60.0,
            "the backlog must span at least this long after warm-up (seconds)", true);
    static final Parameter<Double> INFO_GROWTH = Parameter.number("infoGrowthPerMinute", 60.0,
            "queue growth (tasks per minute) at which the finding is info", true);
    static final Parameter<Double> WARN_GROWTH = Parameter.number("warnGrowthPerMinute", 600.0,
            "queue growth (tasks per minute) at which it is a warning", true);
    static final Parameter<Double> IDLE_LOAD = Parameter.number("idleMachineLoad", 0.6,
            "mean machine CPU load (0 to 1) below which CPUs count as idle, so more compiler threads can help", true);

    /** One compiler's backlog after warm-up. */
    record Backlog(JitProfile.CompileQueue queue, double fromSeconds, double toSeconds, long fromSize, long toSize,
            double added, double removed) {
        double growthPerMinute() {
            return (toSize - fromSize) / (toSeconds - fromSeconds) * 60;
        }
    }

    @Override
    public String id() {
        return "JIT-07";
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "Compile queue backlog after warm-up";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.JIT);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CPU_PROFILE, EvidenceKind.CPUS, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(WARMUP, MIN_SECONDS, INFO_GROWTH, WARN_GROWTH, IDLE_LOAD);
    }

    static Backlog backlog(JitProfile.CompileQueue q, double warmup, double minSeconds) {
        List<JitProfile.QueueWindow> after = new ArrayList<>();
        for (JitProfile.QueueWindow w : q.windows()) {
            if (w.startSeconds() >= warmup) {
                after.add(w);
            }
        }
        if (after.size() < 2) {
            return null;
        }
        JitProfile.QueueWindow first = after.get(0);
        JitProfile.QueueWindow last = after.get(after.size() - 1);
        double span = last.endSeconds() - first.endSeconds();
        long n = 0;
        double added = 0;
        double removed = 0;
        for (JitProfile.QueueWindow w : after.subList(1, after.size())) {
            n += w.samples();
            added += w.addedPerSec() * w.samples();
            removed += w.removedPerSec() * w.samples();
        }
        added /= n;
        removed /= n;
        if (span < minSeconds || last.lastQueueSize() <= first.lastQueueSize() || removed >= added) {
            return null;
        }
        return new Backlog(q, first.endSeconds(), last.endSeconds(), first.lastQueueSize(), last.lastQueueSize(),
                added, removed);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        JitProfile jit = ctx.evidence().jit().orElseThrow();
        Backlog worst = null;
        for (JitProfile.CompileQueue q : jit.queues()) {
            Backlog b = backlog(q, ctx.param(WARMUP), ctx.param(MIN_SECONDS));
            if (b != null && (worst == null || b.growthPerMinute() > worst.growthPerMinute())) {
                worst = b;
            }
        }
        if (worst == null || worst.growthPerMinute() < ctx.param(INFO_GROWTH)) {
            return List.of();
        }
        CpuProfile.CpuLoad load = ctx.evidence().cpu().map(CpuProfile::load).orElse(null);
        boolean idle = load != null && load.machineMean() < ctx.param(IDLE_LOAD);
        Integer threads = jit.configuration() == null ? null : jit.configuration().threadCount();
        Long set = ctx.flagLong("CICompilerCount");
        int current = set != null ? set.intValue() : threads != null ? threads : 0;
        Finding.Builder f = Finding.of(this, Scores.rising(worst.growthPerMinute(), ctx.param(INFO_GROWTH),
                        ctx.param(WARN_GROWTH)))
                .summary(String.format(Locale.ROOT, "The %s compile queue grew from %d to %d tasks between %.0f s and "
                        + "%.0f s (%.0f added/s, %.0f removed/s)", worst.queue().compiler(), worst.fromSize(),
                        worst.toSize(), worst.fromSeconds(), worst.toSeconds(), worst.added(), worst.removed()))
                .explanation("After warm-up the compiler kept receiving more methods than it compiled, so hot methods "
                        + "wait in the interpreter or in profiled C1 code for their optimised version. "
                        + (load == null ? "The recording has no CPU load to tell whether the machine had CPU to spare."
                                : String.format(Locale.ROOT, "The machine's CPU load averaged %.0f %%: ",
                                        100 * load.machineMean())
                                        + (idle ? "there is idle CPU, so more compiler threads can help."
                                                : "the CPUs were busy, so more compiler threads would only compete.")))
                .figure(Figure.text("compiler", worst.queue().compiler()))
                .figure(Figure.count("queue at start", worst.fromSize()))
                .figure(Figure.count("queue at end", worst.toSize()))
                .figure(Figure.of("queue growth", worst.growthPerMinute(), "tasks/min"))
                .figure(Figure.of("added rate", worst.added(), "tasks/s"))
                .figure(Figure.of("removed rate", worst.removed(), "tasks/s"))
                .figure(Figure.of("backlog span", worst.toSeconds() - worst.fromSeconds(), "s"));
        if (load != null) {
            f.figure(Figure.share("machine CPU load", load.machineMean()));
        }
        if (current > 0) {
            f.figure(Figure.count("compiler threads", current));
        }
        if (idle && current > 0) {
            int more = current + Math.max(2, current / 2);
            f.recommend(Recommendation.flags("Add compiler threads: the machine has idle CPU",
                            FlagChange.set("CICompilerCount", more))
                    .effect(Metric.THROUGHPUT, "queue growth", Effect.Direction.DECREASE, null,
                            "the queue drains after warm-up")
                    .confidence(0.5)
                    .risk("compiler threads take CPU from the application while they work")
                    .references("rules.md JIT-07", "JFR metadata: jdk.CompilerQueueUtilization").build());
        }
        f.recommend(Recommendation.action("Give the JVM more CPU, or compile ahead of time",
                        "Raise the CPU limit or request so the compiler threads keep up"
                                + (ctx.targetJdk() >= 25 ? "; on JDK 25 an AOT cache with profiles (-XX:AOTCacheOutput "
                                        + "on a training run, then -XX:AOTCache; AOT-02) moves profiling and compilation "
                                        + "work out of the run" : "")
                                + ". Avoid -Xcomp and -XX:-TieredCompilation, which add compile work.")
                .effect(Metric.THROUGHPUT, "queue growth", Effect.Direction.DECREASE, null,
                        "the queue drains after warm-up")
                .confidence(0.5)
                .references("rules.md JIT-07", "JFR metadata: jdk.CompilerQueueUtilization").build());
        return List.of(f.build());
    }
}
