package io.github.jvmadvisor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.testing.CgroupJail;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JvmAdvisor#atStartup} in child JVMs that run as if in a 1 GiB container. */
class StartupTest {

    private static final long GIB = 1L << 30;
    private static final Pattern REC = Pattern.compile("^REC (\\S+) (\\S+) ?(.*)$", Pattern.MULTILINE);

    @Test
    void runsOnlyConfigurationRules() {
        RuleSet all = RuleSet.load();
        RuleSet config = JvmAdvisor.configurationRules(all);
        assertTrue(config.size() >= 20 && config.size() < all.size(), config.size() + " of " + all.size());
        for (Rule r : config.rules()) {
            assertTrue(JvmAdvisor.CONFIGURATION_ONLY.containsAll(r.requires()), r.id());
        }
        // the default-heap trap needs only the container limit
        assertTrue(config.rule("HEAP-01").isPresent());
        assertTrue(config.rule("G1-01").isEmpty(), "G1-01 needs GC events");
    }

    @Test
    void theIndexOfMeasuredRulesMatchesTheRules() throws Exception {
        RuleSet all = RuleSet.load();
        List<String> expected = StartupRules.measured(all);
        List<String> indexed = StartupRules.index().stream().sorted().toList();
        assertEquals(expected, indexed, "regenerate " + StartupRules.INDEX + " with these " + expected.size()
                + " class names (one a line)");
        // and the index path gives the same rules as loading them all
        RuleSet fast = StartupRules.load(StartupTest.class.getClassLoader());
        assertEquals(JvmAdvisor.configurationRules(all).rules().stream().map(Rule::id).toList(),
                fast.rules().stream().map(Rule::id).toList());
        assertTrue(StartupRules.serviceNames(StartupTest.class.getClassLoader()).size() >= all.size());
    }

    @Test
    void advisesOnTheDefaultHeapUnderAGivenContainerLimit(@TempDir Path dir) throws Exception {
        for (Jdks.Jdk jdk : Jdks.underTest()) {
            for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseShenandoahGC")) {
                // the JVM sizes itself for 1 GiB (25 % heap) but cannot see a cgroup limit: the option says it
                ChildJvm.Result r = ChildJvm.run(jdk, dir, List.of("-XX:MaxRAM=1g", gc), StartupMain.class,
                        List.of(String.valueOf(GIB)), 60).requireSuccess();
                String out = r.output();
                String where = jdk + " " + gc + ":\n" + out;
                assertTrue(out.contains("LIMIT " + GIB + " user"), where);
                assertTrue(out.contains("NEW_THREADS 0 "), "started a thread: " + where);
                assertEquals(1, count(out, "^ERRORS 0$"), where);
                assertDefaultHeapAdvice(out, where);
            }
        }
    }

    @Test
    void readsARealCgroupLimit(@TempDir Path dir) throws Exception {
        assumeTrue(CgroupJail.isSupported(), "cgroup v1 memory limits cannot be set here");
        try (CgroupJail jail = CgroupJail.create(GIB, null)) {
            for (Jdks.Jdk jdk : Jdks.underTest()) {
                ChildJvm.Result r = jail.runJava(jdk, dir, List.of("-XX:+UseG1GC"), StartupMain.class, List.of("-"),
                        60).requireSuccess();
                String out = r.output();
                String where = jdk + " in a 1 GiB cgroup:\n" + out;
                assertTrue(Pattern.compile("^LIMIT " + GIB + " cgroup-v[12]$", Pattern.MULTILINE).matcher(out).find(),
                        where);
                assertDefaultHeapAdvice(out, where);
            }
        }
    }

    @Test
    void aFailureIsLoggedOnceAndReturnedNotThrown(@TempDir Path dir) throws Exception {
        ChildJvm.Result r = ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m"), StartupMain.class,
                List.of("-", "bad-parameter"), 60).requireSuccess();
        String out = r.output();
        assertTrue(out.contains("ERRORS 1"), out);
        assertTrue(out.contains("ERROR " + JvmAdvisor.FAILURE_ID + " java.lang.IllegalArgumentException"), out);
        assertEquals(1, count(out, "WARN .*the check failed"), out);
        assertTrue(out.contains("RULES_RUN 0"), out);
    }

    /**
     * A heap rule (HEAP-01, the default 25 % heap in a container, or HEAP-02, the container budget: which
     * one speaks depends on whether a heap flag such as MaxRAM was given) raises MaxRAMPercentage above the
     * default 25; every warning is on a WARN line; the summary is logged once.
     */
    private static void assertDefaultHeapAdvice(String out, String where) {
        Matcher m = REC.matcher(out);
        boolean heap = false;
        while (m.find()) {
            if (m.group(1).equals("HEAP-01") || m.group(1).equals("HEAP-02")) {
                Matcher pct = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(m.group(3));
                if (pct.find()) {
                    heap = true;
                    double p = Double.parseDouble(pct.group(1));
                    assertTrue(p > 25 && p <= 90, "MaxRAMPercentage " + p + ": " + where);
                }
            }
            if (m.group(2).equals("WARNING") || m.group(2).equals("ERROR")) {
                assertEquals(1, count(out, "WARN .*\\[" + Pattern.quote(m.group(1)) + "\\]"), where);
            } else {
                assertEquals(1, count(out, "INFO .*#[0-9]+ INFO \\[" + Pattern.quote(m.group(1)) + "\\]"), where);
            }
        }
        assertTrue(heap, "no heap advice raising MaxRAMPercentage: " + where);
        assertEquals(1, count(out, "jvm-advisor at startup: "), "logged once: " + where);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
