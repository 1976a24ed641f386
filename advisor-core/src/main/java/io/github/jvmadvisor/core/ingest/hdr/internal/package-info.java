/** Internals of the HdrHistogram readers: guarded decoding, per-tag accumulation. Not API. */
package io.github.jvmadvisor.core.ingest.hdr.internal;
