/**
 * jvm-advisor for JMH: the {@code jvm-advisor} profiler, the post-processor of result files, the
 * comparison of result files ({@code compare}) and the flag experiment.
 *
 * <p>JMH is optional at run time: comparison and post-processing need none of it; the profiler and
 * the experiment run inside a JMH run, which brings it. On the class path (how JMH runs) the profiler
 * is found through {@code META-INF/services/org.openjdk.jmh.profile.Profiler}.
 */
module io.github.jvmadvisor.jmh {
    requires transitive io.github.jvmadvisor.core;
    // not transitive: the CLI reads this module without JMH (-Xlint:exports notes the JMH types in the
    // profiler's and the experiment's signatures; JMH is there whenever those run)
    requires static jmh.core;
    requires com.fasterxml.jackson.databind;
    requires commons.math3;
    requires org.slf4j;

    exports io.github.jvmadvisor.jmh;
    exports io.github.jvmadvisor.jmh.compare;

}
