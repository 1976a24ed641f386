/**
 * The entry point for files: {@link io.github.jvmadvisor.core.Analyzer} reads inputs (GC logs, and
 * later JFR recordings, latency histograms and JMH results) into
 * {@link io.github.jvmadvisor.core.model.Evidence}.
 */
package io.github.jvmadvisor.core;
