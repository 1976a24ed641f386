package io.github.jvmadvisor.core.ingest.jfr.internal;

import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import io.github.jvmadvisor.core.ingest.jfr.MethodNames;
import io.github.jvmadvisor.core.model.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** Non-heap memory, container accounting and old-object samples from a recording. */
public final class ResourceCollector implements JfrSink {

    private static final Set<String> TYPES = Set.of("jdk.MetaspaceSummary", "jdk.DirectBufferStatistics",
            "jdk.JavaThreadStatistics", "jdk.ResidentSetSize", "jdk.NativeMemoryUsage", "jdk.NativeMemoryUsageTotal",
            "jdk.ContainerMemoryUsage", "jdk.ContainerCPUThrottling", "jdk.PhysicalMemory", "jdk.OldObjectSample",
            "jdk.SwapSpace", "jdk.ClassLoadingStatistics");
    private static final int TOP_CLASSES = 20;
    private static final int MAX_CLASSES = 10_000;

    private final Fields.Presence presence = new Fields.Presence();
    private long metaUsed = -1;
    private long metaCommitted = -1;
    private long classCommitted = -1;
    private long metaThreshold = -1;
    private long directUsed = -1;
    private long directCount = -1;
    private long directMax = -1;
    private long threadsPeak = -1;
    private long threadsStarted = -1;
    private long rssPeak = -1;
    private long rssLast = -1;
    private long rssLastAt = Long.MIN_VALUE;
    private long nmtTotal = -1;
    private final Map<String, long[]> nmt = new TreeMap<>(); // committed peak, last, reserved peak, last at
    private long physicalUsed = -1;
    private long swapUsed = -1;
    private long classesUnloaded = -1;
    private long classesLoadedPeak = -1;
    private long containerUsage = -1;
    private long failCount = -1;
    private boolean sawContainer;
    private long[] firstThrottling;
    private long[] lastThrottling;
    private long throttlingEvents;
    private long oldSamples;
    private long oldestAge = -1;
    private final Map<String, long[]> oldByClass = new HashMap<>();

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void accept(RecordedEvent e) {
        switch (JfrNames.canonical(e.getEventType().getName())) {
            case "jdk.MetaspaceSummary": {
                RecordedObject m = Fields.obj(e, "metaspace");
                metaUsed = Math.max(metaUsed, Fields.lng(m, "used"));
                metaCommitted = Math.max(metaCommitted, Fields.lng(m, "committed"));
                classCommitted = Math.max(classCommitted, Fields.lng(Fields.obj(e, "classSpace"), "committed"));
                long t = Fields.lng(e, "gcThreshold");
                if (t > 0) {
                    metaThreshold = t;
                }
                break;
            }
            case "jdk.DirectBufferStatistics":
                directUsed = Math.max(directUsed, Fields.lng(e, "memoryUsed"));
                directCount = Math.max(directCount, Fields.lng(e, "count"));
                directMax = Math.max(directMax, Fields.lng(e, "maxCapacity"));
                break;
            case "jdk.ClassLoadingStatistics": {
                long loaded = Fields.lng(e, "loadedClassCount");
                long unloaded = Fields.lng(e, "unloadedClassCount");
                if (loaded >= 0 && unloaded >= 0) {
                    // both count since the JVM started
                    classesUnloaded = Math.max(classesUnloaded, unloaded);
                    classesLoadedPeak = Math.max(classesLoadedPeak, loaded - unloaded);
                }
                break;
            }
            case "jdk.JavaThreadStatistics":
                threadsPeak = Math.max(threadsPeak, Fields.lng(e, "peakCount"));
                threadsStarted = Math.max(threadsStarted, Fields.lng(e, "accumulatedCount"));
                break;
            case "jdk.ResidentSetSize": {
                rssPeak = Math.max(rssPeak, Math.max(Fields.lng(e, "peak"), Fields.lng(e, "size")));
                long at = Fields.epochNanos(e.getStartTime());
                if (at >= rssLastAt) {
                    rssLastAt = at;
                    rssLast = Fields.lng(e, "size");
                }
                break;
            }
            case "jdk.NativeMemoryUsage": {
                String type = Fields.str(e, "type");
                if (type == null) {
                    return;
                }
                long committed = Fields.lng(e, "committed");
                long at = Fields.epochNanos(e.getStartTime());
                long[] a = nmt.computeIfAbsent(type, k -> new long[] {-1, -1, -1, Long.MIN_VALUE});
                a[0] = Math.max(a[0], committed);
                a[2] = Math.max(a[2], Fields.lng(e, "reserved"));
                if (at >= a[3]) {
                    a[3] = at;
                    a[1] = committed;
                }
                break;
            }
            case "jdk.NativeMemoryUsageTotal":
                nmtTotal = Math.max(nmtTotal, Fields.lng(e, "committed"));
                break;
            case "jdk.PhysicalMemory":
                physicalUsed = Math.max(physicalUsed, Fields.lng(e, "usedSize"));
                break;
            case "jdk.SwapSpace": {
                long total = Fields.lng(e, "totalSize");
                long free = Fields.lng(e, "freeSize");
                if (total >= 0 && free >= 0) {
                    swapUsed = Math.max(swapUsed, Math.max(0, total - free));
                }
                break;
            }
            case "jdk.ContainerMemoryUsage":
                sawContainer = true;
                containerUsage = Math.max(containerUsage, Fields.lng(e, "memoryUsage"));
                failCount = Math.max(failCount, Fields.lng(e, "memoryFailCount"));
                break;
            case "jdk.ContainerCPUThrottling":
                // the counters are the cgroup's cpu.stat (nr_periods, nr_throttled, throttled_time), which
                // count from the container's start: what happened during the recording is last minus first
                sawContainer = true;
                long[] now = {Fields.lng(e, "cpuElapsedSlices"), Fields.lng(e, "cpuThrottledSlices"),
                    Fields.nanos(e, "cpuThrottledTime")};
                if (firstThrottling == null) {
                    firstThrottling = now;
                }
                lastThrottling = now;
                throttlingEvents++;
                break;
            case "jdk.OldObjectSample": {
                oldSamples++;
                oldestAge = Math.max(oldestAge, Fields.nanos(e, "objectAge"));
                RecordedObject object = Fields.obj(e, "object");
                String cls = "unknown";
                if (object != null && object.hasField("type")) {
                    try {
                        RecordedClass c = object.getValue("type");
                        if (c != null) {
                            cls = MethodNames.className(c.getName());
                        }
                    } catch (RuntimeException ex) {
                        // keep "unknown"
                    }
                }
                long size = presence.has(e, "objectSize") ? Math.max(0, Fields.lng(e, "objectSize")) : 0;
                long[] a = oldByClass.get(cls);
                if (a == null && oldByClass.size() < MAX_CLASSES) {
                    a = new long[2];
                    oldByClass.put(cls, a);
                }
                if (a != null) {
                    a[0]++;
                    a[1] += size;
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * A cumulative throttling counter over the recording: last minus first with two events or more,
     * else since the container started; -1 when unknown or when the counter went backwards (a new cgroup).
     */
    private long throttling(int i) {
        if (lastThrottling == null || lastThrottling[i] < 0) {
            return -1;
        }
        if (throttlingEvents < 2) {
            return lastThrottling[i];
        }
        long d = lastThrottling[i] - firstThrottling[i];
        return firstThrottling[i] < 0 || d < 0 ? -1 : d;
    }


    private static Long val(long v) {
        return v >= 0 ? v : null;
    }

    /** What was seen. */
    public Resources result() {
        Map<String, Resources.NmtCategory> cats = new TreeMap<>();
        nmt.forEach((k, a) -> cats.put(k, new Resources.NmtCategory(a[0], a[1], a[2])));
        Resources.NativeMemory memory = new Resources.NativeMemory(val(metaUsed), val(metaCommitted),
                val(classCommitted), val(metaThreshold), val(directUsed), val(directCount), val(directMax),
                val(threadsPeak), val(threadsStarted), val(rssPeak), val(rssLast), val(nmtTotal), cats,
                val(physicalUsed), val(swapUsed), val(classesUnloaded), val(classesLoadedPeak));
        Resources.ContainerUsage container = sawContainer ? new Resources.ContainerUsage(val(containerUsage),
                val(failCount), val(throttling(0)), val(throttling(1)), val(throttling(2))) : null;
        Resources.OldObjects old = null;
        if (oldSamples > 0) {
            List<Resources.ClassCount> top = new ArrayList<>();
            oldByClass.forEach((k, a) -> top.add(new Resources.ClassCount(k, a[0], a[1])));
            top.sort(Comparator.comparingLong(Resources.ClassCount::samples).reversed()
                    .thenComparing(Resources.ClassCount::className));
            old = new Resources.OldObjects(oldSamples, top.subList(0, Math.min(TOP_CLASSES, top.size())),
                    Math.max(0, oldestAge));
        }
        return new Resources(memory, container, old);
    }
}
