package io.github.jvmadvisor.junit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Internal failures of the extension: logged, the first at WARN and the rest at DEBUG, never thrown. */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisorExtension.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Failures() {
    }

    static void internal(String where, Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("jvm-advisor: internal failure in {}; the test run goes on without it (later failures at "
                    + "DEBUG): {}", where, t.toString());
        } else {
            LOG.debug("jvm-advisor: internal failure in {}: {}", where, t.toString());
        }
        LOG.debug("jvm-advisor internal failure", t);
    }
}
