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
 * GCSEL-07: {@code ZGenerational} by JDK. JDK 17 does not know it (the JVM does not start); 21-22 need
 * {@code -XX:+ZGenerational} for generational ZGC (off by default); 23 makes it the default and deprecates
 * the flag; 24+ removed the non-generational mode and ignore the flag with a warning. Emits or strips the
 * flag for the target JDK.
 */
public final class ZGenerationalGate implements Rule {

    @Override
    public String id() {
        return "GCSEL-07";
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
        return "ZGenerational for the target JDK";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        int jdk = ctx.targetJdk();
        boolean given = ctx.options().lastSetting("ZGenerational") != null;
        Boolean on = given ? ctx.options().isTrue("ZGenerational") : null;
        boolean zgc = ctx.collector() == Collector.ZGC;
        String refs = "JEP 439/474/490";
        if (given && jdk < 21) {
            return List.of(Finding.error(this)
                    .summary("-XX:" + (on ? "+" : "-") + "ZGenerational is not an option of JDK " + jdk
                            + ": the JVM does not start")
                    .explanation("JDK 17 rejects ZGenerational with 'Unrecognized VM option'; its ZGC is non-generational.")
                    .figure(Figure.text("target JDK", Integer.toString(jdk)))
                    .recommend(remove(jdk, Metric.RELIABILITY, "JVM startup failures", Effect.Direction.ELIMINATE,
                            "the JVM starts", 0.95, refs))
                    .build());
        }
        if (given && jdk >= 24) {
            return List.of(Finding.of(this, 60)
                    .summary("ZGenerational is obsolete on JDK " + jdk + " and ignored with a warning")
                    .explanation("Non-generational ZGC was removed in JDK 24 (JEP 490); the flag does nothing.")
                    .figure(Figure.text("target JDK", Integer.toString(jdk)))
                    .recommend(remove(jdk, Metric.OBSERVABILITY, "startup warnings", Effect.Direction.ELIMINATE,
                            "no 'Ignoring option ZGenerational' warning", 0.9, refs))
                    .build());
        }
        if (given && jdk == 23 && Boolean.FALSE.equals(on)) {
            return List.of(Finding.of(this, 55)
                    .summary("-XX:-ZGenerational is deprecated on JDK 23 and the mode goes away in 24")
                    .explanation("JDK 23 makes generational ZGC the default (JEP 474); the non-generational mode is removed "
                            + "in 24.")
                    .figure(Figure.text("target JDK", "23"))
                    .recommend(remove(jdk, Metric.RELIABILITY, "startup warnings", Effect.Direction.ELIMINATE,
                            "generational ZGC, as on every later JDK", 0.8, refs))
                    .build());
        }
        if (zgc && (jdk == 21 || jdk == 22) && !Boolean.TRUE.equals(on)) {
            return List.of(Finding.of(this, 60)
                    .summary("ZGC on JDK " + jdk + " runs non-generational unless -XX:+ZGenerational is given")
                    .explanation("Generational ZGC (JEP 439) is opt-in on 21 and 22; it collects young objects cheaply and "
                            + "is the only mode from JDK 24.")
                    .figure(Figure.text("target JDK", Integer.toString(jdk)))
                    .recommend(Recommendation.flags("Enable generational ZGC", FlagChange.enable("ZGenerational"))
                            .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                                    "young objects are collected without marking the whole heap")
                            .confidence(0.8).forCollector(Collector.ZGC).jdks(21, 22).references(refs, "rules.md GCSEL-07")
                            .build())
                    .build());
        }
        return List.of();
    }

    private Recommendation remove(int jdk, Metric metric, String check, Effect.Direction dir, String effect,
            double confidence, String refs) {
        return Recommendation.flags("Remove ZGenerational for JDK " + jdk, FlagChange.remove("ZGenerational"))
                .effect(metric, check, dir, dir == Effect.Direction.ELIMINATE ? -1.0 : null, effect)
                .confidence(confidence).references(refs, "rules.md GCSEL-07", "rules.md section 8").build();
    }
}
