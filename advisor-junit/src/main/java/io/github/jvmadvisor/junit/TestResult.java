package io.github.jvmadvisor.junit;

/**
 * What one test did on its own thread.
 *
 * @param uniqueId the test's JUnit unique id
 * @param displayName its display name
 * @param allocatedBytes bytes allocated by the test thread during the test method, or -1 when unknown
 * @param nanos the test method's wall time
 * @param breach the per-test budget it broke, or {@code null}
 */
record TestResult(String uniqueId, String displayName, long allocatedBytes, long nanos, Budget.Breach breach) {
}
