package io.github.jvmadvisor.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child JVM said about itself, to compare our readings with: HotSpot's own container view from
 * its native log ({@code -Xlog:os+container=trace}, exact bytes and microseconds, the values it sizes
 * the heap and counts CPUs with), its {@code -Xlog:gc+init} and {@code -Xlog:pagesize} lines, and the
 * {@code live|key=value} lines {@link LiveConfigMain} prints.
 */
final class HotSpotView {

    /** JVM options that make a child write the log this class reads to {@code log}. */
    static List<String> logOptions(Path log) {
        return List.of("-Xlog:os+container=trace,gc+init,pagesize:file=" + log);
    }

    private static final Pattern MEMORY_LIMIT = Pattern.compile("Memory Limit is: (\\S+)");
    private static final Pattern CPU_QUOTA = Pattern.compile("CPU Quota is: (-?\\d+)");
    private static final Pattern CPU_PERIOD = Pattern.compile("CPU Period is: (\\d+)");
    private static final Pattern ACTIVE = Pattern.compile("OSContainer::active_processor_count: (\\d+)");
    private static final Pattern HOST_MEMORY = Pattern.compile("total physical memory: (\\d+)");
    private static final Pattern CPUS = Pattern.compile("CPUs: (\\d+) total, (\\d+) available");
    private static final Pattern THP = Pattern.compile("  THP mode: (\\S+)");

    final String log;
    final Map<String, String> live;

    private HotSpotView(String log, Map<String, String> live) {
        this.log = log;
        this.live = live;
    }

    static HotSpotView of(Path logFile, String childOutput) throws IOException {
        String log = Files.isRegularFile(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        Map<String, String> live = new LinkedHashMap<>();
        for (String line : childOutput.split("\n")) {
            if (line.startsWith("live|")) {
                int eq = line.indexOf('=');
                live.put(line.substring(5, eq), line.substring(eq + 1));
            }
        }
        return new HotSpotView(log, live);
    }

    /** A value LiveConfigMain printed, {@code null} for "null". */
    String live(String key) {
        if (!live.containsKey(key)) {
            throw new AssertionError("child printed no " + key + ": " + live.keySet());
        }
        String v = live.get(key);
        return "null".equals(v) ? null : v;
    }

    Long liveLong(String key) {
        String v = live(key);
        return v == null ? null : Long.valueOf(v);
    }

    /** {@code "cgroup-v1"} or {@code "cgroup-v2"} as HotSpot detected, or {@code null}. */
    String hotspotCgroupVersion() {
        if (log.contains("using cgroups v1 controllers")) {
            return Cgroups.SOURCE_V1;
        }
        if (log.contains("Detected cgroups v2 unified hierarchy")) {
            return Cgroups.SOURCE_V2;
        }
        return null;
    }

    /**
     * The memory limit HotSpot last read ({@code null} for unlimited): the last "Memory Limit is" line,
     * which on JDK 17 may be the "Hierarchical" one read from {@code memory.stat}.
     */
    Long hotspotMemoryLimit() {
        String last = hotspotMemoryLimitText();
        if (last.equals("Unlimited")) {
            return null;
        }
        long v = Long.parseLong(last);
        return v >= Cgroups.V1_UNLIMITED_FLOOR ? null : v;
    }

    /**
     * The text of HotSpot's last memory limit line: a number, {@code Unlimited}, or an unsigned {@code -2}
     * ({@code 18446744073709551614}) when it failed to read one.
     */
    String hotspotMemoryLimitText() {
        String last = null;
        for (String line : log.split("\n")) {
            if (line.contains("Non-Hierarchical")) {
                continue;
            }
            Matcher m = MEMORY_LIMIT.matcher(line);
            if (m.find()) {
                last = m.group(1);
            }
        }
        if (last == null) {
            throw new AssertionError("HotSpot logged no memory limit:\n" + log);
        }
        return last;
    }

    /** HotSpot's last CPU quota in cores, {@code null} for none. */
    Double hotspotCpuQuotaCores() {
        String quota = last(CPU_QUOTA, 1);
        String period = last(CPU_PERIOD, 1);
        if (quota == null || period == null || Long.parseLong(quota) <= 0) {
            return null;
        }
        return (double) Long.parseLong(quota) / Long.parseLong(period);
    }

    /** The CPU count HotSpot's container code computed last, or {@code null} when it logged none. */
    Integer hotspotActiveProcessors() {
        String v = last(ACTIVE, 1);
        return v == null ? null : Integer.valueOf(v);
    }

    /** The host memory HotSpot read, bytes. */
    Long hotspotHostMemory() {
        String v = last(HOST_MEMORY, 1);
        return v == null ? null : Long.valueOf(v);
    }

    /** The "N total" of {@code gc,init}'s CPUs line. */
    Integer hotspotTotalCpus() {
        String v = last(CPUS, 1);
        return v == null ? null : Integer.valueOf(v);
    }

    /** The THP mode of {@code -Xlog:pagesize}. */
    String hotspotThpMode() {
        return last(THP, 1);
    }

    private String last(Pattern p, int group) {
        String last = null;
        Matcher m = p.matcher(log);
        while (m.find()) {
            last = m.group(group);
        }
        return last;
    }
}
