package io.github.jvmadvisor.core.flags.internal;

import io.github.jvmadvisor.core.flags.Availability;
import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.FlagKind;
import io.github.jvmadvisor.core.flags.FlagRange;
import io.github.jvmadvisor.core.flags.FlagType;
import io.github.jvmadvisor.core.flags.LauncherOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives the catalogue of a release between two generated ones (21 from 17 and 25) when no JDK of that release
 * is at hand. A flag both neighbours have is taken as present, with the values they agree on; a flag only one
 * has is marked {@code certain=false} unless a documented difference settles it. Documented differences come
 * from {@code jdk<N>-differences.txt}.
 */
final class Derivation {

    /** One documented line: a name (or prefix with {@code *}), settings, a note. */
    record Difference(String pattern, Map<String, String> settings, String note) {
        boolean matches(String name, boolean inOlder, boolean inNewer) {
            String scope = settings.getOrDefault("scope", "any");
            boolean inScope = scope.equals("any") || scope.equals("newer-only") && inNewer && !inOlder
                    || scope.equals("older-only") && inOlder && !inNewer;
            return inScope && (pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : name.equals(pattern));
        }
    }

    private Derivation() {
    }

    static FlagCatalogue derive(FlagCatalogue older, FlagCatalogue newer, int feature, Path differencesFile,
            CuratedData data) throws IOException {
        List<Difference> diffs = new ArrayList<>();
        List<String> gcModes = null;
        if (differencesFile != null) {
            for (String line : CuratedData.lines(differencesFile)) {
                if (line.startsWith("@gcModes")) {
                    gcModes = List.of(line.substring("@gcModes".length()).trim().split("\\s+"));
                } else {
                    diffs.add(parse(line));
                }
            }
        }
        TreeSet<String> names = new TreeSet<>();
        older.flags().forEach(f -> names.add(f.name()));
        newer.flags().forEach(f -> names.add(f.name()));
        for (Difference d : diffs) {
            if (!d.pattern().endsWith("*")) {
                names.add(d.pattern());
            }
        }
        List<FlagInfo> out = new ArrayList<>();
        String o = Integer.toString(older.feature());
        String n = Integer.toString(newer.feature());
        for (String name : names) {
            FlagInfo a = older.flag(name).orElse(null);
            FlagInfo b = newer.flag(name).orElse(null);
            FlagInfo f = merge(name, a, b, feature, o, n);
            boolean inA = a != null && a.exists();
            boolean inB = b != null && b.exists();
            for (Difference d : diffs) {
                if (d.matches(name, inA, inB)) {
                    f = apply(f, d, a, b);
                }
            }
            if (f != null) {
                if (f.exists()) {
                    f = with(f, f.availability(), f.since(), f.defaultValue(), f.range(), f.acceptedValues(),
                            f.certain(), f.note(), data.collectorsOf(name, feature));
                }
                out.add(f);
            }
        }
        List<LauncherOption> launcher = new ArrayList<>();
        for (LauncherOption lo : newer.launcherOptions()) {
            older.launcherOption(lo.option()).filter(x -> x.availability() == lo.availability())
                    .ifPresent(x -> launcher.add(lo));
        }
        List<String> xOptions = new ArrayList<>(older.about().xOptions());
        xOptions.retainAll(newer.about().xOptions());
        if (gcModes == null) {
            gcModes = new ArrayList<>(older.about().gcModes());
            gcModes.retainAll(newer.about().gcModes());
        }
        String version = "derived from " + older.version() + " and " + newer.version();
        FlagCatalogue.About about = new FlagCatalogue.About(feature, version, null, null, true,
                newer.about().builtOn(), newer.about().ergonomicCollector(), gcModes, xOptions,
                List.of("Derived from the JDK " + o + " and JDK " + n + " catalogues: a flag both have is taken as "
                        + "present on " + feature + ", with the defaults they agree on.",
                    "A flag only one of them has is marked certain=false unless jdk" + feature
                        + "-differences.txt (from rules.md sections 4 and 8 and the JEPs) settles it.",
                    "Replace this file with a generated one when a JDK " + feature + " is at hand."));
        return FlagCatalogue.create(about, out, launcher);
    }

    private static FlagInfo merge(String name, FlagInfo a, FlagInfo b, int feature, String o, String n) {
        boolean inA = a != null && a.exists();
        boolean inB = b != null && b.exists();
        if (inA && inB) {
            List<String> notes = new ArrayList<>();
            boolean certain = true;
            FlagKind kind = b.kind();
            String kindText = b.kindText();
            if (a.kind() != b.kind()) {
                kind = a.kind();
                kindText = a.kindText();
                certain = false;
                notes.add("kind " + o + ": " + a.kindText() + ", " + n + ": " + b.kindText());
            }
            FlagType type = b.type();
            if (a.type() != b.type()) {
                notes.add("type " + o + ": " + a.type() + ", " + n + ": " + b.type());
            }
            String def = b.defaultValue();
            if (!Objects.equals(a.defaultValue(), b.defaultValue())) {
                def = null;
                notes.add("default " + o + ": " + a.defaultValue() + ", " + n + ": " + b.defaultValue());
            }
            Map<String, String> byGc = new TreeMap<>();
            for (Map.Entry<String, String> e : b.perCollectorDefaults().entrySet()) {
                if (e.getValue().equals(a.perCollectorDefaults().get(e.getKey()))) {
                    byGc.put(e.getKey(), e.getValue());
                }
            }
            FlagRange range = Objects.equals(a.range(), b.range()) ? b.range() : null;
            if (range == null && (a.range() != null || b.range() != null)) {
                notes.add("range " + o + ": " + a.range() + ", " + n + ": " + b.range());
            }
            Map<String, FlagKind> values = null;
            if (a.acceptedValues() != null && b.acceptedValues() != null) {
                values = new TreeMap<>();
                for (Map.Entry<String, FlagKind> e : b.acceptedValues().entrySet()) {
                    if (e.getValue() == a.acceptedValues().get(e.getKey())) {
                        values.put(e.getKey(), e.getValue());
                    }
                }
            }
            Availability av = Availability.AVAILABLE;
            String since = null;
            String message = null;
            String advice = null;
            if (b.availability() == Availability.DEPRECATED && major(b.since()) > 0 && major(b.since()) <= feature) {
                av = Availability.DEPRECATED;
                since = b.since();
                message = b.jvmMessage();
                advice = b.advice();
            } else if (a.availability() == Availability.DEPRECATED) {
                av = Availability.DEPRECATED;
                since = a.since();
                message = a.jvmMessage();
                advice = a.advice();
            }
            return new FlagInfo(name, type, kind, kindText, av, since, message, advice, def,
                    a.ergonomicDefault() || b.ergonomicDefault(), byGc, b.collectors(), range, values, certain,
                    notes.isEmpty() ? null : String.join("; ", notes));
        }
        if (inA) {
            if (b != null && b.availability() == Availability.OBSOLETE && major(b.since()) > 0
                    && major(b.since()) <= feature) {
                return b; // obsolete in a release up to this one, and still obsolete in the newer one
            }
            if (b != null && b.availability() == Availability.OBSOLETE && major(b.since()) > feature) {
                return with(a, a.availability(), a.since(), a.defaultValue(), a.range(), a.acceptedValues(), true,
                        "obsolete only from " + b.since(), a.collectors());
            }
            return with(a, a.availability(), a.since(), a.defaultValue(), a.range(), a.acceptedValues(), false,
                    "in JDK " + o + ", not in JDK " + n + "; not documented for " + feature, a.collectors());
        }
        if (inB) {
            return with(b, Availability.AVAILABLE, null, b.defaultValue(), b.range(), b.acceptedValues(), false,
                    "not in JDK " + o + ", in JDK " + n + "; not documented for " + feature, b.collectors());
        }
        if (a != null && b != null) {
            return with(b, b.availability(), b.since(), null, null, null, a.availability() == b.availability(),
                    a.availability() == b.availability() ? null
                            : o + ": " + a.availability() + ", " + n + ": " + b.availability(),
                    b.collectors());
        }
        FlagInfo only = a != null ? a : b;
        return only == null ? null : with(only, only.availability(), only.since(), null, null, null, false,
                "only JDK " + (a != null ? o : n) + " was probed for it", only.collectors());
    }

    private static FlagInfo apply(FlagInfo f, Difference d, FlagInfo a, FlagInfo b) {
        Map<String, String> s = d.settings();
        FlagInfo base = f != null ? f : b != null ? b : a;
        if (base == null) {
            base = new FlagInfo(d.pattern(), null, null, null, Availability.AVAILABLE, null, null, null, null, false,
                    null, null, null, null, true, null);
        }
        Availability av = s.containsKey("availability")
                ? Availability.valueOf(s.get("availability").toUpperCase(java.util.Locale.ROOT)) : base.availability();
        FlagType type = s.containsKey("type") ? FlagType.of(s.get("type")) : base.type();
        String kindText = s.getOrDefault("kind", base.kindText());
        String def = s.containsKey("default") ? s.get("default") : base.defaultValue();
        FlagRange range = base.range();
        if (s.containsKey("range")) {
            String[] r = s.get("range").split("\\.\\.");
            range = new FlagRange(r[0], r[1]);
        }
        Map<String, FlagKind> values = base.acceptedValues();
        if (s.containsKey("values")) {
            values = new LinkedHashMap<>();
            for (String pair : s.get("values").split(",")) {
                String[] kv = pair.split(":");
                values.put(kv[0], FlagKind.parse(kv[1]));
            }
        }
        boolean certain = !"false".equals(s.get("certain"));
        String since = s.containsKey("since") ? s.get("since") : av == base.availability() ? base.since() : null;
        String message = av == base.availability() ? base.jvmMessage() : null;
        if (av == Availability.REMOVED) {
            type = s.containsKey("type") ? type : base.type();
            def = null;
            range = null;
            values = null;
            message = "Unrecognized VM option '" + base.name() + "'";
        } else if (av == Availability.DEPRECATED && message == null) {
            message = a != null && a.availability() == Availability.DEPRECATED ? a.jvmMessage() : null;
        }
        return new FlagInfo(base.name(), type, FlagKind.parse(kindText), kindText, av, since, message, base.advice(),
                av == Availability.REMOVED || av == Availability.OBSOLETE ? null : def, base.ergonomicDefault(),
                av == Availability.REMOVED ? Map.of() : base.perCollectorDefaults(), base.collectors(), range, values,
                certain, d.note());
    }

    private static Difference parse(String line) {
        int hash = line.indexOf('#');
        String note = hash < 0 ? null : line.substring(hash + 1).trim();
        String[] t = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: " + t[i] + " in: " + line);
            }
            settings.put(t[i].substring(0, eq), t[i].substring(eq + 1));
        }
        return new Difference(t[0], settings, note == null || note.isEmpty() ? null : note);
    }

    private static FlagInfo with(FlagInfo f, Availability av, String since, String def, FlagRange range,
            Map<String, FlagKind> values, boolean certain, String note,
            java.util.Set<io.github.jvmadvisor.core.model.Collector> collectors) {
        return new FlagInfo(f.name(), f.type(), f.kind(), f.kindText(), av, since, f.jvmMessage(), f.advice(), def,
                f.ergonomicDefault(), f.perCollectorDefaults(), collectors, range, values, certain, note);
    }

    /** The feature release in a version like {@code "10.0"} or {@code "24"}; 0 when there is none. */
    static int major(String version) {
        if (version == null) {
            return 0;
        }
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
