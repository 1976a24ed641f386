package io.github.jvmadvisor.samples.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The suite's outcomes as a Markdown table and as JSON. */
public final class Table {

    private Table() {
    }

    /**
     * The whole page: how the table was produced, the verdict counts, the table and the details.
     *
     * @param command the command line that produced it
     * @param run what {@code json} records about the run: date, runsPerSide, jdks, cpus, seconds
     */
    public static String document(List<Outcome> outcomes, String command, Map<String, Object> run) {
        StringBuilder sb = new StringBuilder("# Verified advice\n\n");
        long pass = outcomes.stream().filter(o -> o.verdict().pass()).count();
        sb.append("Produced by `").append(command).append("` on ").append(run.get("date")).append(": ")
                .append(run.get("cpus")).append(" CPUs, JDK ").append(run.get("jdks")).append(", ")
                .append(run.get("runsPerSide")).append(" run(s) per side, ").append(run.get("seconds"))
                .append(" s in all. ");
        Object updates = run.get("updates");
        if (updates instanceof List<?> list && !list.isEmpty()) {
            sb.append("Rows re-run since:");
            for (Object u : list) {
                if (u instanceof Map<?, ?> m) {
                    sb.append(" `").append(m.get("command")).append("` on ").append(m.get("date")).append(" (")
                            .append(m.get("rows")).append(");");
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append(". ");
        }
        sb.append(pass).append(" of ").append(outcomes.size()).append(" scenario runs pass.");
        if (run.get("note") != null) {
            sb.append(' ').append(run.get("note"));
        }
        sb.append("\n\n");
        sb.append("Each scenario ran with the options that misconfigure it, a GC log and a flight recording; "
                + "the advisor's suggested command line (every warning-level recommendation) was applied and "
                + "the workload ran again. Before and after are the median over the runs, with the range in "
                + "brackets; a scenario improves when the median moves the right way by at least "
                + Math.round(Harness.THRESHOLD * 100) + " %. How the suite works and what each scenario is: "
                + "[README.md](README.md).\n\n");
        sb.append(calibration(outcomes));
        sb.append(markdown(outcomes));
        return sb.toString();
    }

    /**
     * How the predictions of the applied recommendations compare with the re-runs: the share whose direction was
     * right, and for those with a number, the median and the spread of measured over predicted and the share
     * within a factor of two.
     */
    static String calibration(List<Outcome> outcomes) {
        List<Outcome.Prediction> all = new ArrayList<>();
        outcomes.forEach(o -> all.addAll(o.predictions()));
        if (all.isEmpty()) {
            return "";
        }
        long right = all.stream().filter(Outcome.Prediction::directionRight).count();
        List<Double> ratios = all.stream().map(Outcome.Prediction::ratio).filter(java.util.Objects::nonNull).sorted().toList();
        long withinTwo = ratios.stream().filter(r -> r >= 0.5 && r <= 2).count();
        StringBuilder sb = new StringBuilder("## Calibration\n\n");
        sb.append("Every applied recommendation whose effect names a figure the GC log measures, its prediction beside "
                + "the re-run (medians): ").append(all.size()).append(" predictions checked; the direction was right for ")
                .append(right).append(" (").append(Math.round(100.0 * right / all.size())).append(" %)");
        if (!ratios.isEmpty()) {
            sb.append("; ").append(ratios.size()).append(" gave a number: measured over predicted has median ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", Stats.median(ratios))).append(" (range ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f to %.2f", ratios.get(0), ratios.get(ratios.size() - 1)))
                    .append("), ").append(withinTwo).append(" within a factor of two");
        }
        sb.append(". The rows are in the details below.\n\n");
        return sb.toString();
    }

    /** One row per scenario and JDK, then the details per row. */
    public static String markdown(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| # | Scenario | JDK | Bad options | Top recommendation | Metric | Before | After | Change | Verdict |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            Outcome.Figures m = o.metric();
            sb.append("| ").append(o.number()).append(" | ").append(cell(o.title())).append(" | ").append(o.jdk())
                    .append(" | ").append(cell(o.badOptions().isEmpty() ? "(defaults)" : String.join(" ", o.badOptions())))
                    .append(" | ").append(cell(o.topRecommendation() == null ? "none" : shorten(o.topRecommendation(), 140)))
                    .append(" | ").append(cell(m.name() + (m.higherIsBetter() ? " (higher is better)" : "")))
                    .append(" | ").append(Stats.show(m.before(), m.unit()))
                    .append(" | ").append(m.after().isEmpty() ? "" : Stats.show(m.after(), m.unit()))
                    .append(" | ").append(m.after().isEmpty() ? "" : Stats.percent(m.change()))
                    .append(" | ").append(verdict(o)).append(" |\n");
        }
        sb.append("\n### Details\n");
        for (Outcome o : outcomes) {
            sb.append("\n**").append(o.number()).append(". ").append(o.title()).append(", JDK ").append(o.jdk())
                    .append("** (goal ").append(o.goal()).append(")\n\n");
            if (!o.added().isEmpty() || !o.removed().isEmpty()) {
                sb.append("- advised: ");
                List<String> parts = new ArrayList<>();
                o.added().forEach(a -> parts.add("`" + a + "`"));
                o.removed().forEach(r -> parts.add("removed `" + r + "`"));
                sb.append(String.join(", ", parts)).append(" (ranks ").append(o.applied()).append(")\n");
            }
            for (Outcome.Figures f : o.alsoShown()) {
                sb.append("- ").append(f.name()).append(": ").append(Stats.show(f.before(), f.unit()));
                if (!f.after().isEmpty()) {
                    sb.append(" → ").append(Stats.show(f.after(), f.unit())).append(" (")
                            .append(Stats.percent(f.change())).append(")");
                }
                sb.append('\n');
            }
            for (Outcome.Prediction p : o.predictions()) {
                Double m = p.measured();
                sb.append("- predicted by ").append(p.ruleId()).append(": ").append(p.check()).append(' ')
                        .append(p.predicted() == null ? p.direction() : Stats.percent(p.predicted())).append("; measured ")
                        .append(String.format(java.util.Locale.ROOT, "%.3g → %.3g %s", p.before(), p.after(), p.unit()).trim())
                        .append(m == null ? "" : " (" + Stats.percent(m) + ")")
                        .append(p.directionRight() ? "" : ", direction wrong").append('\n');
            }
            o.notes().forEach(n -> sb.append("- ").append(cell(n)).append('\n'));
        }
        return sb.toString();
    }

    private static String verdict(Outcome o) {
        String v = o.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (o.verdict() == Outcome.Verdict.IMPROVED && o.metric().separated() && o.metric().before().size() > 1) {
            v += ", ranges apart";
        }
        return v;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The outcomes as JSON, with the medians and changes computed. */
    public static String json(List<Outcome> outcomes, Map<String, Object> run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> row = new TreeMap<>();
            row.put("scenario", o.scenario());
            row.put("number", o.number());
            row.put("title", o.title());
            row.put("jdk", o.jdk());
            row.put("goal", o.goal());
            row.put("badOptions", o.badOptions());
            row.put("topRecommendation", o.topRecommendation());
            row.put("applied", o.applied());
            row.put("added", o.added());
            row.put("removed", o.removed());
            row.put("metric", figures(o.metric()));
            row.put("alsoShown", o.alsoShown().stream().map(Table::figures).toList());
            row.put("verdict", o.verdict().name());
            row.put("pass", o.verdict().pass());
            row.put("notes", o.notes());
            List<Map<String, Object>> predictions = new ArrayList<>();
            for (Outcome.Prediction p : o.predictions()) {
                Map<String, Object> m = new TreeMap<>();
                m.put("ruleId", p.ruleId());
                m.put("check", p.check());
                m.put("unit", p.unit());
                m.put("direction", p.direction());
                m.put("predicted", p.predicted());
                m.put("before", p.before());
                m.put("after", p.after());
                m.put("measured", p.measured());
                m.put("directionRight", p.directionRight());
                predictions.add(m);
            }
            row.put("predictions", predictions);
            rows.add(row);
        }
        Map<String, Object> doc = new TreeMap<>(run);
        doc.put("outcomes", rows);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table read back from its JSON: the outcomes and what was recorded about the run. */
    public record Loaded(List<Outcome> outcomes, Map<String, Object> run) {
    }

    /** Reads a table {@link #json} wrote. */
    @SuppressWarnings("unchecked")
    public static Loaded read(String json) throws IOException {
        Map<String, Object> doc = new ObjectMapper().readValue(json, Map.class);
        List<Outcome> outcomes = new ArrayList<>();
        for (Map<String, Object> o : (List<Map<String, Object>>) doc.remove("outcomes")) {
            outcomes.add(new Outcome((String) o.get("scenario"), ((Number) o.get("number")).intValue(),
                    (String) o.get("title"), ((Number) o.get("jdk")).intValue(), (String) o.get("goal"),
                    strings(o.get("badOptions")), (String) o.get("topRecommendation"),
                    ((List<Number>) o.get("applied")).stream().map(Number::intValue).toList(), strings(o.get("added")),
                    strings(o.get("removed")), readFigures((Map<String, Object>) o.get("metric")),
                    ((List<Map<String, Object>>) o.get("alsoShown")).stream().map(Table::readFigures).toList(),
                    Outcome.Verdict.valueOf((String) o.get("verdict")), strings(o.get("notes")),
                    o.get("predictions") == null ? List.of() : ((List<Map<String, Object>>) o.get("predictions")).stream()
                            .map(Table::readPrediction).toList()));
        }
        return new Loaded(outcomes, doc);
    }

    private static Outcome.Prediction readPrediction(Map<String, Object> m) {
        Number predicted = (Number) m.get("predicted");
        return new Outcome.Prediction((String) m.get("ruleId"), (String) m.get("check"), (String) m.get("unit"),
                (String) m.get("direction"), predicted == null ? null : predicted.doubleValue(),
                ((Number) m.get("before")).doubleValue(), ((Number) m.get("after")).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    private static Outcome.Figures readFigures(Map<String, Object> m) {
        return new Outcome.Figures((String) m.get("name"), (String) m.get("unit"), (Boolean) m.get("higherIsBetter"),
                ((List<Number>) m.get("before")).stream().map(Number::doubleValue).toList(),
                ((List<Number>) m.get("after")).stream().map(Number::doubleValue).toList());
    }

    /**
     * The rows of {@code previous} with those re-run now replaced, in suite order and then by JDK.
     */
    public static List<Outcome> update(List<Outcome> previous, List<Outcome> now) {
        List<Outcome> out = new ArrayList<>(now);
        for (Outcome p : previous) {
            if (now.stream().noneMatch(o -> o.scenario().equals(p.scenario()) && o.jdk() == p.jdk())) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Outcome::number).thenComparingInt(Outcome::jdk));
        return out;
    }

    private static Map<String, Object> figures(Outcome.Figures f) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", f.name());
        m.put("unit", f.unit());
        m.put("higherIsBetter", f.higherIsBetter());
        m.put("before", f.before());
        m.put("after", f.after());
        m.put("beforeMedian", f.beforeMedian());
        m.put("afterMedian", f.afterMedian());
        m.put("change", f.change());
        return m;
    }
}
