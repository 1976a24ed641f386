package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.flags.JavaOptions;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GCSEL-10: a CMS or ParallelOld configuration carried to JDK 17 or later. CMS was removed in 14 (JEP 363)
 * and {@code UseParallelOldGC} in 16; on 17 their flags are unrecognised and the JVM does not start. Where
 * LINT-01 lists each flag, this rule migrates the configuration as a whole: all CMS flags
 * ({@code UseConcMarkSweepGC}, {@code UseParNewGC}, {@code CMS*}) go and G1 (the default) is pinned;
 * {@code UseParallelOldGC} becomes {@code UseParallelGC}. A recording of a CMS JVM counts too.
 */
public final class LegacyCollectors implements Rule {

    @Override
    public String id() {
        return "GCSEL-10";
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
        return "Legacy CMS or ParallelOld configuration";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    static boolean cmsFlag(String name) {
        return name.equals("UseConcMarkSweepGC") || name.equals("UseParNewGC") || name.startsWith("CMS")
                || name.startsWith("UseCMS") || name.equals("ExplicitGCInvokesConcurrentAndUnloadsClasses");
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (ctx.targetJdk() < 14) {
            return List.of();
        }
        Set<String> cms = new LinkedHashSet<>();
        boolean parallelOld = false;
        for (JavaOptions.Option o : ctx.options().options()) {
            if (!o.isFlag()) {
                continue;
            }
            if (cmsFlag(o.name())) {
                cms.add(o.name());
            } else if (o.name().equals("UseParallelOldGC")) {
                parallelOld = true;
            }
        }
        boolean cmsRunning = ctx.collector() == Collector.CMS;
        if (cms.isEmpty() && !parallelOld && !cmsRunning) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (!cms.isEmpty() || cmsRunning) {
            List<FlagChange> changes = new ArrayList<>();
            for (String n : cms) {
                changes.add(FlagChange.remove(n));
            }
            changes.add(FlagChange.enable("UseG1GC"));
            Finding.Builder f = cms.isEmpty() ? Finding.of(this, 60) : Finding.error(this);
            out.add(f.summary(cms.isEmpty() ? "The JVM runs CMS, which JDK " + ctx.targetJdk() + " no longer has"
                            : cms.size() + " CMS flag" + (cms.size() == 1 ? "" : "s") + " on the command line: JDK "
                                    + ctx.targetJdk() + " has no CMS and does not start with them")
                    .explanation("CMS was removed in JDK 14 (JEP 363). G1 is the default collector and the usual "
                            + "replacement: remove every CMS option (their G1 counterparts, such as "
                            + "InitiatingHeapOccupancyPercent, work differently and are best left at their defaults).")
                    .figure(Figure.count("CMS flags", cms.size()))
                    .figure(Figure.text("CMS flags", cms.isEmpty() ? "(collector from the recording)" : String.join(" ", cms)))
                    .recommend(Recommendation.flags("Migrate from CMS to G1", changes.toArray(FlagChange[]::new))
                            .effect(Metric.RELIABILITY, "JVM start", Effect.Direction.ELIMINATE, null,
                                    "the JVM starts on JDK " + ctx.targetJdk() + " with G1, the default collector")
                            .confidence(0.9)
                            .references("rules.md GCSEL-10", "JEP 363", "Oracle GC tuning guide: G1")
                            .build())
                    .build());
        }
        if (parallelOld) {
            out.add(Finding.error(this)
                    .summary("-XX:+UseParallelOldGC is gone: JDK " + ctx.targetJdk() + " does not start with it")
                    .explanation("Parallel's old-generation collector has been part of -XX:+UseParallelGC since JDK 7; "
                            + "the separate flag was removed in JDK 16.")
                    .figure(Figure.text("option", "UseParallelOldGC"))
                    .recommend(Recommendation.flags("Use -XX:+UseParallelGC", FlagChange.remove("UseParallelOldGC"),
                                    FlagChange.enable("UseParallelGC"))
                            .effect(Metric.RELIABILITY, "JVM start", Effect.Direction.ELIMINATE, null,
                                    "the JVM starts with the same Parallel collector")
                            .confidence(1.0)
                            .references("rules.md GCSEL-10", "JDK-8244231 (UseParallelOldGC obsolete)")
                            .build())
                    .build());
        }
        return out;
    }
}
