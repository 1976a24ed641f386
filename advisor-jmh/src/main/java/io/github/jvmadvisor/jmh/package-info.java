/**
 * jvm-advisor for JMH: {@link io.github.jvmadvisor.jmh.AdvisorProfiler} gives each fork a GC log and
 * a recording and advises per fork; {@link io.github.jvmadvisor.jmh.JmhAdvice} turns result files (and
 * the profiler's fork files) into reports; {@link io.github.jvmadvisor.jmh.FlagExperiment} runs one
 * benchmark under several option sets and says which change the measurements confirm. Comparison of
 * result files is in {@link io.github.jvmadvisor.jmh.compare}.
 */
package io.github.jvmadvisor.jmh;
