/** Reading inputs: sources (plain, gzip, zip members), byte-level line reading, and detection of an input's kind by content. */
package io.github.jvmadvisor.core.ingest;
