package io.github.jvmadvisor.core.rule;

import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule reads: the evidence, the JDK the advice is for, the user's goal, the flag catalogue of
 * that JDK, and the rule's parameters (defaults or the user's values). Also the figures most rules need
 * (collector, CPUs, container limit, a flag's value and origin), each taken from the best source
 * present. Immutable; one per rule evaluation.
 */
public final class RuleContext {

    private final Evidence evidence;
    private final int targetJdk;
    private final Goal goal;
    private final FlagCatalogue catalogue;
    private final Map<String, String> parameters;
    private final Rule rule;
    private final Set<EvidenceKind> present;
    private final JavaOptions options;
    private final RunContext runContext;
    private final boolean measuresStartup;
    private final Facts facts;

    /**
     * A context for a service ({@link RunContext#SERVICE}).
     *
     * @param parameters the user's parameter values by {@code "RULE-ID.name"}
     */
    public RuleContext(Evidence evidence, int targetJdk, Goal goal, FlagCatalogue catalogue,
            Map<String, String> parameters, Rule rule) {
        this(evidence, targetJdk, goal, catalogue, parameters, rule, RunContext.SERVICE, false);
    }

    /**
     * @param parameters the user's parameter values by {@code "RULE-ID.name"}
     * @param runContext in what role the JVM ran
     * @param measuresStartup whether the harness measures start-up (a JMH {@code SingleShotTime} benchmark); the
     *     evidence can also say so (see {@link #measuresStartup()})
     */
    public RuleContext(Evidence evidence, int targetJdk, Goal goal, FlagCatalogue catalogue,
            Map<String, String> parameters, Rule rule, RunContext runContext, boolean measuresStartup) {
        this(evidence, targetJdk, goal, catalogue, parameters, rule, runContext, measuresStartup, Facts.of(evidence));
    }

    /**
     * @param parameters the user's parameter values by {@code "RULE-ID.name"}
     * @param runContext in what role the JVM ran
     * @param measuresStartup whether the harness measures start-up
     * @param facts the advice's facts, shared by all its rules ({@link Facts#of(Evidence)} of the same evidence)
     */
    public RuleContext(Evidence evidence, int targetJdk, Goal goal, FlagCatalogue catalogue,
            Map<String, String> parameters, Rule rule, RunContext runContext, boolean measuresStartup, Facts facts) {
        this.facts = Objects.requireNonNull(facts, "facts").forRule(rule.id());
        this.runContext = Objects.requireNonNull(runContext, "runContext");
        this.measuresStartup = measuresStartup;
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.targetJdk = targetJdk;
        this.goal = Objects.requireNonNull(goal, "goal");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.parameters = Map.copyOf(parameters);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.present = EvidenceKind.present(evidence);
        JvmConfig j = evidence.jvm().orElse(null);
        this.options = JavaOptions.parse(j == null ? java.util.List.of() : j.jvmArguments());
    }

    /**
     * The facts derived once for the whole advice: the maximum heap, the live set, the GC cost, the memory limit, the
     * CPUs, the allocation and promotion rates and the collector, each with its source. Read them here rather than
     * from the evidence, so that every rule weighs the same figures; the reads are recorded against this rule.
     */
    public Facts facts() {
        return facts;
    }

    public Evidence evidence() {
        return evidence;
    }

    /** In what role the JVM ran: a service unless the integration that gathered the evidence said otherwise. */
    public RunContext runContext() {
        return runContext;
    }

    /**
     * Whether the run measures start-up: said by the integration (the JMH profiler in a {@code SingleShotTime}
     * fork), or a benchmark result of the evidence in single-shot mode ({@code ss}).
     */
    public boolean measuresStartup() {
        if (measuresStartup) {
            return true;
        }
        for (var results : evidence.benchmarks()) {
            for (var run : results.runs()) {
                if ("ss".equals(run.mode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether advice that trades steady-state speed for start-up (C1 only, a CDS or AOT archive, short-process
     * advice) fits the run: yes for a service; in a test JVM or a JMH fork only when the run measures start-up.
     */
    public boolean startupAdviceFits() {
        return !runContext.harness() || measuresStartup();
    }

    /** The JDK feature release the advice is for. */
    public int targetJdk() {
        return targetJdk;
    }

    public Goal goal() {
        return goal;
    }

    /** The flag catalogue of the target JDK. */
    public FlagCatalogue catalogue() {
        return catalogue;
    }

    /** Whether evidence of a kind is present. */
    public boolean has(EvidenceKind kind) {
        return present.contains(kind);
    }

    /** The value of one of this rule's parameters: the user's, else the default. */
    public <T> T param(Parameter<T> p) {
        String v = parameters.get(rule.id() + "." + p.name());
        return v == null ? p.defaultValue() : p.parse(v);
    }

    public Optional<JvmConfig> jvm() {
        return evidence.jvm();
    }

    /* No Optional.map chains on this path: each lambda is a class spun on first use, about 0.15 ms in a fresh JVM (JvmAdvisor.atStartup). */
    private JvmConfig jvmOrNull() {
        return evidence.jvm().orElse(null);
    }

    public Optional<GcAnalysis> gc() {
        return evidence.gc();
    }

    /** The GC metrics, or {@code null} without GC evidence. */
    public GcMetrics metrics() {
        GcAnalysis g = evidence.gc().orElse(null);
        return g == null ? null : g.metrics();
    }

    /** The GC setup from the log or recording, or {@code null}. */
    public GcSetup setup() {
        GcAnalysis g = evidence.gc().orElse(null);
        return g == null ? null : g.setup();
    }

    /** The JVM options as given (the command line, the recorded JVM arguments); empty when unknown. */
    public JavaOptions options() {
        return options;
    }

    /** The collector that ran: from the configuration, else the GC evidence; {@code null} when unknown. */
    public Collector collector() {
        return facts.collector().value();
    }

    /** The JDK feature release that ran, or {@code null}. */
    public Integer runJdk() {
        JvmConfig c = jvmOrNull();
        Integer j = c == null ? null : c.jdkFeature();
        if (j == null && setup() != null) {
            j = setup().jdkVersion();
        }
        return j;
    }

    /**
     * A flag's value: the last setting on the command line, else the JVM's final value; {@code null}
     * when neither source has it.
     */
    public String flag(String name) {
        JavaOptions.Setting s = options.lastSetting(name);
        if (s != null) {
            return s.value();
        }
        JvmConfig j = jvmOrNull();
        return j == null ? null : j.flagValue(name);
    }

    /**
     * A flag's value as a number, or {@code null}. Sizes written with a unit
     * ({@code -XX:MaxDirectMemorySize=128m}) are converted to bytes.
     */
    public Long flagLong(String name) {
        String v = flag(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            Long size = JavaOptions.parseSize(v.trim());
            if (size != null) {
                return size;
            }
            try {
                return (long) Double.parseDouble(v.trim());
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** A boolean flag's value, or {@code null}. */
    public Boolean flagBoolean(String name) {
        String v = flag(name);
        return v == null ? null : "true".equalsIgnoreCase(v.trim()) ? Boolean.TRUE
                : "false".equalsIgnoreCase(v.trim()) ? Boolean.FALSE : null;
    }

    /** Whether a person set the flag (on the command line, in the environment or a flags file). */
    public boolean asked(String name) {
        if (options.lastSetting(name) != null) {
            return true;
        }
        JvmConfig j = jvmOrNull();
        JvmFlag f = j == null ? null : j.flag(name);
        return f != null && f.origin().isAsked();
    }

    /** Where a flag's value came from; {@code COMMAND_LINE} for one on the given options, else the JVM's record. */
    public FlagOrigin origin(String name) {
        if (options.lastSetting(name) != null) {
            return FlagOrigin.COMMAND_LINE;
        }
        JvmConfig j = jvmOrNull();
        JvmFlag f = j == null ? null : j.flag(name);
        return f == null ? FlagOrigin.UNKNOWN : f.origin();
    }

    /** The flag in the target JDK's catalogue, if it exists there. */
    public Optional<FlagInfo> flagInfo(String name) {
        FlagInfo f = catalogue.flag(name).orElse(null);
        return f != null && f.exists() ? Optional.of(f) : Optional.empty();
    }

    /** The container memory limit in bytes, or {@code null} when there is none or it is unknown. */
    public Long containerMemory() {
        JvmConfig j = jvmOrNull();
        ContainerLimits c = j == null ? null : j.container();
        return c == null ? null : c.memoryLimitBytes();
    }

    /** The physical memory of the machine in bytes, or {@code null}. */
    public Long physicalMemory() {
        JvmConfig j = jvmOrNull();
        Long m = j == null ? null : j.machine().physicalMemoryBytes();
        if (m == null && setup() != null) {
            m = setup().memoryBytes();
        }
        return m;
    }

    /** The memory the JVM sizes itself against: the container limit, else physical memory; {@code null} when unknown. */
    public Long memory() {
        return facts.memoryLimit().value();
    }

    /**
     * The CPUs the JVM uses: the container's effective count, else {@code ActiveProcessorCount}, else
     * the CPUs the GC log saw as available, else the CPUs the process may run on, else hardware
     * threads; {@code null} when unknown.
     */
    public Integer cpus() {
        return facts.cpus().value();
    }

    /** The maximum heap in bytes, {@code null} when unknown: the fact {@link Facts#maxHeap()}. */
    public Long maxHeap() {
        return facts.maxHeap().value();
    }
}
