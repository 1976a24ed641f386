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
            RuleSet rules = configurationRules(RuleSet.load(JvmAdvisor.class.getClassLoader()).without(o.exclude()));
            Advisor.Builder b = Advisor.builder().rules(rules).goal(o.goal());
            if (o.targetJdk() != null) {
                b.targetJdk(o.targetJdk());
            }
            o.parameters().forEach(b::parameter);
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
                new Report.CommandLine(List.of(), "", true, List.of(), List.of()), 0, empty);
    }
}
