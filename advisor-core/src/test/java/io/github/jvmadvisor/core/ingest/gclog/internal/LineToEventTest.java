package io.github.jvmadvisor.core.ingest.gclog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ConcurrentCycle;
import io.github.jvmadvisor.core.model.GcCpuTimes;
import io.github.jvmadvisor.core.model.GcEvent;
import io.github.jvmadvisor.core.model.Generation;
import io.github.jvmadvisor.core.model.MetaspaceChange;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.Safepoint;
import io.github.jvmadvisor.core.model.Space;
import io.github.jvmadvisor.core.model.Stall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Line fragments to events: small real excerpts (verbatim JDK 17.0.15 and 25.0.3 output) for each
 * collector and each special case. Whole logs are covered by the corpus and child-JVM tests.
 */
class LineToEventTest {

    private final List<GcEvent> events = new ArrayList<>();
    private final Issues issues = new Issues();

    private UnifiedLogParser read(String... lines) {
        UnifiedLogParser p = new UnifiedLogParser(events::add, issues);
        p.startFile("test.log");
        long n = 0;
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            p.line(b, 0, b.length, ++n);
        }
        p.endOfInput();
        assertEquals(0, p.unknownLines(), () -> issues.list("test.log").toString());
        return p;
    }

    private <T extends GcEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void g1YoungPauseWithRegionsCpuAndMetaspace() {
        UnifiedLogParser p = read(
                "[0.004s][info][gc] Using G1",
                "[0.008s][info][gc,init] Heap Region Size: 1M",
                "[0.052s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)",
                "[0.052s][info][gc,task     ] GC(0) Using 2 workers of 2 for evacuation",
                "[0.055s][info][gc,phases   ] GC(0)   Pre Evacuate Collection Set: 0.1ms",
                "[0.055s][info][gc,heap     ] GC(0) Eden regions: 18->0(17)",
                "[0.055s][info][gc,heap     ] GC(0) Survivor regions: 0->2(3)",
                "[0.055s][info][gc,heap     ] GC(0) Old regions: 0->1",
                "[0.055s][info][gc,heap     ] GC(0) Humongous regions: 3->0",
                "[0.055s][info][gc,metaspace] GC(0) Metaspace: 260K(448K)->260K(448K) NonClass: 243K(320K)->243K(320K) "
                        + "Class: 16K(128K)->16K(128K)",
                "[0.055s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 18M->2M(380M) 3.016ms",
                "[0.055s][info][gc,cpu      ] GC(0) User=0.01s Sys=0.00s Real=0.00s");
        Pause pause = all(Pause.class).get(0);
        assertEquals(PauseKind.YOUNG, pause.kind());
        assertEquals("Normal", pause.phase());
        assertEquals("G1 Evacuation Pause", pause.cause());
        assertEquals(3_016_000L, pause.durationNanos());
        assertEquals(18L << 20, pause.heap().beforeBytes());
        assertEquals(380L << 20, pause.heap().capacityBytes());
        assertEquals(18L << 20, pause.space(Space.EDEN).beforeBytes());
        assertEquals(3, pause.space(Space.HUMONGOUS).regionsBefore());
        assertEquals(1L << 20, pause.promotedBytes(), "one old region gained");
        assertEquals(55_000_000L, pause.at().uptimeNanos());
        assertEquals(10_000_000L, all(GcCpuTimes.class).get(0).userNanos());
        assertEquals(260L << 10, all(MetaspaceChange.class).get(0).usedAfterBytes());
        assertEquals(Collector.G1, p.setup().collector());
    }

    @Test
    void g1ConcurrentCycleGivesItsCauseToRemarkAndCleanup() {
        read("[1.133s][info][gc,start    ] GC(25) Pause Young (Concurrent Start) (G1 Humongous Allocation)",
                "[1.141s][info][gc          ] GC(25) Pause Young (Concurrent Start) (G1 Humongous Allocation) "
                        + "574M->411M(864M) 7.601ms",
                "[1.141s][info][gc          ] GC(26) Concurrent Mark Cycle",
                "[1.149s][info][gc,marking  ] GC(26) Concurrent Scan Root Regions 7.383ms",
                "[1.198s][info][gc,start    ] GC(27) Pause Young (Normal) (G1 Evacuation Pause)",
                "[1.205s][info][gc          ] GC(27) Pause Young (Normal) (G1 Evacuation Pause) 753M->430M(864M) 7.547ms",
                "[1.209s][info][gc          ] GC(26) Pause Remark 450M->450M(864M) 0.871ms",
                "[1.266s][info][gc          ] GC(26) Pause Cleanup 483M->483M(912M) 0.208ms",
                "[1.277s][info][gc          ] GC(26) Concurrent Mark Cycle 135.665ms");
        List<Pause> pauses = all(Pause.class);
        assertEquals(List.of(PauseKind.YOUNG, PauseKind.YOUNG, PauseKind.REMARK, PauseKind.CLEANUP),
                pauses.stream().map(Pause::kind).toList());
        assertEquals("G1 Humongous Allocation", pauses.get(2).cause());
        assertEquals("G1 Humongous Allocation", pauses.get(3).cause());
        ConcurrentCycle cycle = all(ConcurrentCycle.class).get(0);
        assertEquals(135_665_000L, cycle.durationNanos());
        assertEquals(26, cycle.gcId());
    }

    @Test
    void g1EvacuationFailureOn17And25() {
        read("[0.415s][info][gc,start       ] GC(288) Pause Young (Concurrent Start) (G1 Humongous Allocation)",
                "[0.415s][info][gc             ] GC(288) To-space exhausted",
                "[0.415s][info][gc             ] GC(288) Pause Young (Concurrent Start) (G1 Humongous Allocation) "
                        + "93M->90M(96M) 0.309ms",
                "[2.489s][info][gc          ] GC(23) Pause Young (Normal) (G1 Evacuation Pause) "
                        + "(Evacuation Failure: Allocation) 1022M->1022M(1024M) 27.249ms");
        List<Pause> pauses = all(Pause.class);
        assertTrue(pauses.get(0).evacuationFailure());
        assertTrue(pauses.get(1).evacuationFailure());
        assertEquals("G1 Evacuation Pause", pauses.get(1).cause());
    }

    @Test
    void zgcNonGenerationalCycleWithPausesAndLive() {
        UnifiedLogParser p = read("[0.873s][info][gc,start    ] GC(3) Garbage Collection (Allocation Rate)",
                "[0.874s][info][gc,phases   ] GC(3) Pause Mark Start 0.008ms",
                "[0.996s][info][gc,phases   ] GC(3) Concurrent Mark 122.308ms",
                "[0.996s][info][gc,phases   ] GC(3) Pause Mark End 0.018ms",
                "[0.999s][info][gc,phases   ] GC(3) Pause Relocate Start 0.007ms",
                "[1.023s][info][gc,heap     ] GC(3)                Mark Start          Mark End        Relocate Start"
                        + "      Relocate End           High               Low         ",
                "[1.023s][info][gc,heap     ] GC(3)  Capacity:      866M (85%)        1000M (98%)        1002M (98%)"
                        + "        1002M (98%)        1002M (98%)         866M (85%)    ",
                "[1.023s][info][gc,heap     ] GC(3)      Live:         -               123M (12%)         123M (12%)"
                        + "         123M (12%)            -                  -          ",
                "[1.023s][info][gc,heap     ] GC(3) Allocated:         -               342M (33%)         344M (34%)"
                        + "         433M (42%)            -                  -          ",
                "[1.023s][info][gc          ] GC(3) Garbage Collection (Allocation Rate) 658M(64%)->596M(58%)");
        List<Pause> pauses = all(Pause.class);
        assertEquals(List.of(PauseKind.MARK_START, PauseKind.MARK_END, PauseKind.RELOCATE_START),
                pauses.stream().map(Pause::kind).toList());
        assertTrue(pauses.stream().allMatch(x -> "Allocation Rate".equals(x.cause())));
        ConcurrentCycle cyc = all(ConcurrentCycle.class).get(0);
        assertEquals(123L << 20, cyc.liveBytes());
        assertEquals(1002L << 20, cyc.heap().capacityBytes());
        assertEquals(150_000_000L, cyc.durationNanos(), "from the start line to the summary");
        assertEquals(Boolean.FALSE, p.setup().generational());
    }

    @Test
    void zgcGenerationalMajorWithYoungAndOldPausesAndStalls() {
        UnifiedLogParser p = read("[0.130s][info][gc          ] GC(0) Major Collection (Warmup)",
                "[0.130s][info][gc,phases   ] GC(0) Y: Young Generation",
                "[0.130s][info][gc,phases   ] GC(0) Y: Pause Mark Start (Major) 0.013ms",
                "[0.140s][info][gc,phases   ] GC(0) Y: Concurrent Mark 9.980ms",
                "[0.149s][info][gc,heap     ] GC(0) Y: Young Generation Statistics:",
                "[0.149s][info][gc,heap     ] GC(0) Y:      Live:         -                 5M (1%)            5M (1%)"
                        + "            5M (1%)     ",
                "[0.149s][info][gc,phases   ] GC(0) Y: Young Generation 108M(11%)->130M(13%) 0.019s",
                "[0.150s][info][gc,phases   ] GC(0) O: Old Generation",
                "[0.151s][info][gc,heap     ] GC(0) O: Old Generation Statistics:",
                "[0.151s][info][gc,heap     ] GC(0) O:      Live:         -               100M (10%)        100M (10%)"
                        + "        100M (10%)     ",
                "[0.151s][info][gc,phases   ] GC(0) O: Pause Relocate Start 0.007ms",
                "[0.151s][info][gc,phases   ] GC(0) O: Old Generation 130M(13%)->144M(14%) 0.003s",
                "[0.152s][info ][gc          ] Allocation Stall (churn-0) 6.555ms",
                "[0.153s][info][gc          ] GC(0) Major Collection (Warmup) 108M(11%)->144M(14%) 0.022s");
        List<Pause> pauses = all(Pause.class);
        assertEquals(Generation.YOUNG, pauses.get(0).generation());
        assertEquals("Major", pauses.get(0).phase());
        assertEquals(Generation.OLD, pauses.get(1).generation());
        ConcurrentCycle cyc = all(ConcurrentCycle.class).get(0);
        assertEquals("Major Collection", cyc.name());
        assertEquals(22_000_000L, cyc.durationNanos());
        assertEquals(105L << 20, cyc.liveBytes(), "old live plus young live");
        Stall st = all(Stall.class).get(0);
        assertEquals("churn-0", st.thread());
        assertEquals(Stall.Kind.ALLOCATION, st.kind());
        assertEquals(Boolean.TRUE, p.setup().generational());
    }

    @Test
    void generationalShenandoahCancelledBootstrapIsKnown() {
        // JDK 25, -XX:ShenandoahGCMode=generational: a young cycle that was to start old marking was cancelled
        read("[2026-12-07T10:31:02.114+0000][2.913s][info][gc          ] GC(96) Bootstrap cycle for old generation "
                + "was cancelled");
    }

    @Test
    void shenandoahCycleDegeneratedPauseAndTriggerCause() {
        read("[1.305s][info][gc          ] Trigger: Average GC time (254.64 ms) is above the time for average "
                        + "allocation rate (3403 MB/s) to deplete free headroom (377M) (margin of error = 1.80)",
                "[1.311s][info][gc          ] GC(5) Concurrent reset 6.151ms",
                "[1.311s][info][gc,ergo     ] GC(5) Pacer for Mark. Expected Live: 85055K, Free: 405M, "
                        + "Non-Taxable: 41523K, Alloc Tax Rate: 0.3x",
                "[1.311s][info][gc          ] GC(5) Pause Init Mark (unload classes) 0.034ms",
                "[1.345s][info][gc          ] GC(5) Concurrent marking (unload classes) 29.738ms",
                "[1.345s][info][gc          ] GC(5) Pause Final Mark (unload classes) 0.150ms",
                "[1.345s][info][gc          ] GC(5) Concurrent cleanup 650M->631M(934M) 0.041ms",
                "[1.422s][info][gc          ] GC(5) Pause Final Update Refs 0.099ms",
                "[1.423s][info][gc          ] GC(5) Concurrent cleanup 872M->477M(960M) 0.093ms",
                "[1.584s][info ][gc          ] Cancelling GC: Allocation Failure",
                "[1.598s][info ][gc          ] Trigger: Handle Allocation Failure",
                "[1.598s][info ][gc,start    ] GC(6) Pause Degenerated GC (Mark)",
                "[1.821s][info ][gc          ] GC(6) Pause Degenerated GC (Mark) 967M->449M(1009M) 222.301ms");
        List<Pause> pauses = all(Pause.class);
        assertEquals("Average GC time", pauses.get(0).cause());
        Pause degenerated = pauses.get(pauses.size() - 1);
        assertEquals(PauseKind.DEGENERATED, degenerated.kind());
        assertEquals("Mark", degenerated.phase());
        assertEquals("Allocation Failure", degenerated.cause());
        ConcurrentCycle cyc = all(ConcurrentCycle.class).get(0);
        assertEquals(5, cyc.gcId());
        assertEquals(85055L << 10, cyc.liveBytes(), "the pacer's expected live");
        assertEquals(650L << 20, cyc.heap().beforeBytes());
        assertEquals(477L << 20, cyc.heap().afterBytes());
    }

    @Test
    void serial17AbandonedYoungIsFoldedIntoTheFullGc() {
        read("[0.004s][info][gc] Using Serial",
                "[1.285s][info][gc             ] GC(22) Pause Young (Allocation Failure) 215M->215M(247M) 0.024ms",
                "[1.297s][info][gc             ] GC(23) Pause Full (Allocation Failure) 215M->76M(247M) 11.607ms",
                "[1.304s][info][gc             ] GC(24) Pause Young (Allocation Failure) 142M->113M(247M) 3.890ms");
        List<Pause> pauses = all(Pause.class);
        assertEquals(2, pauses.size(), "one stop-the-world pause for the attempt and the full GC");
        assertEquals(11_631_000L, pauses.get(0).durationNanos());
        assertEquals(PauseKind.FULL, pauses.get(0).kind());
    }

    @Test
    void safepointLinesOf17And25AndOlder() {
        read("[0.061s][info ][safepoint   ] Safepoint \"G1CollectForAllocation\", Time since last: 40389879 ns, "
                        + "Reaching safepoint: 2979 ns, Cleanup: 18376 ns, At safepoint: 2754457 ns, Total: 2775812 ns",
                "[0.083s][info ][safepoint   ] Safepoint \"G1CollectForAllocation\", Time since last: 47909260 ns, "
                        + "Reaching safepoint: 108046 ns, At safepoint: 6854597 ns, Leaving safepoint: 16680 ns, "
                        + "Total: 6979323 ns, Threads: 1 runnable, 12 total",
                "[1,475s][info][safepoint         ] Entering safepoint region: G1CollectFull",
                "[1,481s][info][safepoint         ] Total time for which application threads were stopped: "
                        + "0,0067930 seconds, Stopping threads took: 0,0000270 seconds");
        List<Safepoint> sps = all(Safepoint.class);
        assertEquals(3, sps.size());
        assertEquals(2979, sps.get(0).timeToSafepointNanos());
        assertEquals(6979323, sps.get(1).totalNanos());
        assertEquals("G1CollectFull", sps.get(2).operation());
        assertEquals(6_793_000, sps.get(2).totalNanos());
        assertEquals(27_000, sps.get(2).timeToSafepointNanos());
    }

    @Test
    void gluedRecordsAreSplit() {
        read("[0.227s][info][gc          ] GC(1) Garbage Collection (Metadata GC Threshold) 10M(4%)->6M(2%)"
                + "[0.230s][info][gc,start    ] GC(2) Garbage Collection (Allocation Rate)",
                "[0.300s][info][gc          ] GC(2) Garbage Collection (Allocation Rate) 12M(5%)->8M(3%)");
        List<ConcurrentCycle> cycles = all(ConcurrentCycle.class);
        assertEquals(2, cycles.size());
        assertEquals("Allocation Rate", cycles.get(1).cause());
    }

    @Test
    void aPauseOfAKindNotSeenBeforeIsStillAPause() {
        read("[0.1s][info][gc] GC(1) Pause Sideways (Something New) 1M->0M(2M) 1.500ms");
        Pause p = all(Pause.class).get(0);
        assertEquals(PauseKind.OTHER, p.kind());
        assertEquals(1_500_000L, p.durationNanos());
    }

    @Test
    void unknownCoreLinesAreReportedWithFileAndLine() {
        UnifiedLogParser p = new UnifiedLogParser(events::add, issues);
        p.startFile("x.log");
        byte[] b = "[0.1s][info][gc] GC(1) Something no JVM wrote".getBytes(StandardCharsets.UTF_8);
        p.line(b, 0, b.length, 7);
        p.endOfInput();
        assertEquals(1, p.unknownLines());
        var issue = issues.list("x.log").get(0);
        assertEquals("x.log", issue.source());
        assertEquals(7, issue.line());
        assertEquals("unknown-line", issue.code());
        assertTrue(issue.message().contains("Something no JVM wrote"));
    }
}
