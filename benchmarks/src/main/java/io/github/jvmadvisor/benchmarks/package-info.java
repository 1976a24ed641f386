/** JMH benchmarks of jvm-advisor itself. */
package io.github.jvmadvisor.benchmarks;
