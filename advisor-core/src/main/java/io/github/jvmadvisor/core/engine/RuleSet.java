package io.github.jvmadvisor.core.engine;

import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The rules an {@link Advisor} runs, in evaluation order: pack by pack (lint first, as rules.md §10
 * orders them; unknown packs after, by name), then by id. Immutable.
 */
public final class RuleSet {

    /** Evaluation and listing order of the packs. */
    public static final List<String> PACK_ORDER = List.of("lint", "heap", "gc-choice", "g1", "parallel", "zgc",
            "shenandoah", "cpu", "safepoints", "native-memory", "explicit-gc", "jit", "inlining", "escape-analysis",
            "startup-aot", "observability");


    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        Set<String> ids = new HashSet<>();
        for (Rule r : sorted) {
            if (r.id() == null || !isId(r.id())) {
                throw new IllegalArgumentException("rule ids look like HEAP-04: " + r.id() + " (" + r.getClass().getName() + ")");
            }
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("two rules have the id " + r.id());
            }
            if (r.pack() == null || r.title() == null || r.requires() == null) {
                throw new IllegalArgumentException(r.id() + " needs a pack, a title and its required evidence");
            }
            Set<String> names = new HashSet<>();
            for (Parameter<?> p : r.parameters()) {
                if (!names.add(p.name())) {
                    throw new IllegalArgumentException(r.id() + " has two parameters named " + p.name());
                }
            }
        }
        this.rules = List.copyOf(sorted);
    }

    /**
     * Pack order, then pack, then id. A class rather than a chain of {@code Comparator} lambdas: this runs on the
     * path of {@code JvmAdvisor.atStartup}, where each lambda is a class spun on first use.
     */
    private static final Comparator<Rule> ORDER = new Comparator<>() {
        @Override
        public int compare(Rule a, Rule b) {
            int c = Integer.compare(PACK_INDEX.getOrDefault(a.pack(), PACK_ORDER.size()),
                    PACK_INDEX.getOrDefault(b.pack(), PACK_ORDER.size()));
            if (c == 0) {
                c = a.pack().compareTo(b.pack());
            }
            return c != 0 ? c : a.id().compareTo(b.id());
        }
    };

    /**
     * Whether {@code id} matches {@code [A-Z][A-Z0-9]*-[0-9]{2,}} ({@code HEAP-04}). A loop, not a regex: the
     * startup check builds a rule set in a fresh JVM, where 50 matches in the interpreter cost a millisecond or two.
     */
    static boolean isId(String id) {
        int dash = id.indexOf('-');
        if (dash < 1 || id.length() - dash - 1 < 2 || id.charAt(0) < 'A' || id.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (i < dash ? !(digit || c >= 'A' && c <= 'Z') : i > dash && !digit) {
                return false;
            }
        }
        return true;
    }

    /** {@link #PACK_ORDER} by pack: looked up in each comparison of the sort. */
    private static final Map<String, Integer> PACK_INDEX = packIndex();

    private static Map<String, Integer> packIndex() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < PACK_ORDER.size(); i++) {
            out.put(PACK_ORDER.get(i), i);
        }
        return out;
    }

    /** The rules on the class path or module path ({@link ServiceLoader} of {@link Rule}). */
    public static RuleSet load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** The rules {@code loader} finds. */
    public static RuleSet load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        if (RuleSet.class.getModule().isNamed()) {
            // a named module also sees providers declared with "provides" in the boot layer
            for (Rule r : ServiceLoader.load(ModuleLayer.boot(), Rule.class)) {
                if (found.stream().noneMatch(f -> f.getClass() == r.getClass())) {
                    found.add(r);
                }
            }
        }
        return new RuleSet(found);
    }

    /** Exactly these rules. */
    public static RuleSet of(Collection<? extends Rule> rules) {
        return new RuleSet(new ArrayList<>(rules));
    }

    /** Exactly these rules. */
    public static RuleSet of(Rule... rules) {
        return of(List.of(rules));
    }

    /** This set plus {@code more}; a rule with an id already here replaces it. */
    public RuleSet with(Rule... more) {
        List<Rule> out = new ArrayList<>(rules);
        for (Rule m : more) {
            out.removeIf(r -> r.id().equals(m.id()));
            out.add(m);
        }
        return new RuleSet(out);
    }

    /** This set without the rules whose id or pack is in {@code idsOrPacks}. */
    public RuleSet without(Collection<String> idsOrPacks) {
        if (idsOrPacks.isEmpty()) {
            return this;
        }
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!idsOrPacks.contains(r.id()) && !idsOrPacks.contains(r.pack())) {
                out.add(r);
            }
        }
        return new RuleSet(out);
    }

    /** The rules in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** How many rules. */
    public int size() {
        return rules.size();
    }
}
