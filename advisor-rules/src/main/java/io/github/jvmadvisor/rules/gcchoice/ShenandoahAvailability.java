package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-09: Shenandoah asked for on an Oracle JDK build. Oracle builds do not ship Shenandoah, so
 * {@code -XX:+UseShenandoahGC} stops the JVM from starting there. The build is read from the recording's
 * {@code java.vm.name} ("Java HotSpot(TM)") or version string; the fix is ZGC (present in every build) or a
 * distribution that ships Shenandoah (Temurin, Red Hat, Corretto, Debian and others).
 */
public final class ShenandoahAvailability implements Rule {

    @Override
    public String id() {
        return "GCSEL-09";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "gc-choice";
    }

    @Override
    public String title() {
        return "Shenandoah on an Oracle JDK build";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        boolean asked = Boolean.TRUE.equals(ctx.flagBoolean("UseShenandoahGC"))
                || ctx.collector() == Collector.SHENANDOAH;
        if (!asked || !Boolean.TRUE.equals(Builds.oracleBuild(ctx))) {
            return List.of();
        }
        return List.of(Finding.error(this)
                .summary("Shenandoah is asked for, but " + Builds.describe(ctx).trim() + " is an Oracle build without it")
                .explanation("Oracle JDK builds omit Shenandoah: -XX:+UseShenandoahGC makes the JVM exit at start. "
                        + "ZGC is in every build and serves the same low-pause purpose; to keep Shenandoah, run a "
                        + "distribution that ships it (Eclipse Temurin, Red Hat, Amazon Corretto, Debian/Ubuntu OpenJDK).")
                .figure(Figure.text("JVM", Builds.describe(ctx).trim()))
                .figure(Figure.text("collector", "Shenandoah"))
                .recommend(Recommendation.flags("Use ZGC instead of Shenandoah on an Oracle build",
                                FlagChange.remove("UseShenandoahGC"), FlagChange.enable("UseZGC"))
                        .effect(Metric.RELIABILITY, "JVM start", Effect.Direction.ELIMINATE, null,
                                "the JVM starts, with a concurrent low-pause collector")
                        .confidence(0.8)
                        .risk("or keep Shenandoah by switching to a JDK distribution that ships it")
                        .references("rules.md GCSEL-09", "OpenJDK Shenandoah wiki: builds")
                        .build())
                .build());
    }
}
