/**
 * Narrated examples of each way in (CLI, startup API, JUnit, JMH) and the tuning-scenario workloads.
 * Placeholder: the examples arrive with the issues that build those ways in.
 */
package io.github.jvmadvisor.samples;
