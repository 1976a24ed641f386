package io.github.jvmadvisor.rules.jit;

import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.JitProfile;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * JIT-04: a short-lived process (a CLI tool, a batch step, a function) that spends much of its CPU compiling
 * code it will hardly run. Its run length is the recording's span (the GC figures' duration, else the span of
 * the execution samples), which is the process's lifetime when the recording started with the JVM and was
 * dumped at exit. The compilation time is the compilers' cumulative time from {@code jdk.CompilerStatistics},
 * else the summed {@code jdk.Compilation} durations (only compilations above the event's threshold: a lower
 * bound). Its share is taken of the JVM's CPU time (mean {@code jdk.CPULoad} x CPUs x run length) when the
 * recording has the load, else of the CPU capacity (CPUs x run length). Suggests trying C1 only
 * ({@code TieredStopAtLevel=1}) with a CDS archive or AOT cache, to be validated by timing the run: C1-only
 * code is slower and a toy run was slower with it.
 */
public final class ShortLivedCompilation implements Rule {

    static final Parameter<Double> MAX_SECONDS = Parameter.number("maxSeconds", 10.0,
            "run length (seconds) below which the process counts as short-lived", true);
    static final Parameter<Double> SHARE = Parameter.number("compileShare", 0.25,
            "compilation time over the JVM's CPU time (fraction) at the info level; twice it is the warning level", true);

    @Override
    public String id() {
        return "JIT-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS);
    }

    @Override
    public String pack() {
        return "jit";
    }

    @Override
    public String title() {
        return "Short-lived process dominated by JIT compilation";
    }

    /** C1 only with an archive: harmful in a fork that measures steady state (C1-only cost a JMH score 62 %). */
    @Override
    public boolean tradesSteadyStateForStartup() {
        return true;
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.JIT);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC, EvidenceKind.CPU_PROFILE, EvidenceKind.CPUS, EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MAX_SECONDS, SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        JitProfile jit = ctx.evidence().jit().orElseThrow();
        CpuProfile cpu = ctx.evidence().cpu().orElse(null);
        Double seconds = runSeconds(ctx, cpu);
        if (seconds == null || seconds <= 0 || seconds >= ctx.param(MAX_SECONDS)) {
            return List.of();
        }
        Long compileNanos = null;
        String compileSource;
        if (jit.statistics() != null && jit.statistics().totalTimeNanos() != null) {
            compileNanos = jit.statistics().totalTimeNanos();
            compileSource = "jdk.CompilerStatistics";
        } else {
            compileSource = "jdk.Compilation (above its threshold only)";
            if (jit.compilations() != null) {
                compileNanos = jit.compilations().totalNanos();
            }
        }
        if (compileNanos == null || compileNanos <= 0) {
            return List.of();
        }
        double compileSeconds = compileNanos / 1e9;
        Integer cpus = ctx.cpus();
        int n = cpus == null || cpus < 1 ? 1 : cpus;
        CpuProfile.CpuLoad load = cpu == null ? null : cpu.load();
        boolean byLoad = load != null && load.samples() > 0 && load.jvmMean() > 0;
        double denominator = byLoad ? load.jvmMean() * n * seconds : n * seconds;
        double share = Math.min(1, compileSeconds / denominator);
        double info = ctx.param(SHARE);
        if (share < info) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, Scores.rising(share, info, 2 * info))
                .summary("The process ran " + Units.number(seconds) + " s and compiled for " + Units.number(compileSeconds)
                        + " s, " + Math.round(100 * share) + " % of " + (byLoad ? "its CPU time" : "the CPU capacity"))
                .explanation("A short run pays for tiered compilation (C1, profiling, C2) without running long enough to "
                        + "profit from the optimised code. C1 only (TieredStopAtLevel=1) compiles less and faster, and a "
                        + "class-data archive or AOT cache removes class loading and, on JDK 25, brings profiles; whether "
                        + "the run gets faster must be measured: C1-only code is slower, and a toy run took 191 ms with "
                        + "it against 132 ms without. This assumes the recording covered the whole process (started with "
                        + "-XX:StartFlightRecording and dumped at exit).")
                .figure(Figure.of("run length", seconds, "s"))
                .figure(Figure.millis("compilation time", compileNanos / 1e6))
                .figure(Figure.share("compilation share of " + (byLoad ? "JVM CPU" : "CPU capacity"), share))
                .figure(Figure.text("compilation time source", compileSource))
                .figure(Figure.count("CPUs", n));
        if (byLoad) {
            f.figure(Figure.share("mean JVM CPU load", load.jvmMean()));
        }
        String aot = ctx.targetJdk() >= 25 ? "an AOT cache with profiles (training run -XX:AOTCacheOutput=app.aot, then "
                + "-XX:AOTCache=app.aot)" : ctx.targetJdk() >= 24 ? "an AOT cache (-XX:AOTMode=record/create, then "
                + "-XX:AOTCache=app.aot)" : ctx.targetJdk() >= 19 ? "a dynamic CDS archive (-XX:+AutoCreateSharedArchive "
                + "-XX:SharedArchiveFile=app.jsa)" : "a dynamic CDS archive (training run -XX:ArchiveClassesAtExit=app.jsa, "
                + "then -XX:SharedArchiveFile=app.jsa)";
        Long level = ctx.flagLong("TieredStopAtLevel");
        if (level != null && level < 4) {
            f.recommend(Recommendation.action("Start from " + (ctx.targetJdk() >= 24 ? "an AOT cache" : "a CDS archive")
                            + " (the run is already C1-only)", "Train " + aot + " (AOT-02) and time the run with it")
                    .effect(Metric.STARTUP, "process wall time", Effect.Direction.DECREASE, null,
                            "less class loading and, with profiles, less compilation")
                    .confidence(0.4)
                    .references("rules.md JIT-04", "rules.md AOT-02").build());
        } else {
            f.recommend(Recommendation.flags("Try C1 only for the short run, with " + (ctx.targetJdk() >= 24
                            ? "an AOT cache" : "a CDS archive") + ", and keep it only if the run gets faster",
                            FlagChange.set("TieredStopAtLevel", 1))
                    .action("Time the whole run (several repetitions) with and without -XX:TieredStopAtLevel=1, each with "
                            + aot + " (AOT-02); keep the faster")
                    .effect(Metric.STARTUP, "process wall time; compilation time (jdk.CompilerStatistics totalTime)",
                            Effect.Direction.DECREASE, null, "less compilation; the run's wall time must be measured")
                    .confidence(0.35)
                    .risk("C1-only code is slower: a run that turns out longer, or that does real work after warm-up, "
                            + "gets slower (validate)")
                    .references("rules.md JIT-04", "java(1): -XX:TieredStopAtLevel").build());
        }
        return List.of(f.build());
    }

    /** The recording's span: the GC figures' duration, else the execution samples' span, else {@code null}. */
    static Double runSeconds(RuleContext ctx, CpuProfile cpu) {
        Double gc = ctx.metrics() == null ? null : ctx.metrics().durationSeconds();
        Double samples = cpu == null || cpu.firstSampleAt() == null || cpu.lastSampleAt() == null ? null
                : Duration.between(cpu.firstSampleAt(), cpu.lastSampleAt()).toNanos() / 1e9;
        if (gc != null && samples != null) {
            return Math.max(gc, samples);
        }
        return gc != null ? gc : samples;
    }
}
