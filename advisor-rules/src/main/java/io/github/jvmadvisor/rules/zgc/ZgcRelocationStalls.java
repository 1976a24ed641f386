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
 * ZGC-05: application threads waited for ZGC to relocate an object they touched
 * ({@code Relocation Stall (<thread>) <ms>}): relocation is behind, for the same want of headroom or
 * concurrent threads as allocation stalls. Recurring stalls get ZGC-01's remedies.
 */
public final class ZgcRelocationStalls implements Rule {

    static final Parameter<Long> MIN_COUNT = Parameter.whole("minCount", 2,
            "relocation stalls (count) below which they are not called recurring", true);
    static final Parameter<Double> INFO_MS_PER_MIN = Parameter.number("infoMillisPerMinute", 10,
            "relocation stall time per minute (ms) at which the finding is info", true);
    static final Parameter<Double> WARN_MS_PER_MIN = Parameter.number("warnMillisPerMinute", 100,
            "relocation stall time per minute (ms) at which it is a warning", true);

    @Override
    public String id() {
        return "ZGC-05";
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
        return "ZGC relocation stalls";
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
        return List.of(MIN_COUNT, INFO_MS_PER_MIN, WARN_MS_PER_MIN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        GcMetrics.StallStats s = m.relocationStalls();
        if (s == null || s.count() < ctx.param(MIN_COUNT)) {
            return List.of();
        }
        Double d = m.durationSeconds();
        Double perMin = d == null || d <= 0 ? null : s.totalMillis() / (d / 60);
        double score = perMin == null ? 50
                : Math.max(25, Scores.rising(perMin, ctx.param(INFO_MS_PER_MIN), ctx.param(WARN_MS_PER_MIN)));
        Finding.Builder f = Finding.of(this, score)
                .summary(s.count() + " ZGC relocation stalls, " + Units.millis(s.totalMillis()) + " in total")
                .explanation("Threads waited for ZGC to relocate objects they used: relocation is falling behind "
                        + "the application.")
                .figure(Figure.count("relocation stalls", s.count()))
                .figure(Figure.millis("stall time", s.totalMillis()))
                .figure(Figure.millis("longest stall", s.maxMillis()));
        if (perMin != null) {
            f.figure(Figure.millis("stall time per minute", perMin));
        }
        ZgcHeadroom.advise(ctx, f, "rules.md ZGC-05", "relocation stall count");
        return List.of(f.build());
    }
}
