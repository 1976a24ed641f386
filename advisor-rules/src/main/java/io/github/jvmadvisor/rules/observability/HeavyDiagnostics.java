package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OBS-06: troubleshooting switches left on. A heap dump before or after every full GC stops the
 * application for seconds per collection and fills the disk; {@code PrintClassHistogram} and
 * {@code classhisto} logging walk the whole heap; {@code ZStatisticsInterval} adds statistics tables to the
 * log. Useful for a day, costly for good.
 */
public final class HeavyDiagnostics implements Rule {

    private static final List<String> HEAVY = List.of("HeapDumpBeforeFullGC", "HeapDumpAfterFullGC");
    private static final List<String> LIGHT = List.of("PrintClassHistogram");

    @Override
    public String id() {
        return "OBS-06";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "Heavyweight diagnostics left on";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<String> found = new ArrayList<>();
        List<FlagChange> changes = new ArrayList<>();
        boolean heavy = false;
        for (String f : HEAVY) {
            if (Boolean.TRUE.equals(ctx.flagBoolean(f))) {
                found.add("-XX:+" + f);
                changes.add(FlagChange.remove(f));
                heavy = true;
            }
        }
        for (String f : LIGHT) {
            if (Boolean.TRUE.equals(ctx.flagBoolean(f))) {
                found.add("-XX:+" + f);
                changes.add(FlagChange.remove(f));
            }
        }
        if (ctx.options().lastSetting("ZStatisticsInterval") != null) {
            found.add(ctx.options().lastSetting("ZStatisticsInterval").option().text());
            changes.add(FlagChange.remove("ZStatisticsInterval"));
        }
        for (Xlog x : Xlog.of(ctx)) {
            if (x.what().toLowerCase(Locale.ROOT).contains("classhisto")) {
                found.add(x.text());
                // the engine removes options by name: every -Xlog goes, so this one is advice in words
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Finding.Builder fb = Finding.of(this, heavy ? 70 : 40)
                .summary("Troubleshooting options left on: " + String.join(" ", found))
                .explanation((heavy ? "A heap dump around every full GC stops the application for as long as the "
                        + "dump takes and writes a heap-sized file each time. " : "")
                        + "These options are for troubleshooting; remove them when it is done.")
                .figure(Figure.count("diagnostic options", found.size()));
        for (String f : found) {
            fb.figure(Figure.text("option", f));
        }
        if (!changes.isEmpty()) {
            fb.recommend(Recommendation.flags("Remove the troubleshooting flags", changes.toArray(new FlagChange[0]))
                    .effect(heavy ? Metric.LATENCY : Metric.THROUGHPUT, heavy ? "full GC pause time" : "diagnostic overhead",
                            Effect.Direction.DECREASE, null, heavy ? "no heap dump inside full GC pauses"
                                    : "no heap walks or statistics for diagnostics")
                    .confidence(0.8)
                    .references("rules.md OBS-06", "joa warn.heap.dump.*.full.gc", "garbagecat info.z.statistics.interval")
                    .build());
        }
        if (found.stream().anyMatch(s -> s.startsWith("-Xlog"))) {
            fb.recommend(Recommendation.action("Drop classhisto from the -Xlog selection",
                    "remove the classhisto tags from " + String.join(" ", found.stream().filter(s -> s.startsWith("-Xlog"))
                            .toList()) + " and keep the rest of the option")
                    .effect(Metric.THROUGHPUT, "diagnostic overhead", Effect.Direction.DECREASE, null,
                            "no class histogram at every full GC")
                    .confidence(0.8).references("rules.md OBS-06").build());
        }
        return List.of(fb.build());
    }
}
