package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.model.Collector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code -XX} flag one JDK feature release knows, with its type, kind, defaults, range and history,
 * made from the JDK's own {@code -XX:+PrintFlagsFinal} output (see {@code docs/flags.md}). Immutable and
 * thread-safe.
 *
 * <p>Bundled: JDK 17 and 25 (generated from real JDKs) and 21 (derived from 17 and 25 plus documented
 * differences; {@link #derived()}). {@link #forJdk(int)} answers other releases with the nearest lower
 * bundled catalogue, marked {@link #approximate()}.
 */
public final class FlagCatalogue {

    /** The oldest release a catalogue exists for. */
    public static final int OLDEST = 17;

    private static final String RESOURCE_PREFIX = "/io/github/jvmadvisor/core/flags/jdk";
    private static final Map<Integer, FlagCatalogue> BUNDLED = new ConcurrentHashMap<>();
    /** {@link #bundled()}: add a release here when its catalogue is added to the resources. */
    private static final List<Integer> BUNDLED_RELEASES = List.of(17, 21, 25);

    /**
     * Where a catalogue came from.
     *
     * @param feature the JDK feature release, e.g. 25
     * @param version the exact version it was generated from ({@code java.runtime.version}), e.g.
     *     {@code "25.0.3+9-LTS"}; for a derived catalogue the versions it was derived from
     * @param vendor the JDK vendor, e.g. {@code "Eclipse Adoptium"}, or {@code null}
     * @param vm the VM name and version, or {@code null}
     * @param derived whether the catalogue was derived from other releases rather than read from a JDK
     * @param builtOn the machine the defaults were read on (ergonomic defaults depend on it), or {@code null}
     * @param ergonomicCollector the collector the JDK picks on a server-class machine (2+ CPUs, 1792+ MB)
     * @param gcModes the GC modes the JDK build offers, e.g. {@code ["Serial", ..., "Shenandoah-generational"]}
     * @param xOptions the {@code -X} options the launcher lists ({@code java -X}), as stems such as
     *     {@code "-Xlog:"}, {@code "-Xmx"}, {@code "-Xint"}
     * @param notes free-text notes (for a derived catalogue: how it was derived)
     */
    public record About(int feature, String version, String vendor, String vm, boolean derived, String builtOn,
            Collector ergonomicCollector, List<String> gcModes, List<String> xOptions, List<String> notes) {
        public About {
            if (feature < 1 || version == null) {
                throw new IllegalArgumentException("a catalogue needs a feature release and a version");
            }
            gcModes = gcModes == null ? List.of() : List.copyOf(gcModes);
            xOptions = xOptions == null ? List.of() : List.copyOf(xOptions);
            notes = notes == null ? List.of() : List.copyOf(notes);
            ergonomicCollector = ergonomicCollector == null ? Collector.G1 : ergonomicCollector;
        }
    }

    private final About about;
    private final int requestedFeature;
    private final Map<String, FlagInfo> flags;
    private final List<LauncherOption> launcherOptions;

    private FlagCatalogue(About about, int requestedFeature, Map<String, FlagInfo> flags,
            List<LauncherOption> launcherOptions) {
        this.about = about;
        this.requestedFeature = requestedFeature;
        this.flags = flags;
        this.launcherOptions = launcherOptions;
    }

    /**
     * Makes a catalogue from its parts (the generator's way in).
     *
     * @throws IllegalArgumentException if a flag name appears twice
     */
    public static FlagCatalogue create(About about, Collection<FlagInfo> flags,
            Collection<LauncherOption> launcherOptions) {
        Map<String, FlagInfo> byName = new TreeMap<>();
        for (FlagInfo f : flags) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("flag " + f.name() + " appears twice");
            }
        }
        List<LauncherOption> opts = new ArrayList<>(launcherOptions);
        opts.sort(new Comparator<>() { // a class, not a lambda: this runs in JvmAdvisor.atStartup
            @Override
            public int compare(LauncherOption a, LauncherOption b) {
                return a.option().compareTo(b.option());
            }
        });
        return new FlagCatalogue(about, about.feature(), Collections.unmodifiableMap(byName), List.copyOf(opts));
    }

    /** {@code head} with {@code flags}, a sorted map (the bundled catalogues' lazily parsed flags). */
    static FlagCatalogue withFlags(FlagCatalogue head, Map<String, FlagInfo> flags) {
        return new FlagCatalogue(head.about, head.requestedFeature, flags, head.launcherOptions);
    }

    /**
     * The catalogue for a JDK feature release: the bundled one for 17, 21 and 25; for any other release from
     * 17 on, the nearest lower bundled one, marked {@link #approximate()} (so 26 and later use 25, 22 to 24 use
     * 21, 18 to 20 use 17). Flags a later release added or removed are then not known.
     *
     * @throws IllegalArgumentException if {@code feature} is below 17
     */
    public static FlagCatalogue forJdk(int feature) {
        if (feature < OLDEST) {
            throw new IllegalArgumentException("no flag catalogue for JDK " + feature + "; the oldest is " + OLDEST);
        }
        FlagCatalogue c = BUNDLED.get(feature);
        if (c == null) {
            // two threads may both read it; one answer is kept (no lambda: this runs in JvmAdvisor.atStartup)
            c = loadNearest(feature);
            FlagCatalogue first = BUNDLED.putIfAbsent(feature, c);
            c = first != null ? first : c;
        }
        return c;
    }

    /**
     * The feature releases with a bundled catalogue of their own (17, 21, 25 now), ascending. A constant, not a
     * probe of the class path: probing 40 resource names cost 5 to 20 ms of CPU in a fresh JVM, on the path of
     * {@code JvmAdvisor.atStartup}; {@code LazyCatalogueTest} checks it against the resources.
     */
    public static List<Integer> bundled() {
        return BUNDLED_RELEASES;
    }

    /** Whether a catalogue for {@code feature} is among the resources (the probe {@link #bundled()} stands for). */
    static boolean hasResource(int feature) {
        return FlagCatalogue.class.getResource(resource(feature)) != null;
    }

    private static String resource(int feature) {
        return RESOURCE_PREFIX + feature + ".json";
    }

    private static FlagCatalogue loadNearest(int feature) {
        for (int f = feature; f >= OLDEST; f--) {
            try (InputStream in = FlagCatalogue.class.getResourceAsStream(resource(f))) {
                if (in != null) {
                    FlagCatalogue c = CatalogueJson.readBundled(in);
                    return f == feature ? c : new FlagCatalogue(c.about, feature, c.flags, c.launcherOptions);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bundled flag catalogue for JDK " + f + " is unreadable", e);
            }
        }
        throw new IllegalStateException("no bundled flag catalogue at or below JDK " + feature);
    }

    /** Reads a catalogue written by {@link #toJson()} (for example one generated for another JDK). */
    public static FlagCatalogue read(InputStream in) throws IOException {
        return CatalogueJson.read(in);
    }

    /** Reads a catalogue file written by {@link #toJson()}. */
    public static FlagCatalogue read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** The catalogue as JSON, one flag per line, byte-for-byte the same for the same content. */
    public String toJson() {
        return CatalogueJson.write(this);
    }

    /** Where the catalogue came from. */
    public About about() {
        return about;
    }

    /** The release the catalogue describes, e.g. 25. */
    public int feature() {
        return about.feature();
    }

    /** The release the catalogue was asked for; differs from {@link #feature()} when {@link #approximate()}. */
    public int requestedFeature() {
        return requestedFeature;
    }

    /** Whether this catalogue stands in for a release it was not made for. */
    public boolean approximate() {
        return requestedFeature != about.feature();
    }

    /** Whether the catalogue was derived from other releases rather than read from a JDK. */
    public boolean derived() {
        return about.derived();
    }

    /** Whether answers about flag existence can be trusted (neither approximate nor derived). */
    public boolean exact() {
        return !approximate() && !derived();
    }

    /** The exact JDK version the catalogue came from. */
    public String version() {
        return about.version();
    }

    /** A one-line description, e.g. {@code "JDK 25 (25.0.3+9-LTS)"}, saying when it is derived or approximate. */
    public String describe() {
        String s = "JDK " + about.feature() + " (" + about.version()
                + (about.derived() && !about.version().startsWith("derived") ? ", derived" : "") + ")";
        return approximate() ? s + " standing in for JDK " + requestedFeature : s;
    }

    /** What the catalogue knows about the flag named {@code name} (without {@code -XX:}), including retired flags. */
    public Optional<FlagInfo> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    /** Every flag entry, sorted by name: the JDK's flags and the retired ones it knows about. */
    public List<FlagInfo> flags() {
        return List.copyOf(flags.values());
    }

    /** The launcher options the JDK refuses or warns about. */
    public List<LauncherOption> launcherOptions() {
        return launcherOptions;
    }

    /**
     * The retired launcher option {@code arg} is, e.g. {@code "--illegal-access=permit"} matches
     * {@code --illegal-access}; empty when it is not one.
     */
    public Optional<LauncherOption> launcherOption(String arg) {
        for (LauncherOption o : launcherOptions) {
            String k = o.option();
            if (arg.equals(k) || arg.startsWith(k) && (k.endsWith(":") || k.endsWith("=") || isSeparator(arg.charAt(k.length())))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static boolean isSeparator(char c) {
        return c == '=' || c == ':';
    }

    /**
     * Whether {@code arg} (e.g. {@code "-Xlog:gc"}, {@code "-Xint"}) is an {@code -X} option the JDK's launcher
     * lists in {@code java -X}; {@code true} when the catalogue has no list. A stem ending in {@code *} takes
     * anything after it; a plain stem also takes {@code :value}.
     */
    public boolean isListedXOption(String arg) {
        if (about.xOptions().isEmpty()) {
            return true;
        }
        for (String stem : about.xOptions()) {
            if (stem.endsWith("*")) {
                String prefix = stem.substring(0, stem.length() - 1);
                if (arg.startsWith(prefix) || prefix.endsWith(":") && arg.equals(prefix.substring(0, prefix.length() - 1))) {
                    return true;
                }
            } else if (arg.equals(stem) || arg.startsWith(stem + ":")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names of existing flags close to {@code name} (a typo, a different case, a missing prefix), best first,
     * at most three; empty when nothing is close.
     */
    public List<String> suggestions(String name) {
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, name.length() / 4);
        for (FlagInfo f : flags.values()) {
            if (!f.exists()) {
                continue;
            }
            String candidate = f.name().toLowerCase(Locale.ROOT);
            int d;
            if (candidate.equals(lower)) {
                d = 0;
            } else if (Math.abs(candidate.length() - lower.length()) > limit) {
                continue;
            } else {
                d = distance(lower, candidate, limit);
            }
            if (d <= limit) {
                scored.add(new Scored(f.name(), d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < 3; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent swaps), cut off above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    @Override
    public String toString() {
        return "FlagCatalogue[" + describe() + ", " + flags.size() + " flags]";
    }
}
