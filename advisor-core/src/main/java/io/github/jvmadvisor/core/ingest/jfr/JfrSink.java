package io.github.jvmadvisor.core.ingest.jfr;

import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Receives the events of one recording that it asked for, one at a time, while the recording is read.
 *
 * <p>The reader calls {@link #accept(RecordedEvent)} from one thread, in file order (chunk by chunk;
 * within a chunk events are not sorted by time). An event object may be reused after {@code accept}
 * returns: copy what you need. A sink must not throw for odd values; it skips them.
 */
public interface JfrSink {

    /** The event type names wanted, e.g. {@code "jdk.ObjectAllocationSample"}. */
    Set<String> eventTypes();

    /** One event of a wanted type. */
    void accept(RecordedEvent event);

    /**
     * Called once after the last event, with the settings the recording was made with (what was
     * enabled, at which threshold). Does nothing unless a sink needs them.
     */
    default void settings(JfrSettings settings) {
    }
}
