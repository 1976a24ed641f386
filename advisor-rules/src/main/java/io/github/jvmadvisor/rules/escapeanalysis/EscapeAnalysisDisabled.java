package io.github.jvmadvisor.rules.escapeanalysis;

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
import java.util.Set;

/**
 * ALLOC-02: escape analysis or what it enables is switched off ({@code -XX:-DoEscapeAnalysis},
 * {@code -XX:-EliminateAllocations}, {@code -XX:-EliminateLocks}). All three are on by default on 17 to
 * 25; turning them off makes compiled code allocate and lock objects that never leave a method. Remove.
 */
public final class EscapeAnalysisDisabled implements Rule {

    static final List<String> FLAGS = List.of("DoEscapeAnalysis", "EliminateAllocations", "EliminateLocks");

    @Override
    public String id() {
        return "ALLOC-02";
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Escape analysis switched off";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<String> off = new ArrayList<>();
        for (String f : FLAGS) {
            if (Boolean.FALSE.equals(ctx.flagBoolean(f)) && ctx.asked(f)) {
                off.add(f);
            }
        }
        if (off.isEmpty()) {
            return List.of();
        }
        boolean ea = off.contains("DoEscapeAnalysis") || off.contains("EliminateAllocations");
        Finding.Builder b = Finding.of(this, ea ? 80 : 50)
                .summary("-XX:-" + String.join(", -XX:-", off) + ": compiled code keeps allocations and locks escape "
                        + "analysis would remove")
                .explanation("Escape analysis, scalar replacement and lock elision are on by default; switched off, "
                        + "objects that never leave a compiled method are still allocated (more GC) and their locks taken.")
                .figure(Figure.text("flags off", String.join(", ", off)));
        b.recommend(Recommendation.flags("Remove " + String.join(", ", off.stream().map(f -> "-XX:-" + f).toList()),
                off.stream().map(FlagChange::remove).toArray(FlagChange[]::new))
                .effect(Metric.THROUGHPUT, "allocation rate", Effect.Direction.DECREASE, null,
                        "non-escaping allocations and locks in compiled code disappear")
                .confidence(0.9).references("rules.md ALLOC-02").build());
        return List.of(b.build());
    }
}
