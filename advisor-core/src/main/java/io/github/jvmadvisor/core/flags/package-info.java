/** The flag catalogue per JDK feature release, and checks of a command line against it. */
package io.github.jvmadvisor.core.flags;
