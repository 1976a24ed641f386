package io.github.jvmadvisor.rules.nativememory;

import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Facts;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Units;
import io.github.jvmadvisor.rules.heap.MemoryBudget;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * NAT-06: {@code -XX:+AlwaysPreTouch} touches every page of the initial heap at start-up, so the resident
 * set is the whole {@code -Xms} from the first second, and the start is slower. That pays off only for a
 * dedicated, latency-critical JVM with {@code Xms = Xmx}; with {@code Xms < Xmx} the heap grows into untouched
 * pages anyway, and in a shared or metered container with {@code Xms} well below the limit it buys memory
 * nobody uses. Reads the flag from the command line or the GC log's {@code Pre-touch} init line.
 */
public final class PreTouchShared implements Rule {

    static final Parameter<Double> SHARE = Parameter.number("initialShare", 0.8,
            "initial heap over the container limit (fraction) below which pre-touch is memory the pod pays for "
                    + "without a dedicated node", true);

    @Override
    public String id() {
        return "NAT-06";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.MAX_HEAP);
    }

    @Override
    public String pack() {
        return "native-memory";
    }

    @Override
    public String title() {
        return "AlwaysPreTouch in a shared container or with a growing heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONTAINER_MEMORY, EvidenceKind.GC);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(SHARE);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        Boolean flag = ctx.flagBoolean("AlwaysPreTouch");
        boolean on = Boolean.TRUE.equals(flag)
                || flag == null && ctx.setup() != null && Boolean.TRUE.equals(ctx.setup().preTouch());
        if (!on) {
            return List.of();
        }
        Long xms = ctx.flagLong("InitialHeapSize");
        if (xms == null && ctx.setup() != null) {
            xms = ctx.setup().heapInitialBytes();
        }
        Long c = ctx.containerMemory();
        Long xmx = c != null ? Long.valueOf(MemoryBudget.currentMaxHeap(ctx, c)) : ctx.maxHeap(); // boxed: maxHeap() may be null
        List<String> why = new ArrayList<>();
        boolean growing = xms != null && xmx != null && xms < xmx;
        if (growing) {
            why.add("the initial heap (" + Units.bytes(xms) + ") is below the maximum (" + Units.bytes(xmx)
                    + "), so the heap grows into untouched pages anyway");
        }
        boolean shared = c != null && xms != null && xms < ctx.param(SHARE) * c;
        if (shared) {
            why.add("the initial heap is " + Math.round(100.0 * xms / c) + " % of the " + Units.bytes(c)
                    + " container, so the pod pays resident memory it may never use");
        }
        if (xms == null && xmx != null && c == null) {
            // no initial size known: the ergonomic Xms is 1/64 of memory, far below any Xmx
            growing = true;
            why.add("no initial heap is set, so the ergonomic one (1/64 of memory) is below the maximum");
        }
        if (why.isEmpty()) {
            return List.of();
        }
        Finding.Builder f = Finding.of(this, shared ? 55 : 40)
                .summary("-XX:+AlwaysPreTouch: " + String.join("; ", why))
                .explanation("Pre-touch makes the initial heap resident at start-up and slows the start. Keep it only for "
                        + "a dedicated, latency-critical JVM with Xms = Xmx; otherwise remove it.");
        if (xms != null) {
            f.figure(Figure.bytes("initial heap", xms));
        }
        if (xmx != null) {
            f.figure(Figure.bytes("maximum heap", xmx));
        }
        if (c != null) {
            f.figure(Figure.bytes("container memory limit", c));
            if (xms != null) {
                f.figure(Figure.share("initial heap share of the limit", xms / (double) c));
            }
        }
        f.recommend(Recommendation.flags("Remove -XX:+AlwaysPreTouch", FlagChange.remove("AlwaysPreTouch"))
                .effect(shared ? Metric.FOOTPRINT : Metric.STARTUP, shared ? "resident set after start" : "start-up time",
                        Effect.Direction.DECREASE, null, "resident memory follows use instead of -Xms; faster start")
                .confidence(0.75).references("rules.md NAT-06", "joa warn.always.pre.touch.container").build());
        return List.of(f.build());
    }
}
