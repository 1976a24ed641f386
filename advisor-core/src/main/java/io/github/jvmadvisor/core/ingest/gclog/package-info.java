/** The GC log reader: unified logging (JDK 9+) of every HotSpot collector, streamed in bounded memory. */
package io.github.jvmadvisor.core.ingest.gclog;
