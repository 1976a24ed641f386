package io.github.jvmadvisor.runtime;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDK's {@code default} JFR configuration and the event types of this JVM, read once. */
final class JfrDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(JfrDefaults.class);

    private JfrDefaults() {
    }

    private static final class Holder {
        static final Map<String, String> SETTINGS = read();
    }

    /** {@code "jdk.GCPhasePause#threshold" -> "0 ms"}; empty when it cannot be read. */
    static Map<String, String> settings() {
        return Holder.SETTINGS;
    }

    /** The event types this JVM declares; empty when JFR is not available. */
    static Set<String> knownTypes() {
        Set<String> out = new TreeSet<>();
        try {
            if (!FlightRecorder.isAvailable()) {
                return out;
            }
            for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
                out.add(t.getName());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("JFR event types not read", e);
        }
        return out;
    }

    private static Map<String, String> read() {
        try {
            return Map.copyOf(Configuration.getConfiguration("default").getSettings());
        } catch (Exception | LinkageError e) {
            LOG.debug("the default JFR configuration could not be read", e);
            return Map.of();
        }
    }
}
