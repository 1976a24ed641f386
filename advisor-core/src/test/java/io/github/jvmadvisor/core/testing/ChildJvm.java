package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child JVM with a test class path, a timeout, and its output captured to a file. */
public final class ChildJvm {

    /** What a run left behind. */
    public record Result(int exitCode, String output, List<String> command) {
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("child JVM failed with " + exitCode + ": " + command + "\n" + output);
            }
            return this;
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code java <jvmArgs> -cp <test class path> <mainClass> <args>}.
     *
     * @param jdk which java
     * @param dir working directory, also where the output file goes
     * @param timeoutSeconds the child is killed after this
     */
    public static Result run(Jdks.Jdk jdk, Path dir, List<String> jvmArgs, Class<?> mainClass, List<String> args,
            long timeoutSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return exec(cmd, dir, timeoutSeconds);
    }

    /** Runs {@code java <args>} as given ({@code -version}, {@code -XX:+PrintFlagsFinal}), with no class path. */
    public static Result raw(Jdks.Jdk jdk, Path dir, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(args);
        return exec(cmd, dir, timeoutSeconds);
    }

    private static Result exec(List<String> cmd, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = dir.resolve("child-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), cmd);
    }
}
