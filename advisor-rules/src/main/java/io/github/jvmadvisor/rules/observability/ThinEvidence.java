package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * OBS-08: the inputs were recorded with settings that leave out what rules need, so those rules run on
 * less than was there. A recording whose settings cut events off (the readers report it as a
 * {@code limited} input issue: safepoints recorded only above a threshold, say) and a GC log of a
 * collector that prints {@code gc,cpu} lines but without them (plain {@code -Xlog:gc} rather than
 * {@code gc*}) each get a "collect next time" suggestion. Rules that cannot run at all are already
 * reported by the engine as not applicable, with what to collect.
 */
public final class ThinEvidence implements Rule {

    @Override
    public String id() {
        return "OBS-08";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "Evidence recorded with settings that leave out what rules need";
    }

    @Override
    public Set<EvidenceKind> requires() {
        // both triggers are about GC evidence: the readers report limited safepoint settings only with GC data
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (InputSummary in : ctx.evidence().inputs()) {
            for (InputIssue issue : in.issues()) {
                if (!issue.code().equals(InputIssue.LIMITED)) {
                    continue;
                }
                out.add(Finding.of(this, 30)
                        .summary(in.path() + ": " + issue.message())
                        .explanation("The " + in.kind().id() + " input was recorded with settings that leave figures "
                                + "out: " + issue.message() + ". Rules that read them run on less.")
                        .figure(Figure.text("input", in.path()))
                        .figure(Figure.text("issue", issue.code()))
                        .recommend(Recommendation.action("Record next time with the settings the rules need",
                                collectFor(issue.message()))
                                .effect(Metric.OBSERVABILITY, "evidence completeness", Effect.Direction.APPEAR, null,
                                        "the figures left out are in the next input")
                                .confidence(0.8).references("rules.md OBS-08", "JMC EventAvailability").build())
                        .build());
            }
        }
        boolean gcLog = ctx.evidence().inputs().stream().anyMatch(i -> i.kind() == InputKind.GC_LOG);
        Collector c = ctx.collector();
        boolean printsCpu = c == Collector.SERIAL || c == Collector.PARALLEL || c == Collector.G1;
        if (gcLog && ctx.has(EvidenceKind.GC) && printsCpu && !ctx.has(EvidenceKind.GC_CPU)
                && ctx.metrics().pauses() != null && ctx.metrics().pauses().count() > 0) {
            out.add(Finding.of(this, 30)
                    .summary("The GC log has no gc,cpu lines: GC CPU figures are left out")
                    .explanation(c.displayName() + " prints User/Sys/Real times per collection under the gc,cpu tag; "
                            + "this log has " + ctx.metrics().pauses().count() + " pauses but none, so the GC CPU "
                            + "rules cannot run. Plain -Xlog:gc leaves them out.")
                    .figure(Figure.count("pauses", ctx.metrics().pauses().count()))
                    .figure(Figure.text("collector", c.displayName()))
                    .recommend(Recommendation.action("Log gc* next time, not only gc",
                            "-Xlog:gc*,safepoint:file=gc-%p-%t.log:time,uptime,level,tags:filecount=5,filesize=20M")
                            .effect(Metric.OBSERVABILITY, "GC CPU figures", Effect.Direction.APPEAR, null,
                                    "gc,cpu lines in the next GC log")
                            .confidence(0.9).references("rules.md OBS-08", "gctoolkit #301").build())
                    .build());
        }
        return out;
    }

    private static String collectFor(String message) {
        if (message.contains("jdk.")) {
            int at = message.lastIndexOf("(record with ");
            if (at >= 0) {
                return message.substring(at + 1, message.length() - 1);
            }
        }
        return "record with the event settings the message names (a custom .jfc or event#setting=value options of "
                + "-XX:StartFlightRecording)";
    }
}
