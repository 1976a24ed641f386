package io.github.jvmadvisor.rules.startupaot;

import io.github.jvmadvisor.core.flags.JavaOptions;
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
 * AOT-01: {@code -Xshare:off} switches off class data sharing, including the default CDS archive every
 * JDK since 12 ships (JEP 341): every JDK class is loaded and verified from scratch at each start
 * (toy measurement on 17: 175 ms instead of 70 ms). Remove it.
 */
public final class CdsDisabled implements Rule {

    @Override
    public String id() {
        return "AOT-01";
    }

    @Override
    public String pack() {
        return "startup-aot";
    }

    @Override
    public String title() {
        return "Class data sharing switched off";
    }

    /** Start-up advice (CDS, AOT cache): not for a test JVM or a JMH fork that measures steady state. */
    @Override
    public boolean tradesSteadyStateForStartup() {
        return true;
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        JavaOptions.Option off = null;
        for (JavaOptions.Option o : ctx.options().options()) {
            if (o.name().equals("-Xshare")) {
                off = "off".equals(o.value()) ? o : null;
            }
        }
        if (off == null) {
            return List.of();
        }
        return List.of(Finding.of(this, 60)
                .summary("-Xshare:off disables the default CDS archive and slows every start")
                .explanation("Class data sharing maps pre-parsed JDK classes at start-up; without it each start loads "
                        + "and verifies them again (toy: 175 ms instead of 70 ms on JDK 17).")
                .figure(Figure.text("option", off.text()))
                .recommend(Recommendation.flags("Remove -Xshare:off", FlagChange.remove("-Xshare"))
                        .effect(Metric.STARTUP, "start-up time", Effect.Direction.DECREASE, -0.6,
                                "start-up falls (toy: 175 ms to 70 ms, -60 %)")
                        .confidence(0.9).references("rules.md AOT-01", "JEP 341").build())
                .build());
    }
}
