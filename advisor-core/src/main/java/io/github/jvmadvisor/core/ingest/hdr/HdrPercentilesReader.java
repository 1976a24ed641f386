package io.github.jvmadvisor.core.ingest.hdr;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.gclog.internal.Issues;
import io.github.jvmadvisor.core.ingest.hdr.internal.Lines;
import io.github.jvmadvisor.core.ingest.hdr.internal.PercentileTableParser;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import java.util.List;
import java.util.Objects;

/**
 * Reads an HdrHistogram percentile distribution ({@code .hgrm}, as printed by
 * {@code outputPercentileDistribution}: jHiccup, {@code HistogramLogProcessor}, wrk2), plain or CSV,
 * into a {@link HdrLogResult} of the same shape as an interval log's: one untagged series holding one
 * interval, whose summary comes from the table and its {@code #[Mean]}/{@code #[Max]}/{@code Total count}
 * footer.
 *
 * <p>Values are as printed (the recorded values divided by the producer's output ratio, usually
 * milliseconds); the unit is reported as unknown. Percentiles are read from the table's cumulative
 * counts: exact where the table has a row at the percentile, otherwise the next row's value. The
 * interval's start is 0 and its length unknown: the table carries no time.
 *
 * <p>Bad input never throws: rows that cannot be read become issues with line numbers; text around
 * the table (wrk2's report) is counted as foreign lines. Thread-safe: each call reads independently.
 */
public final class HdrPercentilesReader {

    private HdrPercentilesReader() {
    }

    /**
     * Reads a percentile file.
     *
     * @param source the file
     * @return the summary and a log of one series; never {@code null}
     */
    public static HdrLogResult read(InputSource source) {
        Objects.requireNonNull(source, "source");
        Issues issues = new Issues();
        PercentileTableParser parser = new PercentileTableParser(source.name(), issues);
        Lines.Outcome outcome = Lines.read(source, parser, issues);
        parser.finish(outcome.lines(), outcome.endedWithoutNewline());
        var log = parser.build();
        InputSummary summary = new InputSummary(source.name(), InputKind.HDR_PERCENTILES,
                parser.csv() ? "hgrm-csv" : "hgrm", List.of(source.name()), parser.lines(), parser.unknownLines(),
                parser.ignoredLines(), parser.foreignLines(), issues.list(source.name()));
        return new HdrLogResult(summary, log);
    }
}
