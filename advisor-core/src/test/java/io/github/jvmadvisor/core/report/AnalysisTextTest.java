package io.github.jvmadvisor.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input text reaches reports only escaped for their medium. */
class AnalysisTextTest {

    @TempDir
    Path dir;

    @Test
    void terminalControlSequencesInALogDoNotReachTheTerminal() throws Exception {
        String esc = "\u001b[2J\u001b[31m";
        Path log = dir.resolve("evil.log");
        Files.writeString(log, String.join("\n",
                "[0.004s][info][gc] Using G1",
                "[0.010s][info][gc] GC(0) Pause Young (Normal) (Cause" + esc + "X) 10M->2M(64M) 1.000ms",
                "[0.020s][info][gc] GC(1) Something" + esc + " unknown",
                "") + "\n");
        Evidence e = Analyzer.analyze(List.of(log));
        String text = AnalysisText.render(e);
        assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control characters in the text report");
        assertTrue(text.contains("Cause\\u001b[2J\\u001b[31mX"), text);

        String json = AnalysisJson.toJson(e);
        assertFalse(json.contains("\u001b"), "JSON escapes control characters");
        assertEquals("Cause" + esc + "X", new ObjectMapper().readTree(json).at("/gc/longestPauses/0/cause").asText(),
                "and the value survives the round trip");
        assertTrue(text.lines().allMatch(l -> l.length() <= 80));
    }
}
