package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.samples.scenarios.workloads.ClassChurnWork;
import io.github.jvmadvisor.samples.scenarios.workloads.ExplicitGcWork;
import io.github.jvmadvisor.samples.scenarios.workloads.HumongousWork;
import io.github.jvmadvisor.samples.scenarios.workloads.InliningWork;
import io.github.jvmadvisor.samples.scenarios.workloads.LiveSetWork;
import io.github.jvmadvisor.samples.scenarios.workloads.MediumLivedWork;
import io.github.jvmadvisor.samples.scenarios.workloads.RequestLoop;
import io.github.jvmadvisor.samples.scenarios.workloads.StartupApp;
import java.util.List;
import java.util.Optional;

/** The suite: thirteen misconfigured workloads and a control. */
public final class Scenarios {

    /** The three scenarios of the short mode that {@code .ci/run} runs: each is judged on a count. */
    public static final List<String> SHORT = List.of("explicit-gc", "humongous", "metaspace");

    private static final long MIB = 1024L * 1024;

    static final TargetMetric OPS = TargetMetric.printed("ops_per_s", "work done", "ops/s", true);
    static final TargetMetric GC_CPU = TargetMetric.fromGcLog("GC CPU share", "%",
            m -> m.gcCpuFraction() == null ? null : 100 * m.gcCpuFraction());
    static final TargetMetric FULL_GCS = TargetMetric.fromGcLog("full GCs", "",
            m -> m.fullGcs() == null ? 0.0 : (double) m.fullGcs().count());
    static final TargetMetric PAUSE_P99 = TargetMetric.fromGcLog("GC pause p99", "ms",
            m -> m.pauses() == null ? null : m.pauses().p99Millis());
    static final TargetMetric PAUSE_MAX = TargetMetric.fromGcLog("GC pause max", "ms",
            m -> m.pauses() == null ? null : m.pauses().maxMillis());

    private Scenarios() {
    }

    /** All scenarios, in suite order. */
    public static List<Scenario> all() {
        return List.of(
                new Scenario("heap-too-small", 1, "G1 heap too small for the live set", Goal.THROUGHPUT,
                        LiveSetWork.class, List.of("8", "110", "2"), List.of("-XX:+UseG1GC", "-Xmx160m"), OPS,
                        List.of(GC_CPU), Collector.G1, null, false, null, false,
                        "A 110 MB live set in a 160 MB heap: G1 collects all the time. The heap should be "
                                + "sized against the live set."),
                new Scenario("serial-in-container", 2, "Ergonomic Serial in a 1 GB, 2-CPU container",
                        Goal.THROUGHPUT, LiveSetWork.class, List.of("8", "170", "2"), List.of(), OPS,
                        List.of(PAUSE_P99, PAUSE_MAX, GC_CPU), null, 1024 * MIB, false, null, false,
                        "Under 1792 MB HotSpot is not 'server class' and picks Serial with a 256 MB heap, "
                                + "for a job with two threads and a 170 MB live set."),
                new Scenario("explicit-gc", 3, "System.gc() calls make full GCs", Goal.BALANCED,
                        ExplicitGcWork.class, List.of("6", "48", "1", "100"), List.of("-XX:+UseG1GC", "-Xmx256m"),
                        FULL_GCS, List.of(OPS, PAUSE_MAX), Collector.G1, null, false, null, false,
                        "A housekeeping thread calls System.gc() ten times a second; each is a stop-the-world "
                                + "full collection."),
                new Scenario("humongous", 4, "Humongous buffers with 1 MB G1 regions", Goal.BALANCED,
                        HumongousWork.class, List.of("6", "48"),
                        List.of("-XX:+UseG1GC", "-Xmx512m", "-XX:G1HeapRegionSize=1m"),
                        TargetMetric.collectionsByCause("humongous-allocation GCs", "G1 Humongous Allocation"),
                        List.of(TargetMetric.fromGcLog("evacuation failures", "",
                                m -> (double) m.evacuationFailures()),
                                TargetMetric.printed("buffers_per_s", "buffers", "/s", true)),
                        Collector.G1, null, false, null, false,
                        "600 KB to 1 MB buffers are humongous in 1 MB regions: each is allocated straight "
                                + "into the old generation and starts collections."),
                new Scenario("metaspace", 5, "Generated classes grow metaspace", Goal.BALANCED,
                        ClassChurnWork.class, List.of("5000", "5000"), List.of("-XX:+UseG1GC", "-Xmx256m"),
                        TargetMetric.collectionsByCause("Metadata GC Threshold GCs", "Metadata GC Threshold"),
                        List.of(TargetMetric.printed("classes_per_s", "classes", "/s", true)), Collector.G1,
                        null, false, null, false,
                        "A generator defines thousands of classes; each time metaspace reaches its "
                                + "threshold the JVM collects to unload the old ones."),
                new Scenario("parallel-latency", 6, "Request loop on Parallel with a large live set",
                        Goal.LATENCY, RequestLoop.class, List.of("12", "700", "2000", "64", "{hlog}"),
                        List.of("-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"),
                        TargetMetric.printed("p99_ms", "request p99", "ms", false),
                        List.of(TargetMetric.printed("max_ms", "request max", "ms", false), PAUSE_MAX),
                        Collector.PARALLEL, null, false, null, false,
                        "A 700 MB cache under steady writes: Parallel's old generation fills and every "
                                + "full collection stops the requests for hundreds of milliseconds."),
                new Scenario("zgc-stalls", 7, "ZGC heap too small for the allocation rate", Goal.LATENCY,
                        LiveSetWork.class, List.of("8", "64", "2", "2"), List.of("-XX:+UseZGC", "-Xmx160m"),
                        TargetMetric.fromGcLog("allocation stalls", "",
                                m -> m.allocationStalls() == null ? 0.0 : (double) m.allocationStalls().count()),
                        List.of(TargetMetric.fromGcLog("stall time", "ms",
                                m -> m.allocationStalls() == null ? 0.0 : m.allocationStalls().totalMillis()), OPS),
                        Collector.ZGC, null, false, null, false,
                        "ZGC collects concurrently but needs headroom: with 160 MB and a high allocation "
                                + "rate, threads stall waiting for memory."),
                new Scenario("shenandoah-degenerated", 8, "Shenandoah degenerated cycles", Goal.LATENCY,
                        LiveSetWork.class, List.of("8", "64", "2", "2"),
                        List.of("-XX:+UseShenandoahGC", "-Xmx160m"),
                        TargetMetric.fromGcLog("degenerated cycles", "", m -> (double) m.degeneratedCycles()),
                        List.of(PAUSE_MAX, OPS), Collector.SHENANDOAH, null, false, null, false,
                        "Shenandoah runs out of memory during its concurrent cycle and finishes it in a "
                                + "stop-the-world degenerated pause."),
                new Scenario("inlining", 9, "Hot callee just over the inlining limit", Goal.THROUGHPUT,
                        InliningWork.class, List.of("6"), List.of("-XX:+UseParallelGC", "-Xmx256m"), OPS,
                        List.of(TargetMetric.fromGcLog("allocation rate", "MB/s",
                                m -> m.allocationRateBytesPerSec() == null ? null
                                        : m.allocationRateBytesPerSec() / MIB)),
                        null, null, false, "+jdk.CompilerInlining#enabled=true", false,
                        "A hot method passes a new object to a callee of about 340 bytes of byte code, over "
                                + "C2's 325-byte limit: no inlining, so no escape analysis and an allocation per "
                                + "call."),
                new Scenario("startup", 10, "Start-up-bound service (thousands of classes)", Goal.LATENCY,
                        StartupApp.class, List.of("5", "{hlog}"), List.of("-XX:+UseSerialGC", "-Xmx256m"),
                        TargetMetric.printed("first_result_ms", "time to first result", "ms", false),
                        List.of(), null, null, false, null, false,
                        "Loading and linking a few thousand classes dominates the first answer; a CDS "
                                + "archive (17) or an AOT cache with profiles (25) should cut it."),
                new Scenario("container-heap", 11, "Default 25 % heap in a 2 GB container", Goal.THROUGHPUT,
                        LiveSetWork.class, List.of("8", "330", "2"), List.of("-XX:+UseG1GC"), OPS,
                        List.of(GC_CPU), Collector.G1, 2048 * MIB, true, null, false,
                        "The JVM takes a quarter of the container's 2 GB for its heap; a 330 MB live set in "
                                + "512 MB keeps G1 busy while 1.5 GB stays unused."),
                new Scenario("premature-promotion", 12, "Medium-lived objects promoted, then collected old",
                        Goal.THROUGHPUT, MediumLivedWork.class, List.of("8", "60000"),
                        List.of("-XX:+UseParallelGC", "-Xmx1g", "-Xmn48m"), OPS,
                        List.of(FULL_GCS, TargetMetric.fromGcLog("promotion rate", "MB/s",
                                m -> m.promotionRateBytesPerSec() == null ? null
                                        : m.promotionRateBytesPerSec() / MIB)),
                        Collector.PARALLEL, null, false, null, false,
                        "Sessions live about a second, longer than a 48 MB young generation holds them: "
                                + "they are promoted and die in the old generation, which needs full GCs."),
                new Scenario("control", 13, "Well-tuned control", Goal.BALANCED, LiveSetWork.class,
                        List.of("15", "24", "2"),
                        List.of("-XX:+UseG1GC", "-Xms512m", "-Xmx512m", "-XX:+HeapDumpOnOutOfMemoryError",
                                "-XX:+ExitOnOutOfMemoryError", "-XX:MaxDirectMemorySize=64m"),
                        OPS, List.of(GC_CPU), Collector.G1, null, false, null, true,
                        "A 15 s run with a 24 MB live set in a fixed 512 MB G1 heap, with logging and a recording: the "
                                + "advisor must not ask for anything at warning level."));
    }

    /** The scenario with this id. */
    public static Optional<Scenario> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
