/**
 * JUnit Jupiter extension: JVM advice and GC budgets for a test run. Placeholder: arrives with the
 * JUnit extension issue.
 */
package io.github.jvmadvisor.junit;
