package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.jmh.compare.ComparisonRender;
import io.github.jvmadvisor.jmh.compare.ComparisonReport;
import io.github.jvmadvisor.jmh.compare.JmhComparison;
import io.github.jvmadvisor.jmh.compare.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jvm-advisor compare}: JMH result files against a baseline, with statistics and a regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"JMH result files against a baseline, with statistics and a regression gate.",
            "Compares JMH JSON result files (-rf json) with the first one, benchmark by benchmark: direction-aware "
                + "(thrpt higher is better; avgt, sample, ss lower is better), Welch's t-test on the iteration scores "
                + "(Mann-Whitney U on the samples of sample mode), effect size and the confidence interval of the "
                + "difference. A regression is significant at --alpha and worse by more than --threshold."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression", "1:a file is missing or could not be read, nothing was compared, or -o cannot be written", "2:usage error",
            "3:a significant regression beyond the threshold"})
final class CompareCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        md
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threshold", paramLabel = "FRACTION|PERCENT", defaultValue = "5%",
            description = "relative change a significant difference must exceed: 0.05 or 5%% (default: ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--alpha", defaultValue = "0.05", description = "significance level (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--format", defaultValue = "text", description = "text, json or md (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the comparison to FILE")
    Path output;

    @Parameters(paramLabel = "FILE", arity = "2..*", description = "the baseline, then one or more result files")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        Inputs.requireExisting(files);
        JmhComparison comparison;
        try {
            comparison = new JmhComparison(parseThreshold(threshold), alpha);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ComparisonReport r = comparison.compare(files);
        String text = switch (format) {
            case json -> ComparisonRender.json(r);
            case md -> ComparisonRender.markdown(r);
            case text -> ComparisonRender.text(r);
        };
        ReportOutput.write(spec, output, text);
        if (r.regressed()) {
            return 3;
        }
        boolean compared = r.comparisons().stream().anyMatch(c -> c.verdict() != Verdict.MISSING);
        if (!compared || r.issues().stream().anyMatch(i -> i.code().equals("io-error") || i.code().equals("unknown-format"))) {
            spec.commandLine().getErr().println("jvm-advisor: " + (compared ? "a file could not be read"
                    : "no benchmark is in both the baseline and another file"));
            return 1;
        }
        return 0;
    }

    /** {@code 0.05}, {@code 5%} or {@code 5 %}. */
    static double parseThreshold(String s) {
        String t = s.strip();
        try {
            if (t.endsWith("%")) {
                return Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold: not a number: " + s);
        }
    }
}
