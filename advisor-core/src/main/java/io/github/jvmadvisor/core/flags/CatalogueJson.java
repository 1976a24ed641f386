package io.github.jvmadvisor.core.flags;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.model.Collector;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue file format: one JSON object; header fields, then {@code "flags"} with one flag per line and
 * {@code "launcherOptions"}. Optional fields are left out when empty so the files stay small and diffs stay
 * readable. Described in {@code docs/flags.md}.
 */
final class CatalogueJson {

    static final int SCHEMA = 1;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogueJson() {
    }

    static String write(FlagCatalogue c) {
        FlagCatalogue.About a = c.about();
        StringBuilder sb = new StringBuilder(256 * 1024);
        sb.append("{\n");
        field(sb, "schema", g -> g.writeNumber(SCHEMA));
        field(sb, "feature", g -> g.writeNumber(a.feature()));
        field(sb, "version", g -> g.writeString(a.version()));
        field(sb, "vendor", g -> writeNullable(g, a.vendor()));
        field(sb, "vm", g -> writeNullable(g, a.vm()));
        field(sb, "derived", g -> g.writeBoolean(a.derived()));
        field(sb, "builtOn", g -> writeNullable(g, a.builtOn()));
        field(sb, "ergonomicCollector", g -> g.writeString(a.ergonomicCollector().displayName()));
        field(sb, "gcModes", g -> writeStrings(g, a.gcModes()));
        field(sb, "xOptions", g -> writeStrings(g, a.xOptions()));
        field(sb, "notes", g -> writeStrings(g, a.notes()));
        sb.append("\"flags\": [\n");
        List<FlagInfo> flags = c.flags();
        for (int i = 0; i < flags.size(); i++) {
            FlagInfo f = flags.get(i);
            sb.append(json(g -> writeFlag(g, f))).append(i + 1 < flags.size() ? ",\n" : "\n");
        }
        sb.append("],\n\"launcherOptions\": [\n");
        List<LauncherOption> opts = c.launcherOptions();
        for (int i = 0; i < opts.size(); i++) {
            LauncherOption o = opts.get(i);
            sb.append(json(g -> {
                g.writeStartObject();
                g.writeStringField("option", o.option());
                g.writeStringField("availability", o.availability().name().toLowerCase(java.util.Locale.ROOT));
                optional(g, "since", o.since());
                optional(g, "message", o.jvmMessage());
                optional(g, "advice", o.advice());
                g.writeEndObject();
            })).append(i + 1 < opts.size() ? ",\n" : "\n");
        }
        sb.append("]\n}\n");
        return sb.toString();
    }

    private static void writeFlag(JsonGenerator g, FlagInfo f) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        optional(g, "type", f.type() == null ? null : f.type().hotspotName());
        optional(g, "kind", f.kindText());
        if (f.availability() != Availability.AVAILABLE) {
            g.writeStringField("availability", f.availability().name().toLowerCase(java.util.Locale.ROOT));
        }
        optional(g, "since", f.since());
        optional(g, "message", f.jvmMessage());
        optional(g, "advice", f.advice());
        if (f.exists()) {
            g.writeFieldName("default");
            writeNullable(g, f.defaultValue());
        }
        if (f.ergonomicDefault()) {
            g.writeBooleanField("ergonomic", true);
        }
        if (!f.perCollectorDefaults().isEmpty()) {
            g.writeObjectFieldStart("byGc");
            for (Map.Entry<String, String> e : f.perCollectorDefaults().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (!f.collectors().isEmpty()) {
            g.writeArrayFieldStart("gc");
            for (Collector col : f.collectors()) {
                g.writeString(col.displayName());
            }
            g.writeEndArray();
        }
        if (f.range() != null) {
            g.writeArrayFieldStart("range");
            g.writeString(f.range().min());
            g.writeString(f.range().max());
            g.writeEndArray();
        }
        if (f.acceptedValues() != null) {
            g.writeObjectFieldStart("values");
            for (Map.Entry<String, FlagKind> e : f.acceptedValues().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue().id());
            }
            g.writeEndObject();
        }
        if (!f.certain()) {
            g.writeBooleanField("certain", false);
        }
        optional(g, "note", f.note());
        g.writeEndObject();
    }

    static FlagCatalogue read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException("not a flag catalogue: no JSON object");
        }
        int schema = root.path("schema").asInt(-1);
        if (schema != SCHEMA) {
            throw new IOException("flag catalogue schema " + schema + " is not supported (expected " + SCHEMA + ")");
        }
        try {
            FlagCatalogue.About about = new FlagCatalogue.About(root.path("feature").asInt(), text(root, "version"),
                    text(root, "vendor"), text(root, "vm"), root.path("derived").asBoolean(false),
                    text(root, "builtOn"), Collector.of(root.path("ergonomicCollector").asText("G1")),
                    strings(root.path("gcModes")), strings(root.path("xOptions")), strings(root.path("notes")));
            List<FlagInfo> flags = new ArrayList<>();
            for (JsonNode f : root.path("flags")) {
                flags.add(readFlag(f));
            }
            List<LauncherOption> opts = new ArrayList<>();
            for (JsonNode o : root.path("launcherOptions")) {
                opts.add(new LauncherOption(text(o, "option"), availability(text(o, "availability")),
                        text(o, "since"), text(o, "message"), text(o, "advice")));
            }
            return FlagCatalogue.create(about, flags, opts);
        } catch (IllegalArgumentException e) {
            throw new IOException("flag catalogue is malformed: " + e.getMessage(), e);
        }
    }

    private static FlagInfo readFlag(JsonNode f) {
        String type = text(f, "type");
        String kindText = text(f, "kind");
        Map<String, String> byGc = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.path("byGc").properties()) {
            byGc.put(e.getKey(), e.getValue().asText());
        }
        Set<Collector> gcs = EnumSet.noneOf(Collector.class);
        for (JsonNode g : f.path("gc")) {
            gcs.add(Collector.of(g.asText()));
        }
        FlagRange range = null;
        JsonNode r = f.get("range");
        if (r != null && r.isArray() && r.size() == 2) {
            range = new FlagRange(r.get(0).asText(), r.get(1).asText());
        }
        Map<String, FlagKind> values = null;
        JsonNode v = f.get("values");
        if (v != null && v.isObject()) {
            values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                values.put(e.getKey(), FlagKind.parse(e.getValue().asText()));
            }
        }
        return new FlagInfo(text(f, "name"), type == null ? null : FlagType.of(type), FlagKind.parse(kindText),
                kindText, availability(text(f, "availability")), text(f, "since"), text(f, "message"),
                text(f, "advice"), text(f, "default"), f.path("ergonomic").asBoolean(false), byGc, gcs, range,
                values, f.path("certain").asBoolean(true), text(f, "note"));
    }

    private static Availability availability(String s) {
        return s == null ? Availability.AVAILABLE : Availability.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static void field(StringBuilder sb, String name, Body body) {
        sb.append('"').append(name).append("\": ").append(json(body)).append(",\n");
    }

    private static String json(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void writeNullable(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    private static void writeStrings(JsonGenerator g, List<String> list) throws IOException {
        g.writeStartArray();
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
