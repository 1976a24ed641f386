/** Reads HdrHistogram interval logs and percentile distributions into latency evidence. */
package io.github.jvmadvisor.core.ingest.hdr;
