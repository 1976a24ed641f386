package io.github.jvmadvisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jvm-advisor rules}: every rule with its pack, id, the evidence it needs and its parameters. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Every rule, the evidence it needs and its parameters.",
            "Lists every rule: pack, id, title, the evidence it needs, the collectors it applies to, and its "
                + "parameters."})
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--markdown", description = "print the rule reference as Markdown (docs/rules.md is made with it)")
    boolean markdown;

    /** The rule reference: per pack, each rule with its evidence, collectors and parameters. */
    static String markdown(RuleSet rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rules\n\n")
                .append("Made by `jvm-advisor rules --markdown`; a test keeps it in step with the code. ")
                .append(rules.size()).append(" rules. The catalogue they implement, with sources, is `rules.md` of the ")
                .append("knowledge base; how the engine runs and ranks them is in [advise.md](advise.md). Parameters are ")
                .append("set with `--param RULE-ID.name=value`; *heuristic* marks a proposed threshold, not a published ")
                .append("or measured one. The facts column names the figures, derived once per advice and shared by all rules, ")
                .append("that the rule weighs (see [advise.md](advise.md#facts)); in brackets, the intents its ")
                .append("recommendations carry for the planner.\n");
        String pack = null;
        for (Rule r : rules.rules()) {
            if (!r.pack().equals(pack)) {
                pack = r.pack();
                sb.append("\n## ").append(pack).append("\n\n");
                sb.append("| rule | title | needs | collectors | facts (intents) | parameters (default) |\n|---|---|---|---|---|---|\n");
            }
            List<String> params = new ArrayList<>();
            for (Parameter<?> p : r.parameters()) {
                params.add("`" + p.name() + "` = " + p.defaultValue() + (p.heuristic() ? " *heuristic*" : "") + ": "
                        + p.description().replace("|", "\\|"));
            }
            sb.append("| ").append(r.id()).append(" | ").append(r.title().replace("|", "\\|")).append(" | ")
                    .append(String.join(", ", r.requires().stream().map(EvidenceKind::id).sorted().toList()))
                    .append(" | ")
                    .append(r.collectors().isEmpty() ? "all"
                            : String.join(", ", r.collectors().stream().sorted().map(Collector::displayName).toList()))
                    .append(" | ").append(factsAndIntents(r))
                    .append(" | ").append(String.join("<br>", params)).append(" |\n");
        }
        return sb.toString();
    }

    /** The shared facts a rule weighs, in {@link Facts.Key} order, and its intents in brackets; "-" for none. */
    static String factsAndIntents(Rule r) {
        List<String> facts = r.facts().stream().sorted().map(Facts.Key::id).toList();
        List<String> intents = r.intents().stream().sorted().map(Intent.Kind::id).toList();
        String s = String.join(", ", facts);
        if (!intents.isEmpty()) {
            s += (s.isEmpty() ? "" : " ") + "(" + String.join(", ", intents) + ")";
        }
        return s.isEmpty() ? "-" : s;
    }

    @Override
    public Integer call() throws Exception {
        RuleSet rules = RuleSet.load(RulesCommand.class.getClassLoader());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Rule r : rules.rules()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("pack", r.pack());
                m.put("title", r.title());
                m.put("requires", r.requires().stream().map(EvidenceKind::id).sorted().toList());
                m.put("uses", r.uses().stream().map(EvidenceKind::id).sorted().toList());
                m.put("collectors", r.collectors().stream().sorted().map(Collector::displayName).toList());
                m.put("facts", r.facts().stream().sorted().map(Facts.Key::id).toList());
                m.put("intents", r.intents().stream().sorted().map(Intent.Kind::id).toList());
                List<Map<String, Object>> ps = new ArrayList<>();
                for (Parameter<?> p : r.parameters()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("name", r.id() + "." + p.name());
                    pm.put("type", p.type().getSimpleName().toLowerCase(java.util.Locale.ROOT));
                    pm.put("default", p.defaultValue());
                    pm.put("heuristic", p.heuristic());
                    pm.put("description", p.description());
                    ps.add(pm);
                }
                m.put("parameters", ps);
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
            out.flush();
            return 0;
        }
        if (markdown) {
            out.print(markdown(rules));
            out.flush();
            return 0;
        }
        String pack = null;
        for (Rule r : rules.rules()) {
            if (!r.pack().equals(pack)) {
                pack = r.pack();
                out.println();
                out.println(pack);
            }
            out.printf("  %-9s %s%n", r.id(), r.title());
            List<String> needs = r.requires().stream().map(EvidenceKind::id).sorted().toList();
            out.printf("            needs: %s%s%n", needs.isEmpty() ? "nothing" : String.join(", ", needs),
                    r.collectors().isEmpty() ? "" : "; collectors: "
                            + String.join(", ", r.collectors().stream().sorted().map(Collector::displayName).toList()));
            if (!r.facts().isEmpty() || !r.intents().isEmpty()) {
                out.printf("            facts: %s%n", factsAndIntents(r));
            }
            for (Parameter<?> p : r.parameters()) {
                out.printf("            %s.%s = %s%s: %s%n", r.id(), p.name(), p.defaultValue(),
                        p.heuristic() ? " (heuristic)" : "", p.description());
            }
        }
        out.printf("%n%d rules%n", rules.size());
        out.flush();
        return 0;
    }
}
