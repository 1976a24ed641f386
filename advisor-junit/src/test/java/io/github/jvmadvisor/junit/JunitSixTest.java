package io.github.jvmadvisor.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension, compiled against JUnit 5.14, run on JUnit 6: a child JVM whose class path has this module's
 * classes and the JUnit 6 jars ({@code target/junit6}, copied by the build) instead of the 5.x ones.
 */
class JunitSixTest {

    private static final long MB = 1024 * 1024;

    @Test
    void budgetsEntriesAndAutoDetectionWorkOnJunit6(@TempDir Path dir) throws Exception {
        Path junit6 = Paths.get(System.getProperty("jvmadvisor.junit6.dir", "target/junit6"));
        assumeTrue(Files.isDirectory(junit6), "no JUnit 6 jars in " + junit6);
        ChildJvm.Result r = ChildJvm.raw(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx256m", "-cp",
                classPath(junit6), JunitLineMain.class.getName()), 120).requireSuccess();
        Map<String, String> out = new HashMap<>();
        for (String line : r.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("[")) {
                out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        assertTrue(out.getOrDefault("junit", "").startsWith("6."), r.output());
        assertTrue(Long.parseLong(out.get("alloc.big()")) >= 64 * MB, r.output());
        assertTrue(Long.parseLong(out.get("alloc.small()")) < 64 * 1024, r.output());
        assertTrue(out.get("failed.big()").contains("maxAllocatedBytesPerTest 1 MB"), r.output());
        assertEquals("G1", out.get("class.jvmadvisor.gc.collector"), r.output());
        assertTrue(out.get("class.jvmadvisor.gc.fullGcsByCause").contains("System.gc()"), r.output());
        assertTrue(out.get("failed.CallsSystemGc").contains("maxFullGcs 0"), r.output());
        assertTrue(Long.parseLong(out.get("run.jvmadvisor.run.gc.fullGcs")) >= 1, r.output());
        assertTrue(Long.parseLong(out.get("auto.thirtyTwoMb()")) >= 32 * MB, r.output());
        assertTrue(r.output().contains("\ndone"), r.output());
    }

    /** The test class path with the JUnit jars swapped for those in {@code junit6}. */
    private static String classPath(Path junit6) throws IOException {
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(e).getFileName().toString();
            if (!(name.startsWith("junit-") || name.startsWith("opentest4j") || name.startsWith("apiguardian")
                    || name.startsWith("jspecify"))) {
                cp.add(e);
            }
        }
        try (Stream<Path> jars = Files.list(junit6)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> cp.add(p.toAbsolutePath().toString()));
        }
        return String.join(File.pathSeparator, cp);
    }
}
