package io.github.jvmadvisor.core.fuzz;

import io.github.jvmadvisor.core.fuzz.Fuzz.CutShows;
import io.github.jvmadvisor.core.fuzz.Fuzz.Seed;
import io.github.jvmadvisor.core.fuzz.Fuzz.Try;
import io.github.jvmadvisor.core.model.Evidence;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing every reader through {@code Analyzer.analyze}: real files of each kind, damaged by {@link Mutation}s,
 * must be read within a bound without anything escaping, show as an issue the damage that must show
 * ({@link Fuzz#damageIsVisible}), and give analysis JSON and text that are sound. Tries per reader:
 * {@code -Djvmadvisor.fuzz.tries=N}; a failing try keeps its input in {@code target/fuzz-failures/} and names the
 * seed that repeats it; the input then belongs in {@code advisor-cli/src/test/resources/fuzz-regressions/}
 * (docs/fuzzing.md). Full advice and its renderers are fuzzed in advisor-cli ({@code FuzzAdviceTest}).
 */
class FuzzReadersTest {

    @TestFactory
    Stream<DynamicTest> gcLogs() {
        return tries("gcLogs", Fuzz.gcLogs(), CutShows.LINE);
    }

    @TestFactory
    Stream<DynamicTest> recordings() {
        return tries("recordings", Fuzz.recordings(), CutShows.ANY);
    }

    @TestFactory
    Stream<DynamicTest> hlogs() {
        return tries("hlogs", Fuzz.hlogs(), CutShows.HISTOGRAM_LINE);
    }

    @TestFactory
    Stream<DynamicTest> jmhResults() {
        return tries("jmhResults", Fuzz.jmhResults(), CutShows.NON_BLANK);
    }

    private static Stream<DynamicTest> tries(String name, List<Seed> seeds, CutShows shows) {
        return Fuzz.draw(name, seeds).stream().map(t -> DynamicTest.dynamicTest(t.toString(), () -> check(t, shows)));
    }

    private static void check(Try t, CutShows shows) throws Exception {
        Fuzz.run(t, file -> {
            Evidence e = Fuzz.analyze(file);
            Fuzz.damageIsVisible(e, t.mutation(), t.seed(), shows);
            Fuzz.analysisOutputsAreSound(e);
        });
    }
}
