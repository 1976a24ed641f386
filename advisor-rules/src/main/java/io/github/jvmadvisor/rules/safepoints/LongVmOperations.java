package io.github.jvmadvisor.rules.safepoints;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SP-05: long VM operations or a long time to safepoint. A safepoint operation of a second or more (JMC's
 * warning is 2 s) stops every thread for that long; a long "Reaching safepoint" means some thread did not
 * reach a poll: a counted loop without safepoint polls ({@code -XX:-UseCountedLoopSafepoints} or
 * {@code LoopStripMiningIter} off), a large array copy, or a thread in native code coming back. Other
 * threads already stopped wait all that time, whatever the operation.
 */
public final class LongVmOperations implements Rule {

    static final Parameter<Double> OP_INFO = Parameter.number("operationMillis", 1000,
            "longest safepoint operation (ms) at which the finding is info", false);
    static final Parameter<Double> OP_WARN = Parameter.number("warnOperationMillis", 2000,
            "longest safepoint operation (ms) at which it is a warning (JMC vm.vmoperation.warning.limit)", false);
    static final Parameter<Double> TTS_INFO = Parameter.number("timeToSafepointMillis", 10,
            "longest time to safepoint (ms) at which the finding is info", true);
    static final Parameter<Double> TTS_WARN = Parameter.number("warnTimeToSafepointMillis", 100,
            "longest time to safepoint (ms) at which it is a warning", true);

    @Override
    public String id() {
        return "SP-05";
    }

    @Override
    public String pack() {
        return "safepoints";
    }

    @Override
    public String title() {
        return "Long VM operations or time to safepoint";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.GC, EvidenceKind.SAFEPOINTS);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(OP_INFO, OP_WARN, TTS_INFO, TTS_WARN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        GcMetrics.SafepointStats s = ctx.metrics().safepoints();
        double tts = s.timeToSafepointMaxMillis();
        double op = s.maxMillis();
        boolean longTts = tts > ctx.param(TTS_INFO);
        boolean longOp = op >= ctx.param(OP_INFO);
        if (!longTts && !longOp) {
            return List.of();
        }
        String worst = null;
        double worstMax = -1;
        if (s.byOperation() != null) {
            for (Map.Entry<String, GcMetrics.OperationStats> e : s.byOperation().entrySet()) {
                if (e.getValue().maxMillis() > worstMax) {
                    worstMax = e.getValue().maxMillis();
                    worst = e.getKey();
                }
            }
        }
        double score = Math.max(longTts ? Scores.rising(tts, ctx.param(TTS_INFO), ctx.param(TTS_WARN)) : 0,
                longOp ? Scores.rising(op, ctx.param(OP_INFO), ctx.param(OP_WARN)) : 0);
        List<String> parts = new ArrayList<>();
        if (longTts) {
            parts.add("threads took up to " + Units.millis(tts) + " to reach a safepoint");
        }
        if (longOp) {
            parts.add("the longest safepoint" + (worst == null ? "" : " (" + worst + ")") + " lasted " + Units.millis(op));
        }
        Finding.Builder f = Finding.of(this, score)
                .summary(String.join("; ", parts))
                .explanation("Every safepoint first waits for the last thread to reach a poll; while it waits, all "
                        + "other threads are already stopped. Long waits come from counted loops without polls, large "
                        + "array copies, or threads returning from native code; long operations stop the application "
                        + "for their whole length.")
                .figure(Figure.millis("max time to safepoint", tts))
                .figure(Figure.millis("total time to safepoint", s.timeToSafepointTotalMillis()))
                .figure(Figure.millis("longest safepoint", op))
                .figure(Figure.text("longest operation", worst == null ? "unknown" : worst));
        List<FlagChange> restore = new ArrayList<>();
        if (Boolean.FALSE.equals(ctx.flagBoolean("UseCountedLoopSafepoints"))) {
            restore.add(FlagChange.remove("UseCountedLoopSafepoints"));
        }
        Long strip = ctx.flagLong("LoopStripMiningIter");
        if (ctx.asked("LoopStripMiningIter") && strip != null && strip == 0) {
            restore.add(FlagChange.remove("LoopStripMiningIter"));
        }
        if (longTts && !restore.isEmpty()) {
            f.recommend(Recommendation.flags("Restore safepoint polls in counted loops (defaults: "
                            + "UseCountedLoopSafepoints=true, LoopStripMiningIter=1000)", restore.toArray(FlagChange[]::new))
                    .effect(Metric.LATENCY, "max time to safepoint", Effect.Direction.DECREASE, null,
                            "long loops poll every 1000 iterations, so safepoints are reached within microseconds")
                    .confidence(0.8)
                    .risk("a small throughput cost in the hottest loops")
                    .references("rules.md SP-05", "java(1): UseCountedLoopSafepoints, LoopStripMiningIter")
                    .build());
        }
        f.recommend(Recommendation.action("Investigate the long safepoints",
                        (longTts ? "Find the thread that is late to the safepoint: -XX:+UnlockDiagnosticVMOptions "
                                + "-XX:+SafepointTimeout -XX:SafepointTimeoutDelay=" + Math.max(1, Math.round(ctx.param(TTS_INFO)))
                                + " names it; look for long counted loops, big System.arraycopy calls and JNI. " : "")
                                + (longOp ? "Find what requests " + (worst == null ? "the long operation" : worst)
                                        + " (heap dumps, class redefinition, thread dumps of many threads)." : ""))
                .effect(Metric.LATENCY, longTts ? "max time to safepoint" : "longest safepoint", Effect.Direction.DECREASE,
                        null, "shorter stops for every thread")
                .confidence(0.5)
                .references("rules.md SP-05", "JMC VMOperations rule")
                .build());
        return List.of(f.build());
    }
}
