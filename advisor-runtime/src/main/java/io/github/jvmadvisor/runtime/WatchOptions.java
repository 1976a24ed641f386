package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.rule.Goal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/** Settings of {@link JvmAdvisor#watch(WatchOptions)}. Build with {@link #builder()}; immutable. */
public final class WatchOptions {

    final Duration window;
    final int slices;
    final boolean totals;
    final Goal goal;
    final Integer targetJdk;
    final List<String> exclude;
    final Map<String, String> parameters;
    final Logger logger;
    final boolean log;
    final boolean mbean;
    final Long containerMemoryBytes;
    final ControllerOptions control;

    private WatchOptions(Builder b) {
        window = b.window;
        slices = b.slices;
        totals = b.totals;
        goal = b.goal;
        targetJdk = b.targetJdk;
        exclude = List.copyOf(b.exclude);
        parameters = Map.copyOf(b.parameters);
        logger = b.logger;
        log = b.log;
        mbean = b.mbean;
        containerMemoryBytes = b.containerMemoryBytes;
        control = b.control;
    }

    /** A 60 s window, sliding once per window, all rules, logging and the MBean on, no adjustment. */
    public static WatchOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WatchOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration window = Duration.ofSeconds(60);
        private int slices = 1;
        private boolean totals;
        private Goal goal = Goal.BALANCED;
        private Integer targetJdk;
        private final List<String> exclude = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Logger logger;
        private boolean log = true;
        private boolean mbean = true;
        private Long containerMemoryBytes;
        private ControllerOptions control;

        private Builder() {
        }

        /** The window the advice is made over (default 60 s, at least 1 s). */
        public Builder window(Duration window) {
            if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("window must be at least 1 s: " + window);
            }
            this.window = window;
            return this;
        }

        /** How often per window it slides and re-advises (default 1: once per window). */
        public Builder slices(int slices) {
            if (slices < 1 || slices > 60) {
                throw new IllegalArgumentException("slices must be 1 to 60: " + slices);
            }
            this.slices = slices;
            return this;
        }

        /**
         * Whether to keep totals since the watch started ({@link JvmAdvisor.Watch#totals}); default off,
         * because they grow with the number of collections.
         */
        public Builder totals(boolean keep) {
            this.totals = keep;
            return this;
        }

        public Builder goal(Goal goal) {
            this.goal = Objects.requireNonNull(goal, "goal");
            return this;
        }

        public Builder targetJdk(int feature) {
            if (feature < 17) {
                throw new IllegalArgumentException("target JDK must be 17 or later: " + feature);
            }
            this.targetJdk = feature;
            return this;
        }

        /** Leaves out rules by id or pack. */
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

        /** The container's memory limit in bytes, for when the JVM cannot see it. */
        public Builder containerMemory(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("container memory must be positive: " + bytes);
            }
            this.containerMemoryBytes = bytes;
            return this;
        }

        public Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** Whether to log advice when it changes (default true). */
        public Builder log(boolean log) {
            this.log = log;
            return this;
        }

        /** Whether to register the MBean {@code io.github.jvmadvisor:type=Advisor} (default true). */
        public Builder mbean(boolean register) {
            this.mbean = register;
            return this;
        }

        /** Turns on runtime adjustment of manageable flags (off by default). */
        public Builder control(ControllerOptions control) {
            this.control = control;
            return this;
        }

        public WatchOptions build() {
            return new WatchOptions(this);
        }
    }
}
