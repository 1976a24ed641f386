package io.github.jvmadvisor.core.ingest.hdr.internal;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.LatencyInterval;
import io.github.jvmadvisor.core.model.LatencyLog;
import io.github.jvmadvisor.core.model.LatencySeries;
import io.github.jvmadvisor.core.model.LatencySummary;
import io.github.jvmadvisor.core.model.LatencyUnit;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the percentile table HdrHistogram prints ({@code outputPercentileDistribution}: the
 * {@code .hgrm} files of jHiccup and {@code HistogramLogProcessor}, wrk2's "Detailed Percentile
 * spectrum"), plain or CSV, with its {@code #[Mean ...]}, {@code #[Max ...]} footer.
 *
 * <p>Rows before the table's header and after its footer are not table lines (wrk2 prints the table
 * amid its other output) and are counted as foreign. Only the first table is read. Not thread-safe.
 */
public final class PercentileTableParser implements ByteLineReader.LineConsumer {

    /** Most rows kept; real tables have a few hundred. */
    static final int MAX_ROWS = 100_000;

    private enum State { BEFORE, TABLE, AFTER }

    private final String source;
    private final Issues issues;
    private State state = State.BEFORE;
    private boolean csv;
    private long headerLine;

    private long lines;
    private long unknownLines;
    private long ignoredLines;
    private long foreignLines;
    private long firstForeignLine;

    private double[] values = new double[256];
    private double[] levels = new double[256];
    private long[] counts = new long[256];
    private int rows;
    private int valueDecimals = -1;
    private boolean tooManyRows;

    private Double footerMean;
    private Double footerMax;
    private Long footerCount;

    /**
     * A parser.
     *
     * @param source the input's name, for issues
     * @param issues where issues go
     */
    public PercentileTableParser(String source, Issues issues) {
        this.source = source;
        this.issues = issues;
    }

    @Override
    public void line(byte[] buf, int start, int end, long lineNumber) {
        lines++;
        String line = new String(buf, start, end - start, StandardCharsets.UTF_8).strip();
        try {
            handle(line, lineNumber);
        } catch (RuntimeException e) {
            unknownLines++;
            issues.add(source, lineNumber, InputIssue.INTERNAL_ERROR, "could not read the line (" + e + ")");
        }
    }

    private void handle(String line, long lineNumber) {
        if (line.isEmpty()) {
            ignoredLines++;
            return;
        }
        boolean header = isHeader(line);
        if (state == State.BEFORE) {
            if (header) {
                state = State.TABLE;
                csv = line.startsWith("\"");
                headerLine = lineNumber;
                ignoredLines++;
            } else {
                foreign(lineNumber);
            }
            return;
        }
        if (state == State.AFTER) {
            if (header) {
                issues.add(source, lineNumber, InputIssue.UNSUPPORTED_FORMAT,
                        "a second percentile table starts here; only the first (line " + headerLine + ") is read");
            }
            foreign(lineNumber);
            return;
        }
        if (header) {
            issues.add(source, lineNumber, InputIssue.UNSUPPORTED_FORMAT,
                    "a second percentile table starts here; only the first (line " + headerLine + ") is read");
            state = State.AFTER;
            foreign(lineNumber);
            return;
        }
        if (line.startsWith("#[")) {
            footer(line, lineNumber);
            return;
        }
        List<String> f = Text.fields(line);
        if ((csv && f.size() != 4) || (!csv && f.size() != 3 && f.size() != 4) || Text.decimal(f.get(0)) == null) {
            if (rows > 0 && footerCount == null && footerMax == null) {
                unknownLines++;
                issues.add(source, lineNumber, InputIssue.UNKNOWN_LINE, "not a percentile row: " + Text.excerpt(line));
            } else {
                // the table ended without a footer (CSV), or output follows it
                state = rows > 0 ? State.AFTER : state;
                foreign(lineNumber);
            }
            return;
        }
        row(f, lineNumber);
    }

    private static boolean isHeader(String line) {
        return line.contains("Value") && line.contains("Percentile") && line.contains("TotalCount");
    }

    private void foreign(long lineNumber) {
        if (foreignLines++ == 0) {
            firstForeignLine = lineNumber;
        }
    }

    private void row(List<String> f, long lineNumber) {
        Double value = Text.decimal(f.get(0));
        Double level = Text.decimal(f.get(1));
        Double count = Text.decimal(f.get(2));
        if (value == null || value < 0 || level == null || level < 0 || level > 1 || count == null || count < 0
                || count != Math.rint(count) || count > 9e18) {
            unknownLines++;
            issues.add(source, lineNumber, InputIssue.BAD_VALUE, "percentile row with a bad value, skipped: "
                    + Text.excerpt(String.join(" ", f)));
            return;
        }
        if (rows > 0 && (value < values[rows - 1] || level < levels[rows - 1] || count < counts[rows - 1])) {
            unknownLines++;
            issues.add(source, lineNumber, InputIssue.BAD_VALUE, "percentile row goes backwards, skipped: "
                    + Text.excerpt(String.join(" ", f)));
            return;
        }
        if (rows == MAX_ROWS) {
            if (unknownLines++ == 0 || !tooManyRows) {
                issues.add(source, lineNumber, InputIssue.BAD_VALUE, "more than " + MAX_ROWS
                        + " percentile rows; the rest are skipped");
            }
            tooManyRows = true;
            return;
        }
        if (rows == values.length) {
            values = Arrays.copyOf(values, rows * 2);
            levels = Arrays.copyOf(levels, rows * 2);
            counts = Arrays.copyOf(counts, rows * 2);
        }
        if (rows == 0) {
            int dot = f.get(0).indexOf('.');
            valueDecimals = dot < 0 ? 0 : f.get(0).length() - dot - 1;
        }
        values[rows] = value;
        levels[rows] = level;
        counts[rows] = (long) (double) count;
        rows++;
    }

    /** {@code #[Mean = 10.33, StdDeviation = 5.89]}, {@code #[Max = 26.08, Total count = 1070]}. */
    private void footer(String line, long lineNumber) {
        String inner = line.substring(2, line.endsWith("]") ? line.length() - 1 : line.length());
        boolean used = false;
        for (String part : inner.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            Double v = Text.decimal(part.substring(eq + 1).strip());
            if (v == null || v < 0) {
                issues.add(source, lineNumber, InputIssue.BAD_VALUE, "footer value of '" + Text.excerpt(key)
                        + "' is not a number");
                continue;
            }
            switch (key) {
                case "Mean" -> {
                    footerMean = v;
                    used = true;
                }
                case "Max" -> {
                    footerMax = v;
                    used = true;
                }
                case "Total count" -> {
                    footerCount = (long) (double) v;
                    used = true;
                }
                default -> used |= key.equals("StdDeviation") || key.equals("Buckets") || key.equals("SubBuckets");
            }
        }
        if (!used) {
            ignoredLines++;
        }
        if (line.startsWith("#[Buckets")) {
            state = State.AFTER;
        }
    }

    /**
     * Ends the input.
     *
     * @param lastLine number of the last line read
     * @param endedWithoutNewline whether that line had no line end
     */
    public void finish(long lastLine, boolean endedWithoutNewline) {
        if (lines == 0) {
            issues.add(source, 0, InputIssue.TRUNCATED, "the input is empty");
        } else if (rows == 0) {
            issues.add(source, 0, InputIssue.UNKNOWN_FORMAT, "no HdrHistogram percentile table found");
        } else if (levels[rows - 1] < 1.0 && footerCount == null) {
            issues.add(source, lastLine, InputIssue.TRUNCATED, "the percentile table stops at the "
                    + levels[rows - 1] * 100 + "th percentile, before 100%: cut off?"
                    + (endedWithoutNewline ? " (the last line has no line end)" : ""));
        }
        if (foreignLines > 0) {
            issues.add(source, firstForeignLine, InputIssue.FOREIGN_LINES, foreignLines
                    + " line(s) outside the percentile table were skipped");
        }
    }

    /** Lines read. */
    public long lines() {
        return lines;
    }

    /** Table lines that could not be used. */
    public long unknownLines() {
        return unknownLines;
    }

    /** Blank lines, headers and footer lines not used. */
    public long ignoredLines() {
        return ignoredLines;
    }

    /** Lines outside the table. */
    public long foreignLines() {
        return foreignLines;
    }

    /** Whether the table is the CSV variant. */
    public boolean csv() {
        return csv;
    }

    /** The table as a log of one series holding one interval. */
    public LatencyLog build() {
        String basis = "a percentile table shows values divided by its producer's output ratio and does not say "
                + "which; jHiccup and HistogramLogProcessor show milliseconds for nanosecond data by default";
        if (rows == 0) {
            return new LatencyLog(source, null, null, null, null, null, basis, List.of());
        }
        long total = footerCount != null ? footerCount : counts[rows - 1];
        if (footerCount != null && footerCount != counts[rows - 1]) {
            issues.add(source, 0, InputIssue.BAD_VALUE, "the footer's total count " + footerCount
                    + " differs from the table's last count " + counts[rows - 1] + "; the footer's is used");
        }
        Double max = footerMax != null ? footerMax : levels[rows - 1] >= 1.0 ? values[rows - 1] : null;
        LatencySummary s = total == 0 ? LatencySummary.empty()
                : new LatencySummary(total, values[0], footerMean, at(50, total), at(90, total), at(99, total),
                        at(99.9, total), at(99.99, total), max);
        LatencyInterval interval = new LatencyInterval(headerLine, 0.0, null, null, s);
        Integer digits = valueDecimals >= 0 && valueDecimals <= 5 ? valueDecimals : null;
        LatencySeries series = new LatencySeries(null, LatencyUnit.UNKNOWN, digits, List.of(interval), s, null,
                List.of());
        return new LatencyLog(source, null, null, null, null, null, basis, List.of(series));
    }

    /**
     * The value at a percentile as HdrHistogram defines it (the smallest value with at least
     * {@link Summaries#countAtPercentile} values at or below it), read from the table: the first row
     * whose cumulative count reaches that. A table has rows only at its percentile ticks, so the result
     * is exact when a row falls on the percentile and otherwise the next row's value (an upper bound).
     */
    private Double at(double percentile, long total) {
        long target = Summaries.countAtPercentile(percentile, total);
        for (int i = 0; i < rows; i++) {
            if (counts[i] >= target) {
                return values[i];
            }
        }
        return null;
    }
}
