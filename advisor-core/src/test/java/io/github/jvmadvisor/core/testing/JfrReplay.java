package io.github.jvmadvisor.core.testing;

import io.github.jvmadvisor.core.ingest.jfr.JfrSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Test stand-in for the JFR reader: reads a recording with {@link RecordingFile} and gives each event
 * to every sink whose {@link JfrSink#eventTypes()} holds its type name. Damaged input is not handled
 * here: {@link RecordingFile}'s exceptions (checked and unchecked) reach the caller.
 */
public final class JfrReplay {

    private JfrReplay() {
    }

    /** Replays {@code jfr} into {@code sinks}; returns the number of events read. */
    public static long replay(Path jfr, JfrSink... sinks) throws IOException {
        List<JfrSink> all = List.of(sinks);
        long events = 0;
        try (RecordingFile rf = new RecordingFile(jfr)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                events++;
                String type = e.getEventType().getName();
                for (JfrSink s : all) {
                    if (s.eventTypes().contains(type)) {
                        s.accept(e);
                    }
                }
            }
        }
        return events;
    }
}
