package io.github.jvmadvisor.core.ingest.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.jvmadvisor.core.ingest.InputLimitException;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.SampleCounts;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipException;

/**
 * Reads a JMH JSON result file ({@code -rf json}) into {@link BenchmarkRun}s, with jackson-core's
 * streaming parser: one run at a time, so memory holds the runs read, not a tree of the document.
 *
 * <p>Tolerant of what JMH versions and JMH-shaped producers write: missing and unknown fields,
 * {@code NaN}, {@code "NaN"}, {@code "+INF"}, {@code "-INF"}, numbers written as strings, old
 * {@code ·}-prefixed secondary metric names, a single run object instead of an array, a file
 * written in a non-UTF-8 encoding (the middle dot then reads as a replacement character and is
 * still recognised).
 *
 * <p>Untrusted input is bounded by a private parser configuration: nesting depth {@value #MAX_DEPTH},
 * numbers of at most {@value #MAX_NUMBER_CHARS} characters, strings of at most 4 MiB, names of at most
 * 4096 characters, documents of at most 512 MiB, and at most {@value #MAX_VALUES} raw data values per
 * file. Duplicate fields keep their first value and give an issue.
 *
 * <p>Bad input never throws: a run that cannot be used (no benchmark name, no primary metric) is
 * skipped with an issue; invalid JSON (truncated, a limit exceeded) ends the reading with an issue
 * carrying the parser's line, and the runs read before it are kept. Thread-safe.
 */
public final class JmhResultReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_CHARS = 64;
    /** Most rawData values and rawDataHistogram pairs kept per file. */
    static final int MAX_VALUES = 2_000_000;
    /**
     * Most runs kept per file unless raised: the largest real suites have a few thousand; 20,000 light runs
     * take about 10 MB.
     */
    public static final int DEFAULT_MAX_RUNS = 20_000;
    /** System property that raises (or lowers) {@link #DEFAULT_MAX_RUNS} for {@link #read(InputSource)}. */
    public static final String MAX_RUNS_PROPERTY = "jvmadvisor.jmh.maxRuns";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxStringLength(4 << 20)
                    .maxNameLength(4096)
                    .maxDocumentLength(512L << 20)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JmhResultReader() {
    }

    /**
     * Reads a result file, keeping at most {@value #DEFAULT_MAX_RUNS} runs, or the number the system property
     * {@value #MAX_RUNS_PROPERTY} gives.
     *
     * @param source the file
     * @return the runs and the summary; never {@code null}
     */
    public static JmhResult read(InputSource source) {
        return read(source, maxRunsFromProperty());
    }

    /**
     * Reads a result file, keeping at most {@code maxRuns} runs; the runs after are read (so the JSON is
     * checked) but not kept, with one issue that says how many there were.
     *
     * @param source the file
     * @param maxRuns most runs kept, at least 1
     * @return the runs and the summary; never {@code null}
     * @throws IllegalArgumentException if {@code maxRuns} is less than 1
     */
    public static JmhResult read(InputSource source, int maxRuns) {
        Objects.requireNonNull(source, "source");
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1: " + maxRuns);
        }
        Parse parse = new Parse(source.name(), maxRuns);
        parse.run(source);
        if (parse.runsNotKept > 0) {
            parse.issues.add(source.name(), parse.firstNotKeptLine, InputIssue.LIMITED, "the file has "
                    + (parse.runs.size() + parse.runsNotKept) + " runs; the first " + maxRuns + " are kept, the "
                    + parse.runsNotKept + " from this line on are not (raise the limit with -D" + MAX_RUNS_PROPERTY
                    + "=N)");
        }
        InputSummary summary = new InputSummary(source.name(), InputKind.JMH_RESULT, "json", List.of(source.name()),
                parse.lines, 0, 0, 0, parse.issues.list(source.name()));
        return new JmhResult(summary, parse.runs);
    }

    /** The state of one reading. */
    private static final class Parse {
        final String source;
        final Issues issues = new Issues();
        final List<BenchmarkRun> runs = new ArrayList<>();
        final int maxRuns;
        /** Texts repeated from run to run (names, modes, units, versions, JVM options), kept once. */
        final Map<String, String> texts = new HashMap<>();
        final Map<List<String>, List<String>> argLists = new HashMap<>();
        long runsNotKept;
        long firstNotKeptLine;
        JsonParser p;
        long lines;
        long values;
        boolean valuesCapped;

        Parse(String source, int maxRuns) {
            this.source = source;
            this.maxRuns = maxRuns;
        }

        /** One copy of a text seen before, so many runs of a big file share their repeated strings. */
        private String shared(String s) {
            if (s == null || s.length() > 256) {
                return s;
            }
            if (texts.size() >= 100_000) {
                String known = texts.get(s);
                return known != null ? known : s;
            }
            String known = texts.putIfAbsent(s, s);
            return known != null ? known : s;
        }

        void run(InputSource in) {
            try (InputStream stream = in.open(); Reader reader = withoutBom(stream); JsonParser parser =
                    FACTORY.createParser(reader)) {
                p = parser;
                document();
            } catch (JsonEOFException e) {
                issue(InputIssue.TRUNCATED, line(e.getLocation()), "the JSON ends in the middle ("
                        + e.getOriginalMessage() + "); the " + runs.size() + " run(s) before were read");
            } catch (StreamConstraintsException e) {
                issue(InputIssue.BAD_VALUE, line(null), "the JSON exceeds a reading limit (" + e.getMessage()
                        + "); the " + runs.size() + " run(s) before were read");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                issue(InputIssue.BAD_VALUE, line(e.getLocation()), "not valid JSON (" + e.getOriginalMessage()
                        + "); the " + runs.size() + " run(s) before were read");
            } catch (InputLimitException e) {
                issue(InputIssue.LIMIT_REACHED, line(null), e.getMessage() + "; the " + runs.size()
                        + " run(s) before were read");
            } catch (EOFException | ZipException e) {
                issue(InputIssue.TRUNCATED, line(null), "the input ends unexpectedly (" + e.getMessage() + ")");
            } catch (IOException e) {
                issue(InputIssue.IO_ERROR, line(null), "read error: " + e);
            }
            if (p != null) {
                // at the end the location is on the line after the last line break
                JsonLocation end = p.currentLocation();
                lines = Math.max(0, end.getColumnNr() <= 1 ? end.getLineNr() - 1 : end.getLineNr());
            }
        }

        private static Reader withoutBom(InputStream stream) throws IOException {
            // decoding replaces bytes that are not UTF-8 (a cp1252 middle dot) instead of failing
            PushbackReader r = new PushbackReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1);
            int c = r.read();
            if (c >= 0 && c != '\ufeff') {
                r.unread(c);
            }
            return r;
        }

        private long line(JsonLocation at) {
            JsonLocation loc = at != null ? at : p != null ? p.currentLocation() : null;
            return loc == null ? 0 : Math.max(0, loc.getLineNr());
        }

        private void issue(String code, long line, String message) {
            issues.add(source, line, code, message);
        }

        /** The next token; the end of input inside a value is an error (Jackson also reports it). */
        private JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonEOFException(p, null, "unexpected end of input");
            }
            return t;
        }

        private long tokenLine() {
            return Math.max(0, p.currentTokenLocation().getLineNr());
        }

        void document() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                issue(InputIssue.TRUNCATED, 0, "the input is empty");
                return;
            }
            if (t == JsonToken.START_OBJECT) {
                issue(InputIssue.BAD_VALUE, tokenLine(), "the top level is an object, not JMH's array of runs; "
                        + "read as one run");
                run();
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = next()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.START_OBJECT) {
                        run();
                    } else {
                        issue(InputIssue.BAD_VALUE, tokenLine(), "an element of the array of runs is not an object ("
                                + t.asString() + "); skipped");
                        p.skipChildren();
                    }
                }
            } else {
                issue(InputIssue.UNKNOWN_FORMAT, tokenLine(), "not a JMH result: the top level is "
                        + describe(t) + ", not an array of runs");
                return;
            }
            if (p.nextToken() != null) {
                issue(InputIssue.BAD_VALUE, tokenLine(), "content after the array of runs was ignored");
            }
        }

        /** One run; the parser is on its START_OBJECT. */
        void run() throws IOException {
            long line = tokenLine();
            String benchmark = null;
            String mode = null;
            Integer threads = null;
            Integer forks = null;
            String jvm = null;
            List<String> jvmArgs = List.of();
            String jdkVersion = null;
            String vmName = null;
            String vmVersion = null;
            String jmhVersion = null;
            Integer warmupIterations = null;
            String warmupTime = null;
            Integer warmupBatchSize = null;
            Integer measurementIterations = null;
            String measurementTime = null;
            Integer measurementBatchSize = null;
            SortedMap<String, String> params = new TreeMap<>();
            BenchmarkMetric primary = null;
            SortedMap<String, BenchmarkMetric> secondary = new TreeMap<>();
            Set<String> seen = new HashSet<>();
            JsonToken t;
            while ((t = next()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!seen.add(field)) {
                    duplicate(field);
                    continue;
                }
                switch (field) {
                    case "benchmark" -> benchmark = shared(text(field));
                    case "mode" -> mode = shared(text(field));
                    case "threads" -> threads = integer(field);
                    case "forks" -> forks = integer(field);
                    case "jvm" -> jvm = shared(text(field));
                    case "jvmArgs" -> jvmArgs = texts(field);
                    case "jdkVersion" -> jdkVersion = shared(text(field));
                    case "vmName" -> vmName = shared(text(field));
                    case "vmVersion" -> vmVersion = shared(text(field));
                    case "jmhVersion" -> jmhVersion = shared(text(field));
                    case "warmupIterations" -> warmupIterations = integer(field);
                    case "warmupTime" -> warmupTime = shared(text(field));
                    case "warmupBatchSize" -> warmupBatchSize = integer(field);
                    case "measurementIterations" -> measurementIterations = integer(field);
                    case "measurementTime" -> measurementTime = shared(text(field));
                    case "measurementBatchSize" -> measurementBatchSize = integer(field);
                    case "params" -> params = params();
                    case "primaryMetric" -> primary = metric(BenchmarkMetric.PRIMARY, BenchmarkMetric.PRIMARY);
                    case "secondaryMetrics" -> secondary = secondaries();
                    default -> p.skipChildren(); // other producers add fields (scalajs-benchmark: userAgent)
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonEOFException(p, null, "unexpected end of input in a run");
            }
            if (benchmark == null) {
                issue(InputIssue.BAD_VALUE, line, "a run without a benchmark name; skipped");
                return;
            }
            if (primary == null) {
                issue(InputIssue.BAD_VALUE, line, "run " + benchmark + " has no primary metric; skipped");
                return;
            }
            if (runs.size() >= maxRuns) {
                if (runsNotKept++ == 0) {
                    firstNotKeptLine = line;
                }
                return;
            }
            if (jvmArgs.size() <= 64 && argLists.size() < 10_000) {
                // immutable, so the run's own List.copyOf keeps this one instance
                jvmArgs = argLists.computeIfAbsent(List.copyOf(jvmArgs), k -> k);
            }
            BenchmarkRun run;
            try {
                run = new BenchmarkRun(line, benchmark, mode, threads, forks, jvm, jvmArgs, jdkVersion, vmName,
                        vmVersion, jmhVersion, warmupIterations, warmupTime, warmupBatchSize, measurementIterations,
                        measurementTime, measurementBatchSize, params, primary, secondary);
            } catch (RuntimeException e) {
                // the run's object was read whole: a value the model refuses costs this run, not the file
                issue(InputIssue.BAD_VALUE, line, "run " + benchmark + " could not be used (" + e.getMessage()
                        + "); skipped");
                return;
            }
            runs.add(run);
        }

        private void duplicate(String field) throws IOException {
            issue(InputIssue.BAD_VALUE, tokenLine(), "field '" + field + "' appears twice; the first value is kept");
            p.skipChildren();
        }

        /** A metric; the parser is on its START_OBJECT (anything else is skipped with an issue). */
        BenchmarkMetric metric(String name, String original) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType(original, "an object");
                return null;
            }
            Double score = null;
            long scoreLine = 0;
            Double error = null;
            Double low = null;
            Double high = null;
            String unit = null;
            SortedMap<Double, Double> percentiles = new TreeMap<>();
            List<List<Double>> raw = List.of();
            List<List<SampleCounts>> histogram = List.of();
            Set<String> seen = new HashSet<>();
            JsonToken t;
            while ((t = next()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!seen.add(field)) {
                    duplicate(field);
                    continue;
                }
                switch (field) {
                    case "score" -> {
                        scoreLine = tokenLine();
                        score = number(field);
                    }
                    case "scoreError" -> error = number(field);
                    case "scoreConfidence" -> {
                        List<Double> ci = numbers(field);
                        if (ci.size() == 2) {
                            low = ci.get(0);
                            high = ci.get(1);
                        } else if (!ci.isEmpty()) {
                            issue(InputIssue.BAD_VALUE, tokenLine(), "scoreConfidence of '" + original + "' has "
                                    + ci.size() + " values, not 2; ignored");
                        }
                    }
                    case "scorePercentiles" -> percentiles = percentiles(original);
                    case "scoreUnit" -> unit = shared(text(field));
                    case "rawData" -> raw = rawData(original);
                    case "rawDataHistogram" -> histogram = rawDataHistogram(original);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonEOFException(p, null, "unexpected end of input in a metric");
            }
            if (score != null && (score.isNaN() || score.isInfinite())) {
                issue(InputIssue.BAD_VALUE, scoreLine, "the score of '" + original + "' is " + (score.isNaN()
                        ? "NaN (JMH could not compute it)" : score > 0 ? "infinite" : "minus infinity")
                        + "; the metric has no score");
                score = null;
            }
            try {
                return new BenchmarkMetric(name, original, score, error, low, high, unit, percentiles, raw, histogram);
            } catch (RuntimeException e) {
                issue(InputIssue.BAD_VALUE, tokenLine(), "metric '" + original + "' could not be used ("
                        + e.getMessage() + "); ignored");
                return null;
            }
        }

        SortedMap<String, BenchmarkMetric> secondaries() throws IOException {
            SortedMap<String, BenchmarkMetric> out = new TreeMap<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType("secondaryMetrics", "an object");
                return out;
            }
            while (next() == JsonToken.FIELD_NAME) {
                String original = shared(p.currentName());
                String name = shared(BenchmarkMetric.normalizeName(original));
                p.nextToken();
                if (out.containsKey(name)) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "secondary metric '" + original + "' has the same name as "
                            + "'" + out.get(name).originalName() + "' once normalised; the first is kept");
                    p.skipChildren();
                    continue;
                }
                BenchmarkMetric m = metric(name, original);
                if (m != null) {
                    out.put(name, m);
                }
            }
            return out;
        }

        SortedMap<String, String> params() throws IOException {
            SortedMap<String, String> out = new TreeMap<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType("params", "an object");
                return out;
            }
            while (next() == JsonToken.FIELD_NAME) {
                String name = shared(p.currentName());
                p.nextToken();
                String v = shared(text(name));
                if (v != null && out.putIfAbsent(name, v) != null) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "param '" + name + "' appears twice; the first is kept");
                }
            }
            return out;
        }

        SortedMap<Double, Double> percentiles(String metric) throws IOException {
            SortedMap<Double, Double> out = new TreeMap<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType("scorePercentiles", "an object");
                return out;
            }
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                Double level = parseNumber(key);
                Double v = number("scorePercentiles");
                if (level == null || level.isNaN() || level < 0 || level > 100) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "percentile key '" + key + "' of '" + metric
                            + "' is not a level between 0 and 100; ignored");
                } else if (v != null && !v.isNaN()) {
                    out.putIfAbsent(level, v);
                }
            }
            return out;
        }

        /** [fork][iteration] numbers. */
        List<List<Double>> rawData(String metric) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                wrongType("rawData", "an array");
                return List.of();
            }
            List<List<Double>> forks = new ArrayList<>();
            while (next() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    wrongType("rawData of '" + metric + "'", "arrays of numbers");
                    continue;
                }
                List<Double> it = new ArrayList<>();
                while (next() != JsonToken.END_ARRAY) {
                    Double v = number("rawData");
                    if (v != null && take(1)) {
                        it.add(v);
                    }
                }
                forks.add(it);
            }
            return forks;
        }

        /** [fork][iteration][[value, count]...]. */
        List<List<SampleCounts>> rawDataHistogram(String metric) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                wrongType("rawDataHistogram", "an array");
                return List.of();
            }
            List<List<SampleCounts>> forks = new ArrayList<>();
            long badPairs = 0;
            long badPairLine = 0;
            double[] vs = new double[64];
            long[] cs = new long[64];
            while (next() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    wrongType("rawDataHistogram of '" + metric + "'", "arrays");
                    continue;
                }
                List<SampleCounts> iterations = new ArrayList<>();
                while (next() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        wrongType("rawDataHistogram of '" + metric + "'", "arrays of [value, count]");
                        continue;
                    }
                    int n = 0;
                    while (next() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            wrongType("rawDataHistogram of '" + metric + "'", "[value, count] pairs");
                            continue;
                        }
                        long pairLine = tokenLine();
                        List<Double> pair = numbersInArray();
                        if (pair.size() != 2 || pair.get(0).isNaN() || Double.isInfinite(pair.get(0))
                                || !(pair.get(1) >= 0) || pair.get(1) != Math.rint(pair.get(1))
                                || pair.get(1) > Long.MAX_VALUE / 2) {
                            if (badPairs++ == 0) {
                                badPairLine = pairLine;
                            }
                            continue;
                        }
                        if (!take(1)) {
                            continue;
                        }
                        if (n == vs.length) {
                            vs = Arrays.copyOf(vs, n * 2);
                            cs = Arrays.copyOf(cs, n * 2);
                        }
                        vs[n] = pair.get(0);
                        cs[n] = (long) (double) pair.get(1);
                        n++;
                    }
                    iterations.add(SampleCounts.of(vs, cs, n));
                }
                forks.add(iterations);
            }
            if (badPairs > 0) {
                issue(InputIssue.BAD_VALUE, badPairLine, badPairs + " [value, count] pair(s) of '" + metric
                        + "' are not a finite value and a whole count from 0 up (a negative count?); ignored");
            }
            return forks;
        }

        /** Counts values kept against the file's limit; false (with one issue) once it is reached. */
        private boolean take(int n) {
            if (values + n > MAX_VALUES) {
                if (!valuesCapped) {
                    valuesCapped = true;
                    issue(InputIssue.BAD_VALUE, tokenLine(), "more than " + MAX_VALUES
                            + " raw data values; the rest are not kept (scores and percentiles are)");
                }
                return false;
            }
            values += n;
            return true;
        }

        /** The numbers of an array; the parser is on its START_ARRAY, or on a single value. */
        private List<Double> numbers(String field) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                wrongType(field, "an array");
                return List.of();
            }
            return numbersInArray();
        }

        private List<Double> numbersInArray() throws IOException {
            List<Double> out = new ArrayList<>(2);
            while (next() != JsonToken.END_ARRAY) {
                Double v = number("array");
                out.add(v == null ? Double.NaN : v);
            }
            return out;
        }

        /** A number; JMH's non-finite strings and numbers written as strings are accepted. */
        private Double number(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = p.getDoubleValue();
                if (Double.isInfinite(v) && isDecimalLiteral(p.getText())) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "'" + field + "' is " + excerpt(p.getText())
                            + ", beyond the range of a double; ignored");
                    return null;
                }
                return v;
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                Double v = parseNumber(p.getText());
                if (v == null) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "'" + field + "' is not a number: '"
                            + excerpt(p.getText()) + "'");
                } else if (v.isInfinite() && isDecimalLiteral(p.getText().strip())) {
                    issue(InputIssue.BAD_VALUE, tokenLine(), "'" + field + "' is " + excerpt(p.getText())
                            + ", beyond the range of a double; ignored");
                    return null;
                }
                return v;
            }
            wrongType(field, "a number");
            return null;
        }

        private Integer integer(String field) throws IOException {
            Double v = number(field);
            if (v == null || v.isNaN()) {
                return null;
            }
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                issue(InputIssue.BAD_VALUE, tokenLine(), "'" + field + "' is not an integer: " + v);
                return null;
            }
            return (int) (double) v;
        }

        private String text(String field) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                    || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return p.getText();
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            wrongType(field, "a string");
            return null;
        }

        private List<String> texts(String field) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                wrongType(field, "an array of strings");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            while (next() != JsonToken.END_ARRAY) {
                String s = text(field);
                if (s != null) {
                    out.add(shared(s));
                }
            }
            return out;
        }

        /** Reports a value of the wrong JSON type and skips it. */
        private void wrongType(String field, String expected) throws IOException {
            issue(InputIssue.BAD_VALUE, tokenLine(), "'" + field + "' should be " + expected + ", not "
                    + describe(p.currentToken()) + "; ignored");
            p.skipChildren();
        }

        private static String describe(JsonToken t) {
            if (t == null) {
                return "nothing";
            }
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> t.name();
            };
        }
    }

    /**
     * A number written as text: JMH's {@code "NaN"}, {@code "+INF"}, {@code "-INF"}, Java's
     * {@code "Infinity"} spellings, or a plain decimal; {@code null} for anything else.
     */
    static Double parseNumber(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        switch (v) {
            case "NaN":
            case "nan":
                return Double.NaN;
            case "+INF":
            case "INF":
            case "Infinity":
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF":
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (v.isEmpty() || v.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return null;
            }
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a number is written with digits (1e400), not as one of the spellings of infinity. */
    private static boolean isDecimalLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int maxRunsFromProperty() {
        String v = System.getProperty(MAX_RUNS_PROPERTY);
        if (v == null) {
            return DEFAULT_MAX_RUNS;
        }
        try {
            return Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_RUNS;
        }
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
