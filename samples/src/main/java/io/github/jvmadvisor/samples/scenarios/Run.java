package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.model.GcMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario's workload.
 *
 * @param dir where it ran and left its files
 * @param options the JVM options it ran with, instrumentation included
 * @param printed the {@code RESULT} figures it printed
 * @param gc the metrics of its GC log, or {@code null} when the log could not be read
 * @param files the evidence it left (GC log, recording, latency log)
 */
public record Run(Path dir, List<String> options, Map<String, Double> printed, GcMetrics gc, List<Path> files) {
}
