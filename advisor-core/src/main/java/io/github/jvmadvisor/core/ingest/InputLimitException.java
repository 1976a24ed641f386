package io.github.jvmadvisor.core.ingest;

import java.io.IOException;

/**
 * Thrown by a stream from {@link InputSource#open()} when the input reaches one of the {@link ReadLimits}:
 * readers turn it into an {@code InputIssue} of code {@code limit-reached} and keep what they read before.
 */
public final class InputLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The bytes delivered before the limit was reached. */
    private final long at;

    /**
     * An exception.
     *
     * @param message what was reached and how to raise it
     * @param at the decompressed bytes delivered before
     */
    public InputLimitException(String message, long at) {
        super(message);
        this.at = at;
    }

    /** The decompressed bytes delivered before the limit was reached. */
    public long at() {
        return at;
    }
}
