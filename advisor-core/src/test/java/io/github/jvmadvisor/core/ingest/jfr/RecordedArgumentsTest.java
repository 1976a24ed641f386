package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.ingest.jfr.internal.JoinedArguments;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.ChurnWorkload;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's arguments of a recording stay the arguments it was started with: JFR joins them with spaces, and an
 * argument with a space in it ({@code "-XX:OnOutOfMemoryError=kill -9 %p"}) split into words cut the suggested
 * command line short (the words after it read as the main class and its arguments).
 */
class RecordedArgumentsTest {

    private static final List<String> ASKED = List.of("-XX:OnOutOfMemoryError=kill -9 %p", "-Xmx256m",
            "-XX:+UseSerialGC", "-XX:+AlwaysPreTouch", "-Dadvisor.test.note=two  spaces here");

    @Test
    void argumentsWithSpacesSurviveARecordingAndReachTheSuggestedLineWhole(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("run.jfr");
        List<String> jvm = new java.util.ArrayList<>(ASKED);
        jvm.add("-XX:StartFlightRecording:filename=" + jfr);
        ChildJvm.run(Jdks.current(), dir, jvm, ChurnWorkload.class, List.of("1", "16", "1"), 120).requireSuccess();

        Evidence e = Analyzer.analyze(List.of(jfr));
        List<String> recorded = e.jvm().orElseThrow().jvmArguments();
        assertEquals(jvm, recorded, "one element per argument, as the JVM was started");

        Report r = Advisor.builder().rules(RuleSet.of()).targetJdk(Jdks.current().feature()).build().advise(e);
        List<String> options = r.commandLine().options();
        for (String a : ASKED) {
            assertTrue(options.contains(a), a + " in " + options);
        }
        // shown quoted where a shell needs it, so that the line can be pasted: a shell split gives the options back
        assertTrue(r.commandLine().text().contains("'-XX:OnOutOfMemoryError=kill -9 %p'"), r.commandLine().text());
        assertEquals(options, JavaOptions.parse(r.commandLine().text()).options().stream()
                .map(JavaOptions.Option::text).toList());
        String text = AdviceText.render(r).replaceAll("\\s+", " "); // the text report wraps long lines
        assertTrue(text.contains("'-XX:OnOutOfMemoryError=kill -9 %p' -Xmx256m -XX:+UseSerialGC -XX:+AlwaysPreTouch"),
                text);
    }

    @Test
    void joinedArgumentsWithoutAConfirmingValueAreRebuiltAndCalledAmbiguous() {
        JoinedArguments.Split s = JoinedArguments.split("-XX:OnOutOfMemoryError=kill -9 %p -Xmx256m -Dx=a b "
                + "--add-opens java.base/java.lang=ALL-UNNAMED -XX:+UseSerialGC", Map.of(), Map.of());
        // "-9" cannot begin a JVM option; "%p", "b" are bare words: they continue the argument before them
        assertEquals(List.of("-XX:OnOutOfMemoryError=kill -9 %p", "-Xmx256m", "-Dx=a b", "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "-XX:+UseSerialGC"), s.arguments());
        assertEquals(List.of("-XX:OnOutOfMemoryError=kill -9 %p", "-Dx=a b"), s.ambiguous());

        JoinedArguments.Split sure = JoinedArguments.split("-XX:OnOutOfMemoryError=kill -Xmx1g -Xmx256m -Dx=a -b",
                Map.of("OnOutOfMemoryError", "kill -Xmx1g"), Map.of("x", "a -b"));
        assertEquals(List.of("-XX:OnOutOfMemoryError=kill -Xmx1g", "-Xmx256m", "-Dx=a -b"), sure.arguments());
        assertTrue(sure.ambiguous().isEmpty());
        assertTrue(JoinedArguments.split(null, Map.of(), Map.of()).arguments().isEmpty());
    }
}
