/**
 * JUnit Jupiter extension: GC and allocation budgets and ranked JVM advice for a test class or a whole
 * test run.
 *
 * <p>Register it with {@link io.github.jvmadvisor.junit.JvmAdvisor @JvmAdvisor} on a test class, with a
 * {@code static} {@link org.junit.jupiter.api.extension.RegisterExtension @RegisterExtension} field built by
 * {@link io.github.jvmadvisor.junit.JvmAdvisorExtension#builder()}, or for every class through JUnit's
 * extension auto-detection. Budgets come from {@link io.github.jvmadvisor.junit.GcBudget @GcBudget} and
 * from {@code jvmadvisor.*} configuration parameters ({@code junit-platform.properties}).
 */
package io.github.jvmadvisor.junit;
