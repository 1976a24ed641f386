package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * How a GC log and a JFR recording of the same JVM agree on its pauses.
 *
 * <p>Collections are paired by GC id. When both sources cover a run, the GC figures come from the GC
 * log (it covers the whole run; a recording may cover part of it) and nothing is counted twice; this
 * record says where the two differ.
 *
 * @param gcLog the GC log input
 * @param recording the recording input
 * @param sameRun whether they are of the same JVM run (collector and paired pauses agree)
 * @param pairedCollections collections with pauses in both
 * @param onlyInLog collections with pauses in the log only, within the recording's span
 * @param onlyInRecording collections with pauses in the recording only
 * @param logPauseMillis total pause time of the paired collections by the log
 * @param recordingPauseMillis total pause time of the paired collections by the recording
 * @param maxDifferenceMillis largest difference of one paired collection's pause time
 * @param disagreements what differs, in words; empty when they agree
 */
public record SourceAgreement(String gcLog, String recording, boolean sameRun, int pairedCollections,
        int onlyInLog, int onlyInRecording, double logPauseMillis, double recordingPauseMillis,
        double maxDifferenceMillis, List<String> disagreements) {

    public SourceAgreement {
        disagreements = disagreements == null ? List.of() : List.copyOf(disagreements);
    }
}
