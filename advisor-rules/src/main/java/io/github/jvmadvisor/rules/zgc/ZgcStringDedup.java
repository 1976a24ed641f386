package io.github.jvmadvisor.rules.zgc;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.rule.Effect;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Figure;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Metric;
import io.github.jvmadvisor.core.rule.Recommendation;
import io.github.jvmadvisor.core.rule.Rule;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * ZGC-04: {@code -XX:+UseStringDeduplication} with generational ZGC (21 and 22 with {@code +ZGenerational},
 * 23 unless {@code -ZGenerational}, always from 24) deduplicates short-lived strings it should leave alone
 * (JDK-8347337): CPU and memory spent for nothing on the affected builds. Non-generational ZGC (17, and 21 to
 * 23 without generational mode) is not affected; on 17 LINT-03 already says dedup is ignored by ZGC.
 */
public final class ZgcStringDedup implements Rule {

    @Override
    public String id() {
        return "ZGC-04";
    }

    @Override
    public String pack() {
        return "zgc";
    }

    @Override
    public String title() {
        return "String deduplication with generational ZGC";
    }

    @Override
    public Set<EvidenceKind> requires() {
        return Set.of(EvidenceKind.CONFIG);
    }

    @Override
    public Set<Collector> collectors() {
        return Set.of(Collector.ZGC);
    }

    /** Whether ZGC runs generationally on the target JDK with the given options. */
    static boolean generational(RuleContext ctx) {
        int jdk = ctx.targetJdk();
        Boolean gen = ctx.flagBoolean("ZGenerational");
        if (jdk >= 24) {
            return true;
        }
        if (jdk == 23) {
            return !Boolean.FALSE.equals(gen);
        }
        return jdk >= 21 && Boolean.TRUE.equals(gen);
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
        if (!Boolean.TRUE.equals(ctx.flagBoolean("UseStringDeduplication")) || !ctx.asked("UseStringDeduplication")
                || !generational(ctx)) {
            return List.of();
        }
        return List.of(Finding.of(this, 50)
                .summary("-XX:+UseStringDeduplication with generational ZGC on JDK " + ctx.targetJdk())
                .explanation("Generational ZGC deduplicates strings that die young on the affected builds (JDK-8347337), "
                        + "spending CPU and memory on strings that would have been collected anyway.")
                .figure(Figure.text("UseStringDeduplication", "true"))
                .figure(Figure.text("ZGC mode", "generational"))
                .recommend(Recommendation.flags("Drop string deduplication under generational ZGC",
                        FlagChange.remove("UseStringDeduplication"))
                        .effect(Metric.THROUGHPUT, "GC CPU share", Effect.Direction.DECREASE, null,
                                "no deduplication work on short-lived strings")
                        .confidence(0.6).risk("keep it on builds with the fix if duplicate strings dominate the live set "
                                + "(ALLOC-04)")
                        .forCollector(Collector.ZGC)
                        .references("rules.md ZGC-04", "JDK-8347337", "joa warn.use.string.deduplication.z.generational")
                        .build())
                .build());
    }
}
