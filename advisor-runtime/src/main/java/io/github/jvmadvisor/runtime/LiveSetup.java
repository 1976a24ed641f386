package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import java.util.List;

/** The live JVM's configuration in the shape a GC log's init lines give, for the GC metrics of a window. */
final class LiveSetup {

    private LiveSetup() {
    }

    static GcSetup of(JvmConfig c) {
        Collector gc = c.collector();
        Integer available = c.container() != null && c.container().effectiveCpus() != null
                ? c.container().effectiveCpus() : Runtime.getRuntime().availableProcessors();
        Long memory = c.container() != null && c.container().memoryLimitBytes() != null
                ? c.container().memoryLimitBytes() : c.machine().physicalMemoryBytes();
        boolean soft = gc == Collector.ZGC || gc == Collector.SHENANDOAH;
        return new GcSetup(gc, false, c.generational(),
                gc == Collector.SHENANDOAH ? c.flagValue("ShenandoahGCMode") : null, null, c.jdkFeature(),
                c.jdkVersionString(), c.machine().hwThreads(), available, memory, size(c, "MinHeapSize"),
                size(c, "InitialHeapSize"), size(c, "MaxHeapSize"), soft ? size(c, "SoftMaxHeapSize") : null,
                gc == Collector.G1 ? size(c, "G1HeapRegionSize") : null, null, null,
                bool(c, "AlwaysPreTouch"), integer(c, "ParallelGCThreads"), integer(c, "ConcGCThreads"), null, null,
                List.of());
    }

    private static Long size(JvmConfig c, String name) {
        JvmFlag f = c.flag(name);
        Long v = f == null ? null : f.longValue();
        return v != null && v > 0 ? v : null;
    }

    private static Integer integer(JvmConfig c, String name) {
        Long v = size(c, name);
        return v == null || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    private static Boolean bool(JvmConfig c, String name) {
        String v = c.flagValue(name);
        return v == null ? null : Boolean.valueOf(v);
    }
}
