package io.github.jvmadvisor.cli;

import static io.github.jvmadvisor.cli.AdviseCommandTest.EXAMPLE;
import static io.github.jvmadvisor.cli.AdviseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.cli.AdviseCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command says when it is used wrongly or cannot do its job: one line, a pointer, an exit code. */
class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelp() {
        Run r = run("advise", "--formt", "md", EXAMPLE.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals("jvm-advisor advise: Unknown option: '--formt'", lines.get(0), r.err());
        assertEquals("Try 'jvm-advisor advise --help' for more information.", lines.get(lines.size() - 1), r.err());
        assertTrue(lines.size() <= 3, "no help text after the error: " + r.err());
        Run bad = run("advise", "--goal", "speed", EXAMPLE.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().lines().count() <= 3, bad.err());
    }

    @Test
    void noCommandIsAUsageErrorWithTheCommandList() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: jvm-advisor COMMAND"), r.err());
        assertTrue(r.err().contains("advise ") && r.err().contains("compare "), r.err());
        assertTrue(r.err().lines().count() < 15, r.err());
    }

    @Test
    void theCommandListGivesWholeSentences() {
        Run r = run("--help");
        assertEquals(0, r.code());
        String list = r.out().substring(r.out().indexOf("Commands:"));
        // each summary, its continuation lines joined, ends a sentence
        String joined = list.replaceAll("\n {10,}", " ");
        for (String command : List.of("advise", "analyze", "compare", "rules", "flags")) {
            String line = joined.lines().filter(l -> l.startsWith("  " + command + " ")).findFirst().orElseThrow();
            assertTrue(line.endsWith("."), "cut summary: " + line);
        }
    }

    @Test
    void helpPrintsNoFormatWarnings() {
        for (String command : List.of("advise", "analyze", "compare", "rules", "flags")) {
            Run r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertEquals("", r.err(), command);
        }
        // picocli writes its format warnings to System.err, not to the command's error stream
        assertTrue(run("compare", "--help").out().contains("0.05 or 5% (default: 5%)"));
    }

    @Test
    void aMissingInputIsNamedAndNoEmptyReportIsGiven() {
        Path missing = dir.resolve("gc.log");
        for (String command : List.of("advise", "analyze")) {
            Run r = run(command, missing.toString());
            assertEquals(1, r.code(), command);
            assertEquals("", r.out(), command + " gives no report of an empty run");
            assertEquals("jvm-advisor: " + missing + ": no such file", r.err().strip(), command);
        }
        // beside a readable one too: a typo is never advised around silently
        Run r = run("advise", EXAMPLE.toString(), missing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(missing + ": no such file"), r.err());
        Run c = run("compare", missing.toString(), missing.toString());
        assertEquals(1, c.code());
        assertTrue(c.err().contains("no such file"), c.err());
    }

    @Test
    void anInputNothingWasReadFromIsNeverReportedAsHealthy() throws Exception {
        Run r = run("advise", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("! is a directory"), r.out());
        assertTrue(r.out().contains("Nothing could be read from the inputs"), r.out());
        assertFalse(r.out().contains("Nothing to change"), r.out());
        assertTrue(r.err().contains("none of the inputs could be read"), r.err());
        for (String format : List.of("md", "html")) {
            String out = run("advise", "--format", format, dir.toString()).out();
            assertTrue(out.contains("is a directory") && out.contains("Nothing could be read from the inputs"), out);
            assertFalse(out.contains("Nothing to change"), out);
        }
        // beside a log that is read: the advice, and why the other gave nothing
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a log\n");
        Run mixed = run("advise", notes.toString(), EXAMPLE.toString());
        assertEquals(0, mixed.code(), mixed.err());
        assertTrue(mixed.out().contains("! not a format jvm-advisor knows"), mixed.out());
        assertTrue(mixed.out().contains(" 1. [WARN]"), mixed.out());
    }

    @Test
    void aNameThatIsNotValidUtf8IsSaidToBeSo() {
        // what the launcher hands Java for the bytes "bad\xffname": the byte cannot be decoded
        Run r = run("advise", dir.resolve("bad\uFFFDname.log").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not valid") && r.err().contains("rename it"), r.err());
        assertFalse(r.err().contains("no such file"), r.err());
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineNotAStackTrace() throws Exception {
        Path noDir = dir.resolve("no-such-dir").resolve("report.txt");
        Run r = run("advise", "-o", noDir.toString(), EXAMPLE.toString());
        assertEquals(1, r.code());
        assertEquals("jvm-advisor: cannot write the report to " + noDir + ": no such directory: " + noDir.getParent(),
                r.err().strip());

        Run d = run("advise", "-o", dir.toString(), EXAMPLE.toString());
        assertEquals(1, d.code());
        assertEquals("jvm-advisor: cannot write the report to " + dir + ": it is a directory", d.err().strip());

        Path full = Path.of("/dev/full");
        if (Files.isWritable(full)) {
            Run f = run("analyze", "-o", full.toString(), EXAMPLE.toString());
            assertEquals(1, f.code());
            assertEquals("jvm-advisor: cannot write the report to /dev/full: No space left on device", f.err().strip());
        }
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false) && !Files.isWritable(locked), "root writes anywhere");
        Run p = run("advise", "-o", locked.resolve("r.txt").toString(), EXAMPLE.toString());
        assertEquals(1, p.code());
        assertTrue(p.err().strip().endsWith(": permission denied"), p.err());
        assertEquals(1, p.err().lines().count(), p.err());
    }
}
