/**
 * The verified-advice suite: real misconfigured workloads, advised, re-run with the advice applied, and
 * measured on the metric their users care about. {@link io.github.jvmadvisor.samples.scenarios.VerifyMain}
 * runs it; {@code samples/VERIFIED.md} holds the last full table.
 */
package io.github.jvmadvisor.samples.scenarios;
