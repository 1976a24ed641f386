package io.github.jvmadvisor.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jvmadvisor.core.Analyzer;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AnalysisJson;
import io.github.jvmadvisor.core.report.AnalysisText;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The fuzzing suite's shared parts: the seed inputs (real files of the corpus and the bundled example), the
 * mutations drawn for each try, and the checks every mutated input must pass whatever the damage.
 *
 * <p>Each try draws its seed input and mutation from a {@link Random} seeded by the run's seed and the try's
 * number, so a failure names the seed that gives it again. {@code -Djvmadvisor.fuzz.tries=N} sets the tries per
 * reader, {@code -Djvmadvisor.fuzz.seed=S} the run's seed (random by default); see docs/fuzzing.md.
 */
public final class Fuzz {

    /** Tries per reader when the property is not set (an IDE run): the build's default, see the parent pom. */
    static final int DEFAULT_TRIES = 200;
    /** What one analysis may take before it counts as a hang; generous, a mutated input takes well under 1 s. */
    public static final Duration BOUND = Duration.ofSeconds(30);
    /** Seeds are cut to this many bytes (at a line end) so that a try takes a fraction of a second. */
    static final int SEED_BYTES = 400_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<Path, byte[]> PLAIN = new ConcurrentHashMap<>();

    private Fuzz() {
    }

    /** A seed: a real file's plain bytes (inflated, cut to {@link #SEED_BYTES}) and the name suffix it needs. */
    public record Seed(String name, byte[] plain, String suffix) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The project root (the directory holding {@code examples/}). */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples").resolve("g1-small-heap"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/g1-small-heap not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * Unified GC logs of several collectors: the bundled G1 example and corpus logs of Serial, Parallel, ZGC,
     * Shenandoah; the example alone when the corpus is absent.
     */
    public static List<Seed> gcLogs() {
        Seed example = seed(projectRoot().resolve("examples/g1-small-heap/gc.log.gz"), ".log");
        if (SharedCorpus.dir() == null) {
            return List.of(example);
        }
        Path g = SharedCorpus.dir().resolve("gclog").resolve("generated");
        return List.of(example, seed(g.resolve("jdk17-serial-default.log.gz"), ".log"),
                seed(g.resolve("jdk25-parallel-default.log.gz"), ".log"),
                seed(g.resolve("jdk17-zgc-default.log.gz"), ".log"),
                seed(g.resolve("jdk25-shenandoah-default.log.gz"), ".log"));
    }

    /** Small JFR recordings of the corpus (JDK 17 and 21 era, different collectors). */
    public static List<Seed> recordings() {
        Path j = SharedCorpus.require().resolve("jfr");
        return List.of(seed(j.resolve("jmc__pid1.jfr"), ".jfr"), seed(j.resolve("jmc__parallel-gc_cpu.jfr"), ".jfr"),
                seed(j.resolve("jmc__full_gc_g1.jfr"), ".jfr"));
    }

    /** HdrHistogram interval logs of the corpus (plain, tagged, a YCSB log). */
    public static List<Seed> hlogs() {
        Path h = SharedCorpus.require().resolve("hlog");
        return List.of(seed(h.resolve("HdrHistogram-java__jHiccup-2.0.7S.logV2.hlog"), ".hlog"),
                seed(h.resolve("HdrHistogram-java__tagged-Log.logV2.hlog"), ".hlog"),
                seed(h.resolve("HdrHistogram-java__ycsb.logV1.hlog"), ".hlog"));
    }

    /** JMH result files of the corpus. */
    public static List<Seed> jmhResults() {
        Path j = SharedCorpus.require().resolve("jmh");
        return List.of(seed(j.resolve("jcasbin__jmh-result.json"), ".json"),
                seed(j.resolve("openjdk-jmh__output-golden.json"), ".json"),
                seed(j.resolve("github-action-benchmark__jmh_output.json"), ".json"));
    }

    /** Every seed of every kind; the bundled example alone when the corpus is absent. */
    public static List<Seed> all() {
        List<Seed> all = new ArrayList<>(gcLogs());
        if (SharedCorpus.dir() != null) {
            all.addAll(recordings());
            all.addAll(hlogs());
            all.addAll(jmhResults());
        }
        return all;
    }

    static Seed seed(Path file, String suffix) {
        byte[] b = PLAIN.computeIfAbsent(file, f -> {
            try {
                byte[] raw = Files.readAllBytes(f);
                // by content, not name: some corpus recordings (jmc__parallel-gc_cpu.jfr) are gzip files
                if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                        raw = suffix.equals(".jfr") ? in.readAllBytes() : in.readNBytes(SEED_BYTES);
                    }
                }
                if (raw.length >= SEED_BYTES && !suffix.equals(".jfr")) {
                    int end = SEED_BYTES - 1;
                    while (end > 0 && raw[end] != '\n') {
                        end--;
                    }
                    raw = java.util.Arrays.copyOf(raw, end + 1);
                }
                return raw;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Seed(file.getFileName().toString(), b, suffix);
    }

    /** Tries per reader: {@code -Djvmadvisor.fuzz.tries} (the build passes 200 unless told otherwise). */
    public static int tries() {
        return Math.max(0, Integer.getInteger("jvmadvisor.fuzz.tries", DEFAULT_TRIES));
    }

    /** The run's seed: {@code -Djvmadvisor.fuzz.seed}, or a new one each run (printed with every failure). */
    public static long runSeed() {
        String s = System.getProperty("jvmadvisor.fuzz.seed");
        return s == null || s.isBlank() ? RUN_SEED : Long.parseLong(s.trim());
    }

    private static final long RUN_SEED = new Random().nextLong();

    /** One try: the seed input and the mutation drawn for try {@code n} of a property named {@code name}. */
    public record Try(String name, long runSeed, int n, Seed seed, Mutation mutation) {
        @Override
        public String toString() {
            return name + " #" + n + " " + seed + " " + mutation;
        }

        /** How to get this try again. */
        public String reproduce() {
            return "-Djvmadvisor.fuzz.seed=" + runSeed + " (try #" + n + " of " + name + ")";
        }
    }

    /** The tries of a property: {@link #tries()} draws from {@code seeds}. */
    public static List<Try> draw(String name, List<Seed> seeds) {
        long run = runSeed();
        List<Try> out = new ArrayList<>();
        for (int n = 0; n < tries(); n++) {
            Random r = new Random(run * 31 + name.hashCode() * 1_000_003L + n);
            out.add(new Try(name, run, n, seeds.get(r.nextInt(seeds.size())), mutation(r)));
        }
        return out;
    }

    /**
     * A mutation: one time in four a plain cut alone (the damage whose visibility can be asserted, see
     * {@link #damageIsVisible}); otherwise one to three edits of any kind, stored plain, gzipped, or gzipped and cut.
     */
    public static Mutation mutation(Random r) {
        if (r.nextInt(4) == 0) {
            return new Mutation(List.of(new Mutation.Truncate(r.nextDouble())), Mutation.Wrap.NONE, 0);
        }
        List<Mutation.Edit> edits = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            edits.add(switch (r.nextInt(10)) {
                case 0 -> new Mutation.Truncate(r.nextDouble());
                case 1 -> new Mutation.BitFlips(r.nextLong(), 1 + r.nextInt(16));
                case 2 -> new Mutation.Insert(r.nextDouble(), r.nextLong(), 1 + r.nextInt(64));
                case 3 -> new Mutation.Delete(r.nextDouble(), 1 + r.nextInt(4096));
                case 4 -> new Mutation.DuplicateLines(r.nextLong(), 1 + r.nextInt(5));
                case 5 -> new Mutation.ShuffleLines(r.nextDouble(), r.nextLong(), 2 + r.nextInt(49));
                case 6 -> new Mutation.GarbageLines(r.nextLong(), 1 + r.nextInt(8));
                case 7 -> new Mutation.HugeLine(r.nextDouble(), 70_000 + r.nextInt(3_000_000));
                case 8 -> new Mutation.ExtremeNumbers(r.nextLong(), 1 + r.nextInt(6));
                default -> new Mutation.HeaderLong(Mutation.HeaderLong.JFR_FIELDS[r.nextInt(7)],
                        switch (r.nextInt(5)) {
                            case 0 -> 0;
                            case 1 -> -1;
                            case 2 -> Long.MAX_VALUE;
                            case 3 -> Long.MIN_VALUE;
                            default -> r.nextLong();
                        });
            });
        }
        Mutation.Wrap[] w = Mutation.Wrap.values();
        return new Mutation(edits, w[r.nextInt(w.length)], r.nextDouble());
    }

    /** Writes the mutated seed to {@code dir}; the name ends as the original's, plus {@code .gz} when gzipped. */
    public static Path write(Path dir, Seed seed, Mutation m) throws IOException {
        String name = "fuzzed" + seed.suffix() + (m.wrap() == Mutation.Wrap.NONE ? "" : ".gz");
        Path p = dir.resolve(name);
        Files.write(p, m.apply(seed.plain()));
        return p;
    }

    /** What a try checks on its mutated file. */
    @FunctionalInterface
    public interface Check {
        void check(Path file) throws Exception;
    }

    /**
     * Runs one try: writes the mutated input to a temporary directory and checks it. A failure keeps the input
     * in {@code target/fuzz-failures/} (ready to become a regression file) and says how to get the try again.
     */
    public static void run(Try t, Check check) throws Exception {
        Path dir = Files.createTempDirectory("fuzz");
        Path file = write(dir, t.seed(), t.mutation());
        try {
            check.check(file);
        } catch (AssertionError | Exception e) {
            Path kept = Path.of("target", "fuzz-failures").toAbsolutePath();
            Files.createDirectories(kept);
            kept = kept.resolve(t.name() + "-" + t.runSeed() + "-" + t.n() + "-" + file.getFileName());
            Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            throw new AssertionError(t + " failed; input kept in " + kept + "; again with " + t.reproduce()
                    + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Reads the file within {@link #BOUND}; nothing may escape. */
    public static Evidence analyze(Path file) {
        return analyze(List.of(file));
    }

    /** Reads the files together within {@link #BOUND}; nothing may escape. */
    public static Evidence analyze(List<Path> files) {
        return assertTimeoutPreemptively(BOUND, () -> assertDoesNotThrow(() -> Analyzer.analyze(files),
                "Analyzer.analyze threw on " + files));
    }

    /** Which plain cut of a valid input of some kind must show as an issue. */
    public enum CutShows {
        /**
         * GC logs: a cut that leaves the file empty or not at a line end (every unified logging line ends with
         * one, and the reader says when the last has none).
         */
        LINE,
        /**
         * hlogs: a cut that leaves the file empty, or takes at least 12 bytes of the line it ends in. A shorter cut
         * may take only the base64 padding and the zlib checksum at the end of a histogram, which decoding does
         * not need (the histogram's length is in its header): the line is still read whole, rightly.
         */
        HISTOGRAM_LINE,
        /** JSON: a cut that removes anything but white space leaves an incomplete document. */
        NON_BLANK,
        /** Binary (JFR): any cut; a recording's chunk header holds its size. */
        ANY
    }

    /**
     * The damage that must show as an issue. Only damage certain to be visible whatever the input is asserted:
     * a gzip stream cut before its end (the trailer with the CRC and length is missing, so the input cannot have
     * been read whole), and a valid seed whose only damage is a plain cut as {@code shows} describes. Other
     * damage (a flipped bit in a comment, a duplicated line, a garbage line that happens to parse, a cut after
     * other edits that may already have made a different whole) can be invisible or legitimately tolerated, so
     * nothing is asserted for it beyond the checks every input passes.
     */
    public static void damageIsVisible(Evidence e, Mutation m, Seed seed, CutShows shows) {
        if (m.wrap() == Mutation.Wrap.GZIP_CUT) {
            // not a particular code: other damage before the cut may stop the reader first, and that is
            // what it then reports (a JSON syntax error, say); but something must be said
            assertFalse(e.issues().isEmpty(), "a gzip stream cut before its end gave no issue");
        }
        if (m.wrap() == Mutation.Wrap.NONE && m.edits().size() == 1 && m.edits().get(0) instanceof Mutation.Truncate t) {
            byte[] plain = seed.plain();
            byte[] cut = t.apply(plain);
            boolean visible = switch (shows) {
                case LINE -> cut.length < plain.length && (cut.length == 0 || cut[cut.length - 1] != '\n');
                case HISTOGRAM_LINE -> cut.length < plain.length && (cut.length == 0
                        || cut[cut.length - 1] != '\n' && lineRest(plain, cut.length) >= 12);
                case NON_BLANK -> !new String(plain, cut.length, plain.length - cut.length,
                        java.nio.charset.StandardCharsets.ISO_8859_1).isBlank();
                case ANY -> cut.length < plain.length;
            };
            if (visible) {
                assertFalse(e.issues().isEmpty(), "a " + seed + " cut at byte " + cut.length + " of " + plain.length
                        + " gave no issue");
            }
        }
    }

    /** How many bytes of the line {@code at} falls in lie from there to its line end (or the end of input). */
    private static int lineRest(byte[] b, int at) {
        int i = at;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i - at;
    }

    /** The analysis outputs: JSON parses with Jackson, text holds no control character but the line end. */
    public static void analysisOutputsAreSound(Evidence e) {
        String json = assertDoesNotThrow(() -> AnalysisJson.toJson(e), "AnalysisJson");
        assertDoesNotThrow(() -> JSON.readTree(json), "AnalysisJson output is not JSON");
        String text = assertDoesNotThrow(() -> AnalysisText.render(e), "AnalysisText");
        noControlCharacters("AnalysisText", text);
    }

    /** Parses JSON strictly (no trailing tokens). */
    public static void isJson(String what, String json) {
        assertDoesNotThrow(() -> JSON.readTree(json), what + " output is not JSON");
    }

    /** No C0 control other than line feed, no DEL, no C1 control. */
    public static void noControlCharacters(String what, String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)) {
                int from = Math.max(0, i - 60);
                throw new AssertionError(what + " holds control character U+" + String.format("%04X", (int) c)
                        + " at " + i + " after: " + out.substring(from, i));
            }
        }
    }
}
