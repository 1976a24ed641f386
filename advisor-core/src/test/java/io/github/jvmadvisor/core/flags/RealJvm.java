package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.testing.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@code java <options> -version} on an installed JDK and reports whether it started. */
final class RealJvm {

    record Outcome(int exitCode, String output) {
        boolean started() {
            return exitCode == 0;
        }
    }

    private RealJvm() {
    }

    static Outcome version(Jdks.Jdk jdk, List<String> options, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(options);
        cmd.add("-version");
        Path out = Files.createTempFile(dir, "jvm", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java did not finish in 60 s: " + cmd);
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
