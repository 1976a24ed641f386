package io.github.jvmadvisor.core.ingest.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.report.AllocationJson;
import io.github.jvmadvisor.core.report.CpuJson;
import io.github.jvmadvisor.core.report.JitJson;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.JfrReplay;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.ProfiledWorkload;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three profile sinks on real recordings: one child JVM per JDK (the running one, and 25 when
 * installed) runs {@link ProfiledWorkload} with {@code settings=profile} plus inlining, every
 * compilation and the TLAB events, about 6 s. What the workload is built to do must be found: the
 * dominant escaping allocation, C2's {@code hot method too big} at the call site the running JVM itself
 * reported, the small callee inlined, the busy method on top, the contended monitor and lock. Totals
 * are checked against the child's own allocation counter.
 */
class ProfileSinksTest {

    private static final String PW = ProfiledWorkload.class.getName();
    private static final String HOT_LOOP = PW + ".hotLoop(int, int)";
    private static final String BIG = PW + ".bigCallee(int)";
    private static final String SMALL = PW + ".smallCallee(int)";
    private static final String PRODUCE = PW + ".produce(int)";
    private static final String PAYLOAD = PW + "$Payload";
    private static final String MONITOR = PW + "$Monitor";
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;

    private static final Map<Integer, Run> RUNS = new ConcurrentHashMap<>();

    /** One child run and its three profiles. */
    record Run(Jdks.Jdk jdk, String output, AllocationProfile alloc, JitProfile jit, CpuProfile cpu) {

        long printed(String key) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " (-?\\d+)$").matcher(output);
            assertTrue(m.find(), () -> "child did not print " + key + ":\n" + output);
            return Long.parseLong(m.group(1));
        }
    }

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    private static Run run(Jdks.Jdk jdk) {
        return RUNS.computeIfAbsent(jdk.feature(), f -> {
            try {
                Path jfr = dir.resolve("profiled-" + f + ".jfr");
                List<String> jvm = List.of("-Xmx256m", "-XX:StartFlightRecording:filename=" + jfr
                        + ",settings=profile,+jdk.CompilerInlining#enabled=true,jdk.Compilation#threshold=0ms,"
                        + "jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true");
                ChildJvm.Result r = ChildJvm.run(jdk, dir, jvm, ProfiledWorkload.class, List.of("3.5", "2"), 120)
                        .requireSuccess();
                AllocationSink a = new AllocationSink();
                JitSink j = new JitSink();
                CpuSink c = new CpuSink();
                JfrReplay.replay(jfr, a, j, c);
                return new Run(jdk, r.output(), a.result(), j.result(), c.result());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void dominantAllocationSiteAndClass(Jdks.Jdk jdk) {
        AllocationProfile a = run(jdk).alloc();
        assertTrue(a.samples() > 100, "samples: " + a.samples());
        AllocationProfile.Site top = a.sites().get(0);
        assertEquals(PRODUCE, top.method(), "heaviest site: " + a.sites());
        assertNotNull(top.frames().get(0).line(), "the site's line");
        assertTrue(top.weightBytes() > 0.5 * a.sampledWeightBytes(), "produce's share");
        assertEquals(PAYLOAD, top.classes().get(0).name());
        assertEquals(PAYLOAD, a.classes().get(0).name());
        // the payload escapes into a ring, so compiled code still allocates it: most samples come from there
        assertTrue(top.compiledSamples() > top.samples() / 2, "compiled samples " + top.compiledSamples());
        assertEquals(top, a.sitesIn(PRODUCE).get(0));
        assertTrue(a.weightAllocatedIn(PRODUCE) >= top.weightBytes());
        assertEquals(PRODUCE, a.methods().get(0).name());
        long kept = a.sites().stream().mapToLong(AllocationProfile.Site::weightBytes).sum();
        assertEquals(a.sampledWeightBytes(), kept + a.otherSitesWeightBytes(), "sites + other = total");
        assertSortedByWeight(a.sites().stream().map(AllocationProfile.Site::weightBytes).toList());
    }

    /**
     * The child's {@code alloc-worker} thread reads its own allocation counter
     * ({@code com.sun.management.ThreadMXBean}) when its work is done. The recording's exact per-thread
     * counter must agree to within what the thread allocates after that (printing one line, then it parks:
     * measured 40 to 110 KB). The sampled weights telescope (each is the bytes since the thread's previous
     * sample), so their sum is that counter at the thread's last sample: never more, and less by the tail
     * after the last sample the throttler let through. Measured on 17 and 25: 0.910 to 0.946 of the counter,
     * the last sample 160 ms before the thread's end of a 2 s burst (the throttler's windows leave gaps up to
     * 200 ms). The lower bound, 0.75, allows a tail twice as long on a loaded machine.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void totalsAgreeWithTheThreadsOwnCounter(Jdks.Jdk jdk) {
        Run r = run(jdk);
        long mx = r.printed("alloc-worker-bytes");
        AllocationProfile a = r.alloc();
        long exact = share(a.exact().byThread(), "alloc-worker");
        long sampled = share(a.threads(), "alloc-worker");
        System.out.printf(Locale.ROOT, "%s: alloc-worker counter %d, exact %+d B, sampled %.3f of it; total exact "
                + "%d, TLAB in+out %.4f of exact, pre-recording %d B%n", jdk, mx, exact - mx, (double) sampled / mx,
                a.exact().allocatedBytes(), (double) (a.tlab().inNewTlabBytes() + a.tlab().outsideTlabBytes())
                        / a.exact().allocatedBytes(), a.preRecordingWeightBytes());
        assertTrue(exact >= mx && exact - mx < 4 * MIB, "exact " + exact + " vs counter " + mx);
        assertTrue(sampled <= mx + 4 * MIB && sampled >= 0.75 * mx, "sampled " + sampled + " vs counter " + mx);
        assertTrue(a.exact().allocatedBytes() >= exact);
        assertTrue(a.exact().rateBytesPerSec() > 0);
        // every TLAB handed out plus every allocation outside one: the counters' total, plus the unused ends
        // of the last TLABs (measured 1.0015 of exact on 17)
        AllocationProfile.Tlab t = a.tlab();
        double tlabVsExact = (double) (t.inNewTlabBytes() + t.outsideTlabBytes()) / a.exact().allocatedBytes();
        assertTrue(Math.abs(tlabVsExact - 1) < 0.05, "TLAB bytes vs exact: " + tlabVsExact);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void largeArraysAreAllocatedOutsideTlabs(Jdks.Jdk jdk) {
        AllocationProfile.Tlab t = run(jdk).alloc().tlab();
        assertNotNull(t);
        assertTrue(t.inNewTlabEvents() > 1000, "TLAB refills: " + t.inNewTlabEvents());
        AllocationProfile.Site out = t.outsideSites().get(0);
        assertEquals(PW + ".bigArrays()", out.method());
        assertEquals("byte[]", out.classes().get(0).name());
        // one 600 KB array every 20 ms next to gigabytes of payloads
        assertTrue(out.samples() >= 20, "outside-TLAB arrays: " + out.samples());
        assertTrue(t.outsideRatio() > 0 && t.outsideRatio() < 0.05, "outside ratio " + t.outsideRatio());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void hotMethodTooBigAtTheCallSiteTheJvmReported(Jdks.Jdk jdk) {
        Run r = run(jdk);
        int bci = (int) r.printed("bigCallee-bci");
        JitProfile j = r.jit();
        JitProfile.Inlining in = j.inlining();
        assertEquals(Boolean.TRUE, in.enabled());
        assertTrue(in.recorded());
        JitProfile.CallSite c2 = site(j, JitCompiler.C2, BIG);
        assertEquals(bci, c2.bci(), "call-site bci");
        assertEquals("hot method too big", c2.failureMessage());
        assertEquals(InlineReason.SIZE_HOT, c2.reason());
        assertEquals(0, c2.successes());
        assertTrue(c2.failures() >= 1 && c2.compilations() >= 1 && c2.compilations() <= c2.events());
        JitProfile.CallSite c1 = site(j, JitCompiler.C1, BIG);
        assertEquals(bci, c1.bci());
        assertEquals("callee is too large", c1.failureMessage());
        assertEquals(InlineReason.SIZE_HOT, c1.reason());
        JitProfile.CallSite small = site(j, JitCompiler.C2, SMALL);
        assertEquals(0, small.failures(), "small callee refused: " + small);
        assertTrue(small.successes() >= 1);
        assertNull(small.reason());
        assertTrue(small.messages().stream().anyMatch(m -> m.name().equals("inline (hot)")), small.messages()::toString);
        assertTrue(j.inliningFailuresIn(HOT_LOOP).contains(c2));
        assertTrue(j.inliningFailuresIn(HOT_LOOP).stream().noneMatch(s -> s.callee().equals(SMALL)));
        assertTrue(j.inliningFailuresOf(BIG).contains(c1));
        assertTrue(in.byReason().stream().anyMatch(x -> x.compiler() == JitCompiler.C2
                && x.reason() == InlineReason.SIZE_HOT && x.sites() >= 1));
        assertEquals(in.events(), in.successes() + in.failures());
        long perSite = in.sites().stream().mapToLong(JitProfile.CallSite::events).sum();
        assertEquals(in.events(), perSite, "events per site add up");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void compilationsAndCodeCache(Jdks.Jdk jdk) {
        JitProfile j = run(jdk).jit();
        JitProfile.Compilations c = j.compilations();
        assertNotNull(c, "jdk.Compilation with threshold 0");
        assertTrue(c.count() > 50, "compilations: " + c.count());
        assertTrue(c.byCompiler().stream().anyMatch(g -> g.name().equals("C1")));
        assertTrue(c.byCompiler().stream().anyMatch(g -> g.name().equals("C2")));
        assertTrue(c.byLevel().stream().anyMatch(g -> g.name().equals("4")));
        assertTrue(c.largestCodeSizeBytes() > 0 && c.largestCodeSizeMethod() != null);
        assertFalse(c.longest().isEmpty());
        assertEquals(c.maxNanos(), c.longest().get(0).durationNanos());
        assertSortedByWeight(c.longest().stream().map(JitProfile.Compile::durationNanos).toList());
        // cumulative since JVM start; the events only since the recording started
        assertTrue(j.statistics().compileCount() >= c.count());
        assertTrue(j.configuration().threadCount() >= 1);
        JitProfile.CodeCache cc = j.codeCache();
        assertEquals(0, cc.fullEvents());
        assertFalse(cc.heaps().isEmpty());
        for (JitProfile.CodeHeap h : cc.heaps()) {
            assertTrue(h.occupancy() > 0 && h.occupancy() < 1, h::toString);
            assertTrue(h.peakOccupancy() >= h.occupancy());
        }
        assertTrue(cc.configuration().reservedSizeBytes() > 0);
        if (jdk.feature() >= 25) {
            assertFalse(j.queues().isEmpty(), "jdk.CompilerQueueUtilization on 25");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void busyMethodOnTopAndContentionFound(Jdks.Jdk jdk) {
        Run r = run(jdk);
        CpuProfile c = r.cpu();
        assertEquals(BIG, c.selfMethods().get(0).method(), "hottest method: " + c.selfMethods());
        assertTrue(c.selfMethods().get(0).share() > 0.3);
        assertTrue(c.inclusiveSamplesOf(HOT_LOOP) >= c.selfSamplesOf(BIG));
        // the join: the inlining caller's name is the execution samples' name for the same method
        JitProfile.CallSite c2 = site(r.jit(), JitCompiler.C2, BIG);
        assertTrue(c.hotness(c2.caller()) > 0.3, "hotness of " + c2.caller());
        assertTrue(c.threads().stream().anyMatch(t -> t.method().equals("main")));

        CpuProfile.Blocking m = c.monitors();
        assertTrue(m.events() >= 5, "monitor waits: " + m.events());
        assertEquals(MONITOR, m.byClass().get(0).name());
        assertEquals(PW + ".contendMonitor(" + MONITOR + ", long)", m.bySite().get(0).name());
        assertNotNull(m.bySite().get(0).line());
        // profile records waits above 10 ms only
        assertTrue(m.totalNanos() >= m.events() * 10_000_000L);
        CpuProfile.Blocked lock = c.parks().bySite().stream()
                .filter(b -> b.name().equals(PW + ".contendLock(java.util.concurrent.locks.ReentrantLock, long)"))
                .findFirst().orElseThrow(() -> new AssertionError("no park at contendLock: " + c.parks().bySite()));
        assertTrue(lock.events() >= 5);
        assertTrue(c.parks().byClass().stream()
                .anyMatch(b -> b.name().equals("java.util.concurrent.locks.ReentrantLock$NonfairSync")));
        assertNotNull(c.load());
        assertTrue(c.load().jvmMax() > 0 && c.load().jvmMax() <= 1 && c.load().machineMax() <= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void jsonIsStableAndCarriesTheFindings(Jdks.Jdk jdk) throws IOException {
        Run r = run(jdk);
        String first = json(r);
        assertEquals(first, json(r), "same profile, same bytes");
        Files.writeString(dir.resolve("profiles-" + jdk.feature() + ".json"), first);
        JsonNode root = new ObjectMapper().readTree(first);
        JsonNode alloc = root.get("allocation");
        assertEquals(PRODUCE, alloc.at("/sites/0/method").asText());
        assertTrue(alloc.at("/sites/0/share").asDouble() > 0.5);
        assertTrue(alloc.get("sites").size() <= AllocationJson.TOP);
        assertTrue(alloc.at("/exact/allocatedBytes").asLong() > 0);
        JsonNode inl = root.at("/jit/inlining");
        assertTrue(inl.get("enabled").asBoolean());
        boolean found = false;
        for (JsonNode s : inl.get("failingCallSites")) {
            found |= s.get("compiler").asText().equals("C2") && s.get("callee").asText().equals(BIG)
                    && s.get("reason").asText().equals("SIZE_HOT");
        }
        assertTrue(found, "C2 hot method too big in failingCallSites");
        assertTrue(inl.get("failingCallSites").size() <= JitJson.TOP_INLINING);
        assertEquals(BIG, root.at("/cpu/selfMethods/0/method").asText());
        assertEquals(MONITOR, root.at("/cpu/monitors/byClass/0/class").asText());
        assertTrue(root.at("/jit/statistics/compileCount").isNumber());
    }

    static String json(Run r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("allocation");
            AllocationJson.write(g, r.alloc());
            g.writeFieldName("jit");
            JitJson.write(g, r.jit());
            g.writeFieldName("cpu");
            CpuJson.write(g, r.cpu());
            g.writeEndObject();
        }
        return w.toString();
    }

    private static JitProfile.CallSite site(JitProfile j, JitCompiler compiler, String callee) {
        return j.inlining().sites().stream()
                .filter(s -> s.compiler() == compiler && s.caller().equals(HOT_LOOP) && s.callee().equals(callee))
                .findFirst().orElseThrow(() -> new AssertionError("no " + compiler + " site " + HOT_LOOP + " -> "
                        + callee + " in " + j.inliningFailuresIn(HOT_LOOP)));
    }

    private static long share(List<AllocationProfile.Share> shares, String name) {
        return shares.stream().filter(s -> s.name().equals(name)).mapToLong(AllocationProfile.Share::weightBytes)
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + shares));
    }

    private static void assertSortedByWeight(List<Long> weights) {
        for (int i = 1; i < weights.size(); i++) {
            assertTrue(weights.get(i - 1) >= weights.get(i), "not sorted: " + weights);
        }
    }
}
