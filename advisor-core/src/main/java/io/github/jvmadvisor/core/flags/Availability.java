package io.github.jvmadvisor.core.flags;

/** Whether a JDK accepts a flag (or launcher option), as learned from the JDK itself. */
public enum Availability {
    /** The JDK has the flag and uses it. */
    AVAILABLE,
    /** The JDK has the flag and uses it, but prints a deprecation warning when it is given. */
    DEPRECATED,
    /** The JDK no longer has the flag but accepts it with a warning ({@code Ignoring option ...}) and ignores it. */
    OBSOLETE,
    /** The JDK does not know the flag any more: giving it stops the JVM ({@code Unrecognized VM option}). */
    REMOVED;

    /** Whether giving the flag stops the JVM from starting. */
    public boolean isFatal() {
        return this == REMOVED;
    }
}
