package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Role;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What any expert would reject in the advice, checked with every rule on every generated corpus log (JDK 17 and
 * 25, five collectors, default and full logging), every goal, and the configurations that made the suggested
 * line contradict itself before the planner (issue 15): no options, a fixed heap the user set, a container.
 * The same checks as {@code shared/tools/advice-coherence}, on many more runs.
 */
class AdviceCoherenceTest {

    static Stream<Arguments> cases() throws Exception {
        Path dir = SharedCorpus.require().resolve("gclog/generated");
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.toString().endsWith(".log.gz")).sorted().toList();
        }
        List<Arguments> out = new ArrayList<>();
        for (Path log : logs) {
            int jdk = log.getFileName().toString().startsWith("jdk25") ? 25 : 17;
            for (String options : new String[] {null, "-Xms256m -Xmx256m", "-Xmx400m -XX:MaxMetaspaceSize=16m"}) {
                for (Long container : new Long[] {null, 1536L << 20}) {
                    out.add(Arguments.of(log, jdk, options, container));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2} container {3}")
    @MethodSource("cases")
    void theAdviceIsCoherent(Path log, int jdk, String options, Long container) {
        Evidence e = Analyzer.analyze(List.of(log), GcEventListener.none(),
                options == null && container == null ? null : CommandLineConfig.of(options, container, null, jdk));
        for (Goal goal : Goal.values()) {
            Report r = Advisor.builder().targetJdk(jdk).goal(goal).build().advise(e);
            List<String> problems = problems(r, options);
            assertTrue(problems.isEmpty(), () -> goal + ": " + problems + "\n" + r.commandLine());
        }
    }

    static List<String> problems(Report r, String given) {
        List<String> p = new ArrayList<>();
        JavaOptions o = JavaOptions.parse(r.commandLine().options());
        Long xms = size(o.value("InitialHeapSize"));
        Long xmx = size(o.value("MaxHeapSize"));
        if (xms != null && xmx != null && xms > xmx) {
            p.add("Xms above Xmx");
        }
        if (o.value("InitialHeapSize") != null && o.value("MaxRAMPercentage") != null && o.lastSetting("MaxHeapSize") == null) {
            p.add("-Xms beside MaxRAMPercentage");
        }
        if (given != null && given.contains("-Xms256m -Xmx256m") && (xms == null || !xms.equals(xmx))
                && o.value("InitialRAMPercentage") == null) {
            p.add("the fixed heap the user set is no longer fixed");
        }
        Long ms = size(o.value("MetaspaceSize"));
        Long mms = size(o.value("MaxMetaspaceSize"));
        if (ms != null && mms != null && ms > mms) {
            p.add("MetaspaceSize above MaxMetaspaceSize");
        }
        Long young = size(o.value("NewSize"));
        if (young != null && xmx != null && young >= xmx) {
            p.add("young generation at or above the maximum heap");
        }
        if ((o.value("SharedArchiveFile") != null && !o.isTrue("AutoCreateSharedArchive")) || o.value("AOTCache") != null) {
            p.add("an archive that no step creates is on the command line");
        }
        boolean safetySeen = false;
        for (Report.Ranked x : r.recommendations()) {
            if (x.role() != Role.CHANGE) {
                safetySeen = true;
            } else if (safetySeen) {
                p.add("a safety net outranks " + x.ruleId());
            }
            if (x.expectedEffect().contradictsDirection()) {
                p.add(x.ruleId() + " predicts a change against its direction");
            }
        }
        for (Report.Suppressed s : r.suppressed()) {
            if (s.reason().contains("contradicts its direction")) {
                p.add(s.ruleId() + " predicts a change against its direction");
            }
        }
        if (!r.commandLine().startsOk()) {
            p.add("the suggested line does not start the JVM");
        }
        if (!r.errors().isEmpty()) {
            p.add("rules failed: " + r.errors());
        }
        if (r.recommendations(Severity.WARNING).stream().anyMatch(x -> x.flags().stream().anyMatch(f -> f.contains("-Xms")))
                && xmx != null && xms != null && !xms.equals(xmx) && r.commandLine().decisions().isEmpty()
                && r.recommendations().stream().anyMatch(x -> x.ruleId().equals("HEAP-06"))) {
            p.add("HEAP-06 fixes the heap below the maximum");
        }
        return p;
    }

    static Long size(String v) {
        return v == null ? null : JavaOptions.parseSize(v);
    }
}
