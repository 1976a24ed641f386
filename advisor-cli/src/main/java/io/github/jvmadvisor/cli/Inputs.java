package io.github.jvmadvisor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The input files a command was given, checked before anything is read. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Fails with one {@link CliError} naming every input that does not exist (exit code 1), so that a typo never
     * yields a report of an empty run ("Nothing to change"). A name holding bytes that are not valid in the
     * platform encoding reaches Java with U+FFFD in their place and can never be opened: the error says so.
     */
    static void requireExisting(List<Path> files) {
        if (files == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            if (Files.exists(f)) {
                continue;
            }
            String name = f.toString();
            missing.add(name.indexOf('\uFFFD') >= 0
                    ? name + ": cannot be opened: its name holds bytes that are not valid "
                            + System.getProperty("sun.jnu.encoding", "UTF-8")
                            + " (shown as \uFFFD), which Java cannot pass to the file system; rename it or link it "
                            + "under a valid name"
                    : name + ": no such file");
        }
        if (!missing.isEmpty()) {
            throw new CliError(String.join("\njvm-advisor: ", missing), 1);
        }
    }
}
