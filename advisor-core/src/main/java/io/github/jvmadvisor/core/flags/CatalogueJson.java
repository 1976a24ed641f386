package io.github.jvmadvisor.core.flags;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.jvmadvisor.core.model.Collector;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    /** Jackson's factory, for writing only: created on first use, so that reading never loads Jackson. */
    private static final class Factory {
        static final JsonFactory INSTANCE = new JsonFactory();
    }

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

    /*
     * Read into plain maps and lists with MiniJson: the catalogue is loaded at application startup
     * (JvmAdvisor.atStartup), where jackson-databind's ObjectMapper cost about 150 ms of CPU on JDK 17 and
     * jackson-core's streaming parser still about 35 ms, mostly loading its classes.
     */
    static FlagCatalogue read(InputStream in) throws IOException {
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * A bundled catalogue, its flags parsed one by one when first asked for ({@link LazyFlags}): a startup check
     * looks at a few dozen of the 900 to 1,100 flags, and parsing them all was most of the catalogue's cost (about
     * 30 ms of CPU for the first one in a fresh JVM). Falls back to {@link #read(String)} when the flags are not
     * where {@link #write} puts them (the lines' order is checked when they are all listed, not here).
     */
    static FlagCatalogue readBundled(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int open = text.indexOf(FLAGS_OPEN);
        int close = open < 0 ? -1 : text.lastIndexOf(FLAGS_CLOSE); // from the end: the launcher options are short
        LazyFlags flags = close < 0 ? null : LazyFlags.of(text, open + FLAGS_OPEN.length(), close + 1);
        if (flags == null) {
            return read(text);
        }
        // the header and the launcher options, with the flags left out
        FlagCatalogue head = read(text.substring(0, open) + "\n\"flags\": []" + text.substring(close + 2));
        return FlagCatalogue.withFlags(head, flags);
    }

    /** One flag's line as {@link #write} wrote it, without the separating comma. */
    static FlagInfo readFlag(String line) throws IOException {
        Object parsed = MiniJson.read(line);
        if (!(parsed instanceof Map)) {
            throw new IOException("not a flag: no JSON object");
        }
        try {
            return readFlag((Map<?, ?>) parsed);
        } catch (IllegalArgumentException e) {
            throw new IOException("flag is malformed: " + e.getMessage(), e);
        }
    }

    private static final String FLAGS_OPEN = "\n\"flags\": [\n";
    private static final String FLAGS_CLOSE = "\n],\n\"launcherOptions\": [";

    static FlagCatalogue read(String text) throws IOException {
        Object parsed = MiniJson.read(text);
        if (!(parsed instanceof Map)) {
            throw new IOException("not a flag catalogue: no JSON object");
        }
        Map<?, ?> root = (Map<?, ?>) parsed;
        Object schemaValue = root.get("schema");
        int schema = schemaValue instanceof Number ? ((Number) schemaValue).intValue() : -1;
        if (schema != SCHEMA) {
            throw new IOException("flag catalogue schema " + schema + " is not supported (expected " + SCHEMA + ")");
        }
        try {
            Object feature = root.get("feature");
            String ergo = text(root, "ergonomicCollector");
            FlagCatalogue.About about = new FlagCatalogue.About(feature instanceof Number ? ((Number) feature).intValue()
                    : 0, text(root, "version"), text(root, "vendor"), text(root, "vm"), bool(root, "derived", false),
                    text(root, "builtOn"), Collector.of(ergo == null ? "G1" : ergo), strings(root.get("gcModes")),
                    strings(root.get("xOptions")), strings(root.get("notes")));
            List<FlagInfo> flags = new ArrayList<>();
            for (Object f : list(root.get("flags"))) {
                if (f instanceof Map) {
                    flags.add(readFlag((Map<?, ?>) f));
                }
            }
            List<LauncherOption> opts = new ArrayList<>();
            for (Object x : list(root.get("launcherOptions"))) {
                if (x instanceof Map) {
                    Map<?, ?> o = (Map<?, ?>) x;
                    opts.add(new LauncherOption(text(o, "option"), availability(text(o, "availability")),
                            text(o, "since"), text(o, "message"), text(o, "advice")));
                }
            }
            return FlagCatalogue.create(about, flags, opts);
        } catch (IllegalArgumentException e) {
            throw new IOException("flag catalogue is malformed: " + e.getMessage(), e);
        }
    }

    private static FlagInfo readFlag(Map<?, ?> f) {
        String type = text(f, "type");
        String kindText = text(f, "kind");
        Map<String, String> byGc = new LinkedHashMap<>();
        if (f.get("byGc") instanceof Map) {
            ((Map<?, ?>) f.get("byGc")).forEach((k, v) -> byGc.put(String.valueOf(k), asText(v)));
        }
        Set<Collector> gcs = EnumSet.noneOf(Collector.class);
        for (Object g : list(f.get("gc"))) {
            gcs.add(Collector.of(asText(g)));
        }
        FlagRange range = null;
        List<?> r = list(f.get("range"));
        if (r.size() == 2) {
            range = new FlagRange(asText(r.get(0)), asText(r.get(1)));
        }
        Map<String, FlagKind> values = null;
        if (f.get("values") instanceof Map) {
            Map<String, FlagKind> vs = new LinkedHashMap<>();
            ((Map<?, ?>) f.get("values")).forEach((k, v) -> vs.put(String.valueOf(k), FlagKind.parse(asText(v))));
            values = vs;
        }
        return new FlagInfo(text(f, "name"), type == null ? null : FlagType.of(type), FlagKind.parse(kindText),
                kindText, availability(text(f, "availability")), text(f, "since"), text(f, "message"),
                text(f, "advice"), text(f, "default"), bool(f, "ergonomic", false), byGc, gcs, range,
                values, bool(f, "certain", true), text(f, "note"));
    }

    private static Availability availability(String s) {
        return s == null ? Availability.AVAILABLE : Availability.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    /** A field as text, as JsonNode.asText gave it ({@code null} when absent or null). */
    private static String text(Map<?, ?> n, String field) {
        Object v = n.get(field);
        return v == null ? null : asText(v);
    }

    private static String asText(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof String ? (String) v : (v instanceof Map || v instanceof List) ? "" : String.valueOf(v);
    }

    private static boolean bool(Map<?, ?> n, String field, boolean absent) {
        Object v = n.get(field);
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String) {
            return Boolean.parseBoolean(((String) v).trim());
        }
        if (v instanceof Number) {
            return ((Number) v).intValue() != 0;
        }
        return absent;
    }

    private static List<?> list(Object v) {
        return v instanceof List ? (List<?>) v : List.of();
    }

    private static List<String> strings(Object array) {
        List<String> out = new ArrayList<>();
        for (Object n : list(array)) {
            out.add(asText(n));
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
        try (JsonGenerator g = Factory.INSTANCE.createGenerator(w)) {
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
