package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.report.AnalysisJson;
import io.github.jvmadvisor.core.report.AnalysisText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jvm-advisor analyze}: reads the inputs and prints what was read. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"What was read from the inputs, without advice.",
            "Reads GC logs (unified logging, JDK 9+; plain, gzip or zip; a rotated set given together is one log, "
                + "ordered by content), JFR recordings, HdrHistogram logs and JMH results, and prints what was read: "
                + "collector, pauses, rates, live set, issues."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:at least one input was read", "1:an input file is missing, none could be read, or -o cannot be written", "2:usage error"})
final class AnalyzeCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE")
    Path output;

    @CommandLine.Mixin
    JvmDescription jvm;

    @CommandLine.Mixin
    LatencyUnitOption latencyUnit;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "inputs, in any order")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        JvmConfig given = jvm.config(spec);
        LatencyUnit unit = latencyUnit.unit(spec); // checked before any input is read
        if ((files == null || files.isEmpty()) && given == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give input files, or describe the JVM with --jvm-args/--container-memory/--cpus");
        }
        Inputs.requireExisting(files);
        Evidence evidence = Analyzer.analyze(files == null ? List.of() : files, GcEventListener.none(), given)
                .withLatencyUnit(unit);
        ReportOutput.write(spec, output, format == Format.json ? AnalysisJson.toJson(evidence) : AnalysisText.render(evidence));
        boolean anyRead = evidence.inputs().stream().anyMatch(i -> i.kind() != InputKind.UNKNOWN && i.lines() > 0);
        if (!anyRead && given == null) {
            spec.commandLine().getErr().println("jvm-advisor: none of the inputs could be read");
            return 1;
        }
        return 0;
    }
}
