/**
 * jvm-advisor for JUnit Jupiter: GC and allocation budgets and ranked JVM advice for a test class or a whole
 * test run.
 */
module io.github.jvmadvisor.junit {
    requires io.github.jvmadvisor.runtime;
    // the public types implement and use JUnit's extension API: callers need it too
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.management;

    exports io.github.jvmadvisor.junit;

    provides org.junit.jupiter.api.extension.Extension with io.github.jvmadvisor.junit.JvmAdvisorExtension;
}
