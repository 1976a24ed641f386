package io.github.jvmadvisor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.config.CommandLineConfig;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The watch logs advice again only when it changes materially: a reordering of the same recommendations (two
 * of nearly equal score swapping as a figure moves a little) is not a change; a recommendation that appears is.
 */
class AdviceSignatureTest {

    @Test
    void theSameAdviceInAnotherOrderIsNotAChange() {
        Evidence e = Analyzer.analyze(List.of(Path.of("..", "examples", "g1-small-heap", "gc.log.gz")),
                GcEventListener.none(), CommandLineConfig.of("-XX:+UseG1GC -Xmx64m", 512L << 20, 1.0, 17));
        Report r = Advisor.builder().targetJdk(17).build().advise(e);
        assertTrue(r.recommendations().size() >= 2, () -> "the bundled log gives several recommendations: " + r);
        List<Report.Ranked> swapped = new ArrayList<>(r.recommendations());
        Collections.reverse(swapped);
        Report reordered = withRecommendations(r, swapped);
        assertEquals(JvmAdvisor.Watch.signature(r), JvmAdvisor.Watch.signature(reordered));
        Report fewer = withRecommendations(r, swapped.subList(1, swapped.size()));
        assertNotEquals(JvmAdvisor.Watch.signature(r), JvmAdvisor.Watch.signature(fewer));
    }

    static Report withRecommendations(Report r, List<Report.Ranked> recs) {
        return new Report(r.targetJdk(), r.catalogue(), r.goal(), recs, r.findings(), r.notApplicable(), r.errors(),
                r.suppressed(), r.commandLine(), r.rulesRun(), r.evidence());
    }
}
