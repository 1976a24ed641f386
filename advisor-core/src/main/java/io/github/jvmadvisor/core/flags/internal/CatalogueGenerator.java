package io.github.jvmadvisor.core.flags.internal;

import io.github.jvmadvisor.core.flags.Availability;
import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.FlagKind;
import io.github.jvmadvisor.core.flags.FlagRange;
import io.github.jvmadvisor.core.flags.FlagType;
import io.github.jvmadvisor.core.flags.LauncherOption;
import io.github.jvmadvisor.core.flags.PrintFlagsFinal;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.FlagOrigin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a JDK's flag catalogue by running its {@code java}: {@code -XX:+PrintFlagsFinal} with and without the
 * unlock flags and once per collector, {@code -XX:+PrintFlagsRanges}, a deprecation probe over every flag, one
 * start per historically known option, and the words of word-valued flags. About 60 short JVM starts per JDK.
 *
 * <p>Run {@code advisor-core/src/main/flags/generate.sh} rather than this class directly; see
 * {@code docs/flags.md}.
 */
public final class CatalogueGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueGenerator.class);

    private static final String UNLOCK_EXP = "-XX:+UnlockExperimentalVMOptions";
    private static final String UNLOCK_DIAG = "-XX:+UnlockDiagnosticVMOptions";
    private static final List<String> UNLOCKS = List.of(UNLOCK_DIAG, UNLOCK_EXP);
    private static final Set<String> SELECTION_FLAGS = Set.of("UseSerialGC", "UseParallelGC", "UseG1GC", "UseZGC",
            "UseShenandoahGC", "UseEpsilonGC", "ShenandoahGCMode", "ZGenerational");

    private static final Pattern DEPRECATED = Pattern.compile(
            "Option (\\w+) was deprecated in version ([0-9.]+) and will likely be removed in a future release\\.");
    private static final Pattern IGNORING = Pattern.compile("Ignoring option (\\S+?);? support was removed in ([0-9.]+)");
    private static final Pattern IN_JDK = Pattern.compile("deprecated in JDK ([0-9.]+)");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z][A-Za-z0-9_]*)");

    /** A GC mode and the options that select it. */
    private record GcMode(String id, List<String> options) {
    }

    private static final List<GcMode> GC_MODES = List.of(
            new GcMode("Serial", List.of("-XX:+UseSerialGC")),
            new GcMode("Parallel", List.of("-XX:+UseParallelGC")),
            new GcMode("G1", List.of("-XX:+UseG1GC")),
            new GcMode("ZGC", List.of("-XX:+UseZGC")),
            new GcMode("ZGC-generational", List.of("-XX:+UseZGC", "-XX:+ZGenerational")),
            new GcMode("Shenandoah", List.of("-XX:+UseShenandoahGC")),
            new GcMode("Shenandoah-generational", List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational")),
            new GcMode("Epsilon", List.of("-XX:+UseEpsilonGC")));

    private final JavaRunner java;
    private final CuratedData data;
    private final boolean full;
    private int feature;

    private CatalogueGenerator(Path javaHome, CuratedData data, boolean full) {
        this.java = new JavaRunner(javaHome);
        this.data = data;
        this.full = full;
    }

    /**
     * Generates the full catalogue of the JDK at {@code javaHome}.
     *
     * @param dataDir the directory with the curated files ({@code retired-flags.txt}, ...), or {@code null}
     */
    public static FlagCatalogue generate(Path javaHome, Path dataDir) throws IOException {
        return new CatalogueGenerator(javaHome, dataDir == null ? CuratedData.NONE : CuratedData.read(dataDir), true)
                .run();
    }

    /**
     * Generates the names, types, kinds and plain defaults only (four JVM starts): enough to compare a
     * bundled catalogue with an installed JDK.
     */
    public static FlagCatalogue generateQuick(Path javaHome) throws IOException {
        return new CatalogueGenerator(javaHome, CuratedData.NONE, false).run();
    }

    private FlagCatalogue run() throws IOException {
        Map<String, String> props = properties();
        feature = Runtime.Version.parse(props.getOrDefault("java.version", "0")).feature();
        String version = props.getOrDefault("java.runtime.version", props.get("java.version"));
        LOG.info("generating the flag catalogue of JDK {} ({})", feature, version);

        Map<String, PrintFlagsFinal.Entry> bare = finalFlags(UNLOCKS, "bare");
        Map<String, PrintFlagsFinal.Entry> again = finalFlags(UNLOCKS, "bare, again");
        Set<String> locked = finalFlags(List.of(), "without unlock").keySet();
        Set<String> varying = new LinkedHashSet<>();
        for (PrintFlagsFinal.Entry e : bare.values()) {
            PrintFlagsFinal.Entry o = again.get(e.name());
            if (o == null || !e.value().equals(o.value())) {
                varying.add(e.name());
            }
        }
        checkKinds(bare, locked);

        Map<String, Map<String, PrintFlagsFinal.Entry>> byMode = new LinkedHashMap<>();
        Map<String, FlagRange> ranges = new HashMap<>();
        List<String> gcModes = new ArrayList<>();
        if (full) {
            rangesInto(ranges, List.of());
            for (GcMode mode : GC_MODES) {
                if (mode.id().equals("ZGC-generational") && !hasFalseBool(bare, "ZGenerational")) {
                    continue; // only where generational ZGC is an opt-in mode (21, 22)
                }
                List<String> args = new ArrayList<>(UNLOCKS);
                args.addAll(mode.options());
                JavaRunner.Run r = java.run(with(args, "-XX:+PrintFlagsFinal", "-version"));
                if (!r.ok()) {
                    LOG.info("GC mode {} is not available: {}", mode.id(), firstLine(r.all()));
                    continue;
                }
                gcModes.add(mode.id());
                byMode.put(mode.id(), index(PrintFlagsFinal.parse(r.out(), mode.id())));
                rangesInto(ranges, mode.options());
            }
        }
        Collector ergonomic = ergonomicCollector(bare);

        Map<String, String[]> deprecations = full ? deprecations(bare) : Map.of();
        Map<String, Map<String, FlagKind>> values = full ? values(bare) : Map.of();

        Map<String, FlagInfo> flags = new TreeMap<>();
        for (PrintFlagsFinal.Entry e : bare.values()) {
            String name = e.name();
            Map<String, String> byGc = new TreeMap<>();
            if (!SELECTION_FLAGS.contains(name) && !varying.contains(name)) {
                for (Map.Entry<String, Map<String, PrintFlagsFinal.Entry>> m : byMode.entrySet()) {
                    PrintFlagsFinal.Entry under = m.getValue().get(name);
                    if (under != null && !under.value().equals(e.value())) {
                        byGc.put(m.getKey(), under.value());
                    }
                }
            }
            String[] dep = deprecations.get(name);
            flags.put(name, new FlagInfo(name, e.type(), e.kind(), e.kindText(),
                    dep == null ? Availability.AVAILABLE : Availability.DEPRECATED, dep == null ? null : dep[0],
                    dep == null ? null : dep[1], null, varying.contains(name) ? null : e.value(),
                    e.origin() == FlagOrigin.ERGONOMIC, byGc, data.collectorsOf(name, feature), ranges.get(name),
                    values.get(name), true, varying.contains(name) ? "the default changes from run to run" : null));
        }
        List<LauncherOption> launcher = new ArrayList<>();
        if (full) {
            probeHistory(flags, launcher);
        }
        List<String> xOptions = full ? xOptions() : List.of();
        FlagCatalogue.About about = new FlagCatalogue.About(feature, version, props.get("java.vendor"),
                props.get("java.vm.name") + " " + props.get("java.vm.version"), false, builtOn(props), ergonomic,
                gcModes, xOptions, List.of());
        LOG.info("JDK {}: {} flags, {} retired entries, {} JVM starts", feature, bare.size(),
                flags.size() - bare.size(), java.runs());
        return FlagCatalogue.create(about, flags.values(), launcher);
    }

    private Map<String, String> properties() throws IOException {
        JavaRunner.Run r = java.run(List.of("-XshowSettings:properties", "-version"));
        Map<String, String> props = new HashMap<>();
        for (String line : r.all().split("\n")) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("    ") && eq > 0 && !line.startsWith("     ")) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        if (!props.containsKey("java.version")) {
            throw new IOException("could not read the JDK's properties: " + firstLine(r.all()));
        }
        return props;
    }

    private static String builtOn(Map<String, String> props) {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return props.get("os.name") + " " + props.get("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + (memory < 0 ? "unknown memory" : (memory >> 20) + " MB");
    }

    private Map<String, PrintFlagsFinal.Entry> finalFlags(List<String> unlocks, String what) throws IOException {
        JavaRunner.Run r = java.run(with(unlocks, "-XX:+PrintFlagsFinal", "-version"));
        if (!r.ok()) {
            throw new IOException("-XX:+PrintFlagsFinal failed (" + what + "): " + firstLine(r.all()));
        }
        PrintFlagsFinal.Result result = PrintFlagsFinal.parse(r.out(), "PrintFlagsFinal " + what);
        if (result.badLines() > 0) {
            throw new IOException("unreadable PrintFlagsFinal lines (" + what + "): " + result.issues());
        }
        return index(result);
    }

    private static Map<String, PrintFlagsFinal.Entry> index(PrintFlagsFinal.Result result) {
        Map<String, PrintFlagsFinal.Entry> out = new TreeMap<>();
        for (PrintFlagsFinal.Entry e : result.entries()) {
            out.put(e.name(), e);
        }
        return out;
    }

    private void rangesInto(Map<String, FlagRange> ranges, List<String> gcOptions) throws IOException {
        List<String> args = new ArrayList<>(UNLOCKS);
        args.addAll(gcOptions);
        JavaRunner.Run r = java.run(with(args, "-XX:+PrintFlagsRanges", "-version"));
        if (!r.ok()) {
            return;
        }
        for (PrintFlagsFinal.Entry e : PrintFlagsFinal.parse(r.out(), "PrintFlagsRanges").entries()) {
            if (e.range() != null) {
                ranges.putIfAbsent(e.name(), e.range());
            }
        }
    }

    /** Kinds come from the braces; a flag visible without the unlock flags must be product or manageable. */
    private static void checkKinds(Map<String, PrintFlagsFinal.Entry> bare, Set<String> locked) {
        for (PrintFlagsFinal.Entry e : bare.values()) {
            boolean needsUnlock = e.kind() != null && e.kind().unlockFlag() != null;
            if (needsUnlock == locked.contains(e.name())) {
                LOG.warn("flag {} is {} but {} without the unlock flags", e.name(), e.kindText(),
                        locked.contains(e.name()) ? "visible" : "hidden");
            }
        }
    }

    private static boolean hasFalseBool(Map<String, PrintFlagsFinal.Entry> flags, String name) {
        PrintFlagsFinal.Entry e = flags.get(name);
        return e != null && e.type() == FlagType.BOOL && "false".equals(e.value());
    }

    private static Collector ergonomicCollector(Map<String, PrintFlagsFinal.Entry> bare) {
        Map<String, Collector> use = Map.of("UseSerialGC", Collector.SERIAL, "UseParallelGC", Collector.PARALLEL,
                "UseG1GC", Collector.G1, "UseZGC", Collector.ZGC, "UseShenandoahGC", Collector.SHENANDOAH);
        for (Map.Entry<String, Collector> u : use.entrySet()) {
            PrintFlagsFinal.Entry e = bare.get(u.getKey());
            if (e != null && "true".equals(e.value())) {
                if (u.getValue() != Collector.G1) {
                    LOG.warn("the JDK chose {} by itself: this machine is not server-class (2+ CPUs, 1792+ MB), so "
                            + "the catalogue's ergonomic defaults are not the usual ones", u.getValue());
                }
                return u.getValue();
            }
        }
        return Collector.G1;
    }

    /**
     * Every flag whose default is plain (not ergonomic, not a string) is given explicitly at its default; the
     * JVM prints a deprecation warning for each deprecated one while it parses. When a flag stops the parse,
     * it is dropped and the rest is tried again.
     *
     * @return flag name to {since, message}
     */
    private Map<String, String[]> deprecations(Map<String, PrintFlagsFinal.Entry> bare) throws IOException {
        List<String> batch = new ArrayList<>();
        Map<String, String> optionOf = new HashMap<>();
        for (PrintFlagsFinal.Entry e : bare.values()) {
            if (e.origin() != FlagOrigin.DEFAULT || e.type() == null || e.type().isString()
                    || e.name().startsWith("Unlock") || SELECTION_FLAGS.contains(e.name())) {
                continue;
            }
            String opt = e.type() == FlagType.BOOL ? "-XX:" + ("true".equals(e.value()) ? "+" : "-") + e.name()
                    : "-XX:" + e.name() + "=" + e.value();
            batch.add(opt);
            optionOf.put(e.name(), opt);
        }
        Map<String, String[]> found = new TreeMap<>();
        for (int attempt = 0; attempt < 60 && !batch.isEmpty(); attempt++) {
            JavaRunner.Run r = java.run(with(with(UNLOCKS, batch.toArray(new String[0])), "-version"));
            for (String line : r.all().split("\n")) {
                Matcher m = DEPRECATED.matcher(line);
                if (m.find()) {
                    found.put(m.group(1), new String[] {m.group(2), m.group()});
                }
            }
            if (r.ok()) {
                break;
            }
            String culprit = null;
            Matcher q = QUOTED.matcher(r.err());
            while (q.find() && culprit == null) {
                if (batch.contains(optionOf.get(q.group(1)))) {
                    culprit = q.group(1);
                }
            }
            if (culprit == null) {
                for (String name : optionOf.keySet()) {
                    if (r.err().contains(name) && batch.contains(optionOf.get(name))) {
                        culprit = name;
                        break;
                    }
                }
            }
            if (culprit == null) {
                LOG.warn("deprecation probe stopped: {}", firstLine(r.err()));
                break;
            }
            batch.remove(optionOf.get(culprit));
        }
        LOG.info("deprecated flags: {}", found.keySet());
        return found;
    }

    /** For each word-valued flag, the words the JDK accepts and the unlock each needs. */
    private Map<String, Map<String, FlagKind>> values(Map<String, PrintFlagsFinal.Entry> bare) throws IOException {
        Map<String, Map<String, FlagKind>> out = new TreeMap<>();
        for (CuratedData.ValueProbe p : data.valueProbes) {
            PrintFlagsFinal.Entry flag = bare.get(p.flag());
            if (flag == null) {
                continue;
            }
            List<String> base = new ArrayList<>();
            if (flag.kind() != null && flag.kind().unlockFlag() != null) {
                base.add("-XX:+" + flag.kind().unlockFlag());
            }
            base.addAll(p.needed());
            if (!java.run(with(base, "-version")).ok()) {
                continue; // e.g. a build without Shenandoah
            }
            Map<String, FlagKind> accepted = new TreeMap<>();
            for (String word : p.words()) {
                String opt = "-XX:" + p.flag() + "=" + word;
                if (java.run(with(base, opt, "-version")).ok()) {
                    accepted.put(word, FlagKind.PRODUCT);
                } else if (java.run(with(with(base, UNLOCK_EXP), opt, "-version")).ok()) {
                    accepted.put(word, FlagKind.EXPERIMENTAL);
                } else if (java.run(with(with(base, UNLOCK_DIAG), opt, "-version")).ok()) {
                    accepted.put(word, FlagKind.DIAGNOSTIC);
                }
            }
            out.put(p.flag(), accepted);
        }
        return out;
    }

    /** Starts the JDK once per historically known option and records what it did. */
    private void probeHistory(Map<String, FlagInfo> flags, List<LauncherOption> launcher) throws IOException {
        for (CuratedData.Probe p : data.probes) {
            JavaRunner.Run r = java.run(with(UNLOCKS, p.option(), "-version"));
            String message = message(r);
            Availability a;
            String since = null;
            if (!r.ok()) {
                a = Availability.REMOVED;
            } else if (message == null) {
                a = Availability.AVAILABLE;
            } else if (message.startsWith("Ignoring option")) {
                a = Availability.OBSOLETE;
                Matcher m = IGNORING.matcher(message);
                since = m.find() ? m.group(2) : null;
            } else {
                a = Availability.DEPRECATED;
                Matcher m = DEPRECATED.matcher(message);
                Matcher j = IN_JDK.matcher(message);
                since = m.find() ? m.group(2) : j.find() ? j.group(1) : null;
            }
            if (p.option().startsWith("-XX:")) {
                String name = flagName(p.option());
                FlagInfo known = flags.get(name);
                if (known != null) {
                    if (r.ok() && a == Availability.DEPRECATED) {
                        flags.put(name, withHistory(known, Availability.DEPRECATED,
                                since != null ? since : known.since(), message, p.advice()));
                    } else if (known.availability() == Availability.DEPRECATED) {
                        flags.put(name, withHistory(known, known.availability(), known.since(), known.jvmMessage(),
                                p.advice()));
                    }
                } else if (a != Availability.AVAILABLE) {
                    flags.put(name, new FlagInfo(name, null, null, null, a, since, message, p.advice(), null, false,
                            null, data.collectorsOf(name, feature), null, null, true, null));
                } else {
                    LOG.warn("{} is accepted silently but is not in PrintFlagsFinal", p.option());
                }
            } else if (a != Availability.AVAILABLE) {
                launcher.add(new LauncherOption(p.key() != null ? p.key() : launcherKey(p.option()), a, since, message,
                        p.advice()));
            }
        }
    }

    private static FlagInfo withHistory(FlagInfo f, Availability a, String since, String message, String advice) {
        return new FlagInfo(f.name(), f.type(), f.kind(), f.kindText(), a, since, message, advice, f.defaultValue(),
                f.ergonomicDefault(), f.perCollectorDefaults(), f.collectors(), f.range(), f.acceptedValues(),
                f.certain(), f.note());
    }

    /** The JVM's own words about the probed option: its first warning or error line, decorations removed. */
    private static String message(JavaRunner.Run r) {
        for (String raw : r.all().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || isBanner(line)) {
                continue;
            }
            int w = line.indexOf("warning: ");
            if (w >= 0 && line.contains("VM warning: ")) {
                return line.substring(w + "warning: ".length()).strip();
            }
            if (line.startsWith("[") && line.contains("][warning]")) {
                return line.substring(line.lastIndexOf(']') + 1).strip();
            }
            if (line.startsWith("Warning: ") || line.startsWith("Unrecognized") || line.startsWith("Error")
                    || line.startsWith("Improperly") || line.startsWith("Invalid")) {
                return line;
            }
        }
        return null;
    }

    private static boolean isBanner(String line) {
        return line.startsWith("openjdk version") || line.startsWith("java version")
                || line.startsWith("OpenJDK Runtime Environment") || line.startsWith("Java(TM) SE Runtime")
                || line.contains("Server VM (build") || line.contains("Server VM Temurin")
                || line.startsWith("[") && line.contains("][info");
    }

    private List<String> xOptions() throws IOException {
        JavaRunner.Run r = java.run(List.of("-X"));
        Set<String> out = new LinkedHashSet<>();
        for (String line : r.all().split("\n")) {
            if (!line.startsWith("    -X")) {
                continue;
            }
            String token = line.strip().split("\\s+")[0];
            int lt = token.indexOf('<');
            out.add(lt >= 0 ? token.substring(0, lt) + "*" : token);
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    static String flagName(String option) {
        String s = option.substring("-XX:".length());
        if (s.startsWith("+") || s.startsWith("-")) {
            s = s.substring(1);
        }
        int eq = s.indexOf('=');
        return eq < 0 ? s : s.substring(0, eq);
    }

    private static String launcherKey(String option) {
        int eq = option.indexOf('=');
        return option.startsWith("--") && eq > 0 ? option.substring(0, eq) : option;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private static String firstLine(String s) {
        for (String line : s.split("\n")) {
            if (!line.isBlank() && !isBanner(line.strip())) {
                return line.strip();
            }
        }
        return "(no output)";
    }

    /**
     * Writes {@code jdk<N>.json} for each JDK home given.
     *
     * <pre>
     * CatalogueGenerator generate --data DIR --out DIR JAVA_HOME...
     * CatalogueGenerator derive --data DIR --out DIR --feature 21 OLDER.json NEWER.json
     * </pre>
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException(usage());
        }
        Path dataDir = null;
        Path outDir = Path.of(".");
        int feature = -1;
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data":
                    dataDir = Path.of(args[++i]);
                    break;
                case "--out":
                    outDir = Path.of(args[++i]);
                    break;
                case "--feature":
                    feature = Integer.parseInt(args[++i]);
                    break;
                default:
                    rest.add(args[i]);
            }
        }
        Files.createDirectories(outDir);
        if (args[0].equals("generate")) {
            for (String home : rest) {
                FlagCatalogue c = generate(Path.of(home), dataDir);
                write(outDir, c);
            }
        } else if (args[0].equals("derive") && rest.size() == 2 && feature > 0) {
            FlagCatalogue older = FlagCatalogue.read(Path.of(rest.get(0)));
            FlagCatalogue newer = FlagCatalogue.read(Path.of(rest.get(1)));
            Path differences = dataDir == null ? null
                    : dataDir.resolve(String.format(Locale.ROOT, "jdk%d-differences.txt", feature));
            write(outDir, Derivation.derive(older, newer, feature, differences,
                    dataDir == null ? CuratedData.NONE : CuratedData.read(dataDir)));
        } else {
            throw new IllegalArgumentException(usage());
        }
    }

    private static void write(Path outDir, FlagCatalogue c) throws IOException {
        Path file = outDir.resolve(String.format(Locale.ROOT, "jdk%d.json", c.feature()));
        Files.writeString(file, c.toJson(), StandardCharsets.UTF_8);
        LOG.info("wrote {} ({} flags)", file, c.flags().size());
    }

    private static String usage() {
        return "usage: CatalogueGenerator generate --data DIR --out DIR JAVA_HOME... | "
                + "derive --data DIR --out DIR --feature N OLDER.json NEWER.json";
    }
}
