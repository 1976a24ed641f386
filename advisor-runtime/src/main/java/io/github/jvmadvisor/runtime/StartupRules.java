package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration-only rules, found without loading the others: loading and instantiating all 106
 * rules is a third of a first {@code atStartup} call, and 66 of them need measured evidence a startup
 * check never has.
 *
 * <p>The rule classes are read from the class path's {@code META-INF/services} files. A bundled index
 * ({@value #INDEX}, checked against the rules by {@code StartupTest}) says which known rule classes need
 * measured evidence; those are skipped unloaded. Every other class (a configuration-only rule, or one the
 * index does not know: a new or third-party rule) is instantiated and kept when its {@link Rule#requires()}
 * is configuration only, so a stale index costs time, never a rule. On the module path, or when anything
 * here fails, all rules are loaded through {@link RuleSet#load(ClassLoader)} and filtered.
 */
final class StartupRules {

    static final String INDEX = "/io/github/jvmadvisor/runtime/measured-rules.txt";
    private static final String SERVICES = "META-INF/services/io.github.jvmadvisor.core.rule.Rule";
    private static final Logger LOG = LoggerFactory.getLogger(StartupRules.class);

    private StartupRules() {
    }

    /** The configuration-only rules {@code loader} provides. */
    static RuleSet load(ClassLoader loader) {
        if (!JvmAdvisor.class.getModule().isNamed()) {
            try {
                List<String> names = serviceNames(loader);
                if (!names.isEmpty()) {
                    Set<String> measured = index();
                    List<Rule> keep = new ArrayList<>();
                    for (String n : names) {
                        if (measured.contains(n)) {
                            continue;
                        }
                        Rule r = (Rule) Class.forName(n, true, loader).getConstructor().newInstance();
                        if (JvmAdvisor.CONFIGURATION_ONLY.containsAll(r.requires())) {
                            keep.add(r);
                        }
                    }
                    return RuleSet.of(keep);
                }
            } catch (Exception | LinkageError e) {
                LOG.debug("configuration rules not found through the index; loading all rules", e);
            }
        }
        return JvmAdvisor.configurationRules(RuleSet.load(loader));
    }

    /** The rule class names in the class path's service files, in order, each once. */
    static List<String> serviceNames(ClassLoader loader) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        Enumeration<URL> files = loader.getResources(SERVICES);
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (String line : lines(in)) {
                    int hash = line.indexOf('#');
                    String n = (hash >= 0 ? line.substring(0, hash) : line).trim();
                    if (!n.isEmpty()) {
                        out.add(n);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The rule classes the index says need measured evidence. */
    static Set<String> index() throws IOException {
        Set<String> out = new java.util.HashSet<>();
        try (InputStream in = StartupRules.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return out;
            }
            for (String line : lines(in)) {
                String n = line.trim();
                if (!n.isEmpty() && n.charAt(0) != '#') {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The lines, as {@code BufferedReader.readLine} splits them (read whole: cheaper in a fresh JVM). */
    private static List<String> lines(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The index's content for these rules: the classes of those that need measured evidence (tests). */
    static List<String> measured(RuleSet all) {
        Map<String, Boolean> byClass = new HashMap<>();
        for (Rule r : all.rules()) {
            byClass.put(r.getClass().getName(), JvmAdvisor.CONFIGURATION_ONLY.containsAll(r.requires()));
        }
        return byClass.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().toList();
    }
}
