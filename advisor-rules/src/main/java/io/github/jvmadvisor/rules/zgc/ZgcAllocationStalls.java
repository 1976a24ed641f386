package io.github.jvmadvisor.rules.zgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ZGC-01: application threads stalled on allocation ({@code Allocation Stall (<thread>) <ms>}) because a
 * ZGC cycle did not free memory before the heap ran out. ZGC is only pause-less with headroom: the heap
 * must hold the live set plus what is allocated during a cycle,
 * {@code Xmx >= LDS + A x T_cycle x ZAllocationSpikeTolerance x 1.2}. Scored like JMC's
 * {@code ZGCAllocationStallRule}, by stall time per minute.
 */
public final class ZgcAllocationStalls implements Rule {

    static final Parameter<Double> INFO_MS_PER_MIN = Parameter.number("infoMillisPerMinute", 10,
            "stall time per minute of run (ms) at which the finding is info (JMC)", false);
    static final Parameter<Double> WARN_MS_PER_MIN = Parameter.number("warnMillisPerMinute", 100,
            "stall time per minute of run (ms) at which it is a warning (JMC)", false);

    @Override
    public String id() {
        return "ZGC-01";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP, Facts.Key.LIVE_SET, Facts.Key.CPUS);
    }

    @Override
    public Set<Intent.Kind> intents() {
        return EnumSet.of(Intent.Kind.HEAP_AT_LEAST);
    }

    @Override
    public String pack() {
        return "zgc";
    }

    @Override
    public String title() {
        return "ZGC allocation stalls";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG, EvidenceKind.CPUS);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_MS_PER_MIN, WARN_MS_PER_MIN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.StallStats s = m.allocationStalls();
        if (s == null || s.count() == 0) {
            return List.of();
        }
        Double d = m.durationSeconds();
        Double perMin = d == null || d <= 0 ? null : s.totalMillis() / (d / 60);
        double score = perMin == null ? 75
                : Math.max(30, Scores.rising(perMin, ctx.param(INFO_MS_PER_MIN), ctx.param(WARN_MS_PER_MIN)));
        Finding.Builder f = Finding.of(this, score)
                .summary(s.count() + " ZGC allocation stall" + (s.count() == 1 ? "" : "s") + ", "
                        + Units.millis(s.totalMillis()) + " in total, longest " + Units.millis(s.maxMillis()))
                .explanation("Threads waited for a ZGC cycle to free memory: the heap has too little headroom for "
                        + "what is allocated while a cycle runs" + (perMin == null ? "" : " (" + Units.millis(perMin)
                                + " of stalls per minute)") + ".")
                .figure(Figure.count("allocation stalls", s.count()))
                .figure(Figure.millis("stall time", s.totalMillis()))
                .figure(Figure.millis("longest stall", s.maxMillis()));
        if (perMin != null) {
            f.figure(Figure.millis("stall time per minute", perMin));
        }
        ZgcHeadroom.advise(ctx, f, "rules.md ZGC-01", "allocation stall count");
        return List.of(f.build());
    }
}
