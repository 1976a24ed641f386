package io.github.jvmadvisor.core.flags.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one JDK's {@code java} with arguments and captures what it prints. */
final class JavaRunner {

    /** What a run printed. */
    record Run(int exitCode, String out, String err, List<String> args) {
        boolean ok() {
            return exitCode == 0;
        }

        /** Standard output and error together, for messages that may go to either. */
        String all() {
            return out + err;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final Path java;
    private Path workDir;
    private int runs;

    JavaRunner(Path javaHome) {
        this.java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no java at " + java);
        }
    }

    /** A private working directory: probes such as {@code -Xloggc:gc.log} write files where they run. */
    private Path workDir() throws IOException {
        if (workDir == null) {
            workDir = Files.createTempDirectory("jvm-advisor-flags");
            workDir.toFile().deleteOnExit();
        }
        return workDir;
    }

    /** How many JVMs this runner started. */
    int runs() {
        return runs;
    }

    /** Removes what a probe left in the working directory. */
    private void clean() throws IOException {
        if (workDir == null) {
            return;
        }
        try (var files = Files.list(workDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    Run run(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(args);
        Path out = Files.createTempFile("jvm-advisor-flags", ".out");
        Path err = Files.createTempFile("jvm-advisor-flags", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir().toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // the JDK must not pick up options meant for someone else
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            runs++;
            Process p = pb.start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("java did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + cmd, e);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), List.copyOf(args));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            clean();
        }
    }
}
