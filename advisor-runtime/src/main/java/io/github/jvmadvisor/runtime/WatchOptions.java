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

    /** The default period of execution samples per thread, in ms. */
    public static final long DEFAULT_EXECUTION_SAMPLE_MILLIS = 100;
    /** The default cap on allocation samples a second. */
    public static final int DEFAULT_ALLOCATION_SAMPLES_PER_SECOND = 20;
    private static final Duration DEFAULT_EXECUTION_SAMPLE_PERIOD = Duration.ofMillis(DEFAULT_EXECUTION_SAMPLE_MILLIS);

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
    final Duration executionSamplePeriod;
    final int allocationSamplesPerSecond;

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
        executionSamplePeriod = b.executionSamplePeriod;
        allocationSamplesPerSecond = b.allocationSamplesPerSecond;
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
        private Duration executionSamplePeriod = DEFAULT_EXECUTION_SAMPLE_PERIOD;
        private int allocationSamplesPerSecond = DEFAULT_ALLOCATION_SAMPLES_PER_SECOND;

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

        /**
         * How densely the watch samples: an execution sample per thread every {@code executionPeriod}
         * (default {@value #DEFAULT_EXECUTION_SAMPLE_MILLIS} ms) and at most {@code allocationsPerSecond}
         * allocation samples a second (default {@value #DEFAULT_ALLOCATION_SAMPLES_PER_SECOND}). The JDK's
         * {@code default} settings (20 ms, 150/s) cost the JFR threads about three times as much CPU; over a
         * 60 s window these rates still give 600 execution samples per busy thread and 1200 allocation samples.
         * A shared stream keeps the rates of its first user.
         *
         * @throws IllegalArgumentException if the period is under 1 ms or the rate under 1
         */
        public Builder sampling(Duration executionPeriod, int allocationsPerSecond) {
            if (executionPeriod == null || executionPeriod.toMillis() < 1 || allocationsPerSecond < 1) {
                throw new IllegalArgumentException("sampling needs a period of at least 1 ms and a rate of at least 1/s: "
                        + executionPeriod + ", " + allocationsPerSecond);
            }
            this.executionSamplePeriod = executionPeriod;
            this.allocationSamplesPerSecond = allocationsPerSecond;
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
