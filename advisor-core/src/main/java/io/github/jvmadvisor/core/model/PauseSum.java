package io.github.jvmadvisor.core.model;

/**
 * The pauses of one collection, summed: what two sources of the same run are compared on.
 *
 * @param gcId the GC id
 * @param pauses number of pauses
 * @param totalNanos their total duration
 * @param endUptimeNanos JVM uptime at the end of the last one, or -1
 */
public record PauseSum(long gcId, int pauses, long totalNanos, long endUptimeNanos) {
}
