/** Figures derived from GC events in one pass: pause statistics, rates, live set, windows. */
package io.github.jvmadvisor.core.metrics;
