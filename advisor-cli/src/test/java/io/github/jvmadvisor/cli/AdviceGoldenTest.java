package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceJson;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden advise reports on real logs and recordings, with every rule on the class path: the JSON is
 * pinned (a mismatch writes the new output to {@code target/golden-actual/} to diff and accept), and
 * the suggested command line of each report starts {@code java <options> -version} on its target JDK.
 */
class AdviceGoldenTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("examples/g1-small-heap/gc.log.gz", 17),
                Arguments.of("CORPUS/gclog/generated/jdk17-g1-full.log.gz", 17),
                Arguments.of("CORPUS/gclog/generated/jdk17-serial-default.log.gz", 17),
                Arguments.of("CORPUS/gclog/generated/jdk17-shenandoah-full.log.gz", 17),
                Arguments.of("CORPUS/gclog/generated/jdk25-zgc-full.log.gz", 25),
                Arguments.of("CORPUS/gclog/generated/jdk25-parallel-full.log.gz", 25),
                Arguments.of("CORPUS/jfr/jmc__jdk21.jfr", 21),
                Arguments.of("CORPUS/jfr/jmc__full_gc_g1.jfr", 17));
    }

    static Path resolve(String path) {
        if (path.startsWith("CORPUS/")) {
            return SharedCorpus.require().resolve(path.substring("CORPUS/".length()));
        }
        return Path.of("..").resolve(path);
    }

    static String normalise(String json, Path input, String shown) {
        return json.replace(input.toString(), shown);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void golden(String path, int target) throws Exception {
        Path input = resolve(path);
        Evidence e = Analyzer.analyze(List.of(input), GcEventListener.none(), null);
        Report r = Advisor.builder().targetJdk(target).build().advise(e);
        String json = normalise(AdviceJson.toJson(r), input, path);
        String name = Path.of(path).getFileName().toString().replaceAll("[^A-Za-z0-9.-]", "_") + "-jdk" + target + ".json";
        String expected;
        try (InputStream in = AdviceGoldenTest.class.getResourceAsStream("/golden-advice/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!json.equals(expected)) {
            Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
            fail("advise JSON differs from src/test/resources/golden-advice/" + name + "; the new output is in " + out
                    + " (diff it, and copy it over the golden file if the change is intended)");
        }
        assertTrue(r.errors().isEmpty(), () -> "rules failed: " + r.errors());
        // the proof that the advice is usable: the suggested options start the target JDK
        Jdks.Jdk jdk = Jdks.feature(target).orElse(null);
        assumeTrue(jdk != null, "JDK " + target + " is not installed here");
        assertTrue(r.commandLine().startsOk(), r.commandLine()::toString);
        List<String> args = new ArrayList<>();
        for (String o : r.commandLine().options()) {
            // file outputs of the suggested logging and recording go to the scratch directory
            args.add(o.replace("/logs/", dir + "/").replace("/dumps/", dir + "/"));
        }
        args.add("-version");
        ChildJvm.Result run = ChildJvm.raw(jdk, dir, args, 60);
        assertEquals(0, run.exitCode(), () -> "java " + String.join(" ", args) + "\n" + run.output());
    }
}
