package io.github.jvmadvisor.rules.explicitgc;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EXP-04: collections started by tools, not by the application or the heap: {@code jmap -histo:live} and
 * class histograms ({@code Heap Inspection Initiated GC}), live heap dumps ({@code Heap Dump Initiated GC}),
 * {@code jcmd GC.run} ({@code Diagnostic Command}) and JVMTI agents ({@code JvmtiEnv ForceGarbageCollection}).
 * Each is a full, stop-the-world collection on most collectors, made by monitoring that is meant to be
 * harmless. Scored by the number of such collections, as JMC's HeapInspectionGc rule (limit 1).
 */
public final class ToolingInducedGcs implements Rule {

    static final List<String> CAUSES = List.of("Heap Inspection Initiated GC", "Heap Dump Initiated GC",
            "Diagnostic Command", "JvmtiEnv ForceGarbageCollection");
    static final Parameter<Long> INFO_COUNT = Parameter.whole("infoCount", 1,
            "tool-initiated collections at which the finding is info (count)", false);
    static final Parameter<Long> WARN_COUNT = Parameter.whole("warnCount", 5,
            "tool-initiated collections at which it is a warning (count)", true);

    @Override
    public String id() {
        return "EXP-04";
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "Collections started by heap inspection, heap dumps and other tools";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_COUNT, WARN_COUNT);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics m = ctx.metrics();
        long count = 0;
        double ms = 0;
        StringBuilder which = new StringBuilder();
        Map<String, GcMetrics.PauseStats> byCause = new java.util.TreeMap<>(m.pausesByCause());
        for (String cause : CAUSES) {
            long n = 0;
            double t = 0;
            for (Map.Entry<String, GcMetrics.PauseStats> e : byCause.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT))) {
                    n += e.getValue().count();
                    t += e.getValue().totalMillis();
                }
            }
            if (n > 0) {
                which.append(which.length() == 0 ? "" : ", ").append(cause).append(" ×").append(n);
                count += n;
                ms += t;
            }
        }
        if (count == 0) {
            return List.of();
        }
        double score = Scores.rising(count, ctx.param(INFO_COUNT) * 0.999, ctx.param(WARN_COUNT));
        return List.of(Finding.of(this, score)
                .summary(count + " pause" + (count == 1 ? "" : "s") + " started by tools (" + which + ") took "
                        + Units.millis(ms))
                .explanation("Heap histograms with :live, live heap dumps, jcmd GC.run and JVMTI agents force a "
                        + "collection each time; monitoring that runs them on a schedule pauses the application "
                        + "for nothing it needs.")
                .figure(Figure.count("tool-initiated pauses", count))
                .figure(Figure.millis("their pause time", ms))
                .figure(Figure.text("causes", which.toString()))
                .recommend(Recommendation.action("Stop tools from forcing collections",
                        "take histograms and dumps without :live (jmap -histo, jcmd GC.heap_dump -all), run jcmd GC.run "
                                + "only by hand, and enable the JFR ObjectCount events only briefly")
                        .effect(Metric.LATENCY, "tool-initiated GC count", Effect.Direction.ELIMINATE, -1.0,
                                "no pauses from monitoring tools")
                        .confidence(0.7)
                        .references("rules.md EXP-04", "garbagecat warn.heap.inspection.initiated.gc",
                                "JMC HeapInspectionGc").build())
                .build());
    }
}
