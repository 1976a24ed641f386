package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * SP-02: the GC evidence has no safepoint lines, so the total stopped time, the time to safepoint and the
 * non-GC VM operations are unknown: a GC log shows only the collections' own pauses. Adding the
 * {@code safepoint} tag to the GC log costs one line per safepoint and makes SP-01 and SP-05 possible.
 */
public final class NoSafepointData implements Rule {

    static final String XLOG = "-Xlog:gc*,safepoint:file=gc-%p-%t.log:time,uptime,level,tags:filecount=5,filesize=20M";

    @Override
    public String id() {
        return "SP-02";
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "No safepoint data in the GC log";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.has(EvidenceKind.SAFEPOINTS)) {
            return List.of();
        }
        boolean log = ctx.evidence().inputs().stream().anyMatch(i -> i.kind() == InputKind.GC_LOG);
        return List.of(Finding.of(this, 30)
                .summary("The " + (log ? "GC log" : "GC evidence") + " has no safepoint lines: stopped time outside GC "
                        + "and time to safepoint are unknown")
                .explanation("Collections are only part of the time the application stands still; the safepoint tag "
                        + "logs every stop with its VM operation, time to reach the safepoint and total.")
                .figure(Figure.count("safepoints", 0))
                .recommend(Recommendation.flags("Log safepoints with the GC log", FlagChange.option(XLOG))
                        .effect(Metric.OBSERVABILITY, "safepoint lines", Effect.Direction.APPEAR, null,
                                "the next log has one safepoint line per stop (operation, reaching time, total)")
                        .confidence(0.9)
                        .references("rules.md SP-02", "garbagecat warn.application.stopped.time.missing")
                        .build())
                .build());
    }
}
