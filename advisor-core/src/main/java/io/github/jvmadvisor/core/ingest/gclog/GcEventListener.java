package io.github.jvmadvisor.core.ingest.gclog;

import io.github.jvmadvisor.core.model.GcEvent;

/**
 * Receives GC events as a reader produces them, on the reading thread, in the order the input
 * completes them (a concurrent cycle is reported when its last line is read, after the pauses inside
 * it). Use it to keep a full timeline when the bounded summary in the result is not enough.
 */
@FunctionalInterface
public interface GcEventListener {

    /** One event. An exception thrown here stops this listener, not the reading. */
    void onEvent(GcEvent event);

    /** A listener that drops everything. */
    static GcEventListener none() {
        return e -> { };
    }
}
