/** Reads JMH JSON result files into benchmark evidence. */
package io.github.jvmadvisor.core.ingest.jmh;
