package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * What a GC log says about the JVM that wrote it: collector, JDK, CPUs, memory and heap settings,
 * mostly from the {@code gc,init} lines at startup.
 *
 * <p>Every value is {@code null} when the log does not say it (a log written with {@code -Xlog:gc}
 * has no init lines; a rotated file that starts mid-run has none either). The collector may be
 * inferred from the shape of the collection lines when the {@code Using ...} line is missing; then
 * {@code collectorInferred} is true.
 *
 * @param collector the collector, or {@code null}
 * @param collectorInferred whether the collector was inferred from line shapes rather than read
 * @param generational whether the collector works generationally (false for non-generational ZGC and
 *     SATB Shenandoah), or {@code null}
 * @param mode the collector's mode as logged, e.g. Shenandoah {@code "Generational"}, or {@code null}
 * @param heuristics Shenandoah heuristics, or {@code null}
 * @param jdkVersion the JDK feature release, e.g. 17, or {@code null}
 * @param jdkVersionString the full version string, e.g. {@code "17.0.15+6-Debian-1deb12u1"}, or {@code null}
 * @param cpusTotal CPUs on the machine
 * @param cpusAvailable CPUs the JVM may use (container or affinity limits)
 * @param memoryBytes memory the JVM sees (the container limit inside a container)
 * @param heapMinBytes minimum heap
 * @param heapInitialBytes initial heap
 * @param heapMaxBytes maximum heap
 * @param softMaxHeapBytes soft maximum heap (ZGC, Shenandoah)
 * @param regionSizeBytes region size (G1, Shenandoah)
 * @param compressedOops the compressed-oops mode as logged, e.g. {@code "Enabled (32-bit)"} or
 *     {@code "Disabled"}
 * @param largePages the large-page mode as logged
 * @param preTouch whether the heap is pre-touched
 * @param parallelWorkers parallel GC worker threads
 * @param concurrentWorkers concurrent GC worker threads
 * @param periodicGc G1 periodic GC setting as logged, e.g. {@code "Disabled"}
 * @param uncommit ZGC uncommit setting as logged
 * @param ergonomicFlags flags the collector set itself ({@code Heuristics ergonomically sets ...})
 * @param archive what the {@code aot} and {@code cds} lines say about the AOT cache or CDS archive, or
 *     {@code null} when the log has none of them
 */
public record GcSetup(Collector collector, boolean collectorInferred, Boolean generational, String mode,
        String heuristics, Integer jdkVersion, String jdkVersionString, Integer cpusTotal, Integer cpusAvailable,
        Long memoryBytes, Long heapMinBytes, Long heapInitialBytes, Long heapMaxBytes, Long softMaxHeapBytes,
        Long regionSizeBytes, String compressedOops, String largePages, Boolean preTouch, Integer parallelWorkers,
        Integer concurrentWorkers, String periodicGc, String uncommit, List<String> ergonomicFlags,
        ArchiveUse archive) {

    public GcSetup {
        ergonomicFlags = ergonomicFlags == null ? List.of() : List.copyOf(ergonomicFlags);
    }

    /** The setup without archive information. */
    public GcSetup(Collector collector, boolean collectorInferred, Boolean generational, String mode,
            String heuristics, Integer jdkVersion, String jdkVersionString, Integer cpusTotal, Integer cpusAvailable,
            Long memoryBytes, Long heapMinBytes, Long heapInitialBytes, Long heapMaxBytes, Long softMaxHeapBytes,
            Long regionSizeBytes, String compressedOops, String largePages, Boolean preTouch,
            Integer parallelWorkers, Integer concurrentWorkers, String periodicGc, String uncommit,
            List<String> ergonomicFlags) {
        this(collector, collectorInferred, generational, mode, heuristics, jdkVersion, jdkVersionString, cpusTotal,
                cpusAvailable, memoryBytes, heapMinBytes, heapInitialBytes, heapMaxBytes, softMaxHeapBytes,
                regionSizeBytes, compressedOops, largePages, preTouch, parallelWorkers, concurrentWorkers, periodicGc,
                uncommit, ergonomicFlags, null);
    }

    /**
     * The AOT cache (JDK 24+, {@code -XX:AOTCache}) or CDS archive the JVM tried to map, from the lines of the
     * {@code aot} and {@code cds} tags ({@code -Xlog:aot*,cds*} into the GC log). Only their info, warning
     * and error lines are read.
     *
     * @param tag {@code "aot"} or {@code "cds"}: the tag of the first line read
     * @param file the cache or archive file ({@code trying to map app.aot}, {@code Opened AOT cache
     *     app.aot.}), or {@code null}
     * @param mapped {@code true} when regions of it were mapped, {@code false} when the JVM said it could not
     *     use it ({@code Unable to use AOT cache.}, {@code Unable to map shared spaces}, {@code ... CDS will
     *     be disabled.}), {@code null} when the lines say neither
     * @param createdWith the settings the cache was created with as logged ({@code UseCompressedOops = 1,
     *     UseCompressedClassPointers = 1, UseCompactObjectHeaders = 0}), or {@code null}
     * @param problems the warning and error messages and their continuation lines, in order, without
     *     repeats, at most {@value #MAX_PROBLEMS}
     */
    public record ArchiveUse(String tag, String file, Boolean mapped, String createdWith, List<String> problems) {

        /** Problem messages kept at most. */
        public static final int MAX_PROBLEMS = 16;

        public ArchiveUse {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        /** Whether the JVM said it could not use the cache or archive. */
        public boolean rejected() {
            return Boolean.FALSE.equals(mapped);
        }
    }
}
