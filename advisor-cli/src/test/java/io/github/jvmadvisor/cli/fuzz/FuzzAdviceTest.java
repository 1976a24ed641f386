package io.github.jvmadvisor.cli.fuzz;

import io.github.jvmadvisor.core.fuzz.Fuzz;
import io.github.jvmadvisor.core.fuzz.Fuzz.Try;
import io.github.jvmadvisor.jmh.compare.ComparisonRender;
import io.github.jvmadvisor.jmh.compare.ComparisonReport;
import io.github.jvmadvisor.jmh.compare.JmhComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing the whole pipeline: a damaged real input of any kind (GC log, JFR recording, hlog, JMH result) is
 * analysed, advised on by all the rules and rendered in every advice format, and each step must pass
 * {@link AdviceChecks}; then damaged inputs of every kind together, as a user gives a GC log with a recording
 * and latency logs; and {@code compare} of a JMH result with a damaged copy. The readers alone are fuzzed in advisor-core ({@code FuzzReadersTest}); tries and seeds as
 * there ({@code -Djvmadvisor.fuzz.tries=N}, {@code -Djvmadvisor.fuzz.seed=S}; docs/fuzzing.md).
 */
class FuzzAdviceTest {

    @TestFactory
    Stream<DynamicTest> advice() {
        return Fuzz.draw("advice", Fuzz.all()).stream()
                .map(t -> DynamicTest.dynamicTest(t.toString(), () -> Fuzz.run(t, AdviceChecks::all)));
    }

    /** A quarter as many tries as {@link #advice()}: each reads four inputs. */
    @TestFactory
    Stream<DynamicTest> together() {
        List<List<Try>> kinds = List.of(Fuzz.draw("together-gc", Fuzz.gcLogs()),
                Fuzz.draw("together-jfr", Fuzz.recordings()), Fuzz.draw("together-hlog", Fuzz.hlogs()),
                Fuzz.draw("together-jmh", Fuzz.jmhResults()));
        return IntStream.range(0, Fuzz.tries() / 4).mapToObj(n -> {
            List<Try> group = kinds.stream().map(k -> k.get(n)).toList();
            return DynamicTest.dynamicTest("together #" + n + " " + group, () -> together(group));
        });
    }

    /**
     * {@code compare} of a real JMH result (the baseline) with a damaged copy, a quarter as many tries as
     * {@link #advice()}: within the bound, nothing thrown, and text, Markdown and JSON sound.
     */
    @TestFactory
    Stream<DynamicTest> compare() {
        return Fuzz.draw("compare", Fuzz.jmhResults()).stream().limit(Fuzz.tries() / 4)
                .map(t -> DynamicTest.dynamicTest(t.toString(), () -> Fuzz.run(t, damaged -> {
                    Path base = Files.write(damaged.resolveSibling("baseline.json"), t.seed().plain());
                    try {
                        ComparisonReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Fuzz.BOUND,
                                () -> new JmhComparison().compare(List.of(base, damaged)));
                        Fuzz.noControlCharacters("compare text", ComparisonRender.text(r));
                        AdviceChecks.markdown(ComparisonRender.markdown(r));
                        Fuzz.isJson("compare JSON", ComparisonRender.json(r));
                    } finally {
                        Files.deleteIfExists(base);
                    }
                })));
    }

    private static void together(List<Try> group) throws Exception {
        Path dir = Files.createTempDirectory("fuzz");
        List<Path> files = new ArrayList<>();
        for (Try t : group) {
            Path sub = Files.createDirectories(dir.resolve(t.name()));
            files.add(Fuzz.write(sub, t.seed(), t.mutation()));
        }
        try {
            AdviceChecks.all(files);
        } catch (AssertionError | RuntimeException e) {
            Path kept = Files.createDirectories(Path.of("target", "fuzz-failures").toAbsolutePath());
            for (Path f : files) {
                Try t = group.get(files.indexOf(f));
                Files.copy(f, kept.resolve(t.name() + "-" + t.runSeed() + "-" + t.n() + "-" + f.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            throw new AssertionError(group + " failed; inputs kept in " + kept + "; again with "
                    + group.get(0).reproduce() + ": " + e.getMessage(), e);
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
                Files.deleteIfExists(f.getParent());
            }
            Files.deleteIfExists(dir);
        }
    }
}
