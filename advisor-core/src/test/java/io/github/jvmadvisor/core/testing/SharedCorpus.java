package io.github.jvmadvisor.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real inputs ({@code ../shared/corpus}). Tests that use it call
 * {@link #require()} and are skipped cleanly when it is absent (a fresh clone has only the project).
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The corpus directory, or {@code null} when absent. */
    public static Path dir() {
        String prop = System.getProperty("jvmadvisor.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) {
            return Path.of(prop, "corpus").toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
            Path c = p.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(c)) {
                return c.normalize();
            }
        }
        return null;
    }

    /** The corpus directory; skips the calling test when absent. */
    public static Path require() {
        Path d = dir();
        assumeTrue(d != null, "../shared/corpus is not present; skipping");
        return d;
    }
}
