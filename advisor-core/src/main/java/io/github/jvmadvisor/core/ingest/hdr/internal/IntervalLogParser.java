package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencyUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;

/**
 * Reads the lines of an HdrHistogram interval log, one at a time, into per-tag series.
 *
 * <p>Line kinds: {@code #[...]} headers (format version, {@code StartTime}, {@code BaseTime}), other
 * {@code #} comments, the {@code "StartTimestamp",...} legend, blank lines, and interval lines
 * {@code [Tag=<tag>,]<start>,<length>,<max>,<base64 histogram>} (fields separated by commas or
 * spaces, as HdrHistogram's own reader accepts). Every line that cannot be used becomes an issue
 * with its line number; reading goes on.
 *
 * <p>Times follow HdrHistogram's {@code HistogramLogReader}: an interval's absolute start is its
 * timestamp plus the base time. Without a {@code BaseTime} line the first interval decides: a
 * timestamp more than a year before {@code StartTime} is relative (base = StartTime), otherwise
 * absolute (base = 0). Unlike that reader, implausible times (before 2000 or after 2200, NaN,
 * overflowing numbers) are refused with an issue instead of producing dates in 1970 or year 46000.
 *
 * <p>Not thread-safe; one parser per input.
 */
public final class IntervalLogParser implements ByteLineReader.LineConsumer {

    /** HdrHistogram's own threshold between relative and absolute timestamps. */
    static final double YEAR_SECONDS = 365.0 * 24 * 3600;
    /** Earliest absolute time accepted: 2000-01-01. */
    static final double MIN_EPOCH_SECONDS = 946_684_800.0;
    /** Latest absolute time accepted: 2200-01-01. */
    static final double MAX_EPOCH_SECONDS = 7_258_118_400.0;
    /**
     * Most values an interval may hold per second of its length (at least one second): ten per nanosecond, far
     * beyond any recorder (recording one value takes nanoseconds per thread). A count above it is corrupt: one
     * flipped bit of a counter gives 2^62.
     */
    static final double MAX_VALUES_PER_SECOND = 1e10;
    /**
     * How far before the log's start an interval may begin: a recorder created just before the log's base time
     * gives a slightly negative start.
     */
    static final double MAX_EARLY_SECONDS = 1.0;
    /** Most distinct tags kept; each holds a merged histogram. */
    public static final int MAX_TAGS = 100;
    static final int MAX_TAG_CHARS = 200;

    private final String source;
    private final Issues issues;
    private final Double windowSeconds;

    private long lines;
    private long unknownLines;
    private long ignoredLines;
    private long intervalLines;
    private long badIntervalLines;

    private String formatVersion;
    private String comment;
    private LatencyUnit unit = LatencyUnit.UNKNOWN;
    private String unitBasis;

    private Double startTimeSec;
    private Double baseTimeSec;
    private long intervalsSinceHeader;
    private boolean decided;
    private Double base; // seconds to add to a timestamp for epoch seconds; null when unknown
    private Boolean absoluteTimestamps;
    private Double originSec; // the log's start in epoch seconds

    private final Map<String, SeriesBuilder> byTag = new HashMap<>();
    private SeriesBuilder untagged;
    private final Map<Integer, Integer> ratioVotes = new TreeMap<>();
    private int ratioSamples;

    private long pendingLine;
    private String pendingCode;
    private String pendingMessage;
    private boolean pendingCuttable;

    /**
     * A parser.
     *
     * @param source the input's name, for issues
     * @param issues where issues go
     * @param windowSeconds window width for re-aggregation, or {@code null}
     */
    public IntervalLogParser(String source, Issues issues, Double windowSeconds) {
        this.source = source;
        this.issues = issues;
        this.windowSeconds = windowSeconds;
    }

    @Override
    public void line(byte[] buf, int start, int end, long lineNumber) {
        lines++;
        String line = new String(buf, start, end - start, StandardCharsets.UTF_8).strip();
        try {
            if (line.isEmpty()) {
                ignoredLines++;
            } else if (line.charAt(0) == '#') {
                comment(line, lineNumber);
            } else if (line.startsWith("\"StartTimestamp\"") || line.startsWith("\"Timestamp\"")) {
                ignoredLines++; // the legend
            } else {
                interval(line, lineNumber);
            }
        } catch (RuntimeException e) {
            unknownLines++;
            bad(lineNumber, InputIssue.INTERNAL_ERROR, "could not read the line (" + e + "); reading went on");
        }
    }

    private void comment(String line, long lineNumber) {
        if (line.startsWith("#[Histogram log format version")) {
            String v = bracketed(line, "#[Histogram log format version".length()).strip();
            if (v.matches("\\d{1,3}(\\.\\d{1,3}){0,3}")) {
                formatVersion = v;
            } else {
                bad(lineNumber, InputIssue.BAD_VALUE, "format version '" + Text.excerpt(v) + "' is not a version");
            }
        } else if (line.startsWith("#[StartTime:")) {
            Double t = timeHeader(line, "#[StartTime:".length(), "StartTime", lineNumber);
            if (t != null) {
                newHeader(lineNumber, "StartTime");
                startTimeSec = t;
            }
        } else if (line.startsWith("#[BaseTime:")) {
            Double t = timeHeader(line, "#[BaseTime:".length(), "BaseTime", lineNumber);
            if (t != null) {
                newHeader(lineNumber, "BaseTime");
                baseTimeSec = t;
            }
        } else {
            ignoredLines++;
            String text = line.substring(1).strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            if (comment == null && !text.isEmpty()) {
                comment = Text.excerpt(text);
            }
            if (!unit.known()) {
                if (text.startsWith("Logged with jHiccup")) {
                    unit = LatencyUnit.NANOSECONDS;
                    unitBasis = "written by jHiccup (comment '" + Text.excerpt(text)
                            + "'), which records nanoseconds";
                } else if (text.startsWith("Logging for: ")) {
                    unit = LatencyUnit.MICROSECONDS;
                    unitBasis = "written by YCSB (comment '" + Text.excerpt(text) + "'), which records microseconds";
                }
            }
        }
    }

    /** A header line that starts a new log after intervals: a concatenated or restarted log. */
    private void newHeader(long lineNumber, String what) {
        if (intervalsSinceHeader > 0) {
            issues.add(source, lineNumber, InputIssue.RESTART, "a new " + what + " header after " + intervalsSinceHeader
                    + " interval(s): a restarted or concatenated log; later intervals are timed from it");
            startTimeSec = null;
            baseTimeSec = null;
            decided = false;
            intervalsSinceHeader = 0;
        }
    }

    private Double timeHeader(String line, int from, String what, long lineNumber) {
        String rest = line.substring(from).strip();
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != ']'
                && rest.charAt(end) != ',') {
            end++;
        }
        String token = rest.substring(0, end);
        Double v = Text.decimal(token);
        if (v == null) {
            bad(lineNumber, InputIssue.BAD_VALUE, what + " '" + Text.excerpt(token)
                    + "' is not a number of seconds; the line is ignored");
            return null;
        }
        if (!plausibleEpoch(v)) {
            String hint = plausibleEpoch(v / 1000) ? " (it looks like milliseconds)" : "";
            bad(lineNumber, InputIssue.BAD_VALUE, what + " " + token + " is not a plausible time in seconds since the epoch"
                    + hint + "; the line is ignored");
            return null;
        }
        return v;
    }

    private static String bracketed(String line, int from) {
        int close = line.indexOf(']', from);
        return close < 0 ? line.substring(from) : line.substring(from, close);
    }

    private void interval(String line, long lineNumber) {
        intervalLines++;
        List<String> f = Text.fields(line);
        String tag = null;
        int i = 0;
        if (f.get(0).startsWith("Tag=")) {
            tag = f.get(0).substring(4);
            i = 1;
            if (tag.isEmpty()) {
                tag = null;
            } else if (tag.length() > MAX_TAG_CHARS || !printable(tag)) {
                rejectInterval(lineNumber, InputIssue.BAD_VALUE, "tag '" + Text.excerpt(tag)
                        + "' is too long or has control characters; the interval is skipped");
                return;
            }
        }
        int n = f.size() - i;
        if (n != 4) {
            boolean looksLikeInterval = Text.decimal(f.get(i < f.size() ? i : 0)) != null;
            if (looksLikeInterval || tag != null) {
                rejectInterval(lineNumber, InputIssue.BAD_VALUE, "an interval line has "
                        + "4 fields after the optional tag (start, length, max, histogram); this one has " + n);
                pendingCuttable = n < 4;
            } else {
                intervalLines--;
                unknownLines++;
                bad(lineNumber, InputIssue.UNKNOWN_LINE, "not an interval line: " + Text.excerpt(line));
            }
            return;
        }
        Double t = Text.decimal(f.get(i));
        Double length = Text.decimal(f.get(i + 1));
        Double loggedMax = Text.decimal(f.get(i + 2));
        // a recorder created just before the log's base time gives its first interval a slightly
        // negative relative timestamp; the base time check below catches absurd ones
        if (t == null || Math.abs(t) > MAX_EPOCH_SECONDS) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "start timestamp '" + Text.excerpt(f.get(i))
                    + "' is not a number of seconds in range; the interval is skipped");
            return;
        }
        if (length == null || length < 0 || length > YEAR_SECONDS) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "interval length '" + Text.excerpt(f.get(i + 1))
                    + "' is not a number of seconds in range; the interval is skipped");
            return;
        }
        EncodableHistogram h;
        try {
            h = HistogramDecoder.decode(f.get(i + 3));
        } catch (HistogramDecoder.BadHistogramException e) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, e.getMessage() + "; the interval is skipped");
            pendingCuttable = true;
            return;
        }
        long count = h instanceof Histogram hh ? hh.getTotalCount() : ((DoubleHistogram) h).getTotalCount();
        double mostValues = MAX_VALUES_PER_SECOND * Math.max(1.0, length);
        if (count > mostValues) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "the histogram holds " + count + " values in "
                    + length + " s, more than " + String.format(java.util.Locale.ROOT, "%.0e", MAX_VALUES_PER_SECOND)
                    + " a second any recorder can take (a corrupt count?); the interval is skipped");
            return;
        }
        if (!decided) {
            decide(t);
        }
        Double abs = base == null ? null : t + base;
        if (abs != null && !plausibleEpoch(abs)) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "start " + f.get(i) + " gives an implausible time ("
                    + abs + " s since the epoch) with this log's base time; the interval is skipped");
            return;
        }
        if (abs != null && originSec == null) {
            originSec = startTimeSec != null ? Math.min(startTimeSec, abs) : abs;
        }
        SeriesBuilder series = series(tag, lineNumber);
        if (series == null) {
            return;
        }
        double startSeconds = abs != null ? SeriesBuilder.round(abs - originSec) : t;
        if (startSeconds < -MAX_EARLY_SECONDS) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "start " + f.get(i) + " is " + (-startSeconds)
                    + " s before the log's start; the interval is skipped");
            return;
        }
        Long startMs = abs == null ? null : Math.round(abs * 1000);
        Long originMs = originSec == null ? null : Math.round(originSec * 1000);
        SeriesBuilder.Added added = series.add(lineNumber, startSeconds, startMs, originMs, length, h);
        if (added == SeriesBuilder.Added.KIND_MISMATCH) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "integer and double histograms are mixed in "
                    + (tag == null ? "the untagged series" : "tag " + tag) + "; the interval is skipped");
            return;
        }
        if (added == SeriesBuilder.Added.COUNT_OVERFLOW) {
            rejectInterval(lineNumber, InputIssue.BAD_VALUE, "the series' count would pass " + Long.MAX_VALUE
                    + " with this interval's " + count + " values; the interval is skipped");
            return;
        }
        if (added == SeriesBuilder.Added.WINDOW_CLOSED) {
            issues.add(source, lineNumber, InputIssue.ORDER, "interval written out of order, after its time window "
                    + "was closed; it counts in the series but in no window");
        }
        intervalsSinceHeader++;
        if (loggedMax == null) {
            issues.add(source, lineNumber, InputIssue.BAD_VALUE, "Interval_Max '" + Text.excerpt(f.get(i + 2))
                    + "' is not a number; the histogram's own maximum is used");
        } else {
            voteRatio(h, loggedMax);
        }
    }

    private SeriesBuilder series(String tag, long lineNumber) {
        if (tag == null) {
            if (untagged == null) {
                untagged = new SeriesBuilder(null, windowSeconds);
            }
            return untagged;
        }
        SeriesBuilder s = byTag.get(tag);
        if (s == null) {
            if (byTag.size() >= MAX_TAGS) {
                rejectInterval(lineNumber, InputIssue.BAD_VALUE, "more than " + MAX_TAGS + " tags; intervals of tag '"
                        + Text.excerpt(tag) + "' are skipped");
                return null;
            }
            s = new SeriesBuilder(tag, windowSeconds);
            byTag.put(tag, s);
        }
        return s;
    }

    private void decide(double t) {
        decided = true;
        if (baseTimeSec != null) {
            base = baseTimeSec;
            absoluteTimestamps = false;
        } else if (startTimeSec != null) {
            if (t < startTimeSec - YEAR_SECONDS) {
                base = startTimeSec;
                absoluteTimestamps = false;
            } else {
                base = 0.0;
                absoluteTimestamps = true;
            }
        } else if (plausibleEpoch(t)) {
            base = 0.0;
            absoluteTimestamps = true;
        } else {
            base = null;
            absoluteTimestamps = false;
        }
    }

    /** Collects how many recorded units make one unit of the Interval_Max column. */
    private void voteRatio(EncodableHistogram h, double loggedMax) {
        double max = h instanceof Histogram hh ? hh.getMaxValue() : ((DoubleHistogram) h).getMaxValue();
        // the column is printed with three decimals: below 0.1 it has too few digits to tell
        if (loggedMax < 0.1 || max <= 0) {
            return;
        }
        double e = Math.log10(max / loggedMax);
        long k = Math.round(e);
        ratioSamples++;
        // the decoded maximum is the top of its bucket, a few percent above the value the writer
        // printed for coarse histograms (V0 jHiccup logs: 16384 ns buckets), so allow 7 %
        if (Math.abs(e - k) < 0.03 && Math.abs(k) <= 12) {
            ratioVotes.merge((int) k, 1, Integer::sum);
        }
    }

    private static boolean plausibleEpoch(double sec) {
        return sec >= MIN_EPOCH_SECONDS && sec <= MAX_EPOCH_SECONDS;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void rejectInterval(long lineNumber, String code, String message) {
        badIntervalLines++;
        unknownLines++;
        bad(lineNumber, code, message);
    }

    /** An issue, held back one line so a cut last line can be reported as such. */
    private void bad(long lineNumber, String code, String message) {
        flushPending();
        pendingLine = lineNumber;
        pendingCode = code;
        pendingMessage = message;
        pendingCuttable = false;
    }

    private void flushPending() {
        if (pendingCode != null) {
            issues.add(source, pendingLine, pendingCode, pendingMessage);
            pendingCode = null;
        }
    }

    /**
     * Ends the input.
     *
     * @param lastLine number of the last line read
     * @param endedWithoutNewline whether that line had no line end
     */
    public void finish(long lastLine, boolean endedWithoutNewline) {
        if (pendingCode != null && pendingCuttable && pendingLine == lastLine && endedWithoutNewline) {
            pendingCode = InputIssue.TRUNCATED;
            pendingMessage = "the last line has no line end and could not be read (cut off?): " + pendingMessage;
        }
        flushPending();
        if (lines == 0) {
            issues.add(source, 0, InputIssue.TRUNCATED, "the input is empty");
        } else if (intervalLines == 0) {
            issues.add(source, 0, InputIssue.TRUNCATED, "the log has no interval lines");
        }
    }

    /** Lines read. */
    public long lines() {
        return lines;
    }

    /** Lines that could not be used. */
    public long unknownLines() {
        return unknownLines;
    }

    /** Comments, legend and blank lines. */
    public long ignoredLines() {
        return ignoredLines;
    }

    /** Interval lines that were refused. */
    public long badIntervalLines() {
        return badIntervalLines;
    }

    /** The format version from the header, or {@code null}. */
    public String formatVersion() {
        return formatVersion;
    }

    /** The log read so far. */
    /** Adds a series; a defect of ours in one series costs that series, with an issue, not the log. */
    private void buildSeries(SeriesBuilder b, List<LatencySeries> out) {
        try {
            out.add(b.build(unit));
        } catch (RuntimeException e) {
            issues.add(source, 0, InputIssue.INTERNAL_ERROR, "the series " + (b.tag() == null ? "without a tag"
                    : "of tag " + b.tag()) + " could not be summarised (" + e + "); please report this");
        }
    }

    public LatencyLog build() {
        List<LatencySeries> series = new ArrayList<>();
        if (untagged != null) {
            buildSeries(untagged, series);
        }
        new TreeMap<>(byTag).values().forEach(b -> buildSeries(b, series));
        Double ratio = null;
        for (Map.Entry<Integer, Integer> e : ratioVotes.entrySet()) {
            if (e.getValue() * 2 > ratioSamples) {
                ratio = Math.pow(10, e.getKey());
            }
        }
        String basis = unitBasis;
        if (basis == null) {
            basis = "HdrHistogram logs do not record units and the producer is not one the reader knows: values are "
                    + "as recorded" + (ratio != null && ratio == 1e6 ? "; the log shows Interval_Max as value / 1000000, "
                    + "its writer's default (nanoseconds shown as milliseconds when the producer records nanoseconds)"
                    : "");
        }
        Long start = originSec == null ? null : Math.round(originSec * 1000);
        return new LatencyLog(source, formatVersion, comment, start, absoluteTimestamps, ratio, basis, series);
    }
}
