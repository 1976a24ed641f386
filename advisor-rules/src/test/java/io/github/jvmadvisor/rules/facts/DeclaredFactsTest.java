package io.github.jvmadvisor.rules.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Goal;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.RunContext;
import io.github.jvmadvisor.rules.testing.Advice;
import io.github.jvmadvisor.core.testing.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule declares the shared facts it weighs ({@link Rule#facts()}) and the intents its recommendations carry
 * ({@link Rule#intents()}); the rule reference lists both. This holds the declarations to what the rules do on real
 * evidence: every GC log of the corpus (five collectors on JDK 17 and 25), with and without a command line and a
 * container, for each goal. A rule that reads a fact it does not declare, or carries an intent it does not declare,
 * fails here; so does a declaration no run exercises for a rule that ran (a stale one).
 */
class DeclaredFactsTest {

    @Test
    void rulesReadOnlyTheFactsTheyDeclare() throws Exception {
        Path corpus = SharedCorpus.require().resolve("gclog/generated");
        List<Path> logs;
        try (Stream<Path> s = Files.list(corpus)) {
            logs = s.filter(p -> p.getFileName().toString().endsWith(".log.gz")).sorted().toList();
        }
        assertTrue(logs.size() >= 10, () -> "corpus logs: " + logs);
        List<Evidence> bodies = new ArrayList<>();
        for (Path log : logs) {
            int jdk = log.getFileName().toString().startsWith("jdk25") ? 25 : 17;
            bodies.add(Advice.of(List.of(log), null, null, null, jdk));
            bodies.add(Advice.of(List.of(log), "-Xms64m -Xmx256m -XX:ActiveProcessorCount=2", 512L << 20, 1.0, jdk));
        }
        bodies.add(Advice.ofCommandLine("-XX:+UseSerialGC -Xmx2g", 1536L << 20, 2.0, 17));
        bodies.add(Advice.ofCommandLine("-XX:+UseG1GC -XX:MaxRAMPercentage=90", 1024L << 20, 4.0, 25));

        Map<String, Set<Facts.Key>> read = new TreeMap<>();
        Map<String, Set<Intent.Kind>> carried = new TreeMap<>();
        List<Rule> rules = RuleSet.load().rules();
        int evaluated = 0;
        for (Evidence e : bodies) {
            int jdk = e.gc().flatMap(g -> java.util.Optional.ofNullable(g.setup().jdkVersion())).orElse(17);
            FlagCatalogue catalogue = FlagCatalogue.forJdk(jdk >= 25 ? 25 : 17);
            for (Goal goal : Goal.values()) {
                Facts facts = Facts.of(e);
                for (Rule rule : rules) {
                    RuleContext ctx = new RuleContext(e, catalogue.feature(), goal, catalogue, Map.of(), rule, RunContext.SERVICE,
                            false, facts);
                    if (!rule.collectors().isEmpty() && !rule.collectors().contains(facts.collector().value())) {
                        continue;
                    }
                    try {
                        if (rule.unjudged(ctx) != null) {
                            continue;
                        }
                        for (var f : rule.evaluate(ctx)) {
                            for (Recommendation r : f.recommendations()) {
                                for (Intent i : r.intents()) {
                                    carried.computeIfAbsent(rule.id(), k -> EnumSet.noneOf(Intent.Kind.class)).add(i.kind());
                                }
                            }
                        }
                        evaluated++;
                    } catch (RuntimeException ex) {
                        // a rule run without its required evidence may fail; its reads up to there still count
                    }
                }
                facts.reads().forEach((id, keys) -> read.computeIfAbsent(id, k -> EnumSet.noneOf(Facts.Key.class)).addAll(keys));
            }
        }
        int n = evaluated;
        assertTrue(n > 500, () -> "evaluations: " + n);
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            Set<Facts.Key> r = read.getOrDefault(rule.id(), Set.of());
            if (!rule.facts().containsAll(r)) {
                Set<Facts.Key> undeclared = EnumSet.noneOf(Facts.Key.class);
                undeclared.addAll(r);
                undeclared.removeAll(rule.facts());
                wrong.add(rule.id() + " reads " + undeclared + " without declaring it (declares " + rule.facts() + ")");
            }
            Set<Intent.Kind> c = carried.getOrDefault(rule.id(), Set.of());
            if (!rule.intents().containsAll(c)) {
                wrong.add(rule.id() + " carries intents " + c + " but declares " + rule.intents());
            }
        }
        assertEquals(List.of(), wrong, () -> "observed reads: " + read);
    }
}
