package io.github.jvmadvisor.rules.testing;

import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.ProfiledWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JFR recordings the jit, inlining and escape-analysis tests share, each made once per test JVM by
 * a short child run on the running JDK with {@code settings=profile}, inlining and TLAB events:
 * <ul>
 *   <li>{@link #inlining()}: {@link InliningWorkload} for 4 s (too deep, hot method too big with an
 *       escaping allocation, already compiled big, megamorphic, boxing, large arrays);</li>
 *   <li>{@link #profiled()}: {@link ProfiledWorkload} {@code 1.5 1} (only {@code hot method too big},
 *       an allocation that escapes into an array, few large arrays);</li>
 *   <li>{@link #profiledBigInline()}: the same with {@code -XX:FreqInlineSize=500};</li>
 *   <li>{@link #smallCodeCache()}: {@link InliningWorkload} for 2 s in a 3 MB code cache.</li>
 * </ul>
 */
public final class JitRuns {

    static final String RECORDING = "settings=profile,+jdk.CompilerInlining#enabled=true,"
            + "jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true";

    private static final Map<String, Evidence> RUNS = new ConcurrentHashMap<>();

    private JitRuns() {
    }

    public static Evidence inlining() {
        return run("inlining", List.of(), InliningWorkload.class, List.of("4"));
    }

    public static Evidence profiled() {
        return run("profiled", List.of(), ProfiledWorkload.class, List.of("1.5", "1"));
    }

    public static Evidence profiledBigInline() {
        return run("profiled-500", List.of("-XX:FreqInlineSize=500"), ProfiledWorkload.class, List.of("1.5", "0.5"));
    }

    public static Evidence smallCodeCache() {
        return run("codecache", List.of("-XX:ReservedCodeCacheSize=3m"), InliningWorkload.class, List.of("2"));
    }

    private static synchronized Evidence run(String name, List<String> extra, Class<?> main, List<String> args) {
        Evidence e = RUNS.get(name);
        if (e != null) {
            return e;
        }
        try {
            Path dir = Files.createTempDirectory("jit-runs");
            Path jfr = dir.resolve(name + ".jfr");
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx256m"));
            jvm.addAll(extra);
            jvm.add("-XX:StartFlightRecording:filename=" + jfr + "," + RECORDING);
            ChildJvm.run(Jdks.current(), dir, jvm, main, args, 120).requireSuccess();
            e = Advice.of(List.of(jfr), null, null, null, Jdks.current().feature());
            RUNS.put(name, e);
            return e;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
