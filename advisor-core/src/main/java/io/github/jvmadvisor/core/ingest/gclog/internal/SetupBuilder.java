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

    /** One {@code gc,init} line, {@code Key: value}. */
    void initLine(String msg) {
        int colon = msg.indexOf(':');
        if (colon < 0) {
            return;
        }
        String key = msg.substring(0, colon).trim();
        String value = msg.substring(colon + 1).trim();
        switch (key) {
            case "Version":
                version(value);
                break;
            case "CPUs":
                c.set(value);
                long total = c.integer();
                if (total >= 0 && c.take(" total, ")) {
                    long avail = c.integer();
                    cpusTotal = (int) total;
                    if (avail >= 0) {
                        cpusAvailable = (int) avail;
                    }
                }
                break;
            case "Memory":
                memoryBytes = size(value);
                break;
            case "Large Page Support":
                largePages = value;
                break;
            case "Compressed Oops":
                compressedOops = value;
                break;
            case "Heap Region Size":
            case "Region size in bytes":
                regionSizeBytes = size(value.matches("\\d+") ? value + "B" : value);
                break;
            case "Heap Min Capacity":
            case "Min Capacity":
                heapMin = size(value);
                break;
            case "Heap Initial Capacity":
            case "Initial Capacity":
                heapInitial = size(value);
                break;
            case "Heap Max Capacity":
            case "Max Capacity":
                heapMax = size(value);
                break;
            case "Soft Max Capacity":
            case "Soft Max Heap Size":
                softMax = size(value);
                break;
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
