package io.github.jvmadvisor.core.ingest.gclog;

import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.InputSummary;

/**
 * What reading one GC log (a single file or a rotated set) gave.
 *
 * @param summary lines read, unknown lines and issues
 * @param analysis setup and metrics
 */
public record GcLogResult(InputSummary summary, GcAnalysis analysis) {
}
