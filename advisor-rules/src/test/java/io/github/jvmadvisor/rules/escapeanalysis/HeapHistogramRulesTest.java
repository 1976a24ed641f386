package io.github.jvmadvisor.rules.escapeanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.rules.testing.Advice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALLOC-04 and ALLOC-05 on the class histogram (AllocationProfile.Histogram) of JDK 17 recordings with
 * jdk.ObjectCount enabled: a heap of duplicate strings, of long[] arrays, and of small boxes.
 */
class HeapHistogramRulesTest {

    @TempDir
    static Path dir;

    static Evidence strings;
    static Evidence arrays;
    static Evidence boxes;
    static Evidence plain;

    private static Evidence run(String shape, String extra) throws Exception {
        Path jfr = dir.resolve(shape + ".jfr");
        ChildJvm.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx64m",
                "-XX:StartFlightRecording:filename=" + jfr + ",settings=default" + extra), HeapShapeWorkload.class,
                List.of(shape, "24", "1.5"), 60).requireSuccess();
        return Advice.of(List.of(jfr), null, null, null, 17);
    }

    @BeforeAll
    static void record() throws Exception {
        strings = run("strings", ",+jdk.ObjectCount#enabled=true");
        arrays = run("arrays", ",+jdk.ObjectCount#enabled=true");
        boxes = run("boxes", ",+jdk.ObjectCount#enabled=true");
        plain = run("plain", "");
    }

    private static AllocationProfile.Histogram histogram(Evidence e) {
        return e.allocation().orElseThrow().histogram();
    }

    @Test
    void histogramIsReadWithTheHeapAfterItsCollection() {
        AllocationProfile.Histogram h = histogram(strings);
        assertNotNull(h);
        assertEquals("jdk.ObjectCount", h.eventType());
        assertTrue(h.histograms() >= 2, h::toString); // at the start and at the end of the recording
        assertNotNull(h.heapUsedAfterBytes(), "jdk.GCHeapSummary of the heap-inspection collection");
        // on 17 the inspection's histogram may count more than the heap held after that collection: the live
        // heap is then the listed bytes
        assertEquals(Math.max(h.heapUsedAfterBytes(), h.listedBytes()), h.liveBytes());
        long sum = h.classes().stream().mapToLong(AllocationProfile.ClassCount::bytes).sum();
        assertEquals(h.listedBytes(), sum);
        // ~24 MiB kept in 64-byte steps of String + byte[] (the byte[] of each copy is shared with its literal)
        assertTrue(h.bytesOf("java.lang.String") > 5L << 20, h::toString);
        assertNull(histogram(plain), "ObjectCount is off in the shipped settings");
    }

    @Test
    void alloc04FiresOnAHeapOfStrings() {
        AllocationProfile.Histogram h = histogram(strings);
        double share = (h.bytesOf("java.lang.String") + h.bytesOf("byte[]")) / (double) h.liveBytes();
        Finding f = Advice.only(Advice.run(new DuplicateStrings(), strings, 17));
        assertEquals(share, f.figures().get(0).value(), 1e-9);
        assertTrue(share > 0.2, f::toString);
        assertEquals(h.liveBytes(), f.figures().get(3).value());
        assertTrue(f.recommendations().get(0).changes().toString().contains("UseStringDeduplication"), f::toString);
        // JDK 17 with Parallel: no flag, an action
        Evidence parallel = Advice.of(List.of(dir.resolve("strings.jfr")), "-XX:+UseParallelGC", null, null, 17);
        Finding p = Advice.only(Advice.run(new DuplicateStrings(), parallel, 17));
        assertTrue(p.recommendations().get(0).changes().isEmpty(), p::toString);
        // JDK 21 deduplicates with every collector
        Finding p21 = Advice.only(Advice.run(new DuplicateStrings(), parallel, 21));
        assertTrue(p21.recommendations().get(0).changes().toString().contains("UseStringDeduplication"), p21::toString);
    }

    @Test
    void alloc04QuietOnArraysAndNotApplicableWithoutARecording() {
        assertTrue(Advice.findings(Advice.run(new DuplicateStrings(), arrays, 17)).isEmpty());
        // a recording without the histogram event says so, with what to record
        assertEquals(List.of(EvidenceKind.OBJECT_HISTOGRAM),
                Advice.notApplicable(Advice.run(new DuplicateStrings(), plain, 17)).missing());
        assertEquals(List.of(EvidenceKind.OBJECT_HISTOGRAM), Advice.notApplicable(Advice.run(new DuplicateStrings(),
                Advice.ofCommandLine("-Xmx1g", null, null, 17), 17)).missing());
    }

    @Test
    void alloc05FiresOnSmallObjectsForJdk25Only() {
        AllocationProfile.Histogram h = histogram(boxes);
        assertTrue(h.meanInstanceBytes() < 32, h::toString);
        Finding f = Advice.only(Advice.run(new CompactObjectHeaders(), boxes, 25));
        assertEquals(h.meanInstanceBytes(), f.figures().get(0).value(), 0.1);
        assertEquals(h.listedInstances(), f.figures().get(1).value());
        assertEquals(4.0 * h.listedInstances() / h.listedBytes(), f.figures().get(4).value(), 1e-9);
        assertTrue(f.recommendations().get(0).changes().toString().contains("UseCompactObjectHeaders"), f::toString);
        assertTrue(Advice.findings(Advice.run(new CompactObjectHeaders(), boxes, 21)).isEmpty());
    }

    @Test
    void alloc05QuietOnLargeObjectsAndNotApplicableWithoutARecording() {
        assertTrue(histogram(arrays).meanInstanceBytes() > 32);
        assertTrue(Advice.findings(Advice.run(new CompactObjectHeaders(), arrays, 25)).isEmpty());
        assertEquals(List.of(EvidenceKind.OBJECT_HISTOGRAM), Advice.notApplicable(Advice.run(new CompactObjectHeaders(),
                Advice.ofCommandLine("-Xmx1g", null, null, 25), 25)).missing());
    }
}
