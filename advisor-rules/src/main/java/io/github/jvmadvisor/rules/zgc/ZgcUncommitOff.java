package io.github.jvmadvisor.rules.zgc;

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
import io.github.jvmadvisor.core.rule.Units;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ZGC-02: ZGC never uncommits below {@code -Xms}, so {@code -Xms = -Xmx} turns uncommit off
 * ({@code Uncommit: Implicitly Disabled (-Xms equals -Xmx)} in the init lines): the heap stays at its
 * maximum while idle. Right for a dedicated, latency-critical JVM; in an elastic or shared setting a lower
 * {@code -Xms} lets ZGC return memory after {@code ZUncommitDelay} (300 s). A warning for the footprint goal,
 * information otherwise.
 */
public final class ZgcUncommitOff implements Rule {

    @Override
    public String id() {
        return "ZGC-02";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "zgc";
    }

    @Override
    public String title() {
        return "ZGC uncommit off because -Xms equals -Xmx";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (Boolean.FALSE.equals(ctx.flagBoolean("ZUncommit"))) {
            return List.of(); // turned off on purpose
        }
        String logged = ctx.setup() == null ? null : ctx.setup().uncommit();
        boolean loggedOff = logged != null && logged.toLowerCase(Locale.ROOT).contains("implicitly disabled");
        Long xms = ctx.flagLong("InitialHeapSize");
        Long xmx = ctx.maxHeap();
        boolean equal = ctx.asked("InitialHeapSize") && xms != null && xms.equals(xmx);
        if (!loggedOff && !equal) {
            return List.of();
        }
        boolean footprint = ctx.goal() == Goal.FOOTPRINT;
        Finding.Builder f = Finding.of(this, footprint ? 60 : 30)
                .summary("ZGC will not uncommit memory: -Xms equals -Xmx"
                        + (xmx == null ? "" : " (" + Units.bytes(xmx) + ")"))
                .explanation("ZGC returns unused memory after ZUncommitDelay, but never below -Xms; with -Xms = -Xmx the "
                        + "heap stays committed at its maximum even when idle. Keep it for a dedicated, latency-critical "
                        + "JVM; in a shared or elastic setting lower -Xms.");
        if (logged != null) {
            f.figure(Figure.text("Uncommit (gc,init)", logged));
        }
        if (xmx != null) {
            f.figure(Figure.bytes("initial and max heap", xmx));
        }
        Recommendation.Builder r;
        if (ctx.asked("InitialHeapSize")) {
            var s = ctx.options().lastSetting("InitialHeapSize");
            String name = s != null ? s.option().name() : "InitialHeapSize";
            r = Recommendation.flags("Drop -Xms so that ZGC can uncommit idle memory", FlagChange.remove(name));
        } else {
            r = Recommendation.action("Start the heap below its maximum so that ZGC can uncommit idle memory",
                    "Lower -Xms (or InitialRAMPercentage) below the maximum heap");
        }
        f.recommend(r.effect(Metric.FOOTPRINT, "committed heap when idle", Effect.Direction.DECREASE, null,
                        "after ZUncommitDelay (" + (ctx.flag("ZUncommitDelay") == null ? "300" : ctx.flag("ZUncommitDelay"))
                                + " s) unused memory goes back to the system")
                .confidence(footprint ? 0.7 : 0.4).risk("the heap grows again under load: commit cost on the way up")
                .conflictKey("heap-elasticity=elastic").forCollector(Collector.ZGC)
                .references("rules.md ZGC-02", "Oracle ZGC tuning guide: uncommitting unused memory",
                        "joa info.z.uncommit.disabled").build());
        return List.of(f.build());
    }
}
