package io.github.jvmadvisor.core.report;

import static io.github.jvmadvisor.core.report.JsonValues.fraction;
import static io.github.jvmadvisor.core.report.JsonValues.instant;
import static io.github.jvmadvisor.core.report.JsonValues.num;
import static io.github.jvmadvisor.core.report.JsonValues.rounded;
import static io.github.jvmadvisor.core.report.JsonValues.share;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.MethodFrame;
import java.io.IOException;
import java.util.List;

/**
 * Writes an {@link AllocationProfile} as one JSON object (fields in {@code docs/jfr-profiles.md}).
 *
 * <p>Lists are cut to their first {@value #TOP} entries ({@value #TOP_TLAB} for the outside-TLAB
 * lists), in the profile's order (heaviest first, ties by name). Unknown values are {@code null}.
 * The same profile always gives the same output.
 */
public final class AllocationJson {

    /** Entries written per list. */
    public static final int TOP = 25;
    /** Entries written per outside-TLAB list. */
    public static final int TOP_TLAB = 10;

    private AllocationJson() {
    }

    /**
     * Writes {@code p} as one object at the generator's current position.
     *
     * <p>Callers bring their own generator, so they read jackson-core themselves; the module does not
     * re-export it (that would put it on the compile path of every module using core).
     */
    @SuppressWarnings("exports")
    public static void write(JsonGenerator g, AllocationProfile p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("samples", p.samples());
        g.writeNumberField("sampledWeightBytes", p.sampledWeightBytes());
        g.writeNumberField("preRecordingWeightBytes", p.preRecordingWeightBytes());
        instant(g, "firstSampleAt", p.firstSampleAt());
        instant(g, "lastSampleAt", p.lastSampleAt());
        rounded(g, "sampledRateBytesPerSec", p.sampledRateBytesPerSec());
        rounded(g, "rateBytesPerSec", p.rateBytesPerSec());
        g.writeNumberField("sitesKept", p.sites().size());
        g.writeNumberField("otherSitesWeightBytes", p.otherSitesWeightBytes());
        sites(g, "sites", p.sites(), p.sampledWeightBytes(), TOP);
        shares(g, "methods", p.methods(), p.sampledWeightBytes(), TOP);
        shares(g, "classes", p.classes(), p.sampledWeightBytes(), TOP);
        shares(g, "threads", p.threads(), p.sampledWeightBytes(), TOP);
        g.writeFieldName("tlab");
        AllocationProfile.Tlab t = p.tlab();
        if (t == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("inNewTlabEvents", t.inNewTlabEvents());
            g.writeNumberField("inNewTlabBytes", t.inNewTlabBytes());
            g.writeNumberField("outsideTlabEvents", t.outsideTlabEvents());
            g.writeNumberField("outsideTlabBytes", t.outsideTlabBytes());
            fraction(g, "outsideRatio", t.outsideRatio());
            sites(g, "outsideSites", t.outsideSites(), t.outsideTlabBytes(), TOP_TLAB);
            shares(g, "outsideClasses", t.outsideClasses(), t.outsideTlabBytes(), TOP_TLAB);
            g.writeEndObject();
        }
        g.writeFieldName("exact");
        AllocationProfile.Exact x = p.exact();
        if (x == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("allocatedBytes", x.allocatedBytes());
            instant(g, "from", x.from());
            instant(g, "to", x.to());
            g.writeNumberField("threads", x.threads());
            rounded(g, "rateBytesPerSec", x.rateBytesPerSec());
            g.writeArrayFieldStart("byThread");
            for (AllocationProfile.Share s : x.byThread().subList(0, Math.min(TOP, x.byThread().size()))) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("allocatedBytes", s.weightBytes());
                fraction(g, "share", share(s.weightBytes(), x.allocatedBytes()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void sites(JsonGenerator g, String name, List<AllocationProfile.Site> sites, long total, int top)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (AllocationProfile.Site s : sites.subList(0, Math.min(top, sites.size()))) {
            MethodFrame first = s.frames().get(0);
            g.writeStartObject();
            g.writeStringField("method", first.method());
            num(g, "line", first.line());
            g.writeNumberField("weightBytes", s.weightBytes());
            fraction(g, "share", share(s.weightBytes(), total));
            g.writeNumberField("samples", s.samples());
            g.writeNumberField("compiledSamples", s.compiledSamples());
            g.writeArrayFieldStart("classes");
            for (AllocationProfile.Share c : s.classes()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeNumberField("weightBytes", c.weightBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("frames");
            for (MethodFrame f : s.frames()) {
                g.writeStartObject();
                g.writeStringField("method", f.method());
                num(g, "line", f.line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void shares(JsonGenerator g, String name, List<AllocationProfile.Share> shares, long total,
            int top) throws IOException {
        g.writeArrayFieldStart(name);
        for (AllocationProfile.Share s : shares.subList(0, Math.min(top, shares.size()))) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeNumberField("weightBytes", s.weightBytes());
            fraction(g, "share", share(s.weightBytes(), total));
            g.writeNumberField("samples", s.samples());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
