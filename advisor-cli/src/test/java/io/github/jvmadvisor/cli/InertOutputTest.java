package io.github.jvmadvisor.cli;

import static io.github.jvmadvisor.cli.AdviseCommandTest.EXAMPLE;
import static io.github.jvmadvisor.cli.AdviseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.cli.AdviseCommandTest.Run;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text the user or an input file supplies reaches no terminal as a control sequence and no Markdown as markup,
 * in every command and format; Markdown escapes only where it would misread.
 */
class InertOutputTest {

    private static final String ESC = "\u001b[2J\u001b[31m";

    @TempDir
    Path dir;

    private static void noControlCharacters(String out) {
        assertFalse(out.chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)), out);
    }

    @Test
    void anEscapeInTheOptionsIsShownNotSent() {
        String options = "-Xmx1g -XX:+UseG1GC -Dtitle=" + ESC + "red";
        for (String format : new String[] {"text", "md"}) {
            Run r = run("advise", "--format", format, "--jvm-args", options);
            assertEquals(0, r.code(), r.err());
            noControlCharacters(r.out());
            assertTrue(r.out().contains("\\u001b[2J\\u001b[31mred"), r.out());
        }
        Run check = run("flags", "--jdk", "17", "--check", "-Xmx1g -XX:+No" + ESC + "Such");
        assertEquals(1, check.code());
        noControlCharacters(check.out());
        assertTrue(check.out().contains("-XX:+No\\u001b[2J\\u001b[31mSuch"), check.out());
        Run names = run("flags", "--jdk", "17", "No" + ESC + "Such");
        noControlCharacters(names.out());
    }

    @Test
    void markupInAJmhFileStaysText() throws Exception {
        // a real result file whose unit and one benchmark name were rewritten to carry markup and an escape
        String json = Files.readString(SharedCorpus.require().resolve("jmh").resolve("jcasbin__jmh-result.json"))
                .replace("\"ops/ms\"", "\"<script>alert(1)</script>|*x*\"")
                .replace("BenchmarkEnforce.enforce\"", "BenchmarkEnforce.enforce\\u001b[31m\"");
        Path a = Files.writeString(dir.resolve("a.json"), json, StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b.json"), json, StandardCharsets.UTF_8);
        Run md = run("compare", "--format", "md", a.toString(), b.toString());
        assertEquals(0, md.code(), md.err());
        noControlCharacters(md.out());
        String outsideCode = md.out().replaceAll("`[^`\n]*`", "");
        assertFalse(Pattern.compile("(?<!\\\\)<script").matcher(outsideCode).find(), md.out());
        assertTrue(md.out().contains("\\<script>alert(1)\\</script>\\|\\*x\\*"), md.out());
        // every table row keeps its nine cells: no unescaped | from the file
        md.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| verdict")).forEach(l ->
                assertEquals(11, l.split("(?<!\\\\)\\|", -1).length, l));
        Run text = run("compare", a.toString(), b.toString());
        noControlCharacters(text.out());
        assertTrue(text.out().contains("enforce\\u001b[31m"), text.out());
    }

    @Test
    void markdownEscapesOnlyWhereItWouldMisread() {
        assertEquals("3.5 x live set, 17.0.15+6 (JDK), a-b", AdviceMarkdown.escape("3.5 x live set, 17.0.15+6 (JDK), a-b"));
        assertEquals("\\*\\_x\\_\\* \\[a\\](b) \\<img> \\&amp; a\\|b \\~\\~s\\~\\~ \\`c\\` \\\\",
                AdviceMarkdown.escape("*_x_* [a](b) <img> &amp; a|b ~~s~~ `c` \\"));
        // what would begin a block at the start of a line
        assertEquals("\\# h", AdviceMarkdown.escape("# h"));
        assertEquals("\\- item", AdviceMarkdown.escape("- item"));
        assertEquals("\\+ item", AdviceMarkdown.escape("+ item"));
        assertEquals("\\> quote", AdviceMarkdown.escape("> quote"));
        assertEquals("12\\. item", AdviceMarkdown.escape("12. item"));
        assertEquals("1\\) item", AdviceMarkdown.escape("1) item"));
        assertEquals("1.5 GB", AdviceMarkdown.escape("1.5 GB"));

        String md = run("advise", "--format", "md", EXAMPLE.toString()).out();
        assertTrue(md.contains("3.5 x the live set"), md);
        assertFalse(md.contains("3\\.5") || md.contains("17\\.0"), md);
    }
}
