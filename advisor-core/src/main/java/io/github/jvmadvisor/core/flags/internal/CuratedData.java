package io.github.jvmadvisor.core.flags.internal;

import io.github.jvmadvisor.core.model.Collector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The hand-written inputs of the generator (files in {@code advisor-core/src/main/flags/}): options to probe
 * for their history, which collectors a flag applies to, and words to try for word-valued flags.
 */
final class CuratedData {

    /**
     * An option to probe, the advice shown when a JDK no longer takes it, and (launcher options) the text that
     * identifies the option when the probed value is only an example ({@code -Xloggc:} for {@code -Xloggc:gc.log}).
     */
    record Probe(String option, String advice, String key) {
    }

    /** A flag applies to these collectors in JDK releases {@code from..to} (inclusive; 0 = open). */
    record CollectorRule(String flag, Set<Collector> collectors, int from, int to) {
        boolean covers(int feature) {
            return (from == 0 || feature >= from) && (to == 0 || feature <= to);
        }
    }

    /** Words to try for a flag, and options without which the JVM would not look at the value. */
    record ValueProbe(String flag, List<String> words, List<String> needed) {
    }

    final List<Probe> probes;
    final List<CollectorRule> collectorRules;
    final List<ValueProbe> valueProbes;

    CuratedData(List<Probe> probes, List<CollectorRule> collectorRules, List<ValueProbe> valueProbes) {
        this.probes = List.copyOf(probes);
        this.collectorRules = List.copyOf(collectorRules);
        this.valueProbes = List.copyOf(valueProbes);
    }

    static final CuratedData NONE = new CuratedData(List.of(), List.of(), List.of());

    /** Reads the three files from {@code dir}; a missing file counts as empty. */
    static CuratedData read(Path dir) throws IOException {
        List<Probe> probes = new ArrayList<>();
        for (String line : lines(dir.resolve("retired-flags.txt"))) {
            String[] cols = line.split("\\|");
            String option = cols[0].trim();
            String advice = cols.length > 1 && !cols[1].isBlank() ? cols[1].trim() : null;
            String key = cols.length > 2 && !cols[2].isBlank() ? cols[2].trim() : null;
            probes.add(new Probe(option, advice, key));
        }
        List<CollectorRule> rules = new ArrayList<>();
        for (String line : lines(dir.resolve("collector-flags.txt"))) {
            String[] t = line.trim().split("\\s+");
            Set<Collector> gcs = EnumSet.noneOf(Collector.class);
            int from = 0;
            int to = 0;
            for (int i = 1; i < t.length; i++) {
                if (t[i].matches("\\d*-\\d*")) {
                    String[] r = t[i].split("-", -1);
                    from = r[0].isEmpty() ? 0 : Integer.parseInt(r[0]);
                    to = r[1].isEmpty() ? 0 : Integer.parseInt(r[1]);
                } else {
                    gcs.add(Collector.of(t[i]));
                }
            }
            rules.add(new CollectorRule(t[0], gcs, from, to));
        }
        List<ValueProbe> values = new ArrayList<>();
        for (String line : lines(dir.resolve("value-probes.txt"))) {
            int bar = line.indexOf('|');
            String[] t = (bar < 0 ? line : line.substring(0, bar)).trim().split("\\s+");
            List<String> needed = bar < 0 ? List.of() : Arrays.asList(line.substring(bar + 1).trim().split("\\s+"));
            values.add(new ValueProbe(t[0], Arrays.asList(t).subList(1, t.length), needed));
        }
        return new CuratedData(probes, rules, values);
    }

    /** Non-blank lines without {@code #} comments. */
    static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The collectors {@code flag} applies to on release {@code feature}: a matching line of
     * collector-flags.txt, else the name's prefix, else none (applies to all).
     */
    Set<Collector> collectorsOf(String flag, int feature) {
        for (CollectorRule r : collectorRules) {
            if (r.flag().equals(flag)) {
                return r.covers(feature) ? r.collectors() : Set.of();
            }
        }
        return byPrefix(flag);
    }

    static Set<Collector> byPrefix(String flag) {
        if (flag.startsWith("G1")) {
            return EnumSet.of(Collector.G1);
        }
        if (flag.startsWith("Shenandoah")) {
            return EnumSet.of(Collector.SHENANDOAH);
        }
        if (flag.startsWith("Epsilon")) {
            return EnumSet.of(Collector.EPSILON);
        }
        if (flag.length() > 1 && flag.charAt(0) == 'Z' && Character.isUpperCase(flag.charAt(1))) {
            return EnumSet.of(Collector.ZGC);
        }
        if (flag.length() > 2 && flag.startsWith("PS") && Character.isUpperCase(flag.charAt(2))) {
            return EnumSet.of(Collector.PARALLEL);
        }
        return Set.of();
    }
}
