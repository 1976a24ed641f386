package io.github.jvmadvisor.cli;

/**
 * An error the user can act on (a missing input, an output that cannot be written): the CLI prints its message
 * as one line, without a stack trace, and exits with {@link #exitCode()}.
 */
final class CliError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
