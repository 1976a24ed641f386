package io.github.jvmadvisor.core.model;

import java.util.List;

/**
 * What was read from one input: its kind and format, how many lines, how many could not be used,
 * and the issues found.
 *
 * <p>A rotated set of GC log files is one input; {@code members} lists its files in the order the
 * reader put them in (by content, not by name).
 *
 * @param path the input as the user gave it (the first file for a set)
 * @param kind what it is
 * @param format the format family within the kind, e.g. {@code "unified"}, or {@code null}
 * @param members the files read, in reading order
 * @param lines lines read
 * @param unknownLines lines in a recognised log format whose content the reader did not recognise
 * @param ignoredLines lines recognised and deliberately not used (detail tags such as
 *     {@code gc,phases} at debug level)
 * @param foreignLines lines that are not log lines at all (application output)
 * @param issues the issues, the first few of each kind
 */
public record InputSummary(String path, InputKind kind, String format, List<String> members, long lines,
        long unknownLines, long ignoredLines, long foreignLines, List<InputIssue> issues) {

    public InputSummary {
        if (path == null || kind == null) {
            throw new IllegalArgumentException("path and kind are required");
        }
        members = members == null ? List.of() : List.copyOf(members);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
