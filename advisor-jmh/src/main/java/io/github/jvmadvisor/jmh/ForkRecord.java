package io.github.jvmadvisor.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the profiler wrote about one fork, in {@code fork.json} in the fork's directory, so that the
 * post-processor can match the fork's files to a run of a result file.
 *
 * @param dir the fork's directory
 * @param benchmark the benchmark method
 * @param mode JMH's short mode label ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param params the {@code @Param} values
 * @param fork 1-based fork number among the measurement (or warm-up) forks
 * @param warmup whether it was a warm-up fork
 */
public record ForkRecord(Path dir, String benchmark, String mode, SortedMap<String, String> params, int fork,
        boolean warmup) {

    /** Name of the descriptor file in each fork directory. */
    public static final String FILE = "fork.json";
    /** Name of the GC log in each fork directory. */
    public static final String GC_LOG = "gc.log";
    /** Name of the recording in each fork directory. */
    public static final String RECORDING = "recording.jfr";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ForkRecord {
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
    }

    /** Benchmark, mode and parameters, as {@link io.github.jvmadvisor.core.model.BenchmarkRun#id()} writes them. */
    public String id() {
        return benchmark + (mode == null ? "" : " " + mode) + (params.isEmpty() ? "" : " " + params);
    }

    /** The evidence files of the fork that exist. */
    public List<Path> inputs() {
        List<Path> out = new ArrayList<>();
        for (String n : List.of(GC_LOG, RECORDING)) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    void write() throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("benchmark", benchmark);
        o.put("mode", mode);
        ObjectNode ps = o.putObject("params");
        params.forEach(ps::put);
        o.put("fork", fork);
        o.put("warmup", warmup);
        Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Reads a fork's descriptor; {@code null} when it is missing or not one. */
    public static ForkRecord read(Path dir) {
        try {
            JsonNode n = JSON.readTree(dir.resolve(FILE).toFile());
            if (n == null || !n.hasNonNull("benchmark")) {
                return null;
            }
            SortedMap<String, String> params = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : n.path("params").properties()) {
                params.put(e.getKey(), e.getValue().asText());
            }
            return new ForkRecord(dir, n.get("benchmark").asText(), n.path("mode").asText(null), params,
                    n.path("fork").asInt(0), n.path("warmup").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every measurement fork's descriptor under {@code root} (two levels deep), in path order. */
    public static List<ForkRecord> scan(Path root) {
        List<ForkRecord> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.find(root, 3, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(FILE))) {
            s.sorted().forEach(p -> {
                ForkRecord r = read(p.getParent());
                if (r != null && !r.warmup()) {
                    out.add(r);
                }
            });
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }
}
