/**
 * The JVM's configuration from every source: a command line, the live JVM (flags with origin, cgroup
 * limits, machine), a GC log's init lines, a JFR recording.
 */
package io.github.jvmadvisor.core.config;
