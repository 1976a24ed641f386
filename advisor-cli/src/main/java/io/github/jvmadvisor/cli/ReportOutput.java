package io.github.jvmadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where a command's report goes: the {@code -o} file when given, else the command's standard output. */
final class ReportOutput {

    private ReportOutput() {
    }

    /**
     * Writes the report; a file that cannot be written (no such directory, a directory, no permission, a full
     * device) is a {@link CliError} that names the file and the reason, exit code 1.
     */
    static void write(CommandLine.Model.CommandSpec spec, Path output, String text) {
        if (output != null) {
            if (Files.isDirectory(output)) {
                throw new CliError("cannot write the report to " + output + ": it is a directory", 1);
            }
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliError("cannot write the report to " + output + ": no such directory: " + parent, 1);
            }
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliError("cannot write the report to " + output + ": " + reason(e), 1);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // "No space left on device", "Read-only file system"
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
