package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcSetup;
import java.util.ArrayList;
import java.util.List;

/** Gathers what a log says about its JVM, line by line, into a {@link GcSetup}. */
final class SetupBuilder {

    private final Cursor c = new Cursor();

    Collector collector;
    boolean collectorInferred;
    Boolean generational;
    Boolean zgcGenerational;
    boolean shenandoahGenerationQualifiers;
    String mode;
    String heuristics;
    Integer jdkVersion;
    String versionString;
    Integer cpusTotal;
    Integer cpusAvailable;
    Long memoryBytes;
    Long heapMin;
    Long heapInitial;
    Long heapMax;
    Long softMax;
    Long regionSizeBytes;
    String compressedOops;
    String largePages;
    Boolean preTouch;
    Integer parallelWorkers;
    Integer concurrentWorkers;
    String periodicGc;
    String uncommit;
    final List<String> ergonomicFlags = new ArrayList<>();
    GcSetup.ArchiveUse archive;

    void using(Collector col) {
        collector = col;
        collectorInferred = false;
    }

    /** Sets the collector from the shape of a line, unless already known. */
    void infer(Collector col) {
        if (collector == null) {
            collector = col;
            collectorInferred = true;
        }
    }

    void zgcGenerational(boolean gen) {
        zgcGenerational = gen;
    }

    void sawShenandoahGenerationQualifier() {
        shenandoahGenerationQualifiers = true;
    }

    void ergonomicFlag(String flag) {
        if (!ergonomicFlags.contains(flag) && ergonomicFlags.size() < 64) {
            ergonomicFlags.add(flag);
        }
    }

    /** A restart: settings of the new run replace the old as they are read. */
    void newRun() {
        zgcGenerational = null;
        shenandoahGenerationQualifiers = false;
    }

    /** Keys of the {@code gc,init} block this builder knows, read or not. */
    private static final java.util.Set<String> INIT_KEYS = java.util.Set.of("Version", "CPUs", "Memory",
            "Large Page Support", "NUMA Support", "Compressed Oops", "Heap Region Size", "Region size in bytes",
            "Heap Min Capacity", "Min Capacity", "Heap Initial Capacity", "Initial Capacity", "Heap Max Capacity",
            "Max Capacity", "Soft Max Capacity", "Soft Max Heap Size", "Initialize Shenandoah heap", "Pre-touch",
            "Parallel Workers", "Parallel GC threads", "GC Workers Max", "GC Workers", "Concurrent Workers",
            "Concurrent GC threads", "GC threads", "Periodic GC", "Uncommit", "Uncommit Delay", "Mode",
            "Shenandoah GC mode", "Heuristics", "Shenandoah heuristics", "Concurrent Refinement Workers",
            "Alignments", "Address Space Type", "Address Space Size", "Heap Backing File",
            "Heap Backing Filesystem", "Medium Page Size", "Available space on backing filesystem",
            "Runtime Workers", "Heap Region Count", "Humongous Object Threshold", "TLAB Size Max",
            "CardTable entry size", "Reserved Space Type", "Reserved Space Size", "Page Size Medium",
            "GC Workers for Old Generation", "GC Workers for Young Generation", "Young Heuristics",
            "Old Heuristics", "Max TLAB size", "Humongous object threshold", "Initial number of regions",
            "Maximum number of regions", "Region size shift", "Regions", "Safepointing mechanism",
            "Reference processing", "Parallel reference processing enabled");

    /** Whether {@code msg} is a {@code gc,init} line ({@code Key: value} with a known key). */
    static boolean isInitLine(String msg) {
        int colon = msg.indexOf(':');
        return colon > 0 && INIT_KEYS.contains(msg.substring(0, colon).trim());
    }

    /** Most CPUs a value may give: no machine the JVM runs on has more. */
    static final int MAX_CPUS = 1 << 16;
    /** Largest memory or heap size a value may give, 4 PiB: beyond any machine and ZGC's 16 TiB heap. */
    static final long MAX_BYTES = 1L << 52;
    /** Largest region a value may give, 1 GiB: G1 regions go to 512 MiB, Shenandoah's and ZGC's are smaller. */
    static final long MAX_REGION_BYTES = 1L << 30;

    /**
     * One {@code gc,init} line, {@code Key: value}.
     *
     * @return {@code null}, or what is wrong with a value that was not used (not a size, or impossible: no CPUs,
     *     more available than there are, a size beyond any machine), for an issue on the line
     */
    String initLine(String msg) {
        int colon = msg.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String key = msg.substring(0, colon).trim();
        String value = msg.substring(colon + 1).trim();
        switch (key) {
            case "Version":
                version(value);
                break;
            case "CPUs":
                // "8 total, 8 available"
                c.set(value);
                long total = c.integer();
                if (total < 1 || total > MAX_CPUS || !c.take(" total, ")) {
                    return "CPUs '" + Issues.excerpt(value) + "' is not a count of CPUs from 1 to " + MAX_CPUS
                            + "; ignored";
                }
                long avail = c.integer();
                if (avail < 1 || avail > total) {
                    cpusTotal = (int) total;
                    return "available CPUs in '" + Issues.excerpt(value) + "' are not from 1 to the " + total
                            + " total; only the total is used";
                }
                cpusTotal = (int) total;
                cpusAvailable = (int) avail;
                break;
            case "Memory":
                return checked(key, value, v -> memoryBytes = v, MAX_BYTES);
            case "Large Page Support":
                largePages = value;
                break;
            case "Compressed Oops":
                compressedOops = value;
                break;
            case "Heap Region Size":
            case "Region size in bytes":
                return checked(key, value.matches("\\d+") ? value + "B" : value, v -> regionSizeBytes = v,
                        MAX_REGION_BYTES);
            case "Heap Min Capacity":
            case "Min Capacity":
                return checked(key, value, v -> heapMin = v, MAX_BYTES);
            case "Heap Initial Capacity":
            case "Initial Capacity":
                return checked(key, value, v -> heapInitial = v, MAX_BYTES);
            case "Heap Max Capacity":
            case "Max Capacity":
                return checked(key, value, v -> heapMax = v, MAX_BYTES);
            case "Soft Max Capacity":
            case "Soft Max Heap Size":
                return checked(key, value, v -> softMax = v, MAX_BYTES);
            case "Initialize Shenandoah heap":
                // "1024M initial, 8M min, 1024M max"
                for (String part : value.split(",")) {
                    String p = part.trim();
                    int sp = p.indexOf(' ');
                    if (sp > 0) {
                        Long v = size(p.substring(0, sp));
                        switch (p.substring(sp + 1)) {
                            case "initial":
                                heapInitial = v;
                                break;
                            case "min":
                                heapMin = v;
                                break;
                            case "max":
                                heapMax = v;
                                break;
                            default:
                                break;
                        }
                    }
                }
                break;
            case "Pre-touch":
                preTouch = value.startsWith("Enabled");
                break;
            case "Parallel Workers":
            case "Parallel GC threads":
            case "GC Workers Max":
                parallelWorkers = intPrefix(value);
                break;
            case "GC Workers":
                if (parallelWorkers == null) {
                    parallelWorkers = intPrefix(value);
                }
                break;
            case "Concurrent Workers":
            case "Concurrent GC threads":
                concurrentWorkers = intPrefix(value);
                break;
            case "GC threads":
                // "2 parallel, 1 concurrent"
                c.set(value);
                long par = c.integer();
                if (par >= 0) {
                    parallelWorkers = (int) par;
                    int i = value.indexOf(", ");
                    if (i > 0) {
                        concurrentWorkers = intPrefix(value.substring(i + 2));
                    }
                }
                break;
            case "Periodic GC":
                periodicGc = value;
                break;
            case "Uncommit":
                uncommit = value;
                break;
            case "Mode":
            case "Shenandoah GC mode":
                mode = value;
                break;
            case "Heuristics":
            case "Shenandoah heuristics":
                heuristics = value;
                break;
            default:
                break;
        }
        return null;
    }

    /**
     * A size value: given to {@code set} when it is a size from 1 byte to {@code max}; otherwise not, and what is
     * wrong is returned. Values that are not sizes at all ("Disabled", text of other JDKs) are left alone.
     */
    private String checked(String key, String value, java.util.function.LongConsumer set, long max) {
        String v = value.trim();
        Long bytes = size(v);
        if (bytes == null) {
            if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
                return key + " '" + Issues.excerpt(v) + "' is not a size this reader can hold; ignored";
            }
            return null;
        }
        if (bytes < 1 || bytes > max) {
            return key + " " + Issues.excerpt(v) + " is not a possible size (1 byte to " + (max >> 30)
                    + " GiB); ignored";
        }
        set.accept(bytes);
        return null;
    }

    /** {@code Minimum heap 8388608  Initial heap 396361728  Maximum heap 1073741824} (bytes). */
    void heapDebugLine(String msg) {
        String[] f = msg.trim().split("\\s+");
        for (int i = 0; i + 2 < f.length; i++) {
            if (!"heap".equals(f[i + 1])) {
                continue;
            }
            Long v = f[i + 2].matches("\\d{1,19}") ? Long.valueOf(f[i + 2]) : null;
            if (v == null) {
                continue;
            }
            switch (f[i]) {
                case "Minimum":
                    heapMin = heapMin == null ? v : heapMin;
                    break;
                case "Initial":
                    heapInitial = heapInitial == null ? v : heapInitial;
                    break;
                case "Maximum":
                    heapMax = heapMax == null ? v : heapMax;
                    break;
                default:
                    break;
            }
        }
    }

    private void version(String value) {
        // "17.0.15+6-Debian-1deb12u1 (release)", "25-internal-adhoc.x.jdk (slowdebug)"
        int sp = value.indexOf(' ');
        versionString = sp > 0 ? value.substring(0, sp) : value;
        int i = 0;
        while (i < versionString.length() && Character.isDigit(versionString.charAt(i))) {
            i++;
        }
        if (i > 0 && i <= 3) {
            int feature = Integer.parseInt(versionString.substring(0, i));
            if (feature == 1 && versionString.startsWith("1.")) {
                int j = 2;
                while (j < versionString.length() && Character.isDigit(versionString.charAt(j))) {
                    j++;
                }
                feature = j > 2 ? Integer.parseInt(versionString.substring(2, j)) : 1;
            }
            jdkVersion = feature;
        }
    }

    private Long size(String value) {
        c.set(value.trim());
        long v = c.size();
        return v >= 0 ? v : null;
    }

    private Integer intPrefix(String value) {
        c.set(value.trim());
        long v = c.integer();
        return v >= 0 && v < Integer.MAX_VALUE ? (int) v : null;
    }

    GcSetup build() {
        Boolean gen = null;
        if (collector != null) {
            switch (collector) {
                case ZGC:
                    gen = zgcGenerational;
                    break;
                case SHENANDOAH:
                    if (mode != null) {
                        gen = mode.toLowerCase(java.util.Locale.ROOT).startsWith("generational");
                    } else {
                        gen = shenandoahGenerationQualifiers;
                    }
                    break;
                case EPSILON:
                    gen = false;
                    break;
                default:
                    gen = true;
            }
        }
        return new GcSetup(collector, collectorInferred, gen, mode, heuristics, jdkVersion, versionString, cpusTotal,
                cpusAvailable, memoryBytes, heapMin, heapInitial, heapMax, softMax, regionSizeBytes, compressedOops,
                largePages, preTouch, parallelWorkers, concurrentWorkers, periodicGc, uncommit, ergonomicFlags,
                archive);
    }
}
