package io.github.jvmadvisor.core.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiveFlagsTest {

    @TempDir
    Path dir;

    /** Run in a child JVM: changes a manageable flag, then prints every flag as "name|value|origin". */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MinHeapFreeRatio", "17");
            List<JvmFlag> flags = args.length > 0 && args[0].equals("fallback") ? LiveFlags.fromVmOptions()
                    : LiveFlags.read();
            for (JvmFlag f : flags) {
                System.out.println("FLAG " + f.name() + "|" + f.value() + "|" + f.origin().id());
            }
        }
    }

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.underTest().stream();
    }

    private Map<String, JvmFlag> childFlags(Jdks.Jdk jdk, String mode, String... more) throws Exception {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx96m", "-XX:+UseParallelGC"));
        options.addAll(List.of(more));
        ChildJvm.Result r = ChildJvm.run(jdk, dir, options, Main.class, List.of(mode), 60).requireSuccess();
        return r.output().lines().filter(l -> l.startsWith("FLAG ")).map(l -> l.substring(5).split("\\|", -1))
                .map(p -> new JvmFlag(p[0], p[1], FlagOrigin.parse(p[2])))
                .collect(Collectors.toMap(JvmFlag::name, Function.identity()));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyFlagWithItsOrigin(Jdks.Jdk jdk) throws Exception {
        Map<String, JvmFlag> flags = childFlags(jdk, "mbean");
        long unlocked = FlagCatalogue.forJdk(jdk.feature()).flags().stream()
                .filter(f -> f.exists() && f.unlockFlag() == null).count();
        assertTrue(flags.size() > unlocked * 95 / 100, flags.size() + " flags of about " + unlocked);
        assertEquals(new JvmFlag("MaxHeapSize", "100663296", FlagOrigin.COMMAND_LINE), flags.get("MaxHeapSize"));
        assertEquals(new JvmFlag("UseParallelGC", "true", FlagOrigin.COMMAND_LINE), flags.get("UseParallelGC"));
        assertEquals(new JvmFlag("MinHeapFreeRatio", "17", FlagOrigin.MANAGEMENT), flags.get("MinHeapFreeRatio"));
        assertEquals(FlagOrigin.ERGONOMIC, flags.get("InitialHeapSize").origin());
        assertEquals(FlagOrigin.DEFAULT, flags.get("MaxGCPauseMillis").origin());
        assertEquals("18446744073709551614", flags.get("MaxGCPauseMillis").value(), "unsigned, as HotSpot prints it");
        assertTrue(!flags.containsKey("G1NewSizePercent"), "locked flags are not shown");
        Map<String, JvmFlag> unlockedFlags = childFlags(jdk, "mbean", "-XX:+UnlockExperimentalVMOptions");
        assertEquals(new JvmFlag("G1NewSizePercent", "5", FlagOrigin.DEFAULT), unlockedFlags.get("G1NewSizePercent"));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void fallbackAgreesWithTheMBean(Jdks.Jdk jdk) throws Exception {
        Map<String, JvmFlag> mbean = childFlags(jdk, "mbean");
        Map<String, JvmFlag> fallback = childFlags(jdk, "fallback");
        assertTrue(fallback.size() > mbean.size() * 9 / 10, fallback.size() + " of " + mbean.size());
        for (String name : List.of("MaxHeapSize", "UseParallelGC", "MinHeapFreeRatio", "ParallelGCThreads",
                "MaxGCPauseMillis", "HeapDumpPath")) {
            assertEquals(mbean.get(name), fallback.get(name), name);
        }
    }

    @Test
    void readsThisJvm() {
        List<JvmFlag> flags = LiveFlags.read();
        assertTrue(flags.size() > 500, "flags: " + flags.size());
        assertTrue(flags.stream().anyMatch(f -> f.name().equals("MaxHeapSize") && f.longValue() > 0));
        for (int i = 1; i < flags.size(); i++) {
            assertTrue(flags.get(i - 1).name().compareTo(flags.get(i).name()) < 0, "sorted, no duplicates");
        }
    }
}
