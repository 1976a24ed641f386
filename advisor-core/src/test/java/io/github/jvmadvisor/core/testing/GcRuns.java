package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the churn workload in a child JVM with GC logging, for tests that need a fresh, real log. */
public final class GcRuns {

    /** A pause summary line, for an independent count: {@code GC(12) Pause ... 3.016ms}. */
    private static final Pattern PAUSE_LINE = Pattern.compile("GC\\((\\d+)\\) (?:[yYO]: )?Pause .* (\\d+[.,]\\d+)ms$");

    private GcRuns() {
    }

    /**
     * Runs {@code ChurnWorkload seconds retainedMiB 2} with {@code jvmArgs} (which include the
     * {@code -Xlog} option) in {@code dir}.
     */
    public static ChildJvm.Result run(Jdks.Jdk jdk, Path dir, List<String> jvmArgs, double seconds, int retainedMiB)
            throws IOException, InterruptedException {
        return ChildJvm.run(jdk, dir, jvmArgs, ChurnWorkload.class,
                List.of(String.valueOf(seconds), String.valueOf(retainedMiB), "2"), 120).requireSuccess();
    }

    /** Pause summary lines in the text, counted with a plain pattern (the cross-check of the corpus). */
    public static long countPauseLines(Stream<String> lines) {
        return lines.filter(l -> PAUSE_LINE.matcher(l).find()).count();
    }

    /** Pause summary lines in files. */
    public static long countPauseLines(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            try (Stream<String> lines = Files.lines(f)) {
                n += countPauseLines(lines);
            }
        }
        return n;
    }

    /** Total pause time in nanoseconds of the pause summary lines, read with the same plain pattern. */
    public static long sumPauseNanos(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            for (String l : Files.readAllLines(f)) {
                Matcher m = PAUSE_LINE.matcher(l);
                if (m.find()) {
                    total += Math.round(Double.parseDouble(m.group(2).replace(',', '.')) * 1e6);
                }
            }
        }
        return total;
    }

    /** The files of a rotated set: {@code base} and {@code base.N}, in name order. */
    public static List<Path> rotatedSet(Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(base.getParent())) {
            s.filter(p -> p.getFileName().toString().startsWith(base.getFileName().toString())).sorted()
                    .forEach(out::add);
        }
        return out;
    }
}
