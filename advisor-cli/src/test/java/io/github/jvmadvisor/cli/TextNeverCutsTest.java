package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceText;
import io.github.jvmadvisor.core.report.AnalysisText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text report wraps prose and never cuts what must be read or copied: every flag, every suggested option,
 * every input path and the verdict on the suggested line stand whole on one line, however long.
 */
class TextNeverCutsTest {

    @TempDir
    Path dir;

    @Test
    void flagsPathsAndTheVerdictStandWholeOnOneLine() throws Exception {
        // the bundled real log under a path far wider than a terminal, with spaces in it
        Path deep = Files.createDirectories(dir.resolve("a directory name that goes on and on")
                .resolve("and another level of it, for good measure"));
        Path log = Files.copy(AdviseCommandTest.EXAMPLE, deep.resolve("gc.log.gz"));
        String longFlag = "-Xlog:gc*,safepoint:file=/var/log/some-service/with-a-long-name/gc-%p-%t.log"
                + ":time,uptime,level,tags:filecount=5,filesize=20M";
        Evidence e = Analyzer.analyze(List.of(log), GcEventListener.none(),
                CommandLineConfig.of("-Xmx256m -XX:+UseG1GC '-XX:OnOutOfMemoryError=kill -9 %p' " + longFlag,
                        null, null, null));
        Report r = Advisor.builder().targetJdk(17).build().advise(e);
        String text = AdviceText.render(r);
        List<String> lines = text.lines().toList();
        assertFalse(text.contains("..."), text);

        List<String> whole = new ArrayList<>();
        whole.add(log.toString());
        for (Report.Ranked x : r.recommendations()) {
            whole.addAll(x.flags());
        }
        whole.addAll(AdviceText.shellWords(r.commandLine().text()));
        assertTrue(whole.contains("'-XX:OnOutOfMemoryError=kill -9 %p'"), whole::toString);
        assertTrue(whole.stream().anyMatch(w -> w.length() > 80), "a flag wider than the terminal: " + whole);
        whole.add(r.commandLine().startsOk() ? "the JVM starts with them" : "the JVM would NOT start");
        for (String w : whole) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(w)), () -> "not whole on one line: " + w + "\n" + text);
        }
        // a line wider than 80 columns holds one thing that cannot be broken, and nothing else
        for (String l : lines) {
            if (l.length() > 80) {
                assertTrue(whole.stream().anyMatch(w -> w.length() > 60 && l.contains(w) && l.length() - w.length() < 16),
                        () -> "a wide line that could have been wrapped: " + l);
            }
        }
    }

    @Test
    void theSuggestedLineIsSplitBetweenOptionsOnly() {
        assertEquals(List.of("-Xmx1g", "'-XX:OnOutOfMemoryError=kill -9 %p'", "'it'\\''s here'", "-XX:+UseZGC"),
                AdviceText.shellWords("-Xmx1g '-XX:OnOutOfMemoryError=kill -9 %p' 'it'\\''s here' -XX:+UseZGC"));
    }

    @Test
    void controlCharactersAreShownNotSent() {
        assertEquals("a\\u001b[31mb\\u0007c\\u202ed", AnalysisText.safe("a\u001b[31mb\u0007c\u202ed"));
        assertEquals("plain text, é and ü kept", AnalysisText.safe("plain text, é and ü kept"));
        String once = AnalysisText.safe("x\u001by");
        assertEquals(once, AnalysisText.safe(once));
    }
}
