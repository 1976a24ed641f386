/**
 * The startup API narrated: advice at launch, a watch over the running JVM, and the opt-in controller
 * ({@link io.github.jvmadvisor.samples.startup.StartupSample}).
 */
package io.github.jvmadvisor.samples.startup;
