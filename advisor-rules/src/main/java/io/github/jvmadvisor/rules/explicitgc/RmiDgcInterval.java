package io.github.jvmadvisor.rules.explicitgc;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EXP-03: the RMI distributed-GC interval ({@code -Dsun.rmi.dgc.client.gcInterval},
 * {@code -Dsun.rmi.dgc.server.gcInterval}) set below an hour makes RMI call {@code System.gc()} that often,
 * a full collection each time on Serial and Parallel (and on G1 without ExplicitGCInvokesConcurrent); above
 * a day remote objects are reclaimed so late they look like a leak. One to four hours is the usual range.
 * The properties come from the {@code -D} options. The advice is in words: the engine replaces options by
 * name, and every {@code -D} option has the same name.
 */
public final class RmiDgcInterval implements Rule {

    static final String[] PROPERTIES = {"sun.rmi.dgc.client.gcInterval", "sun.rmi.dgc.server.gcInterval"};
    static final Parameter<Long> MIN_INTERVAL = Parameter.whole("minInterval", 3_600_000L,
            "shortest RMI DGC interval, ms, below which it forces too many System.gc() calls", false);
    static final Parameter<Long> MAX_INTERVAL = Parameter.whole("maxInterval", 86_400_000L,
            "longest RMI DGC interval, ms, above which remote objects are reclaimed too late", true);

    @Override
    public String id() {
        return "EXP-03";
    }

    @Override
    public String pack() {
        return "explicit-gc";
    }

    @Override
    public String title() {
        return "RMI distributed-GC interval too short or too long";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(MIN_INTERVAL, MAX_INTERVAL);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String prop : PROPERTIES) {
            Long ms = property(ctx.options(), prop);
            if (ms == null) {
                continue;
            }
            long min = ctx.param(MIN_INTERVAL);
            long max = ctx.param(MAX_INTERVAL);
            if (ms >= min && ms <= max) {
                continue;
            }
            boolean tooShort = ms < min;
            long target = tooShort ? min : 4 * 3_600_000L;
            String set = "-D" + prop + "=" + target;
            out.add(Finding.of(this, tooShort ? (ms <= min / 4 ? 75 : 50) : 30)
                    .summary(prop + "=" + ms + " ms (" + Units.millis(ms) + "): " + (tooShort
                            ? "RMI forces a System.gc() that often" : "remote objects are reclaimed too late"))
                    .explanation(tooShort ? "RMI's distributed GC calls System.gc() every " + Units.millis(ms)
                            + "; on Serial and Parallel (and G1 without ExplicitGCInvokesConcurrent) each call is a "
                            + "full collection. One to four hours is enough for most RMI use."
                            : "An interval above a day leaves unreferenced remote objects uncollected for that long.")
                    .figure(Figure.millis(prop, ms))
                    .recommend(Recommendation.action("Set " + set, "replace -D" + prop + "=" + ms + " with " + set
                            + " (1 to 4 hours: 3600000 to 14400000 ms)")
                            .effect(tooShort ? Metric.LATENCY : Metric.FOOTPRINT, tooShort ? "System.gc() count"
                                    : "retained remote objects", Effect.Direction.DECREASE,
                                    tooShort ? -(1 - ms / (double) target) : null,
                                    tooShort ? "RMI-driven System.gc() calls drop to one per " + Units.millis(target)
                                            : "remote objects reclaimed within 4 hours")
                            .confidence(0.7)
                            .references("rules.md EXP-03", "joa warn.rmi.dgc.*").build())
                    .build());
        }
        return out;
    }

    /** The last {@code -Dprop=value} as milliseconds, or {@code null}. */
    static Long property(JavaOptions options, String prop) {
        Long v = null;
        for (JavaOptions.Option o : options.options()) {
            if (o.kind() == JavaOptions.Kind.SYSTEM_PROPERTY && o.value() != null && o.value().startsWith(prop + "=")) {
                try {
                    v = Long.parseLong(o.value().substring(prop.length() + 1).trim());
                } catch (NumberFormatException e) {
                    v = null;
                }
            }
        }
        return v;
    }
}
