package io.github.jvmadvisor.rules.g1;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.Collector;
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
 * G1-06: {@code -Xmn}, {@code -XX:NewRatio}, {@code -XX:NewSize} or {@code -XX:MaxNewSize} with G1 fix the
 * young generation's size, which "overrides and in effect disables pause-time control" (Oracle G1 guide):
 * G1 can no longer shrink the young generation to meet {@code MaxGCPauseMillis}. Remove them.
 */
public final class G1FixedYoungGen implements Rule {

    private static final List<String> FLAGS = List.of("NewSize", "MaxNewSize", "NewRatio");

    @Override
    public String id() {
        return "G1-06";
    }

    @Override
    public String pack() {
        return "g1";
    }

    @Override
    public String title() {
        return "Fixed young generation under G1";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.G1);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<String> given = new ArrayList<>();
        List<FlagChange> removals = new ArrayList<>();
        for (String name : FLAGS) {
            if (!ctx.asked(name)) {
                continue;
            }
            JavaOptions.Setting s = ctx.options().lastSetting(name);
            // -Xmn sets NewSize and MaxNewSize with one option: remove it once, by the option's own name
            String text = s != null ? s.option().text() : "-XX:" + name + "=" + ctx.flag(name);
            String optionName = s != null ? s.option().name() : name;
            if (!given.contains(text)) {
                given.add(text);
            }
            if (removals.stream().noneMatch(r -> r.name().equals(optionName))) {
                removals.add(FlagChange.remove(optionName));
            }
        }
        if (given.isEmpty()) {
            return List.of();
        }
        String list = String.join(" ", given);
        return List.of(Finding.of(this, 75)
                .summary("The young generation is fixed (" + list + "), which disables G1's pause-time control")
                .explanation("G1 meets MaxGCPauseMillis by resizing the young generation for every collection; "
                        + list + " pins it, so pauses follow the fixed size instead of the goal.")
                .figure(Figure.text("young-generation options", list))
                .recommend(Recommendation.flags("Remove " + list, removals.toArray(FlagChange[]::new))
                        .effect(Metric.LATENCY, "young pause p90 against MaxGCPauseMillis", Effect.Direction.DECREASE, null,
                                "G1 sizes the young generation to the pause goal again")
                        .confidence(0.8).forCollector(Collector.G1)
                        .references("rules.md G1-06", "Oracle G1 tuning guide: do not fix the young generation size")
                        .build())
                .build());
    }
}
