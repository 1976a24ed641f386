/** The evidence model: immutable records of what inputs said, and the figures derived from them. */
package io.github.jvmadvisor.core.model;
