package io.github.jvmadvisor.rules.cpu;

import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Parameter;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import io.github.jvmadvisor.core.rule.Scores;
import io.github.jvmadvisor.core.rule.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CPU-07: virtual threads that block while pinned to their carrier ({@code jdk.VirtualThreadPinned}, JDK
 * 21+), again and again at the same site. A pinned virtual thread that blocks keeps its carrier thread, one
 * of only as many as there are CPUs, so a few such sites starve every other virtual thread. On JDK 21 to 23
 * holding a monitor ({@code synchronized}) while blocking pins; JDK 24 removed that (JEP 491), leaving
 * native frames and class initialisation. The fix is in the code at the site, so the advice is an action.
 */
public final class VirtualThreadPinning implements Rule {

    static final Parameter<Double> PER_MINUTE = Parameter.number("perMinute", 10,
            "pinned blocks per minute at one site at which the finding is info", true);
    static final Parameter<Double> WARN_PER_MINUTE = Parameter.number("warnPerMinute", 60,
            "pinned blocks per minute at one site at which it is a warning", true);
    static final Parameter<Long> MIN_EVENTS = Parameter.whole("minEvents", 3,
            "pinned blocks (count) at the site needed before the rule speaks", true);

    @Override
    public String id() {
        return "CPU-07";
    }

    @Override
    public String pack() {
        return "cpu";
    }

    @Override
    public String title() {
        return "Virtual threads pinned while blocking";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.VIRTUAL_THREAD_PINNING);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PER_MINUTE, WARN_PER_MINUTE, MIN_EVENTS);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        CpuProfile cpu = ctx.evidence().cpu().orElseThrow();
        CpuProfile.Pinning p = cpu.pinned();
        if (p == null || p.events() == 0 || p.bySite().isEmpty()) {
            return List.of();
        }
        CpuProfile.Blocked site = p.bySite().stream().max(java.util.Comparator.comparingLong(CpuProfile.Blocked::events))
                .orElseThrow();
        double minutes = minutes(cpu, p);
        double rate = site.events() / minutes;
        if (site.events() < ctx.param(MIN_EVENTS) || rate <= ctx.param(PER_MINUTE)) {
            return List.of();
        }
        String where = site.name() + (site.line() == null ? "" : ":" + site.line());
        Integer run = ctx.runJdk();
        boolean monitorsPin = run == null || run < 24;
        CpuProfile.Blocked reason = p.byReason().isEmpty() ? null : p.byReason().get(0);
        Finding.Builder f = Finding.of(this, Scores.rising(rate, ctx.param(PER_MINUTE), ctx.param(WARN_PER_MINUTE)))
                .summary(String.format(Locale.ROOT, "virtual threads blocked while pinned %d times at %s "
                        + "(%.0f per minute, %s in all)", site.events(), where, rate, Units.millis(site.totalNanos() / 1e6)))
                .explanation("A virtual thread that blocks while pinned keeps its carrier thread, and there are only "
                        + "as many carriers as CPUs: each pinned block takes one away from every other virtual thread.")
                .figure(Figure.count("pinned blocks", p.events()))
                .figure(Figure.millis("pinned time", p.totalNanos() / 1e6))
                .figure(Figure.millis("longest pinned block", p.maxNanos() / 1e6))
                .figure(Figure.text("top site", where))
                .figure(Figure.count("pinned blocks at top site", site.events()))
                .figure(Figure.of("pinned blocks per minute at top site", rate, "1/min"));
        if (reason != null && !"?".equals(reason.name())) {
            f.figure(Figure.text("top reason", reason.name()));
        }
        String action = monitorsPin
                ? "At " + where + ": replace the synchronized block or method that is held while blocking (I/O, "
                        + "sleep, queue waits) with a java.util.concurrent.locks.ReentrantLock, or move the blocking call "
                        + "out of it. JDK 24 and later no longer pin on monitors (JEP 491): upgrading removes most of "
                        + "this pinning."
                : "At " + where + ": the remaining pinning on JDK 24+ comes from native frames (JNI, foreign "
                        + "downcalls) or class initialisation on the stack: move the blocking call out of the native "
                        + "callback or static initialiser, or run that work on a platform thread.";
        f.recommend(Recommendation.action("Stop blocking while pinned at " + where, action)
                .effect(Metric.THROUGHPUT, "pinned blocks", Effect.Direction.DECREASE, null,
                        "carrier threads stay free for other virtual threads")
                .confidence(0.7)
                .references("rules.md CPU-07", "JEP 491", "JDK JFR metadata jdk.VirtualThreadPinned")
                .build());
        return List.of(f.build());
    }

    /** Minutes the recording covers: the wider of the execution samples' and the pinned events' span, at least one second. */
    static double minutes(CpuProfile cpu, CpuProfile.Pinning p) {
        double seconds = Math.max(span(cpu.firstSampleAt(), cpu.lastSampleAt()), span(p.firstAt(), p.lastAt()));
        return Math.max(1.0, seconds) / 60.0;
    }

    private static double span(Instant a, Instant b) {
        return a == null || b == null ? 0 : Duration.between(a, b).toNanos() / 1e9;
    }
}
