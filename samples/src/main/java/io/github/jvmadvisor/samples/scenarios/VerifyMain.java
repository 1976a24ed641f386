package io.github.jvmadvisor.samples.scenarios;

import io.github.jvmadvisor.core.testing.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the verified-advice suite: {@code samples/verify [--short] [--runs N] [--jdk 17,25] [--scenario
 * id,...] [--out DIR] [--update verified.json]}. With {@code --update} the rows run now replace theirs in an
 * earlier table, and the page says which rows were re-run, with which command and when.
 *
 * <p>Writes {@code verified.md} and {@code verified.json} to the output directory (default {@code
 * target/verify}) and exits with 1 when any scenario did not pass (not improved, not quiet, no advice,
 * not reproduced, failed), 2 on a usage error.
 */
public final class VerifyMain {

    private VerifyMain() {
    }

    public static void main(String[] args) throws IOException {
        // what the user typed, without the output directory the script adds
        List<String> userArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length && args[i + 1].equals("samples/target/verify")) {
                i++;
            } else {
                userArgs.add(args[i]);
            }
        }
        boolean shortMode = false;
        int runs = -1;
        List<Integer> jdkFilter = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Path out = Path.of("target", "verify");
        Path update = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--short" -> shortMode = true;
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--jdk" -> {
                        for (String j : args[++i].split(",")) {
                            jdkFilter.add(Integer.parseInt(j.trim()));
                        }
                    }
                    case "--scenario" -> ids.addAll(List.of(args[++i].split(",")));
                    case "--out" -> out = Path.of(args[++i]);
                    case "--update" -> update = Path.of(args[++i]);
                    case "--render" -> {
                        // the page again from a table's JSON, without running anything
                        Table.Loaded t = Table.read(Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8));
                        Files.createDirectories(out);
                        Files.writeString(out.resolve("verified.md"), Table.document(t.outcomes(),
                                String.valueOf(t.run().getOrDefault("command", "samples/verify")), t.run()),
                                StandardCharsets.UTF_8);
                        System.out.println("wrote " + out.resolve("verified.md"));
                        return;
                    }
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (runs == 0 || runs < -1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
        } catch (RuntimeException e) {
            System.err.println("verify: " + e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        if (runs < 0) {
            runs = shortMode ? 1 : 3;
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (ids.isEmpty()) {
            ids = shortMode ? Scenarios.SHORT : Scenarios.all().stream().map(Scenario::id).toList();
        }
        for (String id : ids) {
            scenarios.add(Scenarios.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException("no scenario " + id)));
        }
        List<Jdks.Jdk> jdks = new ArrayList<>(Jdks.underTest());
        if (!jdkFilter.isEmpty()) {
            jdks.removeIf(j -> !jdkFilter.contains(j.feature()));
        }
        Files.createDirectories(out);
        Harness h = new Harness(out.resolve("runs"), runs, System.out);
        Instant started = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (Jdks.Jdk jdk : jdks) {
                Outcome o = h.run(s, jdk);
                System.out.printf("[%s, JDK %d] %s%n", s.id(), jdk.feature(), o.verdict());
                outcomes.add(o);
            }
        }
        Duration took = Duration.between(started, Instant.now());
        String command = ("samples/verify " + String.join(" ", userArgs)).trim();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("date", started.truncatedTo(ChronoUnit.MINUTES).toString());
        run.put("runsPerSide", runs);
        run.put("jdks", jdks.stream().map(Jdks.Jdk::version).toList());
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        run.put("seconds", took.toSeconds());
        run.put("threshold", Harness.THRESHOLD);
        List<Outcome> ranNow = outcomes;
        if (update != null) {
            // the earlier table with the rows run now replaced; its run record stays, this run is an update
            Table.Loaded previous = Table.read(Files.readString(update, StandardCharsets.UTF_8));
            outcomes = Table.update(previous.outcomes(), outcomes);
            Map<String, Object> merged = new LinkedHashMap<>(previous.run());
            List<Object> updates = new ArrayList<>(merged.get("updates") instanceof List<?> l ? l : List.of());
            Map<String, Object> u = new LinkedHashMap<>(run);
            u.put("rows", String.join(", ", ranNow.stream().map(o -> o.scenario() + " on " + o.jdk()).toList()));
            updates.add(u);
            merged.put("updates", updates);
            run = merged;
            command = String.valueOf(run.getOrDefault("command", "samples/verify"));
        }
        String md = Table.document(outcomes, command, run);
        Files.writeString(out.resolve("verified.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("verified.json"), Table.json(outcomes, run), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(Table.markdown(outcomes));
        System.out.printf("%d scenario runs in %d s; tables in %s%n", outcomes.size(), took.toSeconds(), out);
        boolean pass = ranNow.stream().allMatch(o -> o.verdict().pass());
        System.exit(pass ? 0 : 1);
    }

    private static String usage() {
        return "usage: samples/verify [--short] [--runs N] [--jdk 17,25] [--scenario id,...] [--out DIR] "
                + "[--update verified.json] [--render verified.json]\n"
                + "scenarios: " + String.join(", ", Scenarios.all().stream().map(Scenario::id).toList());
    }
}
