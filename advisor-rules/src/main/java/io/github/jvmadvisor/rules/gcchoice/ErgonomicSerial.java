package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.JvmConfig;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-01: HotSpot 17-26 falls back to the Serial collector when the machine is not "server class"
 * (fewer than 2 active processors or less than 1792 MB of memory). In a container with 2 or more CPUs but
 * under 1792 MB, or with a quota that rounds down the count, that silently gives a single-threaded
 * stop-the-world collector to a multi-core service. Recommends picking a collector explicitly: Parallel
 * for throughput on small heaps, G1 when latency matters.
 */
public final class ErgonomicSerial implements Rule {

    static final Parameter<Long> SERVER_MEMORY = Parameter.whole("serverClassBytes", 1792L << 20,
            "memory in bytes below which HotSpot is not server class (2 GB - 256 MB, os.cpp)", false);

    @Override
    public String id() {
        return "GCSEL-01";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MEMORY_LIMIT, Facts.Key.CPUS);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Ergonomic Serial collector on a multi-core container";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.FLAG_ORIGINS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.SERIAL);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SERVER_MEMORY);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.asked("UseSerialGC")) {
            return List.of();
        }
        Integer cpus = ctx.cpus();
        Integer visible = ctx.jvm().map(JvmConfig::machine).map(mc -> mc.allowedCpus() != null ? mc.allowedCpus()
                : mc.hwThreads()).orElse(null);
        if (visible == null && ctx.setup() != null) {
            visible = ctx.setup().cpusTotal();
        }
        Double quota = ctx.jvm().map(JvmConfig::container).map(ContainerLimits::cpuQuotaCores).orElse(null);
        Long mem = ctx.memory();
        boolean smallMemory = mem != null && mem < ctx.param(SERVER_MEMORY);
        boolean multiCore = cpus != null && cpus >= 2;
        boolean quotaRoundsDown = cpus != null && cpus == 1 && visible != null && visible >= 2 && quota != null && quota > 1;
        if (!(multiCore && smallMemory) && !quotaRoundsDown) {
            return List.of();
        }
        boolean latency = ctx.goal() == Goal.LATENCY;
        Collector pick = latency ? Collector.G1 : Collector.PARALLEL;
        Collector other = latency ? Collector.PARALLEL : Collector.G1;
        Finding.Builder f = Finding.of(this, 80)
                .summary("The JVM picked the Serial collector by ergonomics with " + cpus + " CPU" + (cpus == 1 ? "" : "s")
                        + (mem == null ? "" : " and " + Units.bytes(mem)))
                .explanation((quotaRoundsDown ? "A CPU quota of " + Units.number(quota) + " leaves the JVM one processor"
                        : "Below " + Units.bytes(ctx.param(SERVER_MEMORY)) + " HotSpot does not count the machine as "
                                + "server class")
                        + ", so it chose Serial: one GC thread, every collection stops the application. JDK 27 (JEP 523) "
                        + "drops this fallback; until then pick the collector explicitly.")
                .figure(Figure.text("collector", "Serial (ergonomic)"))
                .figure(Figure.of("CPUs", cpus, "cpus"));
        if (mem != null) {
            f.figure(Figure.bytes("memory", mem));
        }
        f.recommend(rec(pick, 0.8));
        f.recommend(rec(other, 0.5));
        return List.of(f.build());
    }

    private Recommendation rec(Collector c, double confidence) {
        boolean par = c == Collector.PARALLEL;
        return Recommendation.flags(par ? "Use the Parallel collector (throughput, heap up to about 4 GB)"
                : "Use G1 (latency-sensitive service)", FlagChange.enable(par ? "UseParallelGC" : "UseG1GC"))
                .effect(par ? Metric.THROUGHPUT : Metric.LATENCY, par ? "requests per second" : "p99 latency",
                        par ? Effect.Direction.INCREASE : Effect.Direction.DECREASE, par ? 0.36 : null,
                        "jaz A/B on 2 vCPU below 1792 MB: +36 % throughput and over 6x lower p99 against ergonomic Serial")
                .confidence(confidence)
                .references("rules.md GCSEL-01", "rules.md section 6.1 (gcConfig.cpp, os.cpp)",
                        "Microsoft Learn: start with the Parallel GC", "tmdevlab jaz study [R]")
                .build();
    }
}
