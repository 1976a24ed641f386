package io.github.jvmadvisor.core.model;

/** The generation an event concerns, where a collector has generations and the log says which. */
public enum Generation {
    YOUNG,
    OLD
}
