package io.github.jvmadvisor.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What an HdrHistogram interval log ({@code .hlog}) or percentile file ({@code .hgrm}) says about
 * the latency of a run: one {@link LatencySeries} per tag.
 *
 * <p>Times: {@code startTimeEpochMillis} is the log's start, from its {@code #[StartTime: ...]} line
 * (or its first interval when that is earlier or the line is missing); interval starts are in seconds
 * after it. When the log gives no absolute time (relative timestamps and no plausible start time),
 * {@code startTimeEpochMillis} is {@code null} and interval starts are the log's own timestamps.
 *
 * @param source the input the log was read from
 * @param formatVersion the log format version from {@code #[Histogram log format version ...]}, e.g.
 *     {@code "1.3"}, or {@code null} (legacy logs without the line; percentile files)
 * @param comment the first free comment, which usually names the producer
 *     (e.g. {@code "Logged with jHiccup version 2.0.7-SNAPSHOT"}), or {@code null}
 * @param startTimeEpochMillis the log's start in milliseconds since the epoch, or {@code null}
 * @param absoluteTimestamps whether interval timestamps in the file are absolute (seconds since the
 *     epoch) rather than relative to the start, or {@code null} when not known
 * @param intervalMaxRatio how many recorded units make one unit of the log's {@code Interval_Max}
 *     column (1000000 is the log writer's default: nanoseconds recorded, milliseconds shown), or
 *     {@code null} when the log does not let it be worked out
 * @param unitBasis why the series have the unit they have, for people
 * @param series the series: untagged first, then by tag
 */
public record LatencyLog(String source, String formatVersion, String comment, Long startTimeEpochMillis,
        Boolean absoluteTimestamps, Double intervalMaxRatio, String unitBasis, List<LatencySeries> series) {

    public LatencyLog {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        series = series == null ? List.of() : List.copyOf(series);
    }

    /**
     * The series with a tag.
     *
     * @param tag the tag, or {@code null} for the untagged series
     */
    public Optional<LatencySeries> series(String tag) {
        return series.stream().filter(s -> tag == null ? s.tag() == null : tag.equals(s.tag())).findFirst();
    }

    /**
     * This log with {@code given} as the unit of every series whose unit the reader could not tell (HdrHistogram
     * logs do not say it); series with a unit keep theirs. {@code unitBasis} says the unit was given.
     */
    public LatencyLog withUnitIfUnknown(LatencyUnit given) {
        if (given == null || !given.known() || series.stream().allMatch(s -> s.unit().known())) {
            return this;
        }
        return new LatencyLog(source, formatVersion, comment, startTimeEpochMillis, absoluteTimestamps,
                intervalMaxRatio, "given: " + given.id() + (unitBasis == null ? "" : " (read: " + unitBasis + ")"),
                series.stream().map(s -> s.withUnitIfUnknown(given)).toList());
    }

    /** Values recorded, over all series. */
    public long totalCount() {
        return series.stream().mapToLong(s -> s.overall().count()).sum();
    }
}
