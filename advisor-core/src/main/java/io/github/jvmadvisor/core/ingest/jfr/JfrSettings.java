package io.github.jvmadvisor.core.ingest.jfr;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event settings a recording was made with ({@code jdk.ActiveSetting}), by event type name: what a
 * sink needs to tell "not recorded" from "did not happen". The last value of a setting wins.
 */
public final class JfrSettings {

    private final Set<String> types;
    private final Map<String, Map<String, String>> values;

    JfrSettings(Set<String> types, Map<String, Map<String, String>> values) {
        this.types = Set.copyOf(types);
        Map<String, Map<String, String>> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.values = Map.copyOf(copy);
    }

    /** Whether the recording's metadata declares the event type (JDK 11+ name, e.g. {@code jdk.GCPhasePause}). */
    public boolean declares(String eventType) {
        return types.contains(eventType);
    }

    /**
     * A setting's value as recorded, e.g. {@code value("jdk.SafepointBegin", "threshold")} gives
     * {@code "10 ms"}; {@code null} when the recording does not say.
     */
    public String value(String eventType, String setting) {
        Map<String, String> m = values.get(eventType);
        return m == null ? null : m.get(setting);
    }

    /**
     * Whether the event type was enabled: {@code false} when the metadata does not declare it,
     * {@code null} when the recording does not say.
     */
    public Boolean enabled(String eventType) {
        if (!declares(eventType)) {
            return Boolean.FALSE;
        }
        String v = value(eventType, "enabled");
        return v == null ? null : Boolean.valueOf(v.trim().equals("true"));
    }
}
