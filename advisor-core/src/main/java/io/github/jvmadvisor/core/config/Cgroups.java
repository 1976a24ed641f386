package io.github.jvmadvisor.core.config;

import io.github.jvmadvisor.core.model.ContainerLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the memory and CPU limits of the cgroups a Linux process belongs to, cgroup v1 and v2, the
 * way {@code automemlimit} and {@code automaxprocs} do for Go.
 *
 * <p>For each controller the process's cgroup path ({@code /proc/<pid>/cgroup}) is mapped onto the
 * mount of that hierarchy ({@code /proc/<pid>/mountinfo}: the mount's root may be the cgroup itself,
 * as inside a container, or an ancestor, or {@code /}). From that directory the reader walks up to the
 * mount point and keeps the <em>tightest</em> value of each limit, because a parent's limit bounds
 * every child: v1 {@code memory.limit_in_bytes} (and the leaf's {@code hierarchical_memory_limit} from
 * {@code memory.stat}, which also covers ancestors outside the mount), {@code memory.memsw.limit_in_bytes},
 * {@code memory.soft_limit_in_bytes}, {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}; v2 {@code
 * memory.max}, {@code memory.high}, {@code memory.swap.max}, {@code cpu.max}. Shares or weight and the
 * memory in use are read from the process's own cgroup.
 *
 * <p>"No limit" is {@code null}: v2 {@code max}, a v1 quota of {@code -1}, and the v1 memory sentinel
 * (the largest long rounded down to the page size, e.g. {@code 9223372036854771712}). A limit above the
 * host's memory is reported as written, although HotSpot ignores it.
 *
 * <p>{@link #read(long)} answers three ways: a {@link ContainerLimits} with limits; one with only
 * {@code null} limits when the process is in cgroups that limit nothing ("looked, found none"); and
 * {@link Optional#empty()} when there was nothing to look at (no {@code /proc}, not Linux, no cgroup
 * mounted). On a hybrid host (v1 controllers plus a v2 {@code unified} mount) each controller is read
 * from the hierarchy that has it, and the source names the version the memory controller came from
 * (else the CPU controller's, else the mounted version).
 *
 * <p>The file system root is injectable so the same code reads a copied tree. Never throws on what it
 * reads: unreadable files are skipped and logged at debug. Instances are immutable and thread-safe;
 * each call reads the files anew (limits can change while a process runs).
 */
public final class Cgroups {

    /** {@link ContainerLimits#source()} for limits read from cgroup v1 controllers. */
    public static final String SOURCE_V1 = "cgroup-v1";
    /** {@link ContainerLimits#source()} for limits read from the cgroup v2 hierarchy. */
    public static final String SOURCE_V2 = "cgroup-v2";

    /**
     * v1 memory values at or above this mean "unlimited": the kernel prints the largest long rounded
     * down to its page size (4 KB: 9223372036854771712; 64 KB: 9223372036854710272), so anything within
     * a megabyte of {@link Long#MAX_VALUE} is that sentinel.
     */
    static final long V1_UNLIMITED_FLOOR = Long.MAX_VALUE - (1L << 20);

    /**
     * The logger, in a holder so that slf4j is initialised only when something is logged: this class
     * runs at application startup, where initialising a logging back end can cost more than the reading.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    }

    private final Path root;

    private Cgroups(Path root) {
        this.root = root;
    }

    /** Reads the real {@code /proc} and {@code /sys}. */
    public static Cgroups system() {
        return new Cgroups(Path.of("/"));
    }

    /**
     * Reads a tree copied or built under {@code root}: {@code root/proc/<pid>/cgroup}, {@code
     * root/proc/<pid>/mountinfo} and the cgroup files below the mount points it names.
     */
    public static Cgroups under(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("root is required");
        }
        return new Cgroups(root);
    }

    /** The limits of the current process ({@code /proc/self}); see {@link #read(long)}. */
    public Optional<ContainerLimits> readSelf() {
        return read("self", selfPid(), true);
    }

    /**
     * The limits of the process {@code pid}.
     *
     * @return the limits (fields {@code null} where there is no limit), or empty when the process's
     *     cgroups could not be read at all
     */
    public Optional<ContainerLimits> read(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        String p = Long.toString(pid);
        return read(p, p, p.equals(selfPid()));
    }

    /**
     * This process's id as {@code /proc/self} names it, or {@code null} (a copied tree, no {@code /proc}).
     * Not {@code ProcessHandle.current()}: its first use starts a thread pool, ten milliseconds at startup.
     */
    private String selfPid() {
        try {
            Path self = root.resolve("proc/self");
            if (Files.isSymbolicLink(self)) {
                String target = Files.readSymbolicLink(self).toString();
                return SysFiles.parseLong(target) == null ? null : target;
            }
        } catch (IOException | RuntimeException e) {
            // no pid: the search for a process's group in a cgroup namespace is skipped
        }
        return null;
    }

    private Optional<ContainerLimits> read(String procEntry, String pid, boolean self) {
        try {
            return Optional.ofNullable(readOrNull(procEntry, pid, self));
        } catch (RuntimeException e) {
            // a reader of pseudo files must not take its caller down; a bug here shows at debug
            Log.LOG.debug("cgroup limits of process {} not read", procEntry, e);
            return Optional.empty();
        }
    }

    private ContainerLimits readOrNull(String procEntry, String pid, boolean self) {
        Path proc = root.resolve("proc").resolve(procEntry);
        String cgroupText = SysFiles.read(proc.resolve("cgroup"));
        String mountText = SysFiles.read(proc.resolve("mountinfo"));
        if (cgroupText == null || mountText == null) {
            Log.LOG.debug("no cgroup information for process {} under {}", procEntry, root);
            return null;
        }
        List<Membership> memberships = parseMemberships(cgroupText);
        List<Mount> mounts = parseMounts(mountText);
        if (memberships.isEmpty() || mounts.isEmpty()) {
            return null;
        }
        Path fsRoot = self ? root : processRoot(proc);

        Walk memV1 = v1Walk(memberships, mounts, "memory", fsRoot, pid);
        Walk cpuV1 = v1Walk(memberships, mounts, "cpu", fsRoot, pid);
        Walk v2 = v2Walk(memberships, mounts, fsRoot, pid);
        // a v2 controller shows its files in the groups it is enabled for; an ancestor's limit binds the
        // process even where the controller is not enabled further down
        Walk memV2 = v2 != null && v2.nearestWith("memory.max") != null ? v2 : null;
        Walk cpuV2 = v2 != null && v2.nearestWith("cpu.max") != null ? v2 : null;

        String source;
        if (memV1 != null) {
            source = SOURCE_V1;
        } else if (memV2 != null) {
            source = SOURCE_V2;
        } else if (cpuV1 != null) {
            source = SOURCE_V1;
        } else if (cpuV2 != null) {
            source = SOURCE_V2;
        } else if (hasV1(mounts)) {
            source = SOURCE_V1;
        } else if (v2 != null) {
            source = SOURCE_V2;
        } else {
            return null;
        }

        Long memLimit = null;
        Long softLimit = null;
        Long swapLimit = null;
        Long usage = null;
        if (memV1 != null) {
            memLimit = memV1.minV1Memory("memory.limit_in_bytes");
            softLimit = memV1.minV1Memory("memory.soft_limit_in_bytes");
            swapLimit = memV1.minV1Memory("memory.memsw.limit_in_bytes");
            String stat = SysFiles.read(memV1.leaf().resolve("memory.stat"));
            memLimit = min(memLimit, v1Memory(SysFiles.keyedValue(stat, "hierarchical_memory_limit")));
            swapLimit = min(swapLimit, v1Memory(SysFiles.keyedValue(stat, "hierarchical_memsw_limit")));
            usage = SysFiles.parseLong(SysFiles.firstLine(memV1.leaf().resolve("memory.usage_in_bytes")));
        } else if (memV2 != null) {
            memLimit = memV2.minV2Value("memory.max");
            softLimit = memV2.minV2Value("memory.high");
            Long swapOnly = memV2.minV2Value("memory.swap.max");
            // the model holds memory plus swap, as v1's memsw does; v2 limits swap alone
            swapLimit = memLimit != null && swapOnly != null ? saturatedAdd(memLimit, swapOnly) : null;
            Path counted = memV2.nearestWith("memory.current");
            usage = counted == null ? null : SysFiles.parseLong(SysFiles.firstLine(counted.resolve("memory.current")));
        }

        Quota quota = null;
        Long shares = null;
        if (cpuV1 != null) {
            quota = cpuV1.tightestQuota(false);
            shares = SysFiles.parseLong(SysFiles.firstLine(cpuV1.leaf().resolve("cpu.shares")));
        } else if (cpuV2 != null) {
            quota = cpuV2.tightestQuota(true);
            Path weighted = cpuV2.nearestWith("cpu.weight");
            shares = weighted == null ? null : SysFiles.parseLong(SysFiles.firstLine(weighted.resolve("cpu.weight")));
        }

        Integer allowed = SysFiles.countCpuList(
                SysFiles.colonValue(SysFiles.read(proc.resolve("status")), "Cpus_allowed_list"));
        Integer effective = allowed;
        if (allowed != null && quota != null) {
            // HotSpot rounds a fractional quota up (CgroupUtil::processor_count); 0.5 CPU counts as 1
            long ceil = (quota.quotaMicros() + quota.periodMicros() - 1) / quota.periodMicros();
            effective = (int) Math.max(1, Math.min(allowed, ceil));
        }
        return new ContainerLimits(source, memLimit, softLimit, swapLimit, quota == null ? null : quota.cores(),
                shares, effective, usage);
    }

    // ---- parsing /proc/<pid>/cgroup and /proc/<pid>/mountinfo ----

    /** One line of {@code /proc/<pid>/cgroup}: {@code hierarchy-id:controllers:path}. */
    record Membership(int hierarchyId, Set<String> controllers, String path) {
    }

    /** A cgroup file system mount: its mount point, the cgroup shown at it, the controllers it carries. */
    record Mount(String mountPoint, String root, boolean v2, Set<String> controllers) {
    }

    static List<Membership> parseMemberships(String text) {
        List<Membership> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            // the path may itself contain ':'
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(parts[0].trim());
            } catch (NumberFormatException e) {
                continue;
            }
            Set<String> controllers = parts[1].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(parts[1].split(",")));
            out.add(new Membership(id, controllers, parts[2].trim()));
        }
        return out;
    }

    static List<Mount> parseMounts(String text) {
        List<Mount> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            // id parent major:minor root mount-point options [optional fields...] - fstype source super-options
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] left = line.substring(0, dash).split(" ");
            String[] right = line.substring(dash + 3).split(" ");
            if (left.length < 5 || right.length < 1) {
                continue;
            }
            String fsType = right[0];
            boolean v2 = fsType.equals("cgroup2");
            if (!v2 && !fsType.equals("cgroup")) {
                continue;
            }
            Set<String> controllers = new HashSet<>();
            if (!v2 && right.length >= 3) {
                controllers.addAll(Arrays.asList(right[2].split(",")));
            }
            out.add(new Mount(unescape(left[4]), unescape(left[3]), v2, controllers));
        }
        return out;
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    // ---- locating and walking the cgroup directories ----

    /** The directories from a process's cgroup up to the mount point, leaf first. */
    record Walk(List<Path> dirs) {
        Path leaf() {
            return dirs.get(0);
        }

        /** The directory nearest the process that has {@code file}, or {@code null}. */
        Path nearestWith(String file) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(file))) {
                    return dir;
                }
            }
            return null;
        }

        // plain loops, no lambdas: the first lambda of a JVM costs milliseconds at startup
        Long minV1Memory(String file) {
            Long best = null;
            for (Path dir : dirs) {
                best = min(best, v1Memory(dir.resolve(file)));
            }
            return best;
        }

        Long minV2Value(String file) {
            Long best = null;
            for (Path dir : dirs) {
                best = min(best, v2Value(dir.resolve(file)));
            }
            return best;
        }

        Quota tightestQuota(boolean v2) {
            Quota best = null;
            for (Path dir : dirs) {
                Quota q = v2 ? v2Quota(dir) : v1Quota(dir);
                if (q != null && (best == null || q.cores() < best.cores())) {
                    best = q;
                }
            }
            return best;
        }
    }

    /** A CFS bandwidth limit: {@code quota} microseconds of CPU time per {@code period}. */
    record Quota(long quotaMicros, long periodMicros) {
        double cores() {
            return (double) quotaMicros / periodMicros;
        }
    }

    private Walk v1Walk(List<Membership> memberships, List<Mount> mounts, String controller, Path fsRoot, String pid) {
        Membership member = null;
        for (Membership m : memberships) {
            if (m.hierarchyId() != 0 && m.controllers().contains(controller)) {
                member = m;
                break;
            }
        }
        if (member == null) {
            return null;
        }
        Mount best = null;
        for (Mount m : mounts) {
            if (!m.v2() && m.controllers().contains(controller) && (best == null || better(m, best, member.path()))) {
                best = m;
            }
        }
        if (best == null) {
            return null;
        }
        Walk walk = walk(best, member.path(), fsRoot, pid);
        if (walk != null && "memory".equals(controller)) {
            walk = stopWhereNotHierarchical(walk);
        }
        return walk;
    }

    private Walk v2Walk(List<Membership> memberships, List<Mount> mounts, Path fsRoot, String pid) {
        Membership member = null;
        for (Membership m : memberships) {
            if (m.hierarchyId() == 0 && m.controllers().isEmpty()) {
                member = m;
                break;
            }
        }
        if (member == null) {
            return null;
        }
        Mount best = null;
        for (Mount m : mounts) {
            if (m.v2() && (best == null || better(m, best, member.path()))) {
                best = m;
            }
        }
        return best == null ? null : walk(best, member.path(), fsRoot, pid);
    }

    private static boolean hasV1(List<Mount> mounts) {
        for (Mount m : mounts) {
            if (!m.v2()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether mount {@code a} shows more of {@code path} than {@code b}: a mount whose root contains the
     * path beats one that does not, and a deeper root beats a shallower one (a container's own cgroup
     * bind-mounted beside the host's whole hierarchy).
     */
    private static boolean better(Mount a, Mount b, String path) {
        boolean ac = contains(a.root(), path);
        boolean bc = contains(b.root(), path);
        if (ac != bc) {
            return ac;
        }
        return a.root().length() > b.root().length();
    }

    private static boolean contains(String mountRoot, String path) {
        return mountRoot.equals("/") || path.equals(mountRoot)
                || path.startsWith(mountRoot) && path.length() > mountRoot.length() && path.charAt(mountRoot.length()) == '/';
    }

    /**
     * The walk for a process at {@code path} in the hierarchy mounted by {@code mount}.
     *
     * <p>When the path is not below the mount's root, the process sits in a cgroup namespace whose root
     * is somewhere below a mount made outside it (the mount's root then reads {@code /..}): the group is
     * found by searching the mounted tree for the one whose {@code cgroup.procs} lists the process. When
     * that fails too, the mount point itself stands for the process's cgroup, as HotSpot assumes.
     */
    private static Walk walk(Mount mount, String path, Path fsRoot, String pid) {
        Path top = SysFiles.under(fsRoot, mount.mountPoint());
        if (top == null) {
            return null;
        }
        String rel = "";
        if (contains(mount.root(), path)) {
            rel = mount.root().equals("/") ? path : path.substring(mount.root().length());
        } else {
            Path found = pid == null ? null : findGroupOf(top, pid);
            if (found != null) {
                rel = top.relativize(found).toString().replace(java.io.File.separatorChar, '/');
            } else {
                Log.LOG.debug("cgroup path {} is not below mount root {} at {}; using the mount point", path,
                        mount.root(), mount.mountPoint());
            }
        }
        List<Path> dirs = new ArrayList<>();
        Path dir = top;
        List<String> names = new ArrayList<>();
        for (String n : rel.split("/")) {
            if (!n.isEmpty() && !n.equals(".") && !n.equals("..")) {
                names.add(n);
            }
        }
        for (String n : names) {
            dir = dir.resolve(n);
        }
        if (!Files.isDirectory(dir)) {
            // the process left the group, or the tree is partial: read what the mount point shows
            Log.LOG.debug("cgroup directory {} is missing; using {}", dir, top);
            dirs.add(top);
            return new Walk(dirs);
        }
        for (int i = names.size(); i >= 0; i--) {
            dirs.add(dir);
            dir = dir.getParent();
        }
        return new Walk(dirs);
    }

    /** Most directories searched for a process's group: a busy host has a few thousand cgroups. */
    private static final int SEARCH_LIMIT = 20_000;

    /** The directory below {@code top} whose {@code cgroup.procs} lists {@code pid}, breadth first, or {@code null}. */
    static Path findGroupOf(Path top, String pid) {
        java.util.ArrayDeque<Path> queue = new java.util.ArrayDeque<>();
        queue.add(top);
        int seen = 0;
        while (!queue.isEmpty() && seen++ < SEARCH_LIMIT) {
            Path dir = queue.poll();
            String procs = SysFiles.read(dir.resolve("cgroup.procs"));
            if (procs != null && listsPid(procs, pid)) {
                return dir;
            }
            try (java.nio.file.DirectoryStream<Path> subs = Files.newDirectoryStream(dir)) {
                for (Path sub : subs) {
                    if (Files.isDirectory(sub)) {
                        queue.add(sub);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable or vanished group: search on
            }
        }
        return null;
    }

    private static boolean listsPid(String procs, String pid) {
        int from = 0;
        while (from < procs.length()) {
            int nl = procs.indexOf('\n', from);
            int end = nl < 0 ? procs.length() : nl;
            if (procs.substring(from, end).trim().equals(pid)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /**
     * Cuts the walk where a parent does not account its children (v1 {@code memory.use_hierarchy = 0},
     * only on kernels before 5.x): that parent's limit does not bind the process.
     */
    private static Walk stopWhereNotHierarchical(Walk walk) {
        List<Path> kept = new ArrayList<>();
        kept.add(walk.dirs().get(0));
        for (int i = 1; i < walk.dirs().size(); i++) {
            Path parent = walk.dirs().get(i);
            if ("0".equals(SysFiles.firstLine(parent.resolve("memory.use_hierarchy")))) {
                break;
            }
            kept.add(parent);
        }
        return new Walk(kept);
    }

    /**
     * The root of another process's file system view ({@code /proc/<pid>/root}) when it lives in a
     * different mount namespace, so its mount points are read as it sees them; else the root.
     */
    private Path processRoot(Path proc) {
        try {
            Path own = root.resolve("proc/self/ns/mnt");
            Path theirs = proc.resolve("ns/mnt");
            if (Files.isSymbolicLink(own) && Files.isSymbolicLink(theirs)
                    && !Files.readSymbolicLink(own).equals(Files.readSymbolicLink(theirs))
                    && Files.isDirectory(proc.resolve("root"))) {
                return proc.resolve("root");
            }
        } catch (IOException | SecurityException e) {
            Log.LOG.debug("mount namespace of {} not compared", proc, e);
        }
        return root;
    }

    // ---- values ----

    /** A v1 memory value in bytes, {@code null} for the unlimited sentinel or anything unreadable. */
    static Long v1Memory(Path file) {
        return v1Memory(SysFiles.firstLine(file));
    }

    static Long v1Memory(String text) {
        Long v = SysFiles.parseLong(text);
        return v == null || v <= 0 || v >= V1_UNLIMITED_FLOOR ? null : v;
    }

    /** A v2 value in bytes, {@code null} for {@code max} or anything unreadable. */
    static Long v2Value(Path file) {
        String text = SysFiles.firstLine(file);
        if (text == null || text.equals("max")) {
            return null;
        }
        Long v = SysFiles.parseLong(text);
        return v == null || v < 0 ? null : v;
    }

    private static Quota v1Quota(Path dir) {
        Long quota = SysFiles.parseLong(SysFiles.firstLine(dir.resolve("cpu.cfs_quota_us")));
        Long period = SysFiles.parseLong(SysFiles.firstLine(dir.resolve("cpu.cfs_period_us")));
        return quota != null && period != null && quota > 0 && period > 0 ? new Quota(quota, period) : null;
    }

    /** v2 {@code cpu.max}: {@code "<quota> <period>"} or {@code "max <period>"}. */
    static Quota v2Quota(Path dir) {
        String text = SysFiles.firstLine(dir.resolve("cpu.max"));
        if (text == null) {
            return null;
        }
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (first.equals("max")) {
            return null;
        }
        Long quota = SysFiles.parseLong(first);
        // the kernel always prints the period; a hand-made file may omit it (the default is 100 ms)
        Long period = space < 0 ? Long.valueOf(100_000L) : SysFiles.parseLong(text.substring(space + 1));
        return quota != null && period != null && quota > 0 && period > 0 ? new Quota(quota, period) : null;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
