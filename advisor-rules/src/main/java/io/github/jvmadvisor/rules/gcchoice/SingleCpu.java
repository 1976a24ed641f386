package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-02: the JVM sees one CPU. With one CPU a parallel or concurrent collector has no second core for its
 * GC threads: concurrent phases steal the application's only CPU and parallel pauses gain nothing, so Serial
 * is the cheapest choice (and the one ergonomics makes). When another collector is asked for, switch to
 * Serial; either way, a latency-sensitive service needs at least two CPUs (Microsoft: 2000m for any
 * non-Serial collector).
 */
public final class SingleCpu implements Rule {

    @Override
    public String id() {
        return "GCSEL-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.CPUS, Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "One CPU: Serial, or more CPUs";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CPUS);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Integer cpus = ctx.cpus();
        if (cpus == null || cpus != 1) {
            return List.of();
        }
        Collector c = ctx.collector();
        boolean other = c != null && c != Collector.SERIAL;
        Finding.Builder f = Finding.of(this, other ? 70 : ctx.goal() == Goal.LATENCY ? 50 : 30)
                .figure(Figure.count("CPUs", cpus))
                .figure(Figure.text("collector", c == null ? "ergonomic (Serial on one CPU)" : c.displayName()));
        if (other) {
            f.summary(c.displayName() + " on one CPU: its GC threads compete with the application for the only core")
                    .explanation("With one CPU, parallel GC threads cannot run in parallel and concurrent GC threads run "
                            + "instead of the application; Serial does the same work with less overhead.")
                    .recommend(Recommendation.flags("Use the Serial collector on one CPU", FlagChange.enable("UseSerialGC"))
                            .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                                    "no GC thread coordination or concurrent work competing for the one CPU")
                            .confidence(0.7)
                            .risk("pauses become stop-the-world over the whole heap: keep the heap small")
                            .references("rules.md GCSEL-02", "Oracle GC tuning guide: selecting a collector",
                                    "Microsoft Learn: containerize Java applications")
                            .build());
        } else {
            f.summary("The JVM sees one CPU: Serial is the only sensible collector")
                    .explanation("On one CPU the JVM picks Serial, which is right for that size; if request latency "
                            + "matters, the fix is CPU, not GC flags.");
        }
        f.recommend(Recommendation.action("Give the JVM at least two CPUs if latency matters",
                "Raise the container CPU limit (and request) to 2 cores (2000m) or more; then G1 becomes the ergonomic "
                        + "choice and GC threads stop competing with the application")
                .effect(Metric.LATENCY, "p99 latency", Effect.Direction.DECREASE, null,
                        "GC and JIT threads get their own core; pauses and warm-up shrink")
                .confidence(0.5)
                .references("rules.md GCSEL-02", "Microsoft Learn: at least 2 vCPU for any non-Serial GC")
                .build());
        return List.of(f.build());
    }
}
