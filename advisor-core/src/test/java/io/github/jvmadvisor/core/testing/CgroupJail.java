package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real cgroup v1 memory group (and optionally a cpu group) to run child JVMs in, so tests can see
 * what a JVM does under a container's limits without a container runtime.
 *
 * <p>Needs root on a host with v1 {@code memory} and {@code cpu} hierarchies mounted at {@code
 * /sys/fs/cgroup/memory} and {@code /sys/fs/cgroup/cpu} (a v1 or hybrid host); check {@link
 * #isSupported()} and skip the test with an assumption otherwise. The groups are made below the cgroup
 * the test JVM itself is in, with unique names, and removed by {@link #close()} (which first moves any
 * process still inside back to the parent).
 *
 * <pre>{@code
 * assumeTrue(CgroupJail.isSupported(), "needs root and cgroup v1");
 * try (CgroupJail jail = CgroupJail.create(300_000_000L, 0.5)) {
 *     ChildJvm.Result r = jail.runJava(Jdks.current(), dir, List.of(), Main.class, List.of(), 60);
 *     // jail.memoryLimitBytes() is what the kernel stored: 299999232
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one jail per test.
 */
public final class CgroupJail implements AutoCloseable {

    private static final Path V1 = Path.of("/sys/fs/cgroup");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Boolean supported;

    private final CgroupJail parent;
    private final Path memoryDir;
    private final Path cpuDir;
    private final List<CgroupJail> children = new ArrayList<>();
    private boolean closed;

    private CgroupJail(CgroupJail parent, Path memoryDir, Path cpuDir) {
        this.parent = parent;
        this.memoryDir = memoryDir;
        this.cpuDir = cpuDir;
    }

    /**
     * Whether jails can be made here: v1 memory and cpu hierarchies are mounted and a group can be
     * created and removed in each. Checked once per test JVM.
     */
    public static synchronized boolean isSupported() {
        if (supported == null) {
            supported = probe();
        }
        return supported;
    }

    private static boolean probe() {
        try {
            for (String controller : List.of("memory", "cpu")) {
                Path base = ownGroup(controller);
                if (base == null || !Files.isRegularFile(base.resolve("cgroup.procs"))) {
                    return false;
                }
                Path probe = base.resolve(uniqueName("probe"));
                Files.createDirectory(probe);
                Files.delete(probe);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Makes a jail with a memory limit and, when {@code cpuCores} is not {@code null}, a CFS quota of
     * {@code cpuCores} × 100 ms per 100 ms period.
     *
     * @param memoryLimitBytes the limit to write to {@code memory.limit_in_bytes}, or {@code null} for none
     *     (the kernel rounds it down to a page)
     * @param cpuCores the CPU quota in cores, or {@code null} for none
     */
    public static CgroupJail create(Long memoryLimitBytes, Double cpuCores) throws IOException {
        Path memBase = ownGroup("memory");
        Path cpuBase = ownGroup("cpu");
        if (memBase == null || cpuBase == null) {
            throw new IOException("no cgroup v1 memory and cpu hierarchies under " + V1);
        }
        String name = uniqueName("jail");
        CgroupJail jail = new CgroupJail(null, Files.createDirectory(memBase.resolve(name)),
                Files.createDirectory(cpuBase.resolve(name)));
        try {
            jail.limit(memoryLimitBytes, cpuCores);
        } catch (IOException | RuntimeException e) {
            jail.close();
            throw e;
        }
        return jail;
    }

    /**
     * Makes a group inside this one (both controllers), closed with this one; for tests of limits that
     * a parent sets and a child inherits.
     */
    public CgroupJail child(Long memoryLimitBytes, Double cpuCores) throws IOException {
        String name = uniqueName("child");
        CgroupJail child = new CgroupJail(this, Files.createDirectory(memoryDir.resolve(name)),
                Files.createDirectory(cpuDir.resolve(name)));
        children.add(child);
        try {
            child.limit(memoryLimitBytes, cpuCores);
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    private void limit(Long memoryLimitBytes, Double cpuCores) throws IOException {
        if (memoryLimitBytes != null) {
            write(memoryDir.resolve("memory.limit_in_bytes"), Long.toString(memoryLimitBytes));
        }
        if (cpuCores != null) {
            long period = 100_000;
            write(cpuDir.resolve("cpu.cfs_period_us"), Long.toString(period));
            write(cpuDir.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(cpuCores * period)));
        }
    }

    /** The memory group's directory, e.g. {@code /sys/fs/cgroup/memory/process_api/x/jvmadvisor-jail-...}. */
    public Path memoryDir() {
        return memoryDir;
    }

    /** The cpu group's directory. */
    public Path cpuDir() {
        return cpuDir;
    }

    /** The memory limit the kernel stored (rounded down to a page), or {@code null} when unlimited. */
    public Long memoryLimitBytes() throws IOException {
        long v = Long.parseLong(Files.readString(memoryDir.resolve("memory.limit_in_bytes")).trim());
        return v >= Long.MAX_VALUE - (1L << 20) ? null : v;
    }

    /**
     * The command that runs {@code command} inside this jail: a shell puts itself into the groups and
     * then {@code exec}s the command, so the process (and all it starts) is inside from its first
     * instruction.
     */
    public List<String> wrap(List<String> command) {
        List<String> out = new ArrayList<>();
        out.add("/bin/sh");
        out.add("-c");
        out.add("echo $$ > '" + memoryDir.resolve("cgroup.procs") + "' && echo $$ > '" + cpuDir.resolve("cgroup.procs")
                + "' && exec \"$@\"");
        out.add("cgroup-jail");
        out.addAll(command);
        return out;
    }

    /**
     * Runs {@code java <jvmArgs> -cp <test class path> <mainClass> <args>} inside this jail, like
     * {@link ChildJvm#run}.
     */
    public ChildJvm.Result runJava(Jdks.Jdk jdk, Path dir, List<String> jvmArgs, Class<?> mainClass, List<String> args,
            long timeoutSeconds) throws IOException, InterruptedException {
        return run(wrap(javaCommand(jdk, jvmArgs, mainClass, args)), dir, timeoutSeconds);
    }

    /** {@code java <jvmArgs> -cp <test class path> <mainClass> <args>}, to wrap in more than a jail. */
    public static List<String> javaCommand(Jdks.Jdk jdk, List<String> jvmArgs, Class<?> mainClass, List<String> args) {
        List<String> java = new ArrayList<>();
        java.add(jdk.java().toString());
        java.addAll(jvmArgs);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(mainClass.getName());
        java.addAll(args);
        return java;
    }

    /**
     * Runs a command (typically {@link #wrap}ped) with its output and error captured together; kills it
     * and its descendants after the timeout.
     */
    public static ChildJvm.Result run(List<String> cmd, Path dir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = dir.resolve("jailed-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("command did not finish in " + timeoutSeconds + " s: " + cmd);
        }
        return new ChildJvm.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), cmd);
    }

    /**
     * Removes the groups (children first). Processes still inside are moved to the parent group first,
     * so a test that failed half-way leaves nothing behind.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (CgroupJail child : new ArrayList<>(children)) {
            try {
                child.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        for (Path dir : List.of(memoryDir, cpuDir)) {
            try {
                remove(dir);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (parent != null) {
            parent.children.remove(this);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void remove(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            evacuate(dir);
            try {
                Files.delete(dir);
                return;
            } catch (IOException e) {
                // a process that just exited may still be counted for a moment
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("cgroup " + dir + " not removed", last);
    }

    private static void evacuate(Path dir) {
        try {
            String procs = Files.readString(dir.resolve("cgroup.procs")).trim();
            if (procs.isEmpty()) {
                return;
            }
            for (String pid : procs.split("\\s+")) {
                try {
                    write(dir.getParent().resolve("cgroup.procs"), pid);
                } catch (IOException e) {
                    // the process exited meanwhile
                }
            }
        } catch (IOException e) {
            // nothing to move
        }
    }

    private static void write(Path file, String value) throws IOException {
        // one write() call per value, as the kernel expects
        Files.writeString(file, value);
    }

    /** The directory of the cgroup this JVM is in for {@code controller}, or {@code null}. */
    private static Path ownGroup(String controller) {
        Path mount = V1.resolve(controller);
        if (!Files.isRegularFile(mount.resolve("cgroup.procs"))) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                    Path dir = mount.resolve(parts[2].replaceAll("^/+", ""));
                    // inside a container with its own cgroup mounted at the mount point
                    return Files.isDirectory(dir) ? dir : mount;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String uniqueName(String kind) {
        return "jvmadvisor-" + kind + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-"
                + Long.toString(System.nanoTime() & 0xffffffL, 36);
    }
}
