package io.github.jvmadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where a command's report goes: the {@code -o} file when given, else the command's standard output. */
final class ReportOutput {

    private ReportOutput() {
    }

    static void write(CommandLine.Model.CommandSpec spec, Path output, String text) throws IOException {
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }
}
