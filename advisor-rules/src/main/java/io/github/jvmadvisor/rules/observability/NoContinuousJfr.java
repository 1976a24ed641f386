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
import io.github.jvmadvisor.core.rule.RunContext;
import java.util.List;
import java.util.Set;

/**
 * OBS-02: no continuous flight recording. A recording with the {@code default} settings costs about one
 * per cent, keeps the last hours on disk, and is the only source of the allocation, JIT, native-memory,
 * container and CPU evidence many rules need; dumped on exit it is there when something went wrong.
 */
public final class NoContinuousJfr implements Rule {

    static final String RECOMMENDED = "-XX:StartFlightRecording=disk=true,maxage=6h,settings=default,dumponexit=true";

    @Override
    public String id() {
        return "OBS-02";
    }

    @Override
    public String pack() {
        return "observability";
    }

    @Override
    public String title() {
        return "No continuous flight recording";
    }

    /** Production operation: in a test JVM or a JMH fork the harness chose the logging and recording. */
    @Override
    public Set<RunContext> runContexts() {
        return Set.of(RunContext.SERVICE, RunContext.STARTUP_CHECK);
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Xlog.optionsKnown(ctx) || Xlog.hasJfrInput(ctx)) {
            return List.of();
        }
        boolean jfr = false;
        for (var o : ctx.options().options()) {
            jfr |= o.text().startsWith("-XX:StartFlightRecording") || o.text().startsWith("-XX:FlightRecorderOptions");
        }
        if (jfr) {
            return List.of();
        }
        return List.of(Finding.of(this, 40)
                .summary("No flight recording runs with the JVM")
                .explanation("Without -XX:StartFlightRecording (or a JFR.start later) there is no record of allocation, "
                        + "JIT, native memory, container throttling or CPU when a problem shows. The default settings "
                        + "cost about 1 % and keep 6 hours on disk; the recording is dumped when the JVM exits.")
                .figure(Figure.text("flight recording", "none"))
                .recommend(Recommendation.flags("Record continuously with the default settings",
                        FlagChange.option(RECOMMENDED))
                        .effect(Metric.OBSERVABILITY, "JFR recording", Effect.Direction.APPEAR, null,
                                "a recording of the last 6 hours, dumped on exit (hotspot-pid-*.jfr in the working "
                                        + "directory; add filename=DIR/ to put it elsewhere)")
                        .confidence(0.8)
                        .risk("about 1 % CPU; enable jdk.CompilerInlining only ad hoc")
                        .references("rules.md OBS-02").build())
                .build());
    }
}
