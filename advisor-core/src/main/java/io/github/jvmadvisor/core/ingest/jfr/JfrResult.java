package io.github.jvmadvisor.core.ingest.jfr;

import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.PauseSum;
import io.github.jvmadvisor.core.model.Resources;
import java.util.List;
import java.util.Optional;

/**
 * What a recording gave.
 *
 * @param summary the input summary; {@code lines} counts events for a recording
 * @param gc GC figures in the same shape a GC log gives, when the recording has GC events
 * @param jvm the JVM's configuration, when the recording has configuration events
 * @param resources non-heap memory, container accounting and old-object samples
 * @param flagChanges flags changed while the JVM ran ({@code name: old -> new (origin)}), in order
 * @param pauses pauses per GC id, in GC id order (for comparing with a GC log of the same run)
 * @param startEpochMillis start of the recording, or -1
 * @param endEpochMillis end of the recording, or -1
 */
public record JfrResult(InputSummary summary, Optional<GcAnalysis> gc, Optional<JvmConfig> jvm,
        Resources resources, List<String> flagChanges, List<PauseSum> pauses, long startEpochMillis,
        long endEpochMillis) {

    public JfrResult {
        if (summary == null || gc == null || jvm == null || resources == null) {
            throw new IllegalArgumentException("summary, gc, jvm and resources are required");
        }
        flagChanges = flagChanges == null ? List.of() : List.copyOf(flagChanges);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }
}
