package io.github.jvmadvisor.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words of the rules' effects map to figures a re-run's GC log measures, read from a real log. */
class CheckTest {

    @Test
    void theWordsOfTheRulesEffectsNameTheirFigures() {
        assertEquals(Optional.of(Check.GC_CPU_SHARE), Check.of("GC CPU share"));
        assertEquals(Optional.of(Check.FULL_GCS), Check.of("full GC count"));
        assertEquals(Optional.of(Check.EXPLICIT_GCS), Check.of("System.gc() full GC count"));
        assertEquals(Optional.of(Check.METADATA_GCS), Check.of("Metadata GC Threshold collections"));
        assertEquals(Optional.of(Check.HUMONGOUS_GCS), Check.of("G1 Humongous Allocation pause count"));
        assertEquals(Optional.of(Check.PAUSE_MAX), Check.of("max GC pause"));
        assertEquals(Optional.of(Check.GC_COUNT), Check.of("GC count per minute"));
        assertEquals(Optional.of(Check.COMMITTED_HEAP), Check.of("committed heap"));
        assertEquals(Optional.empty(), Check.of("start-up time"));
        assertEquals(Optional.empty(), Check.of("jdk.CompilerInlining 'too big' at the hot sites"));
    }

    @Test
    void aRealLogGivesTheFiguresItMeasures() {
        GcMetrics m = Analyzer.analyze(List.of(Path.of("..", "examples", "g1-small-heap", "gc.log.gz"))).gc()
                .map(GcAnalysis::metrics).orElseThrow();
        for (Check c : List.of(Check.PAUSE_SHARE, Check.PAUSE_MAX, Check.PAUSE_P99, Check.GC_COUNT, Check.FULL_GCS,
                Check.COMMITTED_HEAP, Check.EXPLICIT_GCS)) {
            Double v = c.read(m);
            assertNotNull(v, c::label);
            assertTrue(v >= 0, c::label);
        }
        assertTrue(Check.GC_COUNT.read(m) > 0);
    }
}
