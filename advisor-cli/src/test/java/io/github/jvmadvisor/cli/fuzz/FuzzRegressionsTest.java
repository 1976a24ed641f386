package io.github.jvmadvisor.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.fuzz.Fuzz;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Replays every input that once failed the fuzzing suite ({@code src/test/resources/fuzz-regressions/}, see its
 * README) through {@link AdviceChecks}, and checks the issue each {@code .expect} file names.
 */
class FuzzRegressionsTest {

    static final Path DIR = Path.of("src", "test", "resources", "fuzz-regressions");

    static List<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.endsWith(".expect") && !n.endsWith(".disabled") && !n.equals("README.md");
            }).sorted().toList();
        }
    }

    @Test
    void everyInputThatOnceFailedPassesNow() throws IOException {
        List<Path> inputs = inputs();
        assertFalse(inputs.isEmpty(), "no regression inputs in " + DIR.toAbsolutePath());
        List<Executable> checks = new ArrayList<>();
        for (Path p : inputs) {
            Path disabled = sibling(p, ".disabled");
            if (Files.exists(disabled)) {
                System.out.println("fuzz regression " + p.getFileName() + " is disabled: " + Files.readString(disabled).trim());
                continue;
            }
            Path expect = sibling(p, ".expect");
            String code = Files.exists(expect) ? Files.readString(expect).trim() : null;
            checks.add(() -> {
                try {
                    Evidence e = Fuzz.analyze(p.toAbsolutePath());
                    if (code != null) {
                        List<InputIssue> issues = e.issues();
                        assertTrue(code.equals("any") ? !issues.isEmpty()
                                : issues.stream().anyMatch(i -> i.code().equals(code)), "no " + code + " issue: " + issues);
                    }
                    AdviceChecks.all(p.toAbsolutePath());
                } catch (AssertionError | RuntimeException x) {
                    throw new AssertionError(p.getFileName() + ": " + x.getMessage(), x);
                }
            });
        }
        assertAll(checks);
    }

    @Test
    void everyDisabledInputSaysWhy() throws IOException {
        for (Path p : inputs()) {
            Path disabled = sibling(p, ".disabled");
            if (Files.exists(disabled)) {
                assertFalse(Files.readString(disabled).isBlank(), disabled + " gives no reason");
            }
        }
        // and no .expect or .disabled file is left without its input
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expect") || n.endsWith(".disabled"))
                    .forEach(n -> assertTrue(Files.exists(DIR.resolve(n.substring(0, n.lastIndexOf('.')))),
                            n + " has no input beside it"));
        }
    }

    private static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName() + suffix);
    }
}
