package io.github.jvmadvisor.cli;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.jvmadvisor.core.engine.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is what {@code jvm-advisor rules --markdown} prints for the rules on the class path. */
class RulesDocTest {

    @Test
    void theRuleReferenceIsCurrent() throws Exception {
        String now = RulesCommand.markdown(RuleSet.load(RulesDocTest.class.getClassLoader()));
        Path doc = Path.of("..", "docs", "rules.md");
        String committed = Files.exists(doc) ? Files.readString(doc) : "";
        if (!now.equals(committed)) {
            Path out = Path.of("target", "rules.md");
            Files.writeString(out, now);
            fail("docs/rules.md is out of date; the current reference is in advisor-cli/" + out
                    + " (copy it over docs/rules.md, or run: bin/jvm-advisor rules --markdown > docs/rules.md)");
        }
    }
}
