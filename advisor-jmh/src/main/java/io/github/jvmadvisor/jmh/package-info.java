/**
 * JMH integration: a profiler that advises per fork, a result post-processor and flag-variant
 * comparison. Placeholder: arrives with the JMH integration issue.
 */
package io.github.jvmadvisor.jmh;
