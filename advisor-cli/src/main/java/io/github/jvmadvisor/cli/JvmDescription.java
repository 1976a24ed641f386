package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.JvmConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that describe the JVM and where it runs ({@code --jvm-args}, {@code --container-memory},
 * {@code --cpus}), shared by {@code analyze} and {@code advise}.
 */
final class JvmDescription {

    @Option(names = "--jvm-args", paramLabel = "OPTIONS",
            description = "the java options the JVM runs with (or will), as one quoted string")
    String jvmArgs;

    @Option(names = "--container-memory", paramLabel = "SIZE",
            description = "the container memory limit where it will run, e.g. 2g or 1536m")
    String containerMemory;

    @Option(names = "--cpus", paramLabel = "N", description = "the CPUs it will have, e.g. 2 or 1.5")
    Double cpus;

    /** The configuration described, or {@code null} when none of the options was given. */
    JvmConfig config(CommandLine.Model.CommandSpec spec) {
        if (jvmArgs == null && containerMemory == null && cpus == null) {
            return null;
        }
        Long memory = null;
        if (containerMemory != null) {
            memory = JavaOptions.parseSize(containerMemory.trim());
            if (memory == null || memory <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--container-memory: not a size: '" + containerMemory + "' (e.g. 2g, 1536m)");
            }
        }
        if (cpus != null && !(cpus > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cpus must be positive: " + cpus);
        }
        return CommandLineConfig.of(jvmArgs, memory, cpus, null);
    }
}
