/** Internals of the JFR reader: chunk scanning, field access that tolerates old recordings, collectors. */
package io.github.jvmadvisor.core.ingest.jfr.internal;
