package io.github.jvmadvisor.rules.startupaot;

import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * AOT-03: the JVM was given an AOT cache (or CDS archive) it could not use, because the cache was created
 * under other settings than the run: another collector or compressed-oops mode (trained with G1, run with
 * ZGC), another JDK build, another class path. With the default {@code -XX:AOTMode=auto} the JVM then starts
 * silently without it and loses the start-up gain. Read from the {@code aot} and {@code cds} lines of a log
 * written with {@code -Xlog:aot*,cds*}.
 */
public final class AotCacheMismatch implements Rule {

    @Override
    public String id() {
        return "AOT-03";
    }

    @Override
    public String pack() {
        return "startup-aot";
    }

    @Override
    public String title() {
        return "AOT cache or CDS archive not usable";
    }

    /** Start-up advice (CDS, AOT cache): not for a test JVM or a JMH fork that measures steady state. */
    @Override
    public boolean tradesSteadyStateForStartup() {
        return true;
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcSetup setup = ctx.setup();
        GcSetup.ArchiveUse a = setup == null ? null : setup.archive();
        if (a == null || !a.rejected()) {
            return List.of();
        }
        boolean aot = "aot".equals(a.tag());
        String what = aot ? "AOT cache" : "CDS archive";
        String reason = reason(a.problems());
        String file = a.file() == null ? "the " + what : a.file();
        Finding.Builder f = Finding.of(this, 60)
                .summary("The JVM could not use " + (a.file() == null ? "its " + what : what + " " + a.file())
                        + ": " + reason)
                .explanation("A cache is only used by a JVM whose settings match the training run's (collector and "
                        + "compressed-oops mode, JDK build, class path). Otherwise the JVM starts without it"
                        + " and loses the start-up gain" + (a.createdWith() == null ? "" : "; it was created with "
                                + a.createdWith()) + ". Logged: " + String.join(" ", a.problems()))
                .figure(Figure.text("file", file))
                .figure(Figure.text("mismatch", reason))
                .figure(Figure.count("problem messages", a.problems().size()));
        if (a.createdWith() != null) {
            f.figure(Figure.text("created with", a.createdWith()));
        }
        String regenerate = aot
                ? "run the training with the production command line (same collector, heap and -XX flags, same "
                        + "class path and JDK build) and -XX:AOTCacheOutput=" + file
                : "recreate the archive with the production command line (same collector, heap and -XX flags, same "
                        + "class path and JDK build) and -XX:ArchiveClassesAtExit=" + file;
        f.recommend(Recommendation.action("Regenerate the " + what + " with the production flags", regenerate)
                .effect(Metric.STARTUP, "start-up time", Effect.Direction.DECREASE, null,
                        "the " + what + " is mapped again")
                .confidence(0.8).references("rules.md AOT-03", "java(1) -XX:AOTCache").build());
        if (ctx.targetJdk() >= 24) {
            f.recommend(Recommendation.action("Fail fast on a mismatched cache in CI",
                    "add -XX:AOTMode=on to the CI start-up test only (the JVM then refuses to start with a cache it "
                            + "cannot use); keep the default auto mode in production")
                    .effect(Metric.RELIABILITY, "start-up time", Effect.Direction.DECREASE, null,
                            "a mismatch is caught before it ships")
                    .confidence(0.6).jdks(24, 25).references("rules.md AOT-03", "java(1) -XX:AOTMode").build());
        }
        return List.of(f.build());
    }

    /** What kind of mismatch the messages name. */
    static String reason(List<String> problems) {
        String all = String.join(" ", problems);
        if (all.contains("UseCompressedOops") || all.contains("UseCompressedClassPointers")
                || all.contains("compressed oops")) {
            return "compressed-oops mode or collector differs from the training run";
        }
        if (all.contains("different version") || all.contains("different JDK") || all.contains("build")) {
            return "created by another JDK build";
        }
        if (all.contains("class path") || all.contains("classpath") || all.contains("module path")) {
            return "class path differs from the training run";
        }
        return problems.isEmpty() ? "not mapped" : problems.get(problems.size() - 1);
    }
}
