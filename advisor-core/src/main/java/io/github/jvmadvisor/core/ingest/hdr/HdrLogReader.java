package io.github.jvmadvisor.core.ingest.hdr;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.ingest.hdr.internal.IntervalLogParser;
import io.github.jvmadvisor.core.ingest.hdr.internal.Lines;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.LatencyLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Reads an HdrHistogram interval log ({@code .hlog}, written by {@code HistogramLogWriter}: jHiccup,
 * YCSB, cassandra-stress and others) into a {@link LatencyLog}: one series per tag, a summary per
 * interval, the whole run's distribution and, when asked, the distribution per time window.
 *
 * <p>Knows every log format version (1.01, 1.1, 1.2, 1.3, and logs without a version line), the
 * histogram encodings V0, V1, V2 and compressed double histograms, tags, {@code #[StartTime]} and
 * {@code #[BaseTime]}, and relative or absolute timestamps, deciding between them as HdrHistogram's
 * own {@code HistogramLogReader} does. In 1.01 logs the legend calls the second field
 * {@code EndTimestamp}, but the writers of that format put the interval's length there, so it is
 * read as a length. Histograms are decoded with the HdrHistogram library after their headers are
 * checked, so a corrupt line cannot make it allocate without bound.
 *
 * <p>Memory grows with the number of intervals (a small summary each) and tags (a merged histogram
 * each), not with the interval histograms, which are dropped once summarised.
 *
 * <p>Bad input never throws: each line that cannot be used (bad number, corrupt histogram, bad tag,
 * implausible time) becomes an {@link InputIssue} with its line number, and the rest is read. A
 * file that cannot be opened gives an empty log and an issue. Thread-safe: each call reads
 * independently.
 */
public final class HdrLogReader {

    private HdrLogReader() {
    }

    /** Reads an interval log, without time windows. */
    public static HdrLogResult read(InputSource source) {
        return read(source, null);
    }

    /**
     * Reads an interval log and re-aggregates each series over windows of {@code window}: the
     * histograms of the intervals starting in a window are added (not their percentiles averaged).
     * Windows start at the log's start.
     *
     * @param source the log
     * @param window window width, at least a millisecond; {@code null} for no windows
     * @return the summary and the log; never {@code null}
     * @throws IllegalArgumentException if {@code window} is shorter than a millisecond
     */
    public static HdrLogResult read(InputSource source, Duration window) {
        Objects.requireNonNull(source, "source");
        if (window != null && window.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("window must be at least 1 ms: " + window);
        }
        Double windowSeconds = window == null ? null : window.toNanos() / 1e9;
        Issues issues = new Issues();
        IntervalLogParser parser = new IntervalLogParser(source.name(), issues, windowSeconds);
        Lines.Outcome outcome = Lines.read(source, parser, issues);
        parser.finish(outcome.lines(), outcome.endedWithoutNewline());
        LatencyLog log = parser.build();
        String format = parser.formatVersion() == null ? "hlog" : "hlog-" + parser.formatVersion();
        InputSummary summary = new InputSummary(source.name(), InputKind.HDR_LOG, format, List.of(source.name()),
                parser.lines(), parser.unknownLines(), parser.ignoredLines(), 0, issues.list(source.name()));
        return new HdrLogResult(summary, log);
    }
}
