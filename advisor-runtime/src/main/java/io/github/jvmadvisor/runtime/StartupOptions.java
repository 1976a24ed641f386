package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.rule.Goal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Settings of {@link JvmAdvisor#atStartup(StartupOptions)}. Build with {@link #builder()}; immutable.
 *
 * <p>The container overrides are for a JVM that cannot see its limit (a cgroup not mounted in the
 * container, a platform that enforces memory outside the cgroup): they replace what was read.
 */
public final class StartupOptions {

    private final Goal goal;
    private final Integer targetJdk;
    private final Long containerMemoryBytes;
    private final Double cpus;
    private final List<String> exclude;
    private final Map<String, String> parameters;
    private final Logger logger;
    private final boolean log;

    private StartupOptions(Builder b) {
        goal = b.goal;
        targetJdk = b.targetJdk;
        containerMemoryBytes = b.containerMemoryBytes;
        cpus = b.cpus;
        exclude = List.copyOf(b.exclude);
        parameters = Map.copyOf(b.parameters);
        logger = b.logger;
        log = b.log;
    }

    /** The defaults: balanced goal, the running JDK as target, limits as read, all rules, logging on. */
    public static StartupOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The goal that shapes the ranking. */
    public Goal goal() {
        return goal;
    }

    /** The JDK feature release to advise for, or {@code null} for the running one. */
    public Integer targetJdk() {
        return targetJdk;
    }

    /** The container memory limit in bytes that replaces the one read, or {@code null}. */
    public Long containerMemoryBytes() {
        return containerMemoryBytes;
    }

    /** The CPU limit in cores that replaces the one read, or {@code null}. */
    public Double cpus() {
        return cpus;
    }

    /** Rule ids or packs left out. */
    public List<String> exclude() {
        return exclude;
    }

    /** Rule parameter overrides ({@code "HEAP-02.headroom" -> "0.2"}). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The logger the advice goes to, or {@code null} for {@code io.github.jvmadvisor.runtime.JvmAdvisor}. */
    public Logger logger() {
        return logger;
    }

    /** Whether the advice is logged. */
    public boolean log() {
        return log;
    }

    /** Builds {@link StartupOptions}. Not thread-safe. */
    public static final class Builder {
        private Goal goal = Goal.BALANCED;
        private Integer targetJdk;
        private Long containerMemoryBytes;
        private Double cpus;
        private final List<String> exclude = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Logger logger;
        private boolean log = true;

        private Builder() {
        }

        /** The goal (default balanced). */
        public Builder goal(Goal goal) {
            this.goal = Objects.requireNonNull(goal, "goal");
            return this;
        }

        /** The JDK feature release to advise for (default: the running one). */
        public Builder targetJdk(int feature) {
            if (feature < 17) {
                throw new IllegalArgumentException("target JDK must be 17 or later: " + feature);
            }
            this.targetJdk = feature;
            return this;
        }

        /** The container's memory limit in bytes, for when the JVM cannot see it. */
        public Builder containerMemory(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("container memory must be positive: " + bytes);
            }
            this.containerMemoryBytes = bytes;
            return this;
        }

        /** The container's CPU limit in cores (e.g. 1.5), for when the JVM cannot see it. */
        public Builder cpus(double cores) {
            if (!(cores > 0)) {
                throw new IllegalArgumentException("cpus must be positive: " + cores);
            }
            this.cpus = cores;
            return this;
        }

        /** Leaves out rules by id ({@code "OBS-01"}) or pack ({@code "observability"}). */
        public Builder exclude(String... idsOrPacks) {
            for (String s : idsOrPacks) {
                exclude.add(Objects.requireNonNull(s, "id or pack"));
            }
            return this;
        }

        /** Overrides a rule parameter, {@code RULE-ID.name}. */
        public Builder parameter(String key, String value) {
            parameters.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The logger for the advice (default {@code io.github.jvmadvisor.runtime.JvmAdvisor}). */
        public Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** Whether to log the advice (default true); the report is returned either way. */
        public Builder log(boolean log) {
            this.log = log;
            return this;
        }

        public StartupOptions build() {
            return new StartupOptions(this);
        }
    }
}
