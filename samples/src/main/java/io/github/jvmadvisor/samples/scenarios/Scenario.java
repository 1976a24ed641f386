package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Goal;
import java.util.List;

/**
 * One misconfigured workload the advisor must fix: a program, the options that misconfigure it, what
 * its user measures, and the goal the advice is asked for.
 *
 * @param id short stable name ({@code heap-too-small})
 * @param number its number in the suite
 * @param title one line for the table
 * @param goal the goal the advice is asked for
 * @param workload the program's main class
 * @param args its arguments; {@code {hlog}} stands for the latency log's path in the run directory
 * @param badOptions the options that misconfigure it (on top of the harness's GC log and recording)
 * @param metric what its user cares about; the verdict is on this
 * @param alsoShown further figures shown beside it
 * @param collector the collector it needs (checked on each JDK), or {@code null}
 * @param containerMemory a real cgroup memory limit to run under, or {@code null}
 * @param fallbackMaxRam when a cgroup cannot be made: run with {@code -XX:MaxRAM} of the limit and tell
 *     the advisor the container's limit instead; when {@code false} the scenario is skipped there
 * @param recording extra JFR settings, after {@code settings=profile}
 * @param control whether this is the well-tuned control: the advisor must stay quiet
 * @param story what goes wrong and what should fix it, for the report
 */
public record Scenario(String id, int number, String title, Goal goal, Class<?> workload, List<String> args,
        List<String> badOptions, TargetMetric metric, List<TargetMetric> alsoShown, Collector collector,
        Long containerMemory, boolean fallbackMaxRam, String recording, boolean control, String story) {

    public Scenario {
        args = List.copyOf(args);
        badOptions = List.copyOf(badOptions);
        alsoShown = List.copyOf(alsoShown);
        recording = recording == null ? "" : recording;
    }

    /** Whether the workload writes a latency log. */
    public boolean hasLatencyLog() {
        return args.contains("{hlog}");
    }
}
