package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.bool;
import static io.github.jvmadvisor.core.report.JsonValues.fraction;
import static io.github.jvmadvisor.core.report.JsonValues.instant;
import static io.github.jvmadvisor.core.report.JsonValues.millis;
import static io.github.jvmadvisor.core.report.JsonValues.num;
import static io.github.jvmadvisor.core.report.JsonValues.rounded;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.JitProfile;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link JitProfile} as one JSON object (fields in {@code docs/jfr-profiles.md}).
 *
 * <p>Inlining lists are cut to their first {@value #TOP_INLINING} entries, the others to {@value #TOP},
 * in the profile's order. Unknown values are {@code null}. The same profile always gives the same
 * output.
 */
public final class JitJson {

    /** Entries written per list, except inlining. */
    public static final int TOP = 25;
    /** Entries written per inlining list (failing call sites, messages). */
    public static final int TOP_INLINING = 50;

    private JitJson() {
    }

    /**
     * Writes {@code p} as one object at the generator's current position.
     *
     * <p>Callers bring their own generator, so they read jackson-core themselves; the module does not
     * re-export it (that would put it on the compile path of every module using core).
     */
    @SuppressWarnings("exports")
    public static void write(JsonGenerator g, JitProfile p) throws IOException {
        g.writeStartObject();
        compilations(g, p.compilations());
        g.writeObjectFieldStart("compilationFailures");
        g.writeNumberField("events", p.compilationFailureEvents());
        counts(g, "byMessage", "message", p.compilationFailures());
        g.writeEndObject();
        inlining(g, p.inlining());
        deoptimizations(g, p.deoptimizations());
        codeCache(g, p.codeCache());
        statistics(g, p.statistics());
        g.writeFieldName("configuration");
        JitProfile.CompilerConfig c = p.configuration();
        if (c == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            num(g, "threadCount", c.threadCount());
            bool(g, "tieredCompilation", c.tieredCompilation());
            bool(g, "dynamicCompilerThreadCount", c.dynamicCompilerThreadCount());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("queues");
        for (JitProfile.CompileQueue q : p.queues()) {
            g.writeStartObject();
            g.writeStringField("compiler", q.compiler());
            g.writeNumberField("samples", q.samples());
            g.writeNumberField("lastQueueSize", q.lastQueueSize());
            g.writeNumberField("maxQueueSize", q.maxQueueSize());
            g.writeNumberField("peakQueueSize", q.peakQueueSize());
            rounded(g, "meanAddedPerSec", q.meanAddedPerSec());
            rounded(g, "meanRemovedPerSec", q.meanRemovedPerSec());
            num(g, "totalAdded", q.totalAdded());
            num(g, "totalRemoved", q.totalRemoved());
            num(g, "compilerThreads", q.compilerThreads());
            g.writeArrayFieldStart("windows");
            for (JitProfile.QueueWindow w : q.windows()) {
                g.writeStartObject();
                rounded(g, "startSeconds", w.startSeconds());
                rounded(g, "endSeconds", w.endSeconds());
                g.writeNumberField("samples", w.samples());
                g.writeNumberField("lastQueueSize", w.lastQueueSize());
                g.writeNumberField("maxQueueSize", w.maxQueueSize());
                rounded(g, "addedPerSec", w.addedPerSec());
                rounded(g, "removedPerSec", w.removedPerSec());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void compilations(JsonGenerator g, JitProfile.Compilations c) throws IOException {
        g.writeFieldName("compilations");
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("count", c.count());
        g.writeNumberField("succeeded", c.succeeded());
        g.writeNumberField("failed", c.failed());
        g.writeNumberField("osr", c.osr());
        millis(g, "totalMillis", c.totalNanos());
        millis(g, "maxMillis", c.maxNanos());
        num(g, "largestCodeSizeBytes", c.largestCodeSizeBytes());
        g.writeStringField("largestCodeSizeMethod", c.largestCodeSizeMethod());
        g.writeNumberField("totalCodeSizeBytes", c.totalCodeSizeBytes());
        g.writeNumberField("totalInlinedBytes", c.totalInlinedBytes());
        groups(g, "byCompiler", c.byCompiler());
        groups(g, "byLevel", c.byLevel());
        g.writeArrayFieldStart("longest");
        for (JitProfile.Compile x : c.longest()) {
            g.writeStartObject();
            g.writeNumberField("compileId", x.compileId());
            g.writeStringField("method", x.method());
            g.writeStringField("compiler", x.compiler().name());
            num(g, "level", x.level());
            g.writeBooleanField("osr", x.osr());
            g.writeBooleanField("succeeded", x.succeeded());
            millis(g, "durationMillis", x.durationNanos());
            num(g, "codeSizeBytes", x.codeSizeBytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void groups(JsonGenerator g, String name, List<JitProfile.Group> groups) throws IOException {
        g.writeArrayFieldStart(name);
        for (JitProfile.Group x : groups) {
            g.writeStartObject();
            g.writeStringField("name", x.name());
            g.writeNumberField("count", x.count());
            millis(g, "totalMillis", x.totalNanos());
            millis(g, "maxMillis", x.maxNanos());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void inlining(JsonGenerator g, JitProfile.Inlining in) throws IOException {
        g.writeObjectFieldStart("inlining");
        bool(g, "enabled", in.enabled());
        g.writeBooleanField("recorded", in.recorded());
        g.writeNumberField("events", in.events());
        g.writeNumberField("successes", in.successes());
        g.writeNumberField("failures", in.failures());
        g.writeNumberField("compilations", in.compilations());
        List<JitProfile.CallSite> failing = in.failingSites();
        g.writeNumberField("sites", in.sites().size());
        g.writeNumberField("failingSites", failing.size());
        g.writeNumberField("sitesDropped", in.sitesDropped());
        g.writeArrayFieldStart("byReason");
        for (JitProfile.ReasonCount r : in.byReason()) {
            g.writeStartObject();
            g.writeStringField("compiler", r.compiler().name());
            g.writeStringField("reason", r.reason().name());
            g.writeNumberField("events", r.events());
            g.writeNumberField("sites", r.sites());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("messages");
        for (JitProfile.Message m : in.messages().subList(0, Math.min(TOP_INLINING, in.messages().size()))) {
            g.writeStartObject();
            g.writeStringField("compiler", m.compiler().name());
            g.writeStringField("message", m.message());
            g.writeBooleanField("succeeded", m.succeeded());
            g.writeStringField("reason", m.reason() == null ? null : m.reason().name());
            g.writeNumberField("events", m.events());
            g.writeNumberField("sites", m.sites());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("failingCallSites");
        for (JitProfile.CallSite s : failing.subList(0, Math.min(TOP_INLINING, failing.size()))) {
            g.writeStartObject();
            g.writeStringField("compiler", s.compiler().name());
            g.writeStringField("caller", s.caller());
            g.writeNumberField("bci", s.bci());
            g.writeStringField("callee", s.callee());
            g.writeStringField("reason", s.reason() == null ? null : s.reason().name());
            g.writeStringField("failureMessage", s.failureMessage());
            g.writeNumberField("events", s.events());
            g.writeNumberField("successes", s.successes());
            g.writeNumberField("failures", s.failures());
            g.writeNumberField("compilations", s.compilations());
            counts(g, "messages", "message", s.messages());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void deoptimizations(JsonGenerator g, JitProfile.Deoptimizations d) throws IOException {
        g.writeObjectFieldStart("deoptimizations");
        g.writeNumberField("count", d.count());
        instant(g, "firstAt", d.firstAt());
        instant(g, "lastAt", d.lastAt());
        counts(g, "byReason", "reason", d.byReason());
        counts(g, "byAction", "action", d.byAction());
        g.writeArrayFieldStart("sites");
        for (JitProfile.DeoptSite s : d.sites().subList(0, Math.min(TOP, d.sites().size()))) {
            g.writeStartObject();
            g.writeStringField("method", s.method());
            num(g, "bci", s.bci());
            num(g, "line", s.line());
            g.writeStringField("instruction", s.instruction());
            g.writeNumberField("count", s.count());
            counts(g, "reasons", "reason", s.reasons());
            counts(g, "actions", "action", s.actions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void codeCache(JsonGenerator g, JitProfile.CodeCache c) throws IOException {
        g.writeObjectFieldStart("codeCache");
        g.writeNumberField("fullEvents", c.fullEvents());
        counts(g, "fullByBlobType", "blobType", c.fullByBlobType());
        g.writeArrayFieldStart("heaps");
        for (JitProfile.CodeHeap h : c.heaps()) {
            g.writeStartObject();
            g.writeStringField("blobType", h.blobType());
            num(g, "reservedBytes", h.reservedBytes());
            num(g, "unallocatedBytes", h.unallocatedBytes());
            fraction(g, "occupancy", h.occupancy());
            fraction(g, "peakOccupancy", h.peakOccupancy());
            num(g, "entries", h.entries());
            num(g, "methods", h.methods());
            num(g, "adaptors", h.adaptors());
            num(g, "fullCount", h.fullCount());
            g.writeNumberField("samples", h.samples());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("configuration");
        JitProfile.CodeCacheConfig k = c.configuration();
        if (k == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            num(g, "initialSizeBytes", k.initialSizeBytes());
            num(g, "reservedSizeBytes", k.reservedSizeBytes());
            num(g, "nonNMethodSizeBytes", k.nonNMethodSizeBytes());
            num(g, "profiledSizeBytes", k.profiledSizeBytes());
            num(g, "nonProfiledSizeBytes", k.nonProfiledSizeBytes());
            num(g, "expansionSizeBytes", k.expansionSizeBytes());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void statistics(JsonGenerator g, JitProfile.CompilerStats s) throws IOException {
        g.writeFieldName("statistics");
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        num(g, "compileCount", s.compileCount());
        num(g, "bailoutCount", s.bailoutCount());
        num(g, "invalidatedCount", s.invalidatedCount());
        num(g, "osrCompileCount", s.osrCompileCount());
        num(g, "standardCompileCount", s.standardCompileCount());
        num(g, "osrBytesCompiled", s.osrBytesCompiled());
        num(g, "standardBytesCompiled", s.standardBytesCompiled());
        num(g, "nmethodsSizeBytes", s.nmethodsSizeBytes());
        num(g, "nmethodCodeSizeBytes", s.nmethodCodeSizeBytes());
        millis(g, "peakTimeMillis", s.peakTimeNanos());
        millis(g, "totalTimeMillis", s.totalTimeNanos());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, String key, List<JitProfile.Count> counts)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (JitProfile.Count c : counts.subList(0, Math.min(TOP, counts.size()))) {
            g.writeStartObject();
            g.writeStringField(key, c.name());
            g.writeNumberField("count", c.count());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
