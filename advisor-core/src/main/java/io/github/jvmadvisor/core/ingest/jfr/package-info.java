/** Reads JFR recordings ({@code jdk.jfr.consumer}) into evidence. */
package io.github.jvmadvisor.core.ingest.jfr;
