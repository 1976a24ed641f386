/** Internals of the GC log reader; not exported, may change in any release. */
package io.github.jvmadvisor.core.ingest.gclog.internal;
