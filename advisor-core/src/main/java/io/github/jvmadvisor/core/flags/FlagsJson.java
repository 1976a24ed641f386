package io.github.jvmadvisor.core.flags;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.Collector;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON for flag information and check results, as the {@code flags} command prints them. Deterministic (same
 * input, same bytes); unknown values are {@code null}. Described in {@code docs/flags.md}. Stateless.
 */
public final class FlagsJson {

    /** Version of this JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private FlagsJson() {
    }

    /** A check result: {@code {"schemaVersion", "jdk", "catalogue", "startsOk", "collector", ..., "findings"}}. */
    public static String check(CheckResult r) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeNumberField("jdk", r.feature());
            g.writeStringField("catalogue", r.catalogue());
            g.writeBooleanField("startsOk", r.startsOk());
            nullable(g, "collector", r.collector() == null ? null : r.collector().displayName());
            nullable(g, "gcMode", r.gcMode());
            nullable(g, "collectorReason", r.collectorReason());
            g.writeArrayFieldStart("findings");
            for (OptionFinding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity().name());
                g.writeStringField("code", f.code());
                g.writeStringField("option", f.option());
                g.writeStringField("message", f.message());
                nullable(g, "advice", f.advice());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * Flag entries: {@code {"schemaVersion", "jdk", "catalogue", "flags": [...], "unknown": [...]}}, where
     * {@code unknown} lists the names the catalogue does not have, each with suggestions.
     */
    public static String flags(FlagCatalogue c, List<FlagInfo> flags, Map<String, List<String>> unknown) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeNumberField("jdk", c.requestedFeature());
            g.writeStringField("catalogue", c.describe());
            g.writeBooleanField("derived", c.derived());
            g.writeBooleanField("approximate", c.approximate());
            g.writeArrayFieldStart("flags");
            for (FlagInfo f : flags) {
                flag(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unknown");
            for (Map.Entry<String, List<String>> e : unknown.entrySet()) {
                g.writeStartObject();
                g.writeStringField("name", e.getKey());
                g.writeArrayFieldStart("didYouMean");
                for (String s : e.getValue()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void flag(JsonGenerator g, FlagInfo f) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        nullable(g, "type", f.type() == null ? null : f.type().hotspotName());
        nullable(g, "kind", f.kind() == null ? null : f.kind().id());
        nullable(g, "kindText", f.kindText());
        g.writeStringField("availability", f.availability().name().toLowerCase(java.util.Locale.ROOT));
        nullable(g, "since", f.since());
        nullable(g, "jvmMessage", f.jvmMessage());
        nullable(g, "advice", f.advice());
        nullable(g, "default", f.defaultValue());
        g.writeBooleanField("ergonomic", f.ergonomicDefault());
        g.writeBooleanField("manageable", f.manageable());
        nullable(g, "unlock", f.unlockFlag());
        g.writeObjectFieldStart("perCollectorDefaults");
        for (Map.Entry<String, String> e : f.perCollectorDefaults().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("collectors");
        for (Collector c : f.collectors()) {
            g.writeString(c.displayName());
        }
        g.writeEndArray();
        if (f.range() == null) {
            g.writeNullField("range");
        } else {
            g.writeObjectFieldStart("range");
            g.writeStringField("min", f.range().min());
            g.writeStringField("max", f.range().max());
            g.writeEndObject();
        }
        if (f.acceptedValues() == null) {
            g.writeNullField("acceptedValues");
        } else {
            g.writeObjectFieldStart("acceptedValues");
            for (Map.Entry<String, FlagKind> e : f.acceptedValues().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue().id());
            }
            g.writeEndObject();
        }
        g.writeBooleanField("certain", f.certain());
        nullable(g, "note", f.note());
        g.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString() + "\n";
    }

    private static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
