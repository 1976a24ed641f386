package io.github.jvmadvisor.core.ingest.hdr;

import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.LatencyLog;

/**
 * What reading one HdrHistogram interval log or percentile file gave.
 *
 * @param summary lines read, lines not used and issues
 * @param log the latency series read; empty when nothing could be read
 */
public record HdrLogResult(InputSummary summary, LatencyLog log) {

    public HdrLogResult {
        if (summary == null || log == null) {
            throw new IllegalArgumentException("summary and log are required");
        }
    }
}
