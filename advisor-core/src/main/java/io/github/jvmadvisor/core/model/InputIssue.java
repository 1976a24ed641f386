package io.github.jvmadvisor.core.model;

/**
 * Something wrong or surprising in an input, with where it is. Reading never stops at an issue:
 * the rest of the input is still read and the issue is reported beside the result.
 *
 * @param source the file (or archive member) the issue is in
 * @param line 1-based line number, or 0 when the issue concerns the whole input
 * @param code a stable machine-readable code, e.g. {@code "unknown-line"}, {@code "truncated"}
 * @param message what is wrong, for people
 */
public record InputIssue(String source, long line, String code, String message) {

    /** Code of a line the reader did not recognise. */
    public static final String UNKNOWN_LINE = "unknown-line";
    /** Code of an input that ended in the middle (truncated gzip, cut-off last line). */
    public static final String TRUNCATED = "truncated";
    /** Code of lines that are not GC log lines (application output mixed into the log). */
    public static final String FOREIGN_LINES = "foreign-lines";
    /** Code of a line longer than the reader's limit; it was cut. */
    public static final String LONG_LINE = "long-line";
    /** Code of an input whose format is recognised but not (yet) read. */
    public static final String UNSUPPORTED_FORMAT = "unsupported-format";
    /** Code of an input whose format is not recognised at all. */
    public static final String UNKNOWN_FORMAT = "unknown-format";
    /** Code of a read error (missing file, permission, corrupt archive). */
    public static final String IO_ERROR = "io-error";
    /** Code of a JVM restart found inside the input. */
    public static final String RESTART = "restart";
    /** Code of files whose order could not be fully settled from their content. */
    public static final String ORDER = "order";
    /** Code of a line the reader recognised but whose values it could not use. */
    public static final String BAD_VALUE = "bad-value";
    /** Code of repeated content (a recording's chunk seen twice) that was read once. */
    public static final String DUPLICATE = "duplicate";
    /** Code of an input recorded with settings that leave some figures out (a JFR threshold, say). */
    public static final String LIMITED = "limited";
    /**
     * Code of an input that reached one of the reading limits (decompressed size or ratio, archive
     * members, temporary file size); what came before was read, and the message names the property that
     * raises the limit.
     */
    public static final String LIMIT_REACHED = "limit-reached";
    /** Code of an internal error while reading; the reader carried on. */
    public static final String INTERNAL_ERROR = "internal-error";

    public InputIssue {
        if (source == null || code == null || message == null) {
            throw new IllegalArgumentException("source, code and message are required");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
