package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.model.Machine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the machine a process runs on: hardware threads, cores, sockets and CPU model ({@code
 * /proc/cpuinfo}, else {@code /sys/devices/system/cpu}), the CPUs this process may use ({@code
 * Cpus_allowed_list} of {@code /proc/self/status}, what {@code sched_getaffinity} returns), the host's
 * memory and swap ({@code /proc/meminfo}), the transparent huge pages modes ({@code
 * /sys/kernel/mm/transparent_hugepage/enabled} and {@code defrag}) and the operating system.
 *
 * <p>Memory comes from {@code /proc/meminfo} and not from {@code OperatingSystemMXBean}, because
 * inside a container the MXBean of JDK 17 reports the container's limit as the machine's memory. Off
 * Linux (no {@code /proc}) only the memory (from the MXBean) and the operating system are known; the
 * rest is {@code null}.
 *
 * <p>Never throws: what cannot be read is {@code null}. Immutable and thread-safe; each {@link #read()}
 * reads the files anew.
 */
public final class MachineProbe {

    /** The logger, in a holder so that slf4j is initialised only when something is logged (startup cost). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(MachineProbe.class);
    }

    private final Path root;
    private final boolean system;

    private MachineProbe(Path root, boolean system) {
        this.root = root;
        this.system = system;
    }

    /** Reads the real machine. */
    public static MachineProbe system() {
        return new MachineProbe(Path.of("/"), true);
    }

    /** Reads a tree copied or built under {@code root} ({@code root/proc/cpuinfo}, ...); no MXBean fallback. */
    public static MachineProbe under(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("root is required");
        }
        return new MachineProbe(root, false);
    }

    /** The machine as far as it can be read; {@link Machine#UNKNOWN} values where nothing was readable. */
    public Machine read() {
        try {
            return readUnguarded();
        } catch (RuntimeException e) {
            Log.LOG.debug("machine not read", e);
            return Machine.UNKNOWN;
        }
    }

    private Machine readUnguarded() {
        Cpu cpu = cpuInfo(SysFiles.read(root.resolve("proc/cpuinfo")));
        if (cpu.sockets() == null) {
            cpu = cpu.orElse(sysTopology());
        }
        String meminfo = SysFiles.read(root.resolve("proc/meminfo"));
        Long memory = kiloBytes(SysFiles.colonValue(meminfo, "MemTotal"));
        Long swap = kiloBytes(SysFiles.colonValue(meminfo, "SwapTotal"));
        if (meminfo == null && system) {
            long[] mx = mxBeanMemory();
            memory = mx[0] > 0 ? Long.valueOf(mx[0]) : null;
            swap = mx[1] >= 0 ? Long.valueOf(mx[1]) : null;
        }
        Integer allowed = SysFiles.countCpuList(
                SysFiles.colonValue(SysFiles.read(root.resolve("proc/self/status")), "Cpus_allowed_list"));
        Path thp = root.resolve("sys/kernel/mm/transparent_hugepage");
        return new Machine(cpu.threads(), cpu.cores(), cpu.sockets(), cpu.model(), memory, swap,
                bracketed(SysFiles.firstLine(thp.resolve("enabled"))), os(), allowed,
                bracketed(SysFiles.firstLine(thp.resolve("defrag"))));
    }

    /** What {@code /proc/cpuinfo} tells about the CPUs; {@code null} fields where it is silent. */
    record Cpu(Integer threads, Integer cores, Integer sockets, String model) {
        Cpu orElse(Cpu other) {
            return new Cpu(threads != null ? threads : other.threads, cores != null ? cores : other.cores,
                    sockets != null ? sockets : other.sockets, model != null ? model : other.model);
        }
    }

    static Cpu cpuInfo(String text) {
        if (text == null) {
            return new Cpu(null, null, null, null);
        }
        int threads = 0;
        String model = null;
        Set<String> sockets = new HashSet<>();
        Set<String> cores = new HashSet<>();
        String physical = null;
        boolean topologyComplete = true;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                // a blank line ends one processor's block
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor":
                    // x86 and arm64 number each hardware thread; s390 has a "processor 0:" form without it
                    if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
                        if (threads > 0 && physical == null) {
                            topologyComplete = false;
                        }
                        threads++;
                        physical = null;
                    }
                    break;
                case "physical id":
                    physical = value;
                    sockets.add(value);
                    break;
                case "core id":
                    if (physical == null) {
                        topologyComplete = false;
                    }
                    cores.add(join(physical, "/", value));
                    break;
                case "model name": // x86, arm64 on some kernels
                case "cpu model": // mips
                case "Processor": // older arm
                case "cpu": // powerpc
                    if (model == null && !value.isEmpty()) {
                        model = value;
                    }
                    break;
                default:
                    break;
            }
        }
        if (threads > 0 && physical == null) {
            topologyComplete = false;
        }
        boolean topology = topologyComplete && !sockets.isEmpty() && !cores.isEmpty();
        return new Cpu(threads > 0 ? threads : null, topology ? cores.size() : null,
                topology ? sockets.size() : null, model);
    }

    /** Cores and sockets from {@code /sys/devices/system/cpu/cpuN/topology} (arm64 prints no ids). */
    private Cpu sysTopology() {
        Path cpus = root.resolve("sys/devices/system/cpu");
        Integer online = SysFiles.countCpuList(SysFiles.firstLine(cpus.resolve("online")));
        Set<String> packages = new HashSet<>();
        Set<String> cores = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cpus, "cpu[0-9]*")) {
            for (Path dir : dirs) {
                String pkg = SysFiles.firstLine(dir.resolve("topology/physical_package_id"));
                String core = SysFiles.firstLine(dir.resolve("topology/core_id"));
                if (pkg == null || core == null) {
                    continue; // offline CPUs have no topology
                }
                packages.add(pkg);
                cores.add(join(pkg, "/", core));
            }
        } catch (IOException | RuntimeException e) {
            Log.LOG.debug("no CPU topology under {}", cpus, e);
        }
        return new Cpu(online, cores.isEmpty() ? null : cores.size(), packages.isEmpty() ? null : packages.size(),
                null);
    }

    /** {@code "24684092 kB"} in bytes, or {@code null}. */
    static Long kiloBytes(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.toLowerCase(Locale.ROOT).endsWith("kb")) {
            v = v.substring(0, v.length() - 2).trim();
        }
        Long kb = SysFiles.parseLong(v);
        return kb == null || kb < 0 ? null : kb * 1024;
    }

    /** The word in brackets of a sysfs choice list ({@code "always [madvise] never"} is {@code "madvise"}). */
    static String bracketed(String line) {
        if (line == null) {
            return null;
        }
        int open = line.indexOf('[');
        int close = line.indexOf(']', open + 1);
        return open >= 0 && close > open + 1 ? line.substring(open + 1, close) : null;
    }

    private String os() {
        String type = SysFiles.firstLine(root.resolve("proc/sys/kernel/ostype"));
        String release = SysFiles.firstLine(root.resolve("proc/sys/kernel/osrelease"));
        String os;
        if (type != null && !type.isEmpty()) {
            os = release == null ? type : join(type, " ", release);
        } else if (system) {
            os = join(System.getProperty("os.name", ""), " ", System.getProperty("os.version", ""));
            os = os.trim();
            if (os.isEmpty()) {
                return null;
            }
        } else {
            return null;
        }
        String distro = prettyName(SysFiles.read(root.resolve("etc/os-release")));
        return distro == null ? os : new StringBuilder(os).append(" (").append(distro).append(')').toString();
    }

    /**
     * {@code a + sep + b} without the {@code +} operator: javac links each string concatenation shape
     * through {@code invokedynamic}, and the first links of a JVM cost milliseconds at startup.
     */
    private static String join(String a, String sep, String b) {
        return new StringBuilder().append(a).append(sep).append(b).toString();
    }

    static String prettyName(String osRelease) {
        if (osRelease == null) {
            return null;
        }
        for (String line : osRelease.split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                String v = line.substring("PRETTY_NAME=".length()).trim();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** Total memory and swap from the MXBean, {@code -1} where unknown; only used off Linux. */
    private static long[] mxBeanMemory() {
        try {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean) {
                com.sun.management.OperatingSystemMXBean sun = (com.sun.management.OperatingSystemMXBean) os;
                return new long[] {sun.getTotalMemorySize(), sun.getTotalSwapSpaceSize()};
            }
        } catch (RuntimeException | LinkageError e) {
            Log.LOG.debug("OperatingSystemMXBean unavailable", e);
        }
        return new long[] {-1, -1};
    }
}
