package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.Resources;
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
import java.util.List;
import java.util.Set;

/**
 * CPU-06: thread stacks take a large share of the container's memory: peak live threads times the stack
 * size ({@code -Xss}, 1 MB by default) above 10 % of the limit. Stack memory is reserved per thread and
 * touched as deep as the code goes; with hundreds of threads it belongs in the memory budget. Where no deep
 * recursion runs, {@code -Xss512k} halves it (test for StackOverflowError first); blocking I/O on platform
 * threads can move to virtual threads (21+). A stack set by hand above 1 MB is reported as well.
 */
public final class ThreadStackBudget implements Rule {

    static final Parameter<Double> INFO_SHARE = Parameter.number("infoShare", 0.10,
            "peak threads times stack size over the container limit (fraction) at which the finding is info", true);
    static final Parameter<Double> WARN_SHARE = Parameter.number("warnShare", 0.25,
            "peak threads times stack size over the container limit (fraction) at which it is a warning", true);

    private static final long DEFAULT_STACK_KB = 1024;

    @Override
    public String id() {
        return "CPU-06";
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "Thread stacks take a large share of the container's memory";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.NATIVE_MEMORY, EvidenceKind.CONTAINER_MEMORY);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO_SHARE, WARN_SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Long xssKb = ctx.flagLong("ThreadStackSize");
        long stackKb = xssKb == null || xssKb <= 0 ? DEFAULT_STACK_KB : xssKb;
        Resources.NativeMemory nm = ctx.evidence().resources().isPresent() ? ctx.evidence().resources().get().memory()
                : null;
        Long threads = nm == null ? null : nm.threadsPeak();
        Long limit = ctx.containerMemory();
        if (threads != null && threads > 0 && limit != null) {
            long bytes = threads * stackKb * 1024;
            double share = bytes / (double) limit;
            if (share >= ctx.param(INFO_SHARE) * 0.5) {
                Finding.Builder fb = Finding.of(this, Scores.rising(share, ctx.param(INFO_SHARE), ctx.param(WARN_SHARE)))
                        .summary(threads + " threads × " + Units.bytes(stackKb * 1024) + " stacks = " + Units.bytes(bytes)
                                + String.format(java.util.Locale.ROOT, ", %.0f %% of the container's ", share * 100)
                                + Units.bytes(limit))
                        .explanation("Each platform thread reserves its stack and touches it as deep as the code goes. "
                                + "Count it in the container budget (HEAP-02); if no deep recursion runs, smaller "
                                + "stacks free it, and blocking I/O can move to virtual threads.")
                        .figure(Figure.count("peak threads", threads))
                        .figure(Figure.bytes("stack size", stackKb * 1024))
                        .figure(Figure.bytes("stack budget", bytes))
                        .figure(Figure.share("share of container memory", share));
                if (stackKb > 512) {
                    long saved = threads * (stackKb - 512) * 1024;
                    fb.recommend(Recommendation.flags("Halve the thread stacks: -Xss512k", FlagChange.option("-Xss512k"))
                            .effect(Metric.FOOTPRINT, "thread stack memory", Effect.Direction.DECREASE,
                                    -(stackKb - 512) / (double) stackKb, "up to " + Units.bytes(saved)
                                            + " less stack memory at " + threads + " threads")
                            .confidence(0.5)
                            .risk("StackOverflowError in deep recursion (parsers, serializers): test under load first")
                            .references("rules.md CPU-06", "joa warn.thread.stack.size.*", "Paketo libjvm").build());
                }
                if (ctx.targetJdk() >= 21) {
                    fb.recommend(Recommendation.action("Move blocking I/O to virtual threads",
                            "run blocking request handling on Executors.newVirtualThreadPerTaskExecutor() instead of "
                                    + "a large platform thread pool")
                            .effect(Metric.FOOTPRINT, "peak platform threads", Effect.Direction.DECREASE, null,
                                    "a few carrier threads instead of " + threads + " platform stacks")
                            .confidence(0.4).jdks(21, 25).references("rules.md CPU-06", "JEP 444").build());
                }
                return List.of(fb.build());
            }
        }
        if (xssKb != null && xssKb > DEFAULT_STACK_KB && ctx.asked("ThreadStackSize")) {
            return List.of(Finding.of(this, 30)
                    .summary("Thread stacks set to " + Units.bytes(xssKb * 1024) + ", above the 1 MB default")
                    .explanation("Every platform thread reserves " + Units.bytes(xssKb * 1024) + "; unless deep "
                            + "recursion needs it, the default is enough.")
                    .figure(Figure.bytes("stack size", xssKb * 1024))
                    .recommend(Recommendation.flags("Use the default stack size", FlagChange.remove("ThreadStackSize"))
                            .effect(Metric.FOOTPRINT, "thread stack memory", Effect.Direction.DECREASE,
                                    -(xssKb - DEFAULT_STACK_KB) / (double) xssKb, "1 MB per thread")
                            .confidence(0.5).risk("StackOverflowError if the code recurses that deep")
                            .references("rules.md CPU-06", "joa warn.thread.stack.size.*").build())
                    .build());
        }
        return List.of();
    }
}
