/**
 * JMH samples of the jvm-advisor integration: benchmarks with a known GC behaviour that the profiler,
 * the post-processor and the flag experiment are shown (and tested) on.
 */
package io.github.jvmadvisor.samples.jmh;
