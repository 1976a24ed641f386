package io.github.jvmadvisor.samples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.jmh.FlagExperiment;
import io.github.jvmadvisor.jmh.compare.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flag experiment on a heap too small for its live set: the profiled first run makes the advisor
 * recommend a larger heap, the measurements confirm it, and a flag set to its default value changes
 * nothing and is not confirmed.
 */
class FlagExperimentTest {

    /** 100 MB live in a 160 MB heap. */
    static final List<String> CURRENT = List.of("-Xmx160m", "-XX:+UseG1GC");
    /** MaxInlineLevel is 15 by default on JDK 17 and later: setting it changes nothing. */
    static final String NO_EFFECT = "-XX:MaxInlineLevel=15";

    @Test
    void theRecommendedHeapIsConfirmedAndANoOpFlagIsNot() throws Exception {
        Path tmp = Path.of("target", "jmh-experiment");
        FlagExperiment.Result r = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            r = FlagExperiment.builder(LiveSetBenchmark.class.getName() + ".replace")
                    .current(CURRENT)
                    .adviseTop(1, rec -> rec.flags().stream().anyMatch(f -> f.startsWith("-Xmx")))
                    .variant("no-effect", NO_EFFECT)
                    .iterations(1, 3, 6, 200)
                    .directory(tmp.resolve("attempt-" + attempt))
                    .run();
            System.out.println(r.text());
            if (r.outcomes().size() == 2 && r.outcomes().get(0).confirmed() && !r.outcome("no-effect").confirmed()) {
                break;
            }
        }
        assertNotNull(r.advice(), "the first run was profiled");
        Report.Ranked heap = r.advice().recommendations().stream()
                .filter(x -> x.flags().stream().anyMatch(f -> f.startsWith("-Xmx"))).findFirst().orElseThrow();
        assertTrue(heap.figures().stream().anyMatch(f -> f.name().equals("live set") && f.value() > 90e6 && f.value() < 140e6),
                "sized against the live set the fork's GC log shows: " + heap);
        FlagExperiment.Outcome rec = r.outcomes().get(0);
        assertTrue(rec.variant().options().stream().anyMatch(o -> o.startsWith("-Xmx")), rec.variant().toString());
        long mb = Long.parseLong(rec.variant().options().stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow()
                .replaceAll("[^0-9]", ""));
        assertTrue(mb >= 250 && mb <= 600, "3.5x a live set of about 100 MB: " + mb);
        assertTrue(rec.confirmed(), "the larger heap is confirmed: " + rec.comparison());
        assertEquals(Verdict.IMPROVEMENT, rec.comparison().verdict());
        assertTrue(rec.comparison().improvement() > 0.10, "more than 10 % better: " + rec.comparison().improvement());
        assertTrue(rec.comparison().pValue() < 0.05);
        FlagExperiment.Outcome none = r.outcome("no-effect");
        assertFalse(none.confirmed(), "a flag at its default value is not confirmed: " + none.comparison());
        assertTrue(Files.exists(tmp.resolve("attempt-1").resolve("profile")), "fork files of the profiled run");
    }
}
