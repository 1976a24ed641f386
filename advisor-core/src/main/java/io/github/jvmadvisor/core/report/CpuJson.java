package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.fraction;
import static io.github.jvmadvisor.core.report.JsonValues.instant;
import static io.github.jvmadvisor.core.report.JsonValues.millis;
import static io.github.jvmadvisor.core.report.JsonValues.num;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.CpuProfile;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link CpuProfile} as one JSON object (fields in {@code docs/jfr-profiles.md}).
 *
 * <p>Lists are cut to their first {@value #TOP} entries in the profile's order. Unknown values are
 * {@code null}. The same profile always gives the same output.
 */
public final class CpuJson {

    /** Entries written per list. */
    public static final int TOP = 25;

    private CpuJson() {
    }

    /**
     * Writes {@code p} as one object at the generator's current position.
     *
     * <p>Callers bring their own generator, so they read jackson-core themselves; the module does not
     * re-export it (that would put it on the compile path of every module using core).
     */
    @SuppressWarnings("exports")
    public static void write(JsonGenerator g, CpuProfile p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("samples", p.samples());
        instant(g, "firstSampleAt", p.firstSampleAt());
        instant(g, "lastSampleAt", p.lastSampleAt());
        methods(g, "selfMethods", "method", p.selfMethods());
        methods(g, "inclusiveMethods", "method", p.inclusiveMethods());
        methods(g, "threads", "thread", p.threads());
        g.writeFieldName("load");
        CpuProfile.CpuLoad l = p.load();
        if (l == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("samples", l.samples());
            fraction(g, "jvmMean", l.jvmMean());
            fraction(g, "jvmMax", l.jvmMax());
            fraction(g, "machineMean", l.machineMean());
            fraction(g, "machineMax", l.machineMax());
            g.writeEndObject();
        }
        blocking(g, "monitors", p.monitors());
        blocking(g, "parks", p.parks());
        g.writeArrayFieldStart("threadLoads");
        for (CpuProfile.ThreadLoad t : p.threadLoads().subList(0, Math.min(TOP, p.threadLoads().size()))) {
            g.writeStartObject();
            g.writeStringField("thread", t.thread());
            g.writeNumberField("samples", t.samples());
            fraction(g, "meanLoad", t.meanLoad());
            fraction(g, "maxLoad", t.maxLoad());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void methods(JsonGenerator g, String name, String key, List<CpuProfile.MethodSamples> list)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (CpuProfile.MethodSamples m : list.subList(0, Math.min(TOP, list.size()))) {
            g.writeStartObject();
            g.writeStringField(key, m.method());
            g.writeNumberField("samples", m.samples());
            fraction(g, "share", m.share());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void blocking(JsonGenerator g, String name, CpuProfile.Blocking b) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("events", b.events());
        millis(g, "totalMillis", b.totalNanos());
        millis(g, "maxMillis", b.maxNanos());
        g.writeArrayFieldStart("byClass");
        for (CpuProfile.Blocked c : b.byClass().subList(0, Math.min(TOP, b.byClass().size()))) {
            g.writeStartObject();
            g.writeStringField("class", c.name());
            blockedFields(g, c);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bySite");
        for (CpuProfile.Blocked s : b.bySite().subList(0, Math.min(TOP, b.bySite().size()))) {
            g.writeStartObject();
            g.writeStringField("method", s.name());
            num(g, "line", s.line());
            blockedFields(g, s);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void blockedFields(JsonGenerator g, CpuProfile.Blocked b) throws IOException {
        g.writeNumberField("events", b.events());
        millis(g, "totalMillis", b.totalNanos());
        millis(g, "maxMillis", b.maxNanos());
    }
}
