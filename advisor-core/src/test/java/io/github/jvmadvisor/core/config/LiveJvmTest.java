package io.github.jvmadvisor.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LiveJvm} in child JVMs of each JDK and collector: every flag it reads must be what the same
 * JVM printed with {@code -XX:+PrintFlagsFinal} (value and origin), the collector must be the one the
 * GC MXBeans name, and the version and arguments the JVM's own.
 */
class LiveJvmTest {

    /** {@code type name = value {kind} {origin}}; the value may be empty. */
    private static final Pattern FINAL = Pattern.compile(
            "^\\s*(\\S+)\\s+(\\w+)\\s+=\\s?(.*?)\\s+\\{([^}]*)\\}\\s+\\{([^}]*)\\}\\s*$");

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            boolean z25 = jdk.feature() >= 24;
            out.add(Arguments.of(jdk, List.of("-XX:+UseSerialGC"), "SERIAL", true));
            out.add(Arguments.of(jdk, List.of("-XX:+UseParallelGC"), "PARALLEL", true));
            out.add(Arguments.of(jdk, List.of(), "G1", true)); // the default on this 2-CPU, 24 GB host
            out.add(Arguments.of(jdk, List.of("-XX:+UseZGC"), "ZGC", z25));
            out.add(Arguments.of(jdk, List.of("-XX:+UseShenandoahGC"), "SHENANDOAH", false));
            out.add(Arguments.of(jdk, List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC"), "EPSILON",
                    false));
            if (jdk.feature() >= 25) {
                out.add(Arguments.of(jdk, List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational"),
                        "SHENANDOAH", true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void flagsAreWhatTheJvmPrints(Jdks.Jdk jdk, List<String> gcFlags, String collector, boolean generational)
            throws Exception {
        List<String> jvm = new ArrayList<>(gcFlags);
        jvm.add("-Xmx256m");
        jvm.add("-XX:MaxMetaspaceSize=128m");
        jvm.add("-XX:+PrintFlagsFinal");
        if (gcFlags.isEmpty() && Runtime.getRuntime().availableProcessors() < 2) {
            jvm.add("-XX:+UseG1GC"); // a 1-CPU host would choose Serial
        }
        ChildJvm.Result r = ChildJvm.run(jdk, dir, jvm, LiveConfigMain.class, List.of(), 60).requireSuccess();
        HotSpotView live = HotSpotView.of(dir.resolve("none.log"), r.output());

        Map<String, String[]> printed = new HashMap<>();
        for (String line : r.output().split("\n")) {
            Matcher m = FINAL.matcher(line);
            if (m.matches()) {
                printed.put(m.group(2), new String[] {m.group(1), m.group(3), m.group(5)});
            }
        }
        assertTrue(printed.size() > 500, "PrintFlagsFinal parsed: " + printed.size());
        int compared = 0;
        for (String name : LiveJvm.FLAGS) {
            String mine = live.live.get("flag." + name);
            String[] theirs = printed.get(name);
            if (theirs == null) {
                assertEquals(null, mine, name + " does not exist in " + jdk);
                continue;
            }
            if (mine == null) {
                // only a locked flag may be missing: UseEpsilonGC without unlocking
                assertEquals("UseEpsilonGC", name, name + " was not read on " + jdk);
                continue;
            }
            int space = mine.lastIndexOf(' ');
            String value = mine.substring(0, space);
            FlagOrigin origin = FlagOrigin.parse(mine.substring(space + 1));
            if (theirs[0].equals("double")) {
                assertEquals(Double.parseDouble(theirs[1]), Double.parseDouble(value), name);
            } else {
                assertEquals(theirs[1], value, name + " on " + jdk);
            }
            assertEquals(FlagOrigin.parse(theirs[2]), origin, name + " origin on " + jdk);
            compared++;
        }
        assertTrue(compared >= 40, "compared " + compared);
        assertEquals("command-line", live.live("flag.MaxHeapSize").split(" ")[1]);
        assertEquals("268435456", live.live("flag.MaxHeapSize").split(" ")[0]);

        assertEquals(collector, live.live("collector"));
        assertEquals(collector, live.live("mxbean.collector"), "the GC MXBeans name the same collector");
        assertEquals(Boolean.toString(generational), live.live("generational"));
        assertEquals(live.live("generational"), live.live("mxbean.generational"));
        assertEquals(Integer.toString(jdk.feature()), live.live("jdkFeature"));
        assertEquals(jdk.version().split("\\+")[0], live.live("jdkVersionString").split("\\+")[0]);
        assertEquals("live", live.live("sources"));
        assertTrue(live.live("jvmArguments").contains("-Xmx256m"), live.live("jvmArguments"));
        assertTrue(live.live("vmName").contains("64-Bit"), live.live("vmName"));
    }

    @Test
    void inProcess() {
        JvmConfig c = LiveJvm.config();
        assertEquals(List.of("live"), c.sources());
        assertEquals(Runtime.version().toString(), c.jdkVersionString());
        assertEquals(Runtime.version().feature(), c.jdkFeature());
        assertNotNull(c.collector());
        assertNotNull(c.maxHeapBytes());
        assertEquals(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), c.jvmArguments());
    }

    /** A fuller flag list laid over the fixed one: its values win, known origins are kept. */
    @Test
    void extraFlagsOverlay() {
        JvmConfig base = LiveJvm.config();
        JvmFlag maxHeap = base.flag("MaxHeapSize");
        JvmConfig c = LiveJvm.config(List.of(new JvmFlag("MaxHeapSize", maxHeap.value(), FlagOrigin.UNKNOWN),
                new JvmFlag("G1ConcRefinementThreads", "2", FlagOrigin.ERGONOMIC)));
        assertEquals(maxHeap, c.flag("MaxHeapSize"), "an unknown origin keeps the known one");
        assertEquals("2", c.flagValue("G1ConcRefinementThreads"));
        assertEquals(base.flags().size() + 1, c.flags().size());
        assertEquals(base.flags().size(), LiveJvm.config(null).flags().size());
    }
}
