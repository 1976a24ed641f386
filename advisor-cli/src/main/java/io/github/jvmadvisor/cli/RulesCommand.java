package io.github.jvmadvisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.EvidenceKind;
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
        description = "Lists every rule: pack, id, title, the evidence it needs, the collectors it applies to, and its parameters.")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

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
