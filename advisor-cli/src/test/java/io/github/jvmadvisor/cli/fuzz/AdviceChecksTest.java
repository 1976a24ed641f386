package io.github.jvmadvisor.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.fuzz.Fuzz;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.report.AdviceMarkdown;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fuzzing checks can fail: each catches what it looks for, and passes the real advice on the bundled example. */
class AdviceChecksTest {

    @Test
    void theRealAdviceOnTheExamplePasses() {
        AdviceChecks.all(Fuzz.projectRoot().resolve("examples/g1-small-heap/gc.log.gz"));
    }

    @Test
    void eachCheckCatchesWhatItLooksFor() {
        Report r = Advisor.builder().build().advise(Fuzz.analyze(Fuzz.projectRoot().resolve("examples/g1-small-heap/gc.log.gz")));
        String page = AdviceHtml.render(r);
        assertThrows(AssertionError.class, () -> AdviceChecks.html(page.replace("</body>", "<script>x</script></body>")));
        assertThrows(AssertionError.class, () -> AdviceChecks.html(page.replace("</body>", "<img src=x></body>")));
        assertThrows(AssertionError.class, () -> AdviceChecks.html(page.replace("<p>", "<p onclick=x>")));
        String md = AdviceMarkdown.render(r);
        assertThrows(AssertionError.class, () -> AdviceChecks.markdown(md + "\n<script>x</script>\n"));
        assertThrows(AssertionError.class, () -> AdviceChecks.markdown(md + "\n[a](javascript:x)\n"));
        assertThrows(AssertionError.class, () -> AdviceChecks.markdown(md + "\u001b[31m"));
        assertThrows(AssertionError.class, () -> Fuzz.noControlCharacters("text", "a\rb"));
        assertThrows(AssertionError.class, () -> Fuzz.isJson("json", "{\"a\":1} x"));
    }
}
