package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.core.model.LatencyUnit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --latency-unit}, shared by {@code analyze} and {@code advise}: the unit of HdrHistogram logs whose unit
 * the reader cannot tell (it recognises only jHiccup's and YCSB's; a log records numbers, not their unit).
 */
final class LatencyUnitOption {

    @Option(names = "--latency-unit", paramLabel = "UNIT",
            description = "the unit of the values in HdrHistogram logs that do not say it (ns, us, ms or s); needed to "
                    + "set latencies beside GC pauses and objectives")
    String latencyUnit;

    /** The unit given, or {@code null} without the option; a usage error for an unknown one. */
    LatencyUnit unit(CommandLine.Model.CommandSpec spec) {
        if (latencyUnit == null) {
            return null;
        }
        try {
            return LatencyUnit.parse(latencyUnit);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--latency-unit: " + e.getMessage());
        }
    }
}
