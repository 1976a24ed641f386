package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.testing.JfrReplay;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sinks over the public JMC test recordings in {@code ../shared/corpus/jfr} (JDK 9 to 21, some
 * with events renamed {@code com.oracle.jdk.*}). Files {@code RecordingFile} cannot read (gzip-wrapped
 * JDK 7/8 files, JRockit) are skipped here; the reader reports them. Expected counts come from
 * {@code jfr summary} and {@code jfr print} on the same files.
 */
class CorpusProfilesTest {

    record Profiles(AllocationProfile alloc, JitProfile jit, CpuProfile cpu) {
    }

    static Profiles read(Path jfr) throws IOException {
        AllocationSink a = new AllocationSink();
        JitSink j = new JitSink();
        CpuSink c = new CpuSink();
        JfrReplay.replay(jfr, a, j, c);
        return new Profiles(a.result(), j.result(), c.result());
    }

    private static Profiles read(String name) throws IOException {
        return read(SharedCorpus.require().resolve("jfr").resolve(name));
    }

    @Test
    void everyReadableRecordingGivesConsistentProfiles() throws IOException {
        Path dir = SharedCorpus.require().resolve("jfr");
        List<String> read = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        for (Path f : files) {
            try {
                JfrReplay.replay(f);
            } catch (IOException | RuntimeException e) {
                // RecordingFile cannot read it without any sink: the reader deals with these files
                skipped.add(f.getFileName() + " (" + e + ")");
                continue;
            }
            Profiles p = read(f);
            read.add(f.getFileName().toString());
            consistent(f.getFileName().toString(), p);
        }
        System.out.println("profiles read from " + read.size() + " recordings; skipped " + skipped);
        assertTrue(read.size() >= 15, "readable recordings: " + read);
    }

    private static void consistent(String name, Profiles p) throws IOException {
        AllocationProfile a = p.alloc();
        long kept = a.sites().stream().mapToLong(AllocationProfile.Site::weightBytes).sum();
        assertEquals(a.sampledWeightBytes(), kept + a.otherSitesWeightBytes(), name + ": sites add up");
        assertEquals(a.sampledWeightBytes(), a.classes().stream().mapToLong(AllocationProfile.Share::weightBytes).sum(),
                name + ": classes add up");
        assertEquals(a.samples(), a.sites().stream().mapToLong(AllocationProfile.Site::samples).sum(), name);
        if (a.samples() == 0) {
            assertNull(a.firstSampleAt(), name);
        }
        JitProfile.Inlining in = p.jit().inlining();
        assertEquals(in.events(), in.successes() + in.failures(), name);
        assertEquals(in.events(), in.sites().stream().mapToLong(JitProfile.CallSite::events).sum(), name);
        for (JitProfile.CallSite s : in.sites()) {
            assertTrue(s.compilations() <= s.events(), name + ": " + s);
            assertEquals(s.failures() > 0, s.reason() != null, name + ": " + s);
        }
        CpuProfile c = p.cpu();
        for (CpuProfile.MethodSamples m : c.selfMethods()) {
            assertTrue(m.share() >= 0 && m.share() <= 1, name);
            assertTrue(c.inclusiveSamplesOf(m.method()) >= m.samples(), name + ": inclusive >= self for " + m);
        }
        assertEquals(c.monitors().events(), c.monitors().byClass().stream().mapToLong(CpuProfile.Blocked::events).sum(),
                name);
        JsonNode json = new ObjectMapper().readTree(ProfileSinksTest.json(
                new ProfileSinksTest.Run(null, "", a, p.jit(), c)));
        assertEquals(a.samples(), json.at("/allocation/samples").asLong(), name);
    }

    /**
     * The three JSON objects of two recordings, pinned: a mismatch writes the new output to
     * {@code target/golden-actual/} to diff and, if intended, copy over the golden file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jmc__flight_recording_17eaMonitoredVM10440_3.jfr", "jmc__jdk21.jfr"})
    void golden(String recording) throws IOException {
        Profiles p = read(recording);
        String actual = ProfileSinksTest.json(new ProfileSinksTest.Run(null, "", p.alloc(), p.jit(), p.cpu())) + "\n";
        String name = "jfr-profiles-" + recording.replace(".jfr", ".json");
        String expected;
        try (InputStream in = CorpusProfilesTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            fail("profile JSON differs from src/test/resources/golden/" + name + "; the new output is in " + out
                    + " (diff it, and copy it over the golden file if the change is intended)");
        }
    }

    @Test
    void jdk9AllocationRecording() throws IOException {
        // HotSpot 9, events named com.oracle.jdk.*: TLAB events and execution samples, no allocation samples
        Profiles p = read("jmc__allocation_10s_before.jfr");
        AllocationProfile a = p.alloc();
        assertEquals(0, a.samples());
        AllocationProfile.Tlab t = a.tlab();
        assertEquals(3321, t.inNewTlabEvents(), "jfr summary: ObjectAllocationInNewTLAB");
        assertEquals(0, t.outsideTlabEvents());
        assertEquals(0.0, t.outsideRatio());
        // two independent counts of the same bytes: TLABs handed out and the per-thread counters
        double tlabVsExact = (double) t.inNewTlabBytes() / a.exact().allocatedBytes();
        assertTrue(Math.abs(tlabVsExact - 1) < 0.02, "TLAB bytes vs exact " + tlabVsExact);
        assertEquals("main", a.exact().byThread().get(0).name());
        CpuProfile c = p.cpu();
        assertEquals(756, c.samples(), "jfr summary: ExecutionSample");
        // jfr print --stack-depth 1: 426 nextNode, 180 Allocator.go, 62 HashMap.getNode
        assertEquals("java.util.HashMap$HashIterator.nextNode()", c.selfMethods().get(0).method());
        assertEquals(426, c.selfMethods().get(0).samples());
        assertEquals(180, c.selfSamplesOf("Allocator.go()"));
        assertEquals(62, c.selfSamplesOf("java.util.HashMap.getNode(int, java.lang.Object)"));
        assertEquals(756, c.inclusiveSamplesOf("Allocator.main(java.lang.String[])"));
        assertEquals(9, c.load().samples());
        JitProfile j = p.jit();
        assertFalse(j.inlining().recorded());
        assertNull(j.inlining().enabled());
        assertEquals(3, j.codeCache().heaps().size());
        assertNotNull(j.statistics());
        assertTrue(j.configuration().tieredCompilation());
    }

    @Test
    void jdk21RecordingStartedLongAfterTheThreads() throws IOException {
        Profiles p = read("jmc__jdk21.jfr");
        AllocationProfile a = p.alloc();
        assertEquals(255, a.samples(), "jfr summary: ObjectAllocationSample");
        // main's first sample weighs 3.7 GB: everything it allocated since its previous sample, before the
        // recording. Taken off with the per-thread counters, the sampled total meets the exact one
        // (measured 91.9 MB vs 92.6 MB).
        assertTrue(a.preRecordingWeightBytes() > 3_700_000_000L, "pre-recording " + a.preRecordingWeightBytes());
        double sampledVsExact = (double) a.sampledWeightBytes() / a.exact().allocatedBytes();
        assertTrue(Math.abs(sampledVsExact - 1) < 0.05, "sampled vs exact " + sampledVsExact);
        // recorded without stack traces for allocation samples
        assertEquals(AllocationSink.NO_STACK, a.sites().get(0).method());
        JitProfile.Inlining in = p.jit().inlining();
        assertEquals(515, in.events(), "jfr summary: CompilerInlining");
        assertEquals(172, in.failures(), "jfr print: succeeded = false");
        long c2 = in.sites().stream().filter(s -> s.compiler() == JitCompiler.C2)
                .mapToLong(JitProfile.CallSite::events).sum();
        assertEquals(345, c2, "jfr print: events from C2 CompilerThreadN");
        assertEquals(23, message(in, JitCompiler.C2, "low call site frequency").events());
        assertEquals(2, message(in, JitCompiler.C2, "hot method too big").events());
        assertEquals(InlineReason.COLD_SITE, message(in, JitCompiler.C2, "low call site frequency").reason());
        assertEquals(1, p.jit().deoptimizations().count());
        assertEquals(1, p.jit().compilationFailureEvents());
        assertEquals(3, p.jit().codeCache().heaps().size());
        assertEquals(62, p.cpu().parks().events(), "jfr summary: ThreadPark");
        assertEquals(9, p.cpu().threadLoads().stream().mapToLong(CpuProfile.ThreadLoad::samples).sum());
    }

    @Test
    void jdk17EarlyAccessRecording() throws IOException {
        Profiles p = read("jmc__flight_recording_17eaMonitoredVM10440_3.jfr");
        JitProfile j = p.jit();
        assertEquals(717, j.inlining().events(), "jfr summary: CompilerInlining");
        assertEquals(190, j.inlining().failures(), "jfr print: succeeded = false");
        assertEquals(52, j.compilations().count(), "jfr summary: Compilation");
        assertEquals(3, j.deoptimizations().count());
        CpuProfile.Blocking m = p.cpu().monitors();
        assertEquals(46, m.events(), "jfr summary: JavaMonitorEnter");
        assertEquals("java.io.PrintStream", m.byClass().get(0).name());
        assertEquals(46, m.byClass().get(0).events());
        AllocationProfile.Tlab t = p.alloc().tlab();
        assertEquals(290, t.inNewTlabEvents());
        assertEquals(69, t.outsideTlabEvents());
        // no per-thread counters in this recording: no exact figure and nothing taken off
        assertNull(p.alloc().exact());
        assertEquals(0, p.alloc().preRecordingWeightBytes());
        assertEquals(229, p.alloc().samples());
    }

    @Test
    void inliningNotRecordedVersusNoDecisions() throws IOException {
        Path dir = SharedCorpus.require().resolve("jfr");
        JitSink off = new JitSink();
        off.inliningEventEnabled(false);
        JfrReplay.replay(dir.resolve("jmc__allocation_10s_before.jfr"), off);
        assertEquals(Boolean.FALSE, off.result().inlining().enabled());
        assertFalse(off.result().inlining().recorded());
        JitSink on = new JitSink();
        on.inliningEventEnabled(true);
        JfrReplay.replay(dir.resolve("jmc__allocation_10s_before.jfr"), on);
        assertTrue(on.result().inlining().recorded(), "enabled, and no decision made: recorded, no failures");
        assertEquals(0, on.result().inlining().failures());
        JitSink seen = new JitSink();
        seen.inliningEventEnabled(false);
        JfrReplay.replay(dir.resolve("jmc__jdk21.jfr"), seen);
        assertEquals(Boolean.TRUE, seen.result().inlining().enabled(), "events seen win");
    }

    private static JitProfile.Message message(JitProfile.Inlining in, JitCompiler c, String text) {
        return in.messages().stream().filter(m -> m.compiler() == c && m.message().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + c + " " + text + " in " + in.messages()));
    }
}
