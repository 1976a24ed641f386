package io.github.jvmadvisor.junit;

import java.lang.management.ManagementFactory;

/** The current thread's allocation counter ({@code com.sun.management.ThreadMXBean}). */
final class ThreadAllocation {

    private static final com.sun.management.ThreadMXBean BEAN = bean();

    private ThreadAllocation() {
    }

    /** Bytes the current thread has allocated since it started, or -1 when the JVM does not count them. */
    static long current() {
        if (BEAN == null) {
            return -1;
        }
        return BEAN.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean bean() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                    && b.isThreadAllocatedMemorySupported()) {
                if (!b.isThreadAllocatedMemoryEnabled()) {
                    b.setThreadAllocatedMemoryEnabled(true);
                }
                return b;
            }
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("the thread allocation counter", e);
        }
        return null;
    }
}
