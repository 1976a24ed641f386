/**
 * How the flag catalogues are made: running a JDK's {@code java} with {@code -XX:+PrintFlagsFinal} and probes,
 * and deriving a release's catalogue from two others. Not part of the API.
 */
package io.github.jvmadvisor.core.flags.internal;
