package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.LatencyUnit;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.jmh.JmhAdvice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jvm-advisor advise}: reads the inputs, runs the rules, prints ranked advice. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Ranked flag changes for a JVM, with the numbers behind each.",
            "Reads GC logs, JFR recordings, HdrHistogram logs and JMH results (any mix), and the options the JVM runs "
                + "with, runs every rule, and prints ranked flag changes with the numbers behind them, the effect each "
                + "should have, and the full command line for the target JDK."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:advice given", "1:an input file is missing, none could be read, or -o cannot be written",
            "2:usage error",
            "3:a recommendation at or above --fail-on"})
final class AdviseCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        md,
        html
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target-jdk", paramLabel = "N",
            description = "the JDK feature release to advise for (default: the one that ran, else 17)")
    Integer targetJdk;

    @Option(names = "--goal", defaultValue = "balanced",
            description = "latency, throughput, footprint or balanced (default: ${DEFAULT-VALUE})")
    String goal;

    @Option(names = "--format", defaultValue = "text", description = "text, json, md or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE")
    Path output;

    @CommandLine.Mixin
    JvmDescription jvm;

    @CommandLine.Mixin
    LatencyUnitOption latencyUnit;

    @Option(names = "--param", paramLabel = "RULE.NAME=VALUE",
            description = "override a rule parameter, e.g. --param HEAP-04.gcCpuInfo=0.05 (see: jvm-advisor rules)")
    Map<String, String> params;

    @Option(names = "--exclude", paramLabel = "ID|PACK", split = ",",
            description = "rules or packs not to run, e.g. --exclude observability,LINT-04")
    List<String> exclude;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 3 when a recommendation is at or above this: info, warning or error")
    String failOn;

    @Option(names = "--fork-dir", paramLabel = "DIR",
            description = "with JMH result files: where -prof jvm-advisor wrote the forks' files "
                + "(default: jvm-advisor/ beside each result file)")
    Path forkDir;

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
        Advisor advisor;
        Severity gate = null;
        try {
            advisor = builder(RuleSet.load(AdviseCommand.class.getClassLoader())).build();
            if (failOn != null) {
                gate = Severity.valueOf(failOn.trim().toUpperCase(java.util.Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Evidence evidence = Analyzer.analyze(files == null ? List.of() : files, GcEventListener.none(), given)
                .withLatencyUnit(unit);
        if (given == null && !evidence.inputs().isEmpty()
                && evidence.inputs().stream().allMatch(i -> i.kind() == InputKind.JMH_RESULT)) {
            return adviseOnBenchmarks(gate);
        }
        Report report = advisor.advise(evidence);
        String text = switch (format) {
            case json -> AdviceJson.toJson(report);
            case md -> AdviceMarkdown.render(report);
            case html -> AdviceHtml.render(report);
            case text -> AdviceText.render(report);
        };
        ReportOutput.write(spec, output, text);
        boolean anyRead = evidence.inputs().stream().anyMatch(i -> i.kind() != InputKind.UNKNOWN && i.lines() > 0);
        if (!anyRead && given == null) {
            spec.commandLine().getErr().println("jvm-advisor: none of the inputs could be read");
            return 1;
        }
        if (gate != null && !report.recommendations(gate).isEmpty()) {
            return 3;
        }
        return 0;
    }

    /** An advisor over {@code rules} with the command's goal, exclusions, target JDK and parameters. */
    private Advisor.Builder builder(RuleSet rules) {
        Advisor.Builder b = Advisor.builder().goal(Goal.of(goal));
        b.rules(exclude != null ? rules.without(exclude) : rules);
        if (targetJdk != null) {
            b.targetJdk(targetJdk);
        }
        if (params != null) {
            params.forEach(b::parameter);
        }
        return b;
    }

    /**
     * JMH result files only: one report per distinct JVM of the runs (their options and -prof gc figures),
     * and one per fork the jvm-advisor profiler recorded.
     */
    private Integer adviseOnBenchmarks(Severity gate) throws IOException {
        List<JmhAdvice.Section> sections = new JmhAdvice(
                builder(JmhAdvice.rules(RuleSet.load(AdviseCommand.class.getClassLoader()))).build())
                .advise(files, forkDir);
        String text = switch (format) {
            case json -> JmhAdvice.json(sections);
            case md -> JmhAdvice.markdown(sections);
            case html -> JmhAdvice.html(sections);
            case text -> JmhAdvice.text(sections);
        };
        ReportOutput.write(spec, output, text);
        if (gate != null && JmhAdvice.any(sections, gate)) {
            return 3;
        }
        return 0;
    }
}
