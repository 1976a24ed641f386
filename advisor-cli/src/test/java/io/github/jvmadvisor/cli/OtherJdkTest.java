package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI is built for Java 17 and runs on JDK 25 too (when installed beside the running JDK). */
class OtherJdkTest {

    @TempDir
    Path dir;

    @Test
    void analyzeRunsOnJdk25() throws Exception {
        Optional<Jdks.Jdk> jdk25 = Jdks.feature(25);
        assumeTrue(jdk25.isPresent(), "JDK 25 is not installed beside the running JDK");
        Path example = Path.of("..", "examples", "g1-small-heap", "gc.log.gz").toAbsolutePath().normalize();
        ChildJvm.Result r = ChildJvm.run(jdk25.get(), dir, List.of("-Xmx64m"), Main.class,
                List.of("analyze", example.toString()), 120).requireSuccess();
        assertTrue(r.output().contains("Collector          G1"), r.output());
        assertTrue(r.output().contains("JDK                17"), r.output());
    }
}
