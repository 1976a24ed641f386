/**
 * jvm-advisor runtime: advice on the running JVM at startup, a watch over its own JFR events, and opt-in
 * adjustment of the flags that are manageable at run time. Brings the rules with it.
 */
module io.github.jvmadvisor.runtime {
    requires transitive io.github.jvmadvisor.core;
    // the rules are found through ServiceLoader; requiring the module puts them in the module graph
    requires io.github.jvmadvisor.rules;
    requires org.slf4j;
    requires jdk.jfr;
    requires java.management;
    requires jdk.management;

    exports io.github.jvmadvisor.runtime;
}
