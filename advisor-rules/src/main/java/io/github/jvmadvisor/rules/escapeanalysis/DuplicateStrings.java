package io.github.jvmadvisor.rules.escapeanalysis;

import io.github.jvmadvisor.core.model.AllocationProfile;
import io.github.jvmadvisor.core.model.Collector;
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
import io.github.jvmadvisor.core.rule.Scores;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALLOC-04: strings fill the live heap. When {@code String} objects and byte arrays (their contents) make
 * up a large share of what survives collections, many of them are usually equal, and string deduplication
 * ({@code -XX:+UseStringDeduplication}) lets equal strings share one array. The evidence is a class
 * histogram of the live heap ({@code jdk.ObjectCount} or {@code jdk.ObjectCountAfterGC}, off by default).
 * JDK 17 deduplicates only with G1 and Shenandoah; JDK 18 and later with every collector (generational ZGC
 * keeps short-lived strings alive longer with it, ZGC-04).
 */
public final class DuplicateStrings implements Rule {

    static final Parameter<Double> INFO = Parameter.number("infoShare", 0.20,
            "share of the live heap in String and byte[] (0 to 1) at which the finding is info", true);
    static final Parameter<Double> WARN = Parameter.number("warnShare", 0.50,
            "share of the live heap in String and byte[] (0 to 1) at which it is a warning (JMC limit)", true);

    @Override
    public String id() {
        return "ALLOC-04";
    }

    @Override
    public Set<Facts.Key> facts() {
        return EnumSet.of(Facts.Key.COLLECTOR);
    }

    @Override
    public String pack() {
        return "escape-analysis";
    }

    @Override
    public String title() {
        return "Strings fill the live heap";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.OBJECT_HISTOGRAM);
    }

    @Override
    public Set<EvidenceKind> uses() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(INFO, WARN);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        AllocationProfile.Histogram h = ctx.evidence().allocation().orElseThrow().histogram();
        if (h == null || h.liveBytes() <= 0 || Boolean.TRUE.equals(ctx.flagBoolean("UseStringDeduplication"))) {
            return List.of();
        }
        long strings = h.bytesOf("java.lang.String");
        long arrays = h.bytesOf("byte[]");
        double share = (strings + arrays) / (double) h.liveBytes();
        if (share < ctx.param(INFO)) {
            return List.of();
        }
        Collector c = ctx.collector();
        int jdk = ctx.targetJdk();
        boolean supported = jdk >= 18 || c == null || c == Collector.G1 || c == Collector.SHENANDOAH;
        Finding.Builder f = Finding.of(this, Scores.rising(share, ctx.param(INFO), ctx.param(WARN)))
                .summary(String.format(Locale.ROOT, "String and byte[] take %.0f %% of the live heap (%s of %s)",
                        share * 100, io.github.jvmadvisor.core.rule.Units.bytes(strings + arrays),
                        io.github.jvmadvisor.core.rule.Units.bytes(h.liveBytes())))
                .explanation("Strings that survive collections are often equal (keys, codes, parsed values); "
                        + "deduplication lets equal strings share one byte array, done by the collector in the background.")
                .figure(Figure.share("String and byte[] share of live heap", share))
                .figure(Figure.bytes("String bytes", strings))
                .figure(Figure.bytes("byte[] bytes", arrays))
                .figure(Figure.bytes("live heap", h.liveBytes()))
                .figure(Figure.text("histogram", h.eventType() + " at GC " + h.gcId()));
        if (supported) {
            f.recommend(Recommendation.flags("Deduplicate strings in the collector", FlagChange.enable("UseStringDeduplication"))
                    .effect(Metric.FOOTPRINT, "String and byte[] share of live heap", Effect.Direction.DECREASE, null,
                            "equal strings share one array; the saving depends on how many are equal")
                    .confidence(0.5)
                    .risk(c == Collector.ZGC ? "with generational ZGC deduplication keeps short-lived strings alive "
                            + "longer and promotes them (JDK-8347337, ZGC-04): measure" : "some GC CPU for the "
                            + "deduplication thread; only strings that survive a few collections are deduplicated")
                    .references("rules.md ALLOC-04", "JEP 192", "JMC StringDeduplication")
                    .build());
        } else {
            f.recommend(Recommendation.action("Deduplicate strings in the code or move to G1",
                            "JDK 17 deduplicates strings only with G1 and Shenandoah (" + c.displayName()
                                    + " ignores -XX:+UseStringDeduplication): intern or cache the repeated values in the "
                                    + "application, or run G1 with -XX:+UseStringDeduplication")
                    .effect(Metric.FOOTPRINT, "String and byte[] share of live heap", Effect.Direction.DECREASE, null,
                            "fewer copies of equal strings")
                    .confidence(0.4)
                    .references("rules.md ALLOC-04", "JEP 192")
                    .build());
        }
        return List.of(f.build());
    }
}
