package io.github.jvmadvisor.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * How JMH's own command line ({@code org.openjdk.jmh.Main}, what a JMH-archetype {@code benchmarks.jar} runs) finds
 * the profiler, through JMH's real {@code ProfilerFactory}: by its class name, not by the short name, although
 * {@code META-INF/services} registers it. This is why the README and docs/jmh.md give the class name for
 * {@code java -jar benchmarks.jar} and the short name only through {@link JmhMain}; if a JMH release starts to
 * resolve discovered profilers by label, the second assertion fails and the docs can say so.
 */
class ProfilerNameTest {

    @Test
    void jmhsOwnMainFindsTheProfilerByItsClassName() throws Exception {
        assertInstanceOf(AdvisorProfiler.class, ProfilerFactory.getProfilerOrException(
                new ProfilerConfig("io.github.jvmadvisor.jmh.AdvisorProfiler", "dir=target/profiler-name-test")));
    }

    @Test
    void butNotByTheShortNameSoTheDocsGiveTheClassName() {
        ProfilerException e = assertThrows(ProfilerException.class,
                () -> ProfilerFactory.getProfilerOrException(new ProfilerConfig(AdvisorProfiler.NAME, "")));
        assertInstanceOf(ClassNotFoundException.class, e.getCause(), e::toString);
    }

    @Test
    void jmhMainRewritesTheShortNameToOneJmhFinds() throws Exception {
        String[] args = JmhMain.rewrite(new String[] {"MyBench", "-prof", "jvm-advisor:dir=target/profiler-name-test"});
        assertArrayEquals(new String[] {"MyBench", "-prof",
            "io.github.jvmadvisor.jmh.AdvisorProfiler:dir=target/profiler-name-test"}, args);
        String[] p = args[2].split(":", 2);
        assertInstanceOf(AdvisorProfiler.class, ProfilerFactory.getProfilerOrException(new ProfilerConfig(p[0], p[1])));
    }
}
