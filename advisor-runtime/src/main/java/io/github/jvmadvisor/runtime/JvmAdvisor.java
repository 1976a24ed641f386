package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.config.LiveJvm;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup API: one line in {@code main} to check the running JVM's configuration, a watch over its
 * own JFR events while it runs, and opt-in adjustment of the flags it can change at run time.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     JvmAdvisor.atStartup();                        // logs the ranked advice once, returns the report
 *     try (JvmAdvisor.Watch w = JvmAdvisor.watch(WatchOptions.defaults())) {
 *         runService();                              // advice logged when it changes; MBean for the rest
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe. Nothing here throws to the caller: a failure is logged once and gives an empty result
 * that says what went wrong.
 */
public final class JvmAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisor.class);

    /** The evidence a startup check has: the configuration of the live JVM, nothing measured. */
    public static final Set<EvidenceKind> CONFIGURATION_ONLY = Set.copyOf(EnumSet.of(EvidenceKind.CONFIG,
            EvidenceKind.FLAG_ORIGINS, EvidenceKind.CONTAINER_MEMORY, EvidenceKind.CPUS));

    /** The rule id of the entry a failed startup check puts in {@link Report#errors()}. */
    public static final String FAILURE_ID = "STARTUP";

    private JvmAdvisor() {
    }

    /** {@link #atStartup(StartupOptions)} with the defaults. */
    public static Report atStartup() {
        return atStartup(StartupOptions.defaults());
    }

    /**
     * Checks the running JVM's configuration: reads it ({@link LiveJvm#config()}: flags with their
     * origin, cgroup v1/v2 memory and CPU limits, CPUs, physical memory), runs the rules that need only
     * configuration ({@link #CONFIGURATION_ONLY}), logs the ranked advice once (warnings and errors at
     * WARN, the rest at INFO, rules with nothing to say at DEBUG) and returns the report.
     *
     * <p>Starts no thread and never throws: on any failure it logs one WARN line and returns an empty
     * report whose {@link Report#errors()} holds the failure (rule id {@value #FAILURE_ID}). Costs about
     * the time to load the rules and the flag catalogue; see {@code docs/startup-api.md} for the figure.
     */
    public static Report atStartup(StartupOptions options) {
        StartupOptions o = options == null ? StartupOptions.defaults() : options;
        Logger log = o.logger() != null ? o.logger() : LOG;
        try {
            JvmConfig config = withOverrides(LiveJvm.config(), o.containerMemoryBytes(), o.cpus());
            RuleSet rules = StartupRules.load(JvmAdvisor.class.getClassLoader()).without(o.exclude());
            Advisor.Builder b = Advisor.builder().rules(rules).goal(o.goal())
                    .runContext(io.github.jvmadvisor.core.rule.RunContext.STARTUP_CHECK);
            if (o.targetJdk() != null) {
                b.targetJdk(o.targetJdk());
            }
            for (Map.Entry<String, String> p : o.parameters().entrySet()) {
                b.parameter(p.getKey(), p.getValue()); // a loop, not forEach(b::parameter): no lambda class to spin
            }
            Evidence e = new Evidence(List.of(liveSummary(List.of())), Optional.empty(), Optional.of(config),
                    Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
            Report r = b.build().advise(e);
            if (o.log()) {
                AdviceLog.log(log, "at startup", r);
            }
            return r;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            log.warn("jvm-advisor at startup: the check failed and was skipped: {}", e.toString());
            log.debug("startup check failure", e);
            return failed(o, e);
        }
    }

    /**
     * Watches this JVM over a sliding window of its own JFR events ({@link LiveEvidence}): re-advises each
     * window with all the rules, keeps the current report ({@link Watch#current()}) and, unless turned off,
     * registers the MBean {@code io.github.jvmadvisor:type=Advisor} ({@link AdvisorMXBean}); logs the advice
     * only when it changes. With {@link WatchOptions.Builder#control} it also adjusts manageable flags,
     * guarded. Never throws: when JFR cannot start, the watch is inactive and says why.
     */
    public static Watch watch(WatchOptions options) {
        return new Watch(options == null ? WatchOptions.defaults() : options);
    }

    /**
     * A running watch. Close it to stop (the shared JFR stream stops with its last user, the MBean is
     * unregistered). Thread-safe.
     */
    public static final class Watch implements AutoCloseable {
        private final WatchOptions options;
        private final Logger log;
        private final Advisor advisor;
        private final LiveEvidence live;
        private final Controller controller;
        private final javax.management.ObjectName name;
        private volatile Report current;
        private volatile String signature = "";
        private volatile long evaluated;
        private volatile long changes;
        private volatile java.time.Instant lastEnd;

        private Watch(WatchOptions o) {
            this.options = o;
            this.log = o.logger != null ? o.logger : LOG;
            Advisor a = null;
            try {
                Advisor.Builder b = Advisor.builder().rules(RuleSet.load(JvmAdvisor.class.getClassLoader())
                        .without(o.exclude)).goal(o.goal);
                if (o.targetJdk != null) {
                    b.targetJdk(o.targetJdk);
                }
                o.parameters.forEach(b::parameter);
                a = b.build();
            } catch (RuntimeException | LinkageError e) {
                log.warn("jvm-advisor watch: not started: {}", e.toString());
            }
            this.advisor = a;
            this.controller = a != null && o.control != null ? new Controller(o.control, o.containerMemoryBytes, log,
                    o.window.toMillis())
                    : null;
            this.live = a == null ? null : LiveEvidence.open(LiveEvidence.options().window(o.window).slices(o.slices)
                    .sinceStart(o.totals).events(LiveEvents.forRules(a.rules()).sampling(o.executionSamplePeriod,
                            o.allocationSamplesPerSecond)).onWindow(this::onWindow));
            this.name = o.mbean && a != null ? register() : null;
        }

        /** The report of the last window, empty before the first window closes. */
        public Optional<Report> current() {
            return Optional.ofNullable(current);
        }

        /** Windows evaluated so far. */
        public long windowsEvaluated() {
            return evaluated;
        }

        /** Whether the watch receives events (false when JFR could not start). */
        public boolean active() {
            return live != null && live.active();
        }

        /** The evidence since the watch started, when {@link WatchOptions.Builder#totals} is on. */
        public Optional<Evidence> totals(java.time.Duration timeout) {
            return live == null ? Optional.empty() : live.sinceStart(timeout);
        }

        /** The pauses per GC id of the last {@link #totals} answer (tests compare them with a GC log). */
        List<io.github.jvmadvisor.core.model.PauseSum> totalsPauses() {
            return live == null ? List.of() : live.sinceStartPauses();
        }

        /** The MBean's name, when registered. */
        public Optional<javax.management.ObjectName> objectName() {
            return Optional.ofNullable(name);
        }

        /**
         * Tells the controller the container's memory limit changed (a resize the JVM cannot see, or a
         * test); it moves {@code SoftMaxHeapSize} toward the new budget over the next windows. Ignored
         * without {@link WatchOptions.Builder#control}.
         */
        public void containerLimit(long bytes) {
            if (controller != null) {
                controller.limit(bytes);
            }
        }

        /**
         * Asks the controller to set a flag at the next window, guarded like its own changes. A flag that
         * is not manageable on the running JDK is refused, with an audit entry and a WARN line.
         */
        public void request(String flag, String value) {
            if (controller != null) {
                controller.request(flag, value);
            }
        }

        /** The adjustments made, kept, rolled back and refused, oldest first (at most 1000). */
        public List<Adjustment> audit() {
            return controller == null ? List.of() : controller.audit();
        }

        @Override
        public void close() {
            if (live != null) {
                live.close();
            }
            if (name != null) {
                try {
                    java.lang.management.ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                } catch (Exception | LinkageError e) {
                    LOG.debug("unregistering {} failed", name, e);
                }
            }
        }

        private void onWindow(Evidence e) {
            try {
                JvmConfig cfg = e.jvm().orElse(null);
                if (cfg != null && options.containerMemoryBytes != null) {
                    cfg = withOverrides(cfg, options.containerMemoryBytes, null);
                    e = new Evidence(e.inputs(), e.gc(), Optional.of(cfg), e.resources(), e.agreements(), e.latency(),
                            e.benchmarks(), e.allocation(), e.jit(), e.cpu());
                }
                Report r = advisor.advise(e);
                current = r;
                evaluated++;
                lastEnd = java.time.Instant.now();
                String sig = signature(r);
                if (!sig.equals(signature)) {
                    signature = sig;
                    changes++;
                    if (options.log) {
                        AdviceLog.log(log, "watch (advice changed)", r);
                    }
                }
                if (controller != null && cfg != null) {
                    controller.onWindow(e, cfg);
                }
            } catch (RuntimeException | StackOverflowError ex) {
                log.warn("jvm-advisor watch: a window could not be evaluated: {}", ex.toString());
                LOG.debug("window failure", ex);
            }
        }

        /**
         * What identifies advice for "has it changed": rule, severity and the flags it changes (names and
         * operation, not values), whatever their order. Values follow the measurements (a budget of 68 % one
         * window, 72 % the next) and would log the same advice again every window; so would the order of two
         * recommendations of nearly equal score, which swap when a figure moves a little (13 recommendations
         * re-logged each time in a 512 MB cgroup).
         */
        static String signature(Report r) {
            java.util.TreeSet<String> lines = new java.util.TreeSet<>();
            for (Report.Ranked x : r.recommendations()) {
                StringBuilder b = new StringBuilder();
                b.append(x.ruleId()).append(' ').append(x.severity());
                for (io.github.jvmadvisor.core.rule.FlagChange c : x.changes()) {
                    b.append(' ').append(c.op()).append(' ').append(c.name());
                }
                lines.add(b.toString());
            }
            return String.join("\n", lines);
        }

        private javax.management.ObjectName register() {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (int i = 1; i < 100; i++) {
                try {
                    javax.management.ObjectName n = new javax.management.ObjectName(
                            "io.github.jvmadvisor:type=Advisor" + (i == 1 ? "" : ",name=" + i));
                    if (server.isRegistered(n)) {
                        continue;
                    }
                    server.registerMBean(new javax.management.StandardMBean(new View(), AdvisorMXBean.class, true), n);
                    return n;
                } catch (javax.management.InstanceAlreadyExistsException e) {
                    // taken meanwhile: the next name
                } catch (Exception | LinkageError e) {
                    log.warn("jvm-advisor watch: MBean not registered: {}", e.toString());
                    return null;
                }
            }
            return null;
        }

        /** The MBean: reads the watch's current state. */
        private final class View implements AdvisorMXBean {
            @Override
            public String getAdvice() {
                Report r = current;
                if (r == null) {
                    return "";
                }
                StringBuilder b = new StringBuilder();
                for (Report.Ranked x : r.recommendations()) {
                    b.append(AdviceLog.line(x)).append('\n');
                }
                return b.toString();
            }

            @Override
            public String getReportJson() {
                Report r = current;
                return r == null ? "" : io.github.jvmadvisor.core.report.AdviceJson.toJson(r);
            }

            @Override
            public int getRecommendationCount() {
                Report r = current;
                return r == null ? 0 : r.recommendations().size();
            }

            @Override
            public int getWarningCount() {
                Report r = current;
                return r == null ? 0 : r.recommendations(io.github.jvmadvisor.core.rule.Severity.WARNING).size();
            }

            @Override
            public long getWindowsEvaluated() {
                return evaluated;
            }

            @Override
            public long getAdviceChanges() {
                return changes;
            }

            @Override
            public String getLastWindowEnd() {
                java.time.Instant i = lastEnd;
                return i == null ? "" : i.toString();
            }

            @Override
            public String getAuditTrail() {
                StringBuilder b = new StringBuilder();
                for (Adjustment a : audit()) {
                    b.append(a).append('\n');
                }
                return b.toString();
            }

            @Override
            public int getAdjustmentCount() {
                return (int) audit().stream().filter(a -> a.kind() == Adjustment.Kind.SET).count();
            }

            @Override
            public int getRollbackCount() {
                return (int) audit().stream().filter(a -> a.kind() == Adjustment.Kind.ROLLED_BACK).count();
            }
        }
    }

    /** The rules whose required evidence is configuration only. */
    static RuleSet configurationRules(RuleSet all) {
        List<Rule> keep = new ArrayList<>();
        for (Rule r : all.rules()) {
            if (CONFIGURATION_ONLY.containsAll(r.requires())) {
                keep.add(r);
            }
        }
        return RuleSet.of(keep);
    }

    /** The configuration with the limits the caller gave in place of those read. */
    static JvmConfig withOverrides(JvmConfig c, Long memoryBytes, Double cpus) {
        if (memoryBytes == null && cpus == null) {
            return c;
        }
        ContainerLimits read = c.container();
        Integer effective = cpus != null ? Math.max(1, (int) Math.floor(cpus))
                : read != null ? read.effectiveCpus() : null;
        ContainerLimits given = new ContainerLimits("user", memoryBytes != null ? memoryBytes
                : read != null ? read.memoryLimitBytes() : null, read != null ? read.memorySoftLimitBytes() : null,
                read != null ? read.swapLimitBytes() : null, cpus != null ? cpus : read != null ? read.cpuQuotaCores() : null,
                read != null ? read.cpuShares() : null, effective, read != null ? read.memoryUsageBytes() : null);
        return new JvmConfig(c.sources(), c.jdkVersionString(), c.jdkFeature(), c.vmName(), c.collector(),
                c.generational(), c.jvmArguments(), c.flags(), given, c.machine());
    }

    static InputSummary liveSummary(List<InputIssue> issues) {
        return new InputSummary("live JVM", InputKind.UNKNOWN, LiveJvm.SOURCE, List.of("live JVM"), 0, 0, 0, 0,
                issues);
    }

    private static Report failed(StartupOptions o, Throwable e) {
        int target = o.targetJdk() != null ? o.targetJdk() : Runtime.version().feature();
        Evidence empty = new Evidence(List.of(liveSummary(List.of(new InputIssue("live JVM", 0,
                InputIssue.INTERNAL_ERROR, "the startup check failed: " + e)))), Optional.empty());
        return new Report(target, "", o.goal(), List.of(), List.of(), List.of(),
                List.of(new Report.RuleError(FAILURE_ID, "runtime", e.toString())), List.of(),
                new Report.CommandLine(List.of(), "", true, List.of(), List.of(), List.of(), List.of()), 0, empty);
    }
}
