package io.github.jvmadvisor.rules.shenandoah;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * SHEN-02: for the footprint goal Shenandoah has a heuristics made for it, {@code compact} (a product
 * option): it runs cycles continuously as long as there is allocation, keeping the heap small at the cost of
 * GC CPU. Advised when the heuristics is another one; not in generational mode, which takes only
 * {@code adaptive} (SHEN-03).
 */
public final class ShenandoahCompact implements Rule {

    @Override
    public String id() {
        return "SHEN-02";
    }

    @Override
    public String pack() {
        return "shenandoah";
    }

    @Override
    public String title() {
        return "Shenandoah compact heuristics for footprint";
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
        return Set.of(Collector.SHENANDOAH);
    }

    /** The heuristics in use: the flag, else the log's init line, else {@code "adaptive"}. */
    static String heuristics(RuleContext ctx) {
        String h = ctx.flag("ShenandoahGCHeuristics");
        if (h == null && ctx.setup() != null) {
            h = ctx.setup().heuristics();
        }
        return h == null ? "adaptive" : h.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether Shenandoah runs in generational mode: the flag, else the log's mode line. */
    static boolean generational(RuleContext ctx) {
        String mode = ctx.flag("ShenandoahGCMode");
        if (mode == null && ctx.setup() != null) {
            mode = ctx.setup().mode();
        }
        return mode != null && mode.toLowerCase(java.util.Locale.ROOT).contains("generational");
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.goal() != Goal.FOOTPRINT || generational(ctx)) {
            return List.of();
        }
        String h = heuristics(ctx);
        if (h.equals("compact")) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, 45)
                .summary("Shenandoah runs " + h + " heuristics under a footprint goal")
                .explanation("The " + h + " heuristics starts a cycle when free memory runs low; compact collects "
                        + "continuously while the application allocates, so the heap stays close to the live set and "
                        + "uncommits sooner.")
                .figure(Figure.text("heuristics", h));
        GcMetrics m = ctx.metrics();
        if (m != null && m.heap() != null && m.heap().peakCommittedBytes() != null) {
            f.figure(Figure.bytes("peak committed heap", m.heap().peakCommittedBytes()));
        }
        if (m != null && m.liveSet() != null && m.liveSet().bytes() != null) {
            f.figure(Figure.bytes("live set", m.liveSet().bytes()));
        }
        f.recommend(Recommendation.flags("Use compact heuristics", FlagChange.set("ShenandoahGCHeuristics", "compact"))
                .effect(Metric.FOOTPRINT, "committed heap", Effect.Direction.DECREASE, null,
                        "cycles run back to back while there is allocation; the committed heap follows the live set")
                .confidence(0.5).risk("more GC CPU and more cycles").forCollector(Collector.SHENANDOAH)
                .references("rules.md SHEN-02", "OpenJDK Shenandoah wiki: heuristics").build());
        return List.of(f.build());
    }
}
