package io.github.jvmadvisor.junit;

import io.github.jvmadvisor.runtime.LiveEvidence;

/** Closes a live evidence read without letting the caller wait more than a moment. */
final class Quietly {

    private Quietly() {
    }

    /**
     * Closes it on a daemon thread and waits at most 2 s: the last listener to leave closes the JVM's JFR
     * stream, which should be quick but is not ours to trust with a test run.
     */
    static void close(LiveEvidence e) {
        if (e == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                e.close();
            } catch (RuntimeException | LinkageError ex) {
                Failures.internal("closing the JFR read", ex);
            }
        }, "jvm-advisor close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(2000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
