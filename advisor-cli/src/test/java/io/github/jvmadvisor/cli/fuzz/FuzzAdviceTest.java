package io.github.jvmadvisor.cli.fuzz;

import io.github.jvmadvisor.core.fuzz.Fuzz;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing the whole pipeline: a damaged real input of any kind (GC log, JFR recording, hlog, JMH result) is
 * analysed, advised on by all the rules and rendered in every advice format, and each step must pass
 * {@link AdviceChecks}. The readers alone are fuzzed in advisor-core ({@code FuzzReadersTest}); tries and seeds
 * as there ({@code -Djvmadvisor.fuzz.tries=N}, {@code -Djvmadvisor.fuzz.seed=S}; docs/fuzzing.md).
 */
class FuzzAdviceTest {

    @TestFactory
    Stream<DynamicTest> advice() {
        return Fuzz.draw("advice", Fuzz.all()).stream()
                .map(t -> DynamicTest.dynamicTest(t.toString(), () -> Fuzz.run(t, AdviceChecks::all)));
    }
}
